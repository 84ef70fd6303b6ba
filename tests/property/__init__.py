"""Hypothesis property suite: generated pages, the invariants of cleaning, and the mutation harness."""
