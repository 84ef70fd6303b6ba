"""Command line of the benchmark: ``python -m cleaner.bench`` and ``cleaner bench``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from cleaner.bench import guard, scaling, settle
from cleaner.bench.data import ENV_DATA, SETS, STYLES
from cleaner.errors import CleanerError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
DESCRIPTION = "Score and time cleaner on the shared benchmark data (../shared/bench)."
EPILOG = f"""\
examples:
  python -m cleaner.bench text                      cleaner on the plain-text dev sets
  python -m cleaner.bench text --baselines          ... next to keep-everything, C4, jusText, trafilatura
  python -m cleaner.bench text --set zyte --worst 5 the 5 pages with the worst recall / precision
  python -m cleaner.bench html                      cleaner's HTML path next to trafilatura.extract
  python -m cleaner.bench speed                     MB/s of cleaner vs the C4 line filter
  python -m cleaner.bench speed --html              docs/s of cleaner vs trafilatura on HTML
  python -m cleaner.bench guard                     share of records the pre-commit guard stops
  python -m cleaner.bench settle                    cleanings until each record's text no longer changes

data: --data DIR, else ${ENV_DATA}, else shared/bench beside the repository.
"""


def _run_text(args: argparse.Namespace) -> int:
    from cleaner.bench.textsets import run_text

    return run_text(args)


def _run_html(args: argparse.Namespace) -> int:
    from cleaner.bench.htmlsets import run_html

    return run_html(args)


def _run_speed(args: argparse.Namespace) -> int:
    from cleaner.bench.speed import run_speed

    return run_speed(args)


def _common(p: argparse.ArgumentParser, *, styles: bool = True) -> None:
    p.add_argument("--data", metavar="DIR", help=f"the shared/bench folder (default: ${ENV_DATA} or ../shared/bench)")
    p.add_argument("--set", choices=SETS, help="only this set (default: both)")
    if styles:
        p.add_argument("--style", choices=STYLES, help="only this text style (default: all three)")
    p.add_argument("--limit", type=int, metavar="N", help="at most N pages per set (and style)")


def _scoring(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="list cleaner's N pages with the worst recall and the N with the worst precision",
    )
    p.add_argument("--save", metavar="PREDS.jsonl", help="write cleaner's outputs as JSON lines")


def configure(parser: argparse.ArgumentParser, parser_class: Callable[..., Any] | None = None) -> None:
    """Add the ``text``, ``html`` and ``speed`` subcommands to ``parser``."""
    kw: dict[str, Any] = {"parser_class": parser_class} if parser_class else {}
    sub = parser.add_subparsers(dest="bench_command", metavar="SUBCOMMAND", **kw)
    text = sub.add_parser("text", help="quality on the plain-text sets (F1/P/R per set and style)")
    _common(text)
    _scoring(text)
    text.add_argument(
        "--baselines",
        action="store_true",
        help="also score keep-everything, the C4 line filter, jusText and trafilatura on the text",
    )
    text.add_argument(
        "--lang", default="auto", help="jusText stoplist, e.g. English (default: guessed per page by stopword overlap)"
    )
    text.set_defaults(func=_run_text)
    html = sub.add_parser("html", help="quality on the HTML sets, next to trafilatura.extract")
    _common(html, styles=False)
    _scoring(html)
    html.set_defaults(func=_run_html)
    speed = sub.add_parser("speed", help="throughput against the C4 filter (text) or trafilatura (--html)")
    _common(speed)
    speed.add_argument("--html", action="store_true", help="time the HTML path against trafilatura.extract")
    speed.add_argument("--rounds", type=int, default=3, metavar="N", help="interleaved rounds (median reported)")
    speed.add_argument(
        "--peers",
        choices=("c4", "all"),
        default="c4",
        help="text peers: the C4 filter only, or also jusText and trafilatura",
    )
    speed.add_argument("--memory", action="store_true", help="also trace each system's peak allocation per page")
    speed.add_argument("--check", action="store_true", help="exit 1 when the ratio is below the target")
    speed.set_defaults(func=_run_speed)
    scaling.add_parser(sub)  # issue 8: python -m cleaner.bench scaling
    guard.add_parser(sub)  # issue 7: the pre-commit guard's default
    settle.add_parser(sub)  # the pre-commit fixer's --settle
    parser.set_defaults(func=None, bench_parser=parser)


def build_parser() -> argparse.ArgumentParser:
    """The standalone parser of ``python -m cleaner.bench``."""
    parser = argparse.ArgumentParser(
        prog="python -m cleaner.bench",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    configure(parser)
    return parser


def register(subparsers: Any) -> None:
    """Add ``cleaner bench`` to the main CLI (called by ``cleaner.cli.cmd_bench``)."""
    parser = subparsers.add_parser(
        "bench",
        help="score and time cleaner on ../shared/bench",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    configure(parser, parser_class=type(parser))
    parser.set_defaults(func=dispatch)


def dispatch(args: argparse.Namespace) -> int:
    """Run the chosen subcommand (print help when none was given)."""
    func = getattr(args, "func", None)
    if args.bench_command is None or func is None or func is dispatch:
        args.bench_parser.print_help(sys.stderr)
        return EXIT_USAGE
    result: int = func(args)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m cleaner.bench``; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return dispatch(args)
    except CleanerError as exc:
        print(f"cleaner bench: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("cleaner bench: interrupted", file=sys.stderr)
        return 130
