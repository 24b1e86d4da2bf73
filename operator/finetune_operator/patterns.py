"""Allowlist patterns that platform teams write: role ARNs, image references.

``*`` and ``?`` stop at ``/``, so ``role/finetune-*`` does not admit the role path
``role/finetune-team-b/Admin`` and ``registry/team-a/*`` does not admit
``registry/team-a/x/y``; ``**`` crosses ``/`` where the platform team writes it. Nothing
else is special (unlike fnmatch, ``[`` is a plain character).
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*\*|\*|\?)", pattern)
    wildcards = {"**": ".*", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(wildcards.get(part, re.escape(part)) for part in parts))


def matches(value: str, pattern: str) -> bool:
    """Whether ``value`` matches ``pattern`` as a whole."""
    return _compiled(pattern).fullmatch(value) is not None


def matches_any(value: str, patterns: list[str]) -> bool:
    return any(matches(value, p) for p in patterns)
