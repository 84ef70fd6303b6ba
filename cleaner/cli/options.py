"""Command-line options several subcommands share, declared once so their help reads the same."""

from __future__ import annotations

import argparse


def add_input_options(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """``--kind`` and ``--url``: how to read the inputs."""
    p.add_argument("--kind", choices=("auto", "text", "html"), default="auto", help="input kind (default: auto)")
    p.add_argument("--url", help="the page URL, passed to the HTML extractor")


def add_rule_options(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """``--rules``, ``--disable``, ``--enable-pack``, ``--config``, ``--isolated``: which rules run."""
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack file or directory")
    p.add_argument("--disable", action="append", default=[], metavar="ID", help="switch a rule off (repeatable)")
    p.add_argument(
        "--enable-pack", action="append", default=[], metavar="NAME", help="switch on an off-by-default pack"
    )
    p.add_argument("--config", metavar="FILE", help="use this config file instead of discovering one")
    p.add_argument("--isolated", action="store_true", help="ignore config files")
