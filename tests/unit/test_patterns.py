"""Allowlist globs (issue 12, I5): '*' and '?' never cross '/' unless the pattern says '**'."""

from __future__ import annotations

import pytest

from finetune_operator.patterns import matches

ROLE = "arn:aws:iam::123456789012:role/"


@pytest.mark.parametrize(
    ("value", "pattern", "expected"),
    [
        (ROLE + "finetune-team-a", ROLE + "finetune-*", True),
        # The reproducer of issue 12 (I5): an IAM role path must not pass as a name.
        (ROLE + "finetune-team-b/Admin", ROLE + "finetune-*", False),
        (ROLE + "finetune-team-b/Admin", ROLE + "finetune-*/*", True),
        (ROLE + "team/a/b/Trainer", ROLE + "team/**", True),
        (ROLE + "finetune-x", ROLE + "finetune-?", True),
        (ROLE + "finetune-/", ROLE + "finetune-?", False),
        (ROLE + "finetune-a", ROLE + "finetune-[ab]", False),  # no fnmatch sets: '[' is literal
        ("registry.example/team-a/trainer:1.0", "registry.example/team-a/*", True),
        ("registry.example/team-a/x/trainer:1.0", "registry.example/team-a/*", False),
        ("registry.example/team-a.evil/x", "registry.example/team-a*", False),
    ],
)
def test_globs_stop_at_slashes(value: str, pattern: str, expected: bool) -> None:
    assert matches(value, pattern) is expected
