"""Meetings: date, name, chair and attendees (issue 4)."""
from __future__ import annotations

from typing import List

from ..records import Meeting
from .common import DocContext


def extract_meetings(ctx: DocContext) -> List[Meeting]:
    return []
