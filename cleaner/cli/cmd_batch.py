"""``cleaner batch``: clean a corpus (JSONL, stdin, or directories of files) into one JSONL file."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from cleaner.batch import BatchOptions, RecordOptions, available_cores, run_batch
from cleaner.batch.output import STDOUT, partial_path
from cleaner.batch.runner import errors_target
from cleaner.config import Config
from cleaner.config_files import apply_overrides, find_config, load_config_file

EXIT_OK, EXIT_FAILED_RECORDS = 0, 1

EPILOG = """\
examples:
  cleaner batch pages.jsonl -o clean.jsonl                   JSONL in, JSONL out, all cores
  cleaner batch crawl-*.jsonl.gz -o clean.jsonl --workers 8  gzip inputs and a glob
  cleaner batch warc.jsonl --html-field html --id-field url -o clean.jsonl
  cleaner batch dumps/ 'more/**/*.html' -o clean.jsonl       every .txt/.html file (one document each)
  zcat pages.jsonl.gz | cleaner batch - -o - | jq .title     stdin to stdout
  cleaner batch big.jsonl -o clean.jsonl --resume            finish an interrupted run
  cleaner batch pages.jsonl -o clean.jsonl --report r.html   plus an HTML report of 50 sampled documents

output: one JSON object per input document, in input order: the input fields, the id, text, title,
author, date, kind and "removed" (characters and lines per rule; --keep-removed adds the segments).
Bad records (invalid JSON, missing field, undecodable bytes, a failure while cleaning) go to the
errors file as {"source", "line", "id", "error"} and the run goes on. Until the run completes the
output is written to OUT.partial; an interrupted run keeps it for --resume.

exit codes: 0 done (even with error records), 1 with --strict if any record failed or on unreadable
input, 2 usage error, 130 interrupted
"""


def register(subparsers: Any) -> None:
    """Add the ``batch`` subcommand."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "batch",
        help="clean many documents (JSONL, stdin, directories) into one JSONL file",
        description="Clean many documents into one JSONL file, in input order, with parallel workers.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL file (plain or gzip), '-' for stdin, dir or glob")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output JSONL file, '-' for stdout")
    fields = p.add_argument_group("JSONL fields")
    fields.add_argument("--text-field", default="text", metavar="NAME", help="field with plain text (default: text)")
    fields.add_argument("--html-field", metavar="NAME", help="field with HTML; used when present in a record")
    fields.add_argument("--id-field", default="id", metavar="NAME", help="document id field (default: id)")
    fields.add_argument("--url-field", default="url", metavar="NAME", help="page URL field (default: url)")
    fields.add_argument(
        "--kind", choices=("text", "html", "auto"), default="text", help="how to read the text field (default: text)"
    )
    out = p.add_argument_group("output")
    out.add_argument("--keep-removed", action="store_true", help="add the removed segments to each record")
    out.add_argument("--drop-input-field", action="store_true", help="leave the raw text/HTML field out of the output")
    out.add_argument("--errors", metavar="FILE", help="error records (default: OUT.errors.jsonl; stderr with -o -)")
    out.add_argument("--stats", metavar="FILE", help="write the run summary as JSON")
    runopts = p.add_argument_group("run")
    runopts.add_argument(
        "-j", "--workers", type=int, default=None, metavar="N", help="worker processes (default: the cores available)"
    )
    runopts.add_argument("--resume", action="store_true", help="continue an interrupted run from OUT.partial")
    runopts.add_argument("--strict", action="store_true", help="exit 1 if any record failed")
    runopts.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    report = p.add_argument_group("explain report")
    report.add_argument("--report", metavar="HTML", help="also write an HTML report of a sample of the documents")
    report.add_argument("--sample", type=int, default=50, metavar="N",
                        help="documents in the --report, chosen reproducibly by id (default: 50)")
    cfg = p.add_argument_group("rules")
    cfg.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule pack (repeatable)")
    cfg.add_argument("--disable", action="append", default=[], metavar="RULE", help="switch a rule off (repeatable)")
    cfg.add_argument("--enable-pack", action="append", default=[], metavar="PACK", help="switch an optional pack on")
    cfg.add_argument(
        "--config", metavar="FILE", help="settings file (default: .cleaner.toml or [tool.cleaner] found from the cwd)"
    )
    p.set_defaults(func=run)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _config(args: argparse.Namespace) -> Config:
    """One configuration for the whole run: the settings file, then the command-line options."""
    path = args.config or find_config(Path.cwd())
    base = load_config_file(path).config if path else Config()
    return apply_overrides(base, rules=args.rules, disable=args.disable, enable_packs=args.enable_pack)


def run(args: argparse.Namespace) -> int:
    """Run the batch and print the summary to stderr."""
    if args.workers is not None and args.workers < 1:
        print("cleaner batch: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.report and ("-" in args.inputs or args.sample < 0):
        print("cleaner batch: --report needs file inputs (not stdin) and --sample >= 0", file=sys.stderr)
        return 2
    opts = BatchOptions(
        inputs=tuple(args.inputs),
        output=args.output,
        errors=args.errors,
        workers=args.workers or available_cores(),
        record=RecordOptions(
            text_field=args.text_field,
            html_field=args.html_field,
            id_field=args.id_field,
            url_field=args.url_field,
            kind=args.kind,
            keep_removed=args.keep_removed,
            drop_input_field=args.drop_input_field,
        ),
        resume=args.resume,
        stats_path=args.stats,
    )
    config = _config(args)
    show_progress = not args.quiet and sys.stderr.isatty()
    in_main_thread = threading.current_thread() is threading.main_thread()
    # a polite kill keeps the partial file, like Ctrl-C; the old handler is put back for in-process callers
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main_thread else None
    try:
        stats = run_batch(
            opts, config, progress_stream=sys.stderr if show_progress else None, error_stream=sys.stderr.buffer
        )
    except KeyboardInterrupt:
        if args.output != STDOUT:
            print(f"cleaner batch: interrupted; rerun with --resume to finish {partial_path(args.output)}",
                  file=sys.stderr)
        raise
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        print(stats.render(), file=sys.stderr)
        target = errors_target(opts)
        if stats.total_errors and target:
            print(f"error records: {target}", file=sys.stderr)
    if args.report:
        from cleaner.explain.batch_report import write_batch_report

        shown = write_batch_report(opts.inputs, args.report, record=opts.record, config=config, sample=args.sample)
        if not args.quiet:
            print(f"report: {shown.path} ({shown.docs_shown} of {shown.docs_seen} documents)", file=sys.stderr)
    if args.strict and stats.total_errors:
        return EXIT_FAILED_RECORDS
    return EXIT_OK
