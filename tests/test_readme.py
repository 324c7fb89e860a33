"""The README documents every command, and its quick start is exactly two commands."""

from __future__ import annotations

import re
from pathlib import Path

from flows.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_every_cli_command_is_documented():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name in commands:
        assert f"`newsfacts {name}" in README, f"README does not document `newsfacts {name}`"


def test_quick_start_has_one_run_command_and_one_test_command():
    for marker in ("<!-- run-command -->", "<!-- test-command -->"):
        block = README.split(marker, 1)[1].split("```", 2)[1]
        lines = [line for line in block.splitlines()[1:] if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("python3 -m venv .venv"), marker
    assert re.search(r"newsfacts run\s*$", README.split("<!-- run-command -->", 1)[1].split("```")[1].strip())
