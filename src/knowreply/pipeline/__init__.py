"""The durable handling of one inbound email: screen, thread, verify, agent, send.

`intake.accept` stores and enqueues; the worker runs `workflow.handle_message`;
`handle.handle` runs the same steps in-process (for `knowreply ingest`);
`intake.retry_message` is the dashboard's Retry button. Nothing is imported here, so a
command that needs one step does not load DBOS or the agent.
"""
