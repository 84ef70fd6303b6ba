"""``cleaner learn``: learn a source's boilerplate from the corpus and write it as a reviewable rule pack."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from cleaner.config_files import ConfigResolver
from cleaner.errors import CleanerError
from cleaner.io_safe import atomic_write_text
from cleaner.learn import LearnReport, MineOptions, learn_corpus
from cleaner.learn.mine import GROUPINGS, MIN_GROUP_SHARE, MIN_SUPPORT_DOCS, PROSE_MIN_SHARE
from cleaner.learn.pack import DEFAULT_ID_PREFIX, DEFAULT_PACK_NAME

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
TEXT_COLUMN_CHARS = 48

EPILOG = f"""\
examples:
  cleaner learn corpus/ --dry-run                       show what would be learned, write nothing
  cleaner learn corpus/ --out rules/learned.toml        write the pack (review it, then commit it)
  cleaner learn dumps.jsonl --url-field link --out rules/learned.toml
  cleaner rules test rules/learned.toml                 check the learned rules' examples
  cleaner clean --rules rules/ doc.txt                  clean with the learned pack

Documents are the text files under each DIR (the configuration's file patterns)
and the records of *.jsonl files. They are grouped into sources by directory
(the first folder below DIR), by the host of their URL (a JSON field, or a
'URL: ...' line at the top), and by a first line that many share. A line is
learned when at least --min-support documents (default {MIN_SUPPORT_DOCS}) and --min-share of its
source (default {MIN_GROUP_SHARE:.0%}) hold it; a line that reads like prose only when one exact
wording is in --prose-share of the source (default {PROSE_MIN_SHARE:.0%}).
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``learn`` subcommand."""
    p = sub.add_parser(
        "learn",
        help="learn repeated boilerplate from a corpus into a rule pack",
        description="Find lines and short blocks repeated across a source's documents and write them as a rule pack.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("dirs", nargs="+", metavar="DIR", help="corpus directories (or files, *.jsonl included)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", metavar="FILE", help="write the pack here, e.g. rules/learned.toml")
    out.add_argument("--dry-run", action="store_true", help="print a table of what would be learned; write nothing")
    p.add_argument("--min-support", type=int, default=MIN_SUPPORT_DOCS, metavar="N", help="least documents per line")
    p.add_argument("--min-share", type=float, default=MIN_GROUP_SHARE, metavar="F", help="least share of the source")
    p.add_argument(
        "--prose-share", type=float, default=PROSE_MIN_SHARE, metavar="F", help="least share for prose-like lines"
    )
    p.add_argument(
        "--group-by",
        default=",".join(GROUPINGS),
        metavar="WAYS",
        help=f"comma-separated groupings to use (default: {','.join(GROUPINGS)})",
    )
    p.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON Lines field with the text (default: text)"
    )
    p.add_argument("--url-field", default="url", metavar="NAME", help="JSON Lines field with the URL (default: url)")
    p.add_argument("--id-prefix", default=DEFAULT_ID_PREFIX, metavar="ABC", help="rule id prefix (default: LRN)")
    p.add_argument("--pack-name", default=DEFAULT_PACK_NAME, metavar="NAME", help="pack name (default: learned)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack file or directory")
    p.add_argument("--config", metavar="FILE", help="use this config file instead of discovering one")
    p.add_argument("--isolated", action="store_true", help="ignore config files")
    p.set_defaults(func=run)


def _options(args: argparse.Namespace) -> MineOptions:
    ways = tuple(w.strip() for w in args.group_by.split(",") if w.strip())
    bad = [w for w in ways if w not in GROUPINGS]
    if bad or not ways:
        raise CleanerError(f"--group-by takes {', '.join(GROUPINGS)}; got {args.group_by!r}")
    if not args.id_prefix.isascii() or not args.id_prefix.isalpha() or not args.id_prefix.isupper():
        raise CleanerError(f"--id-prefix must be capital letters, like LRN; got {args.id_prefix!r}")
    if args.min_support < 2:
        raise CleanerError("--min-support must be at least 2: a line in one document is not repeated")
    for name in ("min_share", "prose_share"):
        if not 0.0 < getattr(args, name) <= 1.0:
            raise CleanerError(f"--{name.replace('_', '-')} must be in (0, 1]")
    return MineOptions(
        min_support=args.min_support,
        min_share=args.min_share,
        prose_share=max(args.prose_share, args.min_share),
        groupings=ways,
    )


def _cell(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_table(report: LearnReport) -> str:
    """The dry-run table: one row per rule that would be written, then the skipped blocks."""
    rows = [("ID", "SUPPORT", "LINES", "PROSE", "WHERE", "SOURCE", "TEXT")]
    for d in report.rules:
        b = d.block
        rows.append(
            (
                d.id + (" (disabled)" if d.id in report.disabled else ""),
                f"{b.support}/{len(b.group.documents)} {b.share:.0%}",
                str(len(b.lines)),
                "yes" if b.prose else "no",
                d.where,
                _cell(b.group.label, 28),
                _cell(b.lines[0].variants[0], TEXT_COLUMN_CHARS),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=False)) + "  " + r[-1] for r in rows]
    lines.append(
        f"{len(report.rules)} rule(s) from {report.documents} document(s), {report.sources} source(s) with boilerplate"
    )
    for s in report.skipped:
        lines.append(f"skipped {_cell(s.block.text, TEXT_COLUMN_CHARS)!r} ({s.block.group.label}): {s.reason}")
    return "\n".join(lines) + "\n"


def _command_line(args: argparse.Namespace) -> str:
    """The command that regenerates the pack, for its header (only the options that differ from the defaults)."""
    words = ["cleaner", "learn", *args.dirs]
    defaults = {
        "min_support": MIN_SUPPORT_DOCS,
        "min_share": MIN_GROUP_SHARE,
        "prose_share": PROSE_MIN_SHARE,
        "group_by": ",".join(GROUPINGS),
        "text_field": "text",
        "url_field": "url",
        "id_prefix": DEFAULT_ID_PREFIX,
        "pack_name": DEFAULT_PACK_NAME,
    }
    for name, default in defaults.items():
        value = getattr(args, name)
        if value != default:
            words += [f"--{name.replace('_', '-')}", str(value)]
    words += ["--out", args.out or "FILE"]
    return " ".join(shlex.quote(w) for w in words)


def run(args: argparse.Namespace) -> int:
    """Learn, then print the table or write the pack."""
    options = _options(args)
    overrides = {"rules": args.rules} if args.rules else {}
    resolver = ConfigResolver(config_file=args.config, isolated=args.isolated, overrides=overrides)
    config = resolver.config_for(Path(args.dirs[0]).resolve() / "_")
    out = Path(args.out) if args.out else None
    command = _command_line(args)
    report = learn_corpus(
        args.dirs,
        config=config,
        options=options,
        out=out,
        prefix=args.id_prefix,
        pack_name=args.pack_name,
        command=command,
        text_field=args.text_field,
        url_field=args.url_field,
    )
    if out is None:
        sys.stdout.write(render_table(report))
        return EXIT_OK
    if not report.rules:
        print(f"cleaner learn: nothing learned from {report.documents} document(s); {out} not written", file=sys.stderr)
        return EXIT_OK
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, report.text)
    print(
        f"{out}: {len(report.rules)} rule(s) learned from {report.documents} document(s)"
        f" ({len(report.skipped)} skipped); review it, then run: cleaner rules test {out}",
        file=sys.stderr,
    )
    return EXIT_OK
