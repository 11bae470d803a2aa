"""A short run of the fuzzer (tests/fuzz_inputs.py) in the suite; the long run's count and
result are in the README's reliability section."""

from __future__ import annotations

from tests.fuzz_inputs import run_chunk


def test_two_hundred_broken_and_hostile_inputs_load_or_are_refused_cleanly() -> None:
    outcomes, failures = run_chunk(0, 200)
    assert failures == []
    assert outcomes["loaded"] + outcomes["refused"] == 200
    assert outcomes["refused"] > 0 and outcomes["exported"] > 0, outcomes
