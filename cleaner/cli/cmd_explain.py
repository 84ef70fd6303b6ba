"""``cleaner explain``: show what was removed from each file and why, in the terminal or as an HTML report."""

from __future__ import annotations

import argparse
import sys

from cleaner.cli.cmd_clean import clean_files
from cleaner.cli.options import add_input_options, add_rule_options
from cleaner.explain.report import write_report
from cleaner.explain.terminal import color_enabled, render_terminal

EPILOG = """\
examples:
  cleaner explain seeds/*.txt                      each document, removed lines marked with their rule id
  cleaner explain seeds/*.txt --html report.html   one self-contained HTML page to open in a browser
  cleaner explain page.html --color always | less -R

The terminal view has one row per input line: line number, a marker (- removed,
T/A/D title/author/date), the rule id, then the text; a legend of the rules'
reasons follows each document. Colour is used on a terminal unless NO_COLOR is set.
The HTML report shows every file given (for a sample of a large corpus use
'cleaner batch ... --report'). A file that can't be read gets one error line;
the others are still explained and the exit code is 1.
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``explain`` subcommand."""
    p = sub.add_parser(
        "explain",
        help="show each file with its removed lines marked, or write an HTML report",
        description="Show what cleaning removes from each file, and which rule removed it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="files to explain; '-' reads stdin")
    p.add_argument("--html", metavar="REPORT", help="write a self-contained HTML report here instead")
    p.add_argument("--title", default="cleaner explain report", help="the HTML report's title")
    p.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the terminal view (default: auto)"
    )
    add_input_options(p)
    add_rule_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the terminal view of every file, or write them all into one HTML report."""
    docs, status = clean_files(args)
    if args.html:
        stats = write_report(docs, args.html, sample=None, title=args.title)
        print(f"cleaner: wrote {stats.path} ({stats.docs_shown} document{'s' if stats.docs_shown != 1 else ''})",
              file=sys.stderr)
        return status
    color = args.color == "always" or (args.color == "auto" and color_enabled(sys.stdout))
    many = len(args.files) > 1
    for name, result in docs:
        if many:
            sys.stdout.write(f"==> {name} <==\n")
        sys.stdout.write(render_terminal(result, color=color))
        if many:
            sys.stdout.write("\n")
    sys.stdout.flush()
    return status
