"""Email handling as pure functions over raw bytes: parse, screen, verify, thread, compose.

Nothing is re-exported here: importing one module (the screen, say) must not load the
others' libraries (lxml for HTML, the IMAP and SMTP clients)."""
