"""Hypothesis profiles for the property suite, and the hook the mutation harness uses.

Profiles (choose with ``HYPOTHESIS_PROFILE``, default ``ci``):

- ``ci``: derandomised (a fixed seed per test, no example database), so every run of ``make test``
  tries the same examples; sized so the property suite runs in about two minutes on two cores.
- ``deep``: ten times the examples, random seeds and the local example database (``.hypothesis/``);
  run with ``make test-deep``. A counterexample it finds becomes a fixture folder under
  ``fixtures/prop-*`` so it stays fixed (see ``tests/property/README.md``).

``CLEANER_MUTANT=<name>`` (set by ``tests/property/mutants.py``) breaks the engine on purpose for
the whole session, to show the properties catch it.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

CI_EXAMPLES = 120
DEEP_FACTOR = 10

_COMMON = {
    "deadline": None,  # cleaning time varies with page size and machine load; speed is benched elsewhere
    "suppress_health_check": (HealthCheck.too_slow, HealthCheck.data_too_large),
    "print_blob": True,
}
# No shrinking in ci: a page takes long to shrink and the failure report already shows every line
# with its decision; reproduce and shrink locally with HYPOTHESIS_PROFILE=deep (or dev).
_NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target)
settings.register_profile(
    "ci", max_examples=CI_EXAMPLES, derandomize=True, database=None, phases=_NO_SHRINK, **_COMMON
)
settings.register_profile("deep", max_examples=CI_EXAMPLES * DEEP_FACTOR, **_COMMON)
settings.register_profile("dev", max_examples=30, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _pin_local_constants() -> None:
    """Keep Hypothesis from mixing literals of the loaded local modules into its draws.

    Hypothesis (6.13x and later) draws now and then from the string and number literals of every
    local module in ``sys.modules``; which modules are loaded depends on the tests a worker ran
    before, so a derandomised run generated other pages on CI than here (found when CI drew the
    page of fixture prop-linkfarm-between-farms). An empty pool makes the ``ci`` examples depend
    on the seed alone. The hook is private, so a Hypothesis without it is left as it is.
    """
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover - a Hypothesis without the pool
        return
    if hasattr(providers, "_get_local_constants") and hasattr(providers, "Constants"):
        empty = providers.Constants()
        providers._get_local_constants = lambda: empty


_pin_local_constants()


def examples(share: float = 1.0) -> int:
    """This profile's example budget scaled by ``share`` (tests that cost more per example run fewer)."""
    return max(1, int(settings.default.max_examples * share))


_mutant = os.environ.get("CLEANER_MUTANT")
if _mutant:
    from tests.property.mutants import apply_mutant

    apply_mutant(_mutant)
