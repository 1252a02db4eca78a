"""Officials: named people with the titles written next to their names (issue 4)."""
from __future__ import annotations

from typing import List

from ..records import Official
from .common import DocContext


def extract_officials(ctx: DocContext) -> List[Official]:
    return []
