"""``python -m claimcheck``."""

from .cli import app

app(prog_name="claimcheck")
