"""The public output contract: pydantic v2 records.

Every record that comes from the text carries ``span`` ([start, end) offsets into
``ParseResult.text``) and ``source`` (``text[start:end]``, the text as written) beside its
normalised value. Field names here are read by ``score.py``: add fields, never rename.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from pydantic import BaseModel, ConfigDict, Field

Span = Tuple[int, int]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Located(_Record):
    span: Span = Field(description="[start, end) offsets into ParseResult.text")
    source: str = Field(description="ParseResult.text[start:end], as written")


class Organ(Located):
    """An issuing body or an addressee."""

    name: str = Field(description="normalised (simplified, de-spun) name")


class Measure(Located):
    level: int = Field(description="1 一、 / 2 （一） / 3 1. 1、 / 4 （1）; 一是 and 第一， where they appear")
    label: str = Field(description="numbering label as written (normalised), e.g. '（一）'")
    index: int = Field(description="ordinal value of the label (一 → 1)")
    heading: Optional[str] = Field(None, description="lead phrase up to the first 。；： if the item opens with one")
    text: str = Field(description="normalised text of the item, children included")
    children: List["Measure"] = Field(default_factory=list)


class DateMention(Located):
    value: str = Field(description="ISO day YYYY-MM-DD")
    text: str = Field(description="the mention, normalised")
    inferred_year: bool = Field(False, description="the year was not written and came from context")


class Title(Located):
    text: str


class Mention(Located):
    """One place where an official is named."""


class Official(_Record):
    name: str = Field(description="normalised name (simplified, de-spun)")
    titles: List[str] = Field(default_factory=list, description="titles written next to the name")
    mentions: List[Mention] = Field(default_factory=list)


class Attendee(_Record):
    name: str
    role: str = Field(description="出席 / 参加 / 列席 / 视频连线 / …, as normalised")
    span: Span
    source: str


class Meeting(Located):
    date: Optional[str] = Field(None, description="ISO day, year inferred from context where needed")
    name: Optional[str] = Field(None, description="the meeting as named")
    chair: Optional[str] = Field(None, description="who 主持 (or 召开); null if nobody is named")
    attendees: List[Attendee] = Field(default_factory=list)


class Reference(Located):
    title: Optional[str] = None
    doc_number: Optional[str] = None


class Notice(Located):
    """One document found on the page."""

    title: Optional[str] = None
    title_span: Optional[Span] = None
    doc_type: Optional[str] = Field(None, description="通知/意见/方案/… from the title")
    doc_number: Optional[str] = Field(None, description="the document's own 发文字号")
    doc_number_span: Optional[Span] = None
    issuers: List[Organ] = Field(default_factory=list)
    recipients: List[Organ] = Field(default_factory=list)
    issue_date: Optional[str] = Field(None, description="成文日期, ISO")
    measures: List[Measure] = Field(default_factory=list)
    dates: List[DateMention] = Field(default_factory=list)
    officials: List[Official] = Field(default_factory=list)
    meetings: List[Meeting] = Field(default_factory=list)
    references: List[Reference] = Field(default_factory=list)


class ParseResult(_Record):
    text: str = Field(description="the decoded input; every span indexes into it")
    warnings: List[str] = Field(default_factory=list)
    documents: List[Notice] = Field(default_factory=list)
    encoding: Optional[str] = Field(None, description="encoding the bytes were decoded with, if bytes were given")


Measure.model_rebuild()
