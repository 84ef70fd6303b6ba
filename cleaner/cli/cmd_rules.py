"""``cleaner rules``: list the catalogue, show one rule, run the rules' own examples."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.config import Config
from cleaner.engine.catalogue import Catalogue, load_catalogue
from cleaner.engine.examples import check_catalogue
from cleaner.engine.packs import Rule, load_pack, pack_files
from cleaner.errors import CleanerError

EPILOG = """\
examples:
  cleaner rules list                      every rule in force: id, action, strength, summary
  cleaner rules list --all                also the off-by-default (site) packs
  cleaner rules show LNK001               one rule in full, with its examples
  cleaner rules test                      run every rule's examples (exit 1 on a failure)
  cleaner rules test my_rules/            check your own pack (run beside the built-in rules)
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``rules`` subcommand and its three actions."""
    p = sub.add_parser(
        "rules",
        help="list, show and test the rule packs",
        description="Inspect and test the rule catalogue.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p.add_subparsers(dest="rules_action", metavar="ACTION", parser_class=type(p))
    ls = actions.add_parser("list", help="list the rules in force")
    ls.add_argument("--all", action="store_true", help="include off-by-default packs")
    ls.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack file or directory")
    ls.set_defaults(func=run_list)
    show = actions.add_parser("show", help="show one rule with its examples")
    show.add_argument("rule_id", metavar="ID")
    show.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack file or directory")
    show.set_defaults(func=run_show)
    test = actions.add_parser("test", help="run the rules' examples")
    test.add_argument("dirs", nargs="*", metavar="DIR", help="packs to test (default: the built-in packs)")
    test.set_defaults(func=run_test)
    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


def _catalogue(extra: list[str], *, every_pack: bool = False) -> Catalogue:
    config = Config(rules=tuple(extra))
    if every_pack:
        from cleaner.engine.catalogue import builtin_rules_dir

        names = tuple(load_pack(p).name for p in pack_files(builtin_rules_dir()))
        config = config.merged(enable_packs=names)
    return load_catalogue(config)


def run_list(args: argparse.Namespace) -> int:
    """Print one line per rule."""
    catalogue = _catalogue(args.rules, every_pack=args.all)
    width = max((len(r.id) for r in catalogue.rules), default=6)
    for rule in catalogue.rules:
        print(f"{rule.id:<{width}}  {rule.action:<16} {rule.strength:<9}  {rule.summary}")
    print(f"\n{len(catalogue.rules)} rules in {len(catalogue.packs)} packs", file=sys.stderr)
    return 0


def describe(rule: Rule) -> str:
    """A rule in full, as ``rules show`` prints it."""
    lines = [
        f"{rule.id}  {rule.name}",
        f"  summary:  {rule.summary}",
        f"  pack:     {rule.pack} ({rule.path})",
        f"  action:   {rule.action} ({rule.strength})",
    ]
    if rule.pattern_source:
        lines.append(f"  pattern:  {rule.pattern_source}")
    if rule.when:
        lines.append(f"  when:     {' and '.join(str(c) for c in rule.when)}")
    if rule.items:
        groups = [" and ".join(str(c) for c in group) for group in rule.items]
        lines.append(f"  items:    {' | or | '.join(groups)}")
    if rule.field:
        lines.append(f"  field:    {rule.field}")
    for ex in rule.examples:
        where = f" @{ex.where}" if ex.where != "middle" else ""
        first, *rest = ex.text.strip("\n").split("\n")
        lines.append(f"  {ex.expect:>7}{where}: {first}")
        lines.extend(f"           {line}" for line in rest)
    return "\n".join(lines)


def run_show(args: argparse.Namespace) -> int:
    """Print one rule in full."""
    rule = _catalogue(args.rules, every_pack=True).by_id(args.rule_id)
    if rule is None:
        raise CleanerError(f"no rule with id {args.rule_id!r} (see 'cleaner rules list --all')")
    print(describe(rule))
    return 0


def run_test(args: argparse.Namespace) -> int:
    """Run the examples of the given packs (or the built-in ones) with the full catalogue on."""
    only: set[str] | None = None
    extra: list[str] = []
    if args.dirs:
        extra = [str(Path(d).resolve()) for d in args.dirs]
        only = {r.id for d in extra for p in pack_files(Path(d)) for r in load_pack(p).rules}
    catalogue = _catalogue(extra, every_pack=not args.dirs)
    count, failures = check_catalogue(catalogue, only)
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{count - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0
