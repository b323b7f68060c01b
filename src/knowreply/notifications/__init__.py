"""Telling members that something waits for them: an action for approval, an email for a
person. Events are recorded once (`events`), delivered by email and webhook (`delivery`)
by the worker's notifier thread (`notifier`), or gathered in a daily digest (`digest`)."""
