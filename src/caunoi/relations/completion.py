"""How far a plan task is done, computed from its targets' evidence as of a day — never typed in.

Evidence qualifies when it is done by that day and inside the target's window: a congress held (not just
planned), an event that has ended, an agreement signed, an aid item approved; archived records never count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from caunoi.relations.models import CongressStatus, Evidence, PlanTask, TargetKind, TaskTarget


def qualifies(evidence: Evidence, target: TaskTarget, on: dt.date) -> bool:
    start, end = target.window_start, min(target.window_end or on, on)
    assert start is not None

    def inside(day: dt.date | None) -> bool:
        return day is not None and start <= day <= end

    if evidence.congress is not None:
        congress = evidence.congress
        return not congress.archived_at and congress.status == CongressStatus.HELD and inside(congress.on)
    if evidence.event is not None:
        event = evidence.event
        return not event.archived_at and inside(event.start_on) and event.end_on <= on
    if evidence.agreement is not None:
        agreement = evidence.agreement
        return not agreement.archived_at and inside(agreement.signed_on)
    if evidence.aid_item is not None:
        item = evidence.aid_item
        return not item.archived_at and inside(item.approved_on)
    return False


@dataclass
class TargetProgress:
    target_id: int
    description: str
    kind: str
    needed: int
    done: int
    evidence: list[str] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.done >= self.needed

    def as_dict(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "kind": self.kind,
            "needed": self.needed,
            "done": min(self.done, self.needed),
            "met": self.met,
            "evidence": self.evidence,
        }


@dataclass
class TaskCompletion:
    task_id: int
    title: str
    owner: str
    due_on: dt.date | None
    state: str  # complete, partial, open, overdue, cancelled, untracked
    met: int
    total: int
    targets: list[TargetProgress]

    @property
    def ratio(self) -> Fraction:
        return Fraction(self.met, self.total) if self.total else Fraction(0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "owner": self.owner,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "state": self.state,
            "met": self.met,
            "total": self.total,
            "percent": round(float(self.ratio) * 100),
            "targets": [t.as_dict() for t in self.targets],
        }


def _evidence(target: TaskTarget) -> Any:
    """The target's evidence: the rows a caller prefetched (a page of plans, no query per target), else read."""
    if "evidence" in getattr(target, "_prefetched_objects_cache", {}):
        return target.evidence.all()
    return target.evidence.select_related("congress__association", "event", "agreement", "aid_item")


def target_progress(target: TaskTarget, on: dt.date) -> TargetProgress:
    done = [str(e) for e in _evidence(target) if qualifies(e, target, on)]
    return TargetProgress(target.pk, target.description, target.kind, target.count, len(done), done)


def task_completion(task: PlanTask, on: dt.date) -> TaskCompletion:
    """Targets met out of targets set. A task without targets is "untracked": nothing can prove it done.
    Targets and evidence prefetched by the caller are used as they are."""
    targets = [target_progress(t, on) for t in task.targets.all()]
    met = sum(1 for t in targets if t.met)
    if task.cancelled_on and task.cancelled_on <= on:
        state = "cancelled"
    elif not targets:
        state = "untracked"
    elif met == len(targets):
        state = "complete"
    elif task.due_on and task.due_on < on:
        state = "overdue"
    elif met or any(t.done for t in targets):
        state = "partial"
    else:
        state = "open"
    return TaskCompletion(task.pk, task.title, task.owner, task.due_on, state, met, len(targets), targets)


__all__ = [
    "TargetKind",
    "TargetProgress",
    "TaskCompletion",
    "qualifies",
    "target_progress",
    "task_completion",
]
