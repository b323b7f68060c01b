from knowreply.cli import app

app(prog_name="knowreply")
