"""The agent: understands a billing email, acts within policy, writes the reply."""
