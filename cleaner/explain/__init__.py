"""Explanation views of a ``Result``: the terminal ``--explain`` view and the HTML report.

Both render ``Result.segments`` (every input block in order with its role,
rule and reason); neither builds a model of its own.
"""

from cleaner.explain.report import ReportStats, render_report, write_report
from cleaner.explain.terminal import color_enabled, render_terminal

__all__ = ["ReportStats", "color_enabled", "render_report", "render_terminal", "write_report"]
