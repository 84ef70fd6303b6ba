"""What both pre-commit hooks do with one file: read, clean, guard, and (for the fixer) rewrite.

Every outcome is plain data (``FileOutcome`` with ``Finding`` lines); the hook
modules only parse arguments, print findings and choose the exit code.
Findings print as ``path:line: CODE message``. CODE is a rule id for a removal
the rules found, or one of the hook's own codes: ``FIX`` (file rewritten),
``GUARD`` (rewrite refused by the guard), ``ERROR`` (file left untouched).
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cleaner.api import Cleaner
from cleaner.config import Config
from cleaner.config_files import ConfigResolver, FoundConfig, matches_patterns
from cleaner.errors import CleanerError
from cleaner.hooks.guard import ProseLoss, combined_loss, measure_prose_loss
from cleaner.hooks.settle import SETTLE_MAX_PASSES, Passes, clean_until_settled, line_in
from cleaner.invariants import MAX_TRACE_LINES, check_nothing_invented
from cleaner.io_safe import atomic_write_bytes
from cleaner.model import Removed, Result

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
SNIPPET_CHARS = 60
UTF8_BOM = b"\xef\xbb\xbf"

Status = Literal["clean", "fixed", "found", "guarded", "error", "skipped"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One report line: ``path:line: CODE message``."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one file.

    ``clean``: nothing to do; ``fixed``: rewritten; ``found``: boilerplate
    reported, file untouched (checker, or an HTML file); ``guarded``: rewrite
    refused; ``error``: cleaning failed, file untouched; ``skipped``: not a
    file the configuration's patterns select.
    """

    path: str
    status: Status
    findings: tuple[Finding, ...] = ()

    @property
    def failed(self) -> bool:
        """True when this outcome should make the hook exit 1."""
        return self.status in ("fixed", "found", "guarded", "error")


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"


def removal_findings(path: str, result: Result) -> tuple[Finding, ...]:
    """One finding per removed segment, with its rule id and reason."""
    return tuple(_removal_finding(path, r.start_line, r) for r in result.removed)


def _removal_finding(path: str, line: int, removed: Removed, note: str = "") -> Finding:
    reason = (removed.reason or "removed").rstrip(".")
    return Finding(path, line, removed.rule, f'{reason}{note}: "{_snippet(removed.text)}"')


def _summary(results: Sequence[Result]) -> str:
    counts: dict[str, dict[str, int]] = {}
    for result in results:
        for rule, c in result.removed_counts().items():
            total = counts.setdefault(rule, {"segments": 0, "lines": 0})
            total["segments"] += c["segments"]
            total["lines"] += c["lines"]
    if not counts:
        return "rewritten in place: layout only (title, blank line, paragraphs); nothing removed"
    lines = sum(c["lines"] for c in counts.values())
    parts = ", ".join(f"{rule} x{c['segments']}" if c["segments"] > 1 else rule for rule, c in sorted(counts.items()))
    passes = f" in {len(results)} cleanings" if len(results) > 1 else ""
    return f"cleaned in place: removed {lines} line(s){passes} ({parts})"


def _decode_for_rewrite(data: bytes) -> tuple[str, bool] | None:
    """The text and whether it had a BOM; None when it is not UTF-8 (then the file is never rewritten)."""
    bom = data.startswith(UTF8_BOM)
    try:
        return data[len(UTF8_BOM) :].decode("utf-8") if bom else data.decode("utf-8"), bom
    except UnicodeDecodeError:
        return None


def _uses_crlf(text: str) -> bool:
    crlf = text.count("\r\n")
    return crlf > 0 and crlf * 2 >= text.count("\n")


class FileCleaner:
    """Cleans files for the hooks, with one ``Cleaner`` per distinct configuration."""

    def __init__(self, resolver: ConfigResolver) -> None:
        self.resolver = resolver
        self._cleaners: dict[Config, Cleaner] = {}

    def cleaner_for(self, config: Config) -> Cleaner:
        """The (cached) ``Cleaner`` for a configuration; rule-pack errors surface here."""
        if config not in self._cleaners:
            self._cleaners[config] = Cleaner(config=config)
        return self._cleaners[config]

    def selected(self, path: str, found: FoundConfig) -> bool:
        """Whether the configuration's file patterns take this file.

        Only a configuration that sets ``file-patterns`` itself filters:
        otherwise pre-commit's ``files``/``types`` already chose the files.
        """
        if "file_patterns" not in found.explicit:
            return True
        return matches_patterns(path, found.config.file_patterns, base_dir=found.base_dir)

    def process(self, path: str, *, fix: bool) -> FileOutcome:
        """Clean one file; when ``fix``, rewrite it if that is safe. Never raises for a bad file."""
        found = self.resolver.found_for(path)
        if not self.selected(path, found):
            return FileOutcome(path, "skipped")
        cleaner = self.cleaner_for(found.config)
        try:
            data = Path(path).read_bytes()
            if not data.strip():
                return FileOutcome(path, "clean")
            is_html = Path(path).suffix.lower() in HTML_SUFFIXES
            decoded = _decode_for_rewrite(data)
            if decoded is None or is_html:
                result = cleaner.clean(data, kind="html" if is_html else "auto")
            else:
                result = cleaner.clean(decoded[0], kind="auto")
            if not fix or result.kind == "html" or decoded is None:
                return self._report_only(path, result, not_utf8=fix and decoded is None and result.kind != "html")
            return self._fix(path, decoded[0], decoded[1], result, found.config, cleaner)
        except (CleanerError, OSError, UnicodeError, ValueError) as exc:
            return FileOutcome(path, "error", (Finding(path, 1, "ERROR", f"{_one_line(exc)}; file left untouched"),))
        except Exception as exc:  # a bug in a rule or the engine must not stop the other files
            log.debug("cleaning %s failed", path, exc_info=True)
            message = f"cleaning failed ({type(exc).__name__}: {_one_line(exc)}); file left untouched"
            return FileOutcome(path, "error", (Finding(path, 1, "ERROR", message),))

    def _report_only(self, path: str, result: Result, *, not_utf8: bool) -> FileOutcome:
        findings = removal_findings(path, result)
        if not_utf8 and findings:
            findings += (Finding(path, 1, "ERROR", "not UTF-8 text; reported only, never rewritten"),)
        return FileOutcome(path, "found" if findings else "clean", findings)

    def _fix(self, path: str, text: str, bom: bool, result: Result, config: Config, cleaner: Cleaner) -> FileOutcome:
        crlf = _uses_crlf(text)
        lf_text = text.replace("\r\n", "\n") if crlf else text
        if result.to_text() == lf_text:
            return FileOutcome(path, "clean")
        # Safety nets before a file is overwritten: it is a fixed point, or the next commit would
        # change it again (``settle`` cleans it until it is one); the guard's share of prose lost;
        # and its new body is made of its own lines (cleaner.invariants, the property suite's check).
        passes = clean_until_settled(cleaner, lf_text, result, SETTLE_MAX_PASSES if config.settle else 1)
        removals = _removal_findings(path, lf_text, passes)
        loss = _prose_loss(lf_text, passes)
        if loss.exceeds(config.guard_prose_share):
            first = loss.lost_lines[0] if loss.lost_lines else 1
            guard = Finding(path, first, "GUARD", loss.describe(config.guard_prose_share))
            return FileOutcome(path, "guarded", (guard, *removals))
        if sum(1 for line in lf_text.split("\n") if line.strip()) <= MAX_TRACE_LINES:
            invented = check_nothing_invented(lf_text, passes.results[-1].text)
            if invented:
                message = f"cleaned text fails 'nothing invented' ({invented[0]}); file left untouched"
                return FileOutcome(path, "error", (Finding(path, 1, "ERROR", message),))
        if not passes.settled:
            message = (
                f"cleaning does not settle: the text still changes after {SETTLE_MAX_PASSES} cleanings; "
                "file left untouched"
                if config.settle
                else "cleaning the cleaned text changes it again (not idempotent); file left untouched "
                "(--settle cleans it until it no longer changes)"
            )
            return FileOutcome(path, "error", (Finding(path, 1, "ERROR", message),))
        out = passes.text.replace("\n", "\r\n") if crlf else passes.text
        atomic_write_bytes(path, (UTF8_BOM if bom else b"") + out.encode("utf-8"))
        return FileOutcome(path, "fixed", (Finding(path, 1, "FIX", _summary(passes.results)), *removals))


def _removal_findings(path: str, original: str, passes: Passes) -> tuple[Finding, ...]:
    """The first cleaning's removals, then each later pass's, marked with its pass and placed in the file."""
    out = list(removal_findings(path, passes.results[0]))
    for number, result in enumerate(passes.results[1:], 2):
        out += [_removal_finding(path, line_in(original, r.text), r, f" (pass {number})") for r in result.removed]
    return tuple(out)


def _prose_loss(original: str, passes: Passes) -> ProseLoss:
    """The share of the file's prose-like lines that all the cleanings together take."""
    first = measure_prose_loss(original, passes.results[0])
    later_passes = list(zip(passes.inputs[1:], passes.results[1:], strict=True))
    later = [measure_prose_loss(text, result) for text, result in later_passes]
    lines = [
        line_in(original, text.split("\n")[n - 1])
        for text, loss in zip(passes.inputs[1:], later, strict=True)
        for n in loss.lost_lines
    ]
    return combined_loss(first, later, lines)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Options both hooks take; they override the configuration file."""
    parser.add_argument(
        "filenames", nargs="*", metavar="FILE", help="files to clean (pre-commit passes the staged ones)"
    )
    parser.add_argument("--config", metavar="PATH", help="use this configuration file instead of discovering one")
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--rules", action="append", metavar="PATH", help="extra rule pack file or directory (repeatable)"
    )
    parser.add_argument("--disable", action="append", metavar="ID", help="rule id to switch off (repeatable)")
    parser.add_argument("--enable-pack", action="append", metavar="NAME", help="switch on an off-by-default pack")
    parser.add_argument(
        "--settle",
        action="store_true",
        help="cleaner-fix: clean a file whose cleaned text would change again until it no longer does "
        f"(at most {SETTLE_MAX_PASSES} cleanings) instead of leaving it untouched",
    )
    parser.add_argument(
        "--guard-prose-share",
        type=float,
        metavar="SHARE",
        help="refuse to rewrite a file that would lose more than this share of its prose-like lines",
    )


def resolver_from_args(args: argparse.Namespace) -> ConfigResolver:
    """A ``ConfigResolver`` with the command-line options as overrides."""
    overrides: dict[str, object] = {}
    if args.rules:
        overrides["rules"] = args.rules
    if args.disable:
        overrides["disable"] = args.disable
    if args.enable_pack:
        overrides["enable_packs"] = args.enable_pack
    if args.settle:
        overrides["settle"] = True
    if args.guard_prose_share is not None:
        if not 0.0 <= args.guard_prose_share <= 1.0:
            raise CleanerError("--guard-prose-share must be between 0 and 1")
        overrides["guard_prose_share"] = args.guard_prose_share
    return ConfigResolver(config_file=args.config, isolated=args.isolated, overrides=overrides)


_FIX_EXAMPLES = """\
exit codes: 0 every file already clean; 1 a file was rewritten, guarded or not cleanable, or an HTML file
  (checked, never rewritten) holds boilerplate; 2 a bad configuration or rule pack

examples:
  cleaner-fix corpus/*.txt                  rewrite each file as its cleaned text; review with git diff
  cleaner-fix --settle corpus/page.txt      clean again until the text no longer changes (docs/corpus.md)
  cleaner-fix --guard-prose-share 1 f.txt   rewrite even if more than the guard's share of prose would go
"""
_CHECK_EXAMPLES = """\
exit codes: 0 no boilerplate found; 1 boilerplate found, or a file could not be read or cleaned;
  2 a bad configuration or rule pack

examples:
  cleaner-check corpus/*.txt                every removal cleaning would make, with its rule id
  cleaner-check --disable STR001 page.html  the same without one rule
"""


def run_hook(argv: Sequence[str] | None, *, prog: str, description: str, fix: bool) -> int:
    """Parse arguments, process every file, print findings; exit 1 when any file failed, 2 on bad setup."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description=description.replace("``", ""),
        epilog=_FIX_EXAMPLES if fix else _CHECK_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    args = parser.parse_args(argv)
    try:
        files = FileCleaner(resolver_from_args(args))
        outcomes = [files.process(name, fix=fix) for name in args.filenames]
    except CleanerError as exc:  # a bad configuration or rule pack: nothing can be checked
        print(f"{prog}: error: {_one_line(exc)}")
        return 2
    for outcome in outcomes:
        for finding in outcome.findings:
            print(finding)
    return 1 if any(o.failed for o in outcomes) else 0
