"""Typed records of what libplan finds: agency items, duties, the agencies
they name, and duty groups across documents.  Each is a frozen dataclass
with a short repr and to_dict() (what the JSON output holds)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass(frozen=True)
class Mention:
    """An agency named in an item's heading or in a duty, and how."""

    id: str
    text: str
    role: str = "named"  # named, lead, coordinate, advise, report
    name: Optional[str] = None
    known: Optional[bool] = None  # in the lexicon, or a body libplan does not know

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Mention":
        return cls(id=d["id"], text=d.get("text", ""), role=d.get("role", "named"),
                   name=d.get("name"), known=d.get("known"))

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)

    def __repr__(self) -> str:
        return f"Mention({self.id!r}, {self.role})"


@dataclass(frozen=True)
class Duty:
    """One duty: its text, where it is in the file, the member organisation
    it is for (agency, when another than the item's), its deadline and the
    agencies it names."""

    text: str
    start: int
    end: int
    line: int
    agency: Optional[str] = None
    deadline: Optional[str] = None
    mentions: List[Mention] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Duty":
        return cls(text=d["text"], start=d["start"], end=d["end"], line=d["line"],
                   agency=d.get("agency"), deadline=d.get("deadline"),
                   mentions=[Mention.from_dict(m) for m in d.get("mentions", [])])

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)

    def __repr__(self) -> str:
        return f"Duty(line {self.line}: {_short(self.text)!r})"


@dataclass(frozen=True)
class Assignment:
    """An agency item: its label ("2", "a"), heading, the agencies it
    assigns and their duties; requested when the plan asks rather than
    assigns ("Đề nghị ...")."""

    label: str
    heading: str
    line: int
    requested: bool
    agencies: List[Mention]
    duties: List[Duty]

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Assignment":
        return cls(label=d["label"], heading=d["heading"], line=d["line"],
                   requested=d["requested"],
                   agencies=[Mention.from_dict(m) for m in d["agencies"]],
                   duties=[Duty.from_dict(x) for x in d["duties"]])

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)

    @property
    def agency_ids(self) -> List[str]:
        return [m.id for m in self.agencies]

    def __repr__(self) -> str:
        return (f"Assignment({self.label!r}, {_short(self.heading, 40)!r}, "
                f"{len(self.duties)} dut{'y' if len(self.duties) == 1 else 'ies'})")


@dataclass(frozen=True)
class DutyGroup:
    """One duty across the compared documents (an N-way group): its status
    in each document (absent, present, reworded, merged), the duty there,
    and the wording that stands for it."""

    agency: str
    index: int
    representative: str
    status: List[str]               # per document, in the comparison's order
    duties: List[Optional[str]]     # per document: the duty's text, or None

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)

    @property
    def documents(self) -> int:
        """In how many documents the duty is."""
        return sum(s != "absent" for s in self.status)

    def __repr__(self) -> str:
        return (f"DutyGroup({self.agency!r} #{self.index}, in {self.documents} of "
                f"{len(self.status)}: {_short(self.representative)!r})")
