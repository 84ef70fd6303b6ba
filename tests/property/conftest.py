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


def examples(share: float = 1.0) -> int:
    """This profile's example budget scaled by ``share`` (tests that cost more per example run fewer)."""
    return max(1, int(settings.default.max_examples * share))


_mutant = os.environ.get("CLEANER_MUTANT")
if _mutant:
    from tests.property.mutants import apply_mutant

    apply_mutant(_mutant)
