"""``cleaner clean``: clean files (or stdin) and print the body, JSON, or the explanation."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cleaner.api import Cleaner
from cleaner.cli.options import add_input_options, add_rule_options
from cleaner.config import Config
from cleaner.config_files import ConfigResolver
from cleaner.errors import CleanerError
from cleaner.explain.terminal import color_enabled, render_terminal
from cleaner.io_safe import atomic_write_text
from cleaner.model import Result

EXIT_OK, EXIT_INPUT = 0, 1

EPILOG = """\
examples:
  cleaner clean seeds/000_e5dbb6f1ffdbc878.txt              title, blank line, body
  cleaner clean page.html --format json -o page.json         body, metadata and every removal as JSON
  cleaner clean seeds/*.txt --explain                        each removed line marked with its rule id
  cleaner clean doc.txt --disable MST004 --rules my_rules/   switch a rule off, add a rule pack
  curl -s https://example.org | cleaner clean - --kind html  read stdin

With several files, text output puts a '==> FILE <==' line before each document
and JSON output becomes JSON Lines (one object per file). A file that can't be
read or decoded gets one error line naming it; the others are still cleaned and
the exit code is 1.
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``clean`` subcommand."""
    p = sub.add_parser(
        "clean",
        help="clean files or stdin and print the article text",
        description="Clean scraped pages (plain text or HTML) and print the article body with its title.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="files to clean; '-' reads stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument(
        "--explain", action="store_true", help="show the document with each removed line and its rule id"
    )
    add_input_options(p)
    add_rule_options(p)
    p.set_defaults(func=run)


def read_input(name: str) -> bytes:
    """The bytes of a file, or of stdin for '-'; a clear error naming the file otherwise."""
    try:
        if name == "-":
            return sys.stdin.buffer.read()
        return Path(name).read_bytes()
    except IsADirectoryError:
        raise CleanerError(f"{name}: is a directory") from None
    except FileNotFoundError:
        raise CleanerError(f"{name}: no such file") from None
    except OSError as exc:
        raise CleanerError(f"{name}: cannot read: {exc.strerror or exc}") from None


def _render(result: Result, args: argparse.Namespace, name: str, many: bool) -> str:
    if args.explain:
        color = args.output is None and color_enabled(sys.stdout)
        head = f"==> {name} <==\n" if many else ""
        return head + render_terminal(result, color=color).rstrip("\n") + "\n"
    if args.format == "json":
        data: dict[str, Any] = {"file": name, **result.to_dict()}
        return json.dumps(data, ensure_ascii=False, indent=None if many else 2) + "\n"
    head = f"==> {name} <==\n" if many else ""
    return head + result.to_text()


def clean_files(args: argparse.Namespace) -> tuple[list[tuple[str, Result]], int]:
    """Clean every file of ``args.files`` with its discovered config: ``(name, result)`` pairs and the exit status.

    One error line per file that can't be read or decoded (status 1); the other files are still cleaned.
    Shared by ``clean`` and ``explain``.
    """
    resolver = ConfigResolver(
        config_file=args.config,
        isolated=args.isolated,
        overrides={"rules": args.rules, "disable": args.disable, "enable_packs": args.enable_pack},
    )
    cleaners: dict[Config, Cleaner] = {}
    docs: list[tuple[str, Result]] = []
    status = EXIT_OK
    for name in args.files:
        config = resolver.config_for(name if name != "-" else Path.cwd() / "-")
        if config not in cleaners:
            cleaners[config] = Cleaner(config=config)  # a bad rule pack fails here, before any output
        try:
            result = cleaners[config].clean(read_input(name), kind=args.kind, url=args.url)
        except CleanerError as exc:
            message = str(exc) if str(exc).startswith(f"{name}:") else f"{name}: {exc}"
            print(f"cleaner: error: {message}", file=sys.stderr)
            status = EXIT_INPUT
            continue
        for warning in result.warnings:
            print(f"cleaner: warning: {name}: {warning}", file=sys.stderr)
        docs.append((name, result))
    return docs, status


def run(args: argparse.Namespace) -> int:
    """Clean every file; one error line per unreadable file; exit 1 if any failed."""
    docs, status = clean_files(args)
    many = len(args.files) > 1
    text = "".join(_render(result, args, name, many) for name, result in docs)
    if args.output:
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return status
