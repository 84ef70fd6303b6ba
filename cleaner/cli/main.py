"""``cleaner`` command line: a thin face over the library.

Each subcommand lives in its own module ``cleaner.cli.cmd_<name>`` with a
``register(subparsers)`` function that adds its parser and sets ``func``.

Exit codes: 0 success, 1 input that can't be read or decoded (or a check
that found something), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from cleaner import __version__
from cleaner.errors import CleanerError

COMMANDS = ("clean", "rules", "explain", "batch", "learn", "bench")
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

EPILOG = """\
examples:
  cleaner clean seeds/004_3f0df3139474a3af.txt          body text on stdout
  cleaner clean page.html --format json -o page.json     JSON with title, author, date, removed
  cleaner clean seeds/*.txt --explain                    every removed line with its rule id
  cat page.txt | cleaner clean -                         read stdin
  cleaner rules list                                     the rule catalogue
  cleaner rules test                                     run every rule's examples

exit codes: 0 ok, 1 unreadable input (or a check found boilerplate), 2 usage error
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every available subcommand."""
    parser = _Parser(
        prog="cleaner",
        description="Turn scraped web pages (HTML or plain text) into clean article text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the library does to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"cleaner.cli.cmd_{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"cleaner.cli.cmd_{name}":
                continue  # command not built in this version
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except CleanerError as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
