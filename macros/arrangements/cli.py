"""The `arrangements` command: validate the data, write the schema, and more.

Every subcommand prints problems as `file:line:column: message — what to do`
and, in GitHub Actions (or with CI=true), also as `::error` annotations so a
pull request shows them on the exact line.
"""

from __future__ import annotations

import argparse

# Why these imports: features and engines register their subcommands (and the
# features their records and checks) when imported.
from arrangements import core  # noqa: F401
from arrangements.commands import COMMANDS
from arrangements.engines import generate, serve  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="arrangements", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, _, arguments) in COMMANDS.items():
        arguments(sub.add_parser(name, help=help_text))
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command][1](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: not an error
        return 0
