"""Friendship associations: founding steps in order, terms, executive committees, members, congresses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.directory.models import Organisation
from caunoi.relations import messages as m
from caunoi.relations.countries import clean_country
from caunoi.relations.dates import Precision, vn_date
from caunoi.relations.models import (
    FOUNDING_ORDER,
    Association,
    AssociationMember,
    CommitteeMember,
    Congress,
    CongressKind,
    CongressStatus,
    FoundingStep,
    FoundingStepKind,
    MemberCount,
    Person,
    Position,
    Term,
)
from caunoi.relations.services.common import (
    check_choice,
    check_order,
    not_archived,
    not_in_future,
    partial,
    required_text,
)


@transaction.atomic
def create_association(
    office: Office,
    *,
    name: str,
    counterpart_country: str,
    name_en: str = "",
    organisation: Organisation | None = None,
    founding_decision_number: str = "",
    founding_decision_date: dt.date | None = None,
    founding_decision_body: str = "",
    founded_on: dt.date | None = None,
    founded_precision: str = Precision.DAY,
    notes: str = "",
    is_illustrative: bool = False,
    actor: Actor,
) -> Association:
    authorize(actor, Action.EDIT, office)
    ensure_same_office(organisation, office, "organisation")
    if organisation is not None:
        not_archived(organisation)
    association = Association(
        office=office,
        name=required_text(name, _("tên hội"), "name"),
        name_en=nfc(name_en),
        counterpart_country=clean_country(counterpart_country, "counterpart_country"),
        organisation=organisation,
        founding_decision_number=nfc(founding_decision_number),
        founding_decision_date=founding_decision_date,
        founding_decision_body=nfc(founding_decision_body),
        founded_on=partial(founded_on, founded_precision, "founded_precision"),
        founded_precision=founded_precision,
        notes=nfc(notes),
        is_illustrative=is_illustrative,
    )
    not_in_future(association.founded_on, "founded_on")
    not_in_future(association.founding_decision_date, "founding_decision_date")
    audit.save(association, actor)
    return association


EDITABLE = frozenset(
    {
        "name",
        "name_en",
        "counterpart_country",
        "organisation",
        "founding_decision_number",
        "founding_decision_date",
        "founding_decision_body",
        "founded_on",
        "founded_precision",
        "notes",
        "is_illustrative",
    }
)
# Filled in by the founding steps when the association was founded through them.
FROM_STEPS = (
    "founding_decision_number",
    "founding_decision_date",
    "founding_decision_body",
    "founded_on",
    "founded_precision",
)


@transaction.atomic
def update_association(association: Association, *, actor: Actor, **changes: Any) -> Association:
    """Change an association's own fields. For one founded through recorded steps, the founding decision and
    date are the steps' and stay as they are."""
    authorize(actor, Action.EDIT, association.office)
    not_archived(association)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    fields = {name: getattr(association, name) for name in EDITABLE}
    fields.update(changes)
    fields["name"] = required_text(fields["name"], _("tên hội"), "name")
    fields["counterpart_country"] = clean_country(fields["counterpart_country"], "counterpart_country")
    organisation = fields["organisation"]
    ensure_same_office(organisation, association.office, "organisation")
    if organisation is not None and organisation.pk != association.organisation_id:
        not_archived(organisation)
    for name in ("name_en", "founding_decision_number", "founding_decision_body", "notes"):
        fields[name] = nfc(fields[name])
    fields["founded_on"] = partial(fields["founded_on"], fields["founded_precision"], "founded_precision")
    not_in_future(fields["founded_on"], "founded_on")
    not_in_future(fields["founding_decision_date"], "founding_decision_date")
    changed = [name for name in FROM_STEPS if fields[name] != getattr(association, name)]
    if changed and association.founding_steps.exists():
        raise m.FOUNDING_FROM_STEPS(field=changed[0], association=association.name)
    for name, value in fields.items():
        setattr(association, name, value)
    audit.save(association, actor)
    return association


def with_founding_facts(associations: QuerySet[Association]) -> QuerySet[Association]:
    """The associations with what `founding_stage` reads, annotated (a list of them reads no more per row)."""
    steps = FoundingStep.objects.filter(association=OuterRef("pk"))
    founding_congress = Congress.objects.filter(
        association=OuterRef("pk"), kind=CongressKind.FOUNDING, status=CongressStatus.HELD
    )
    return associations.annotate(
        has_steps=Exists(steps),
        last_step=Subquery(steps.order_by("-on", "-id").values("step")[:1]),
        has_terms=Exists(Term.objects.filter(association=OuterRef("pk"))),
        has_founding_congress=Exists(founding_congress),
    )


def _founding_facts(association: Association) -> Any:
    if hasattr(association, "has_founding_congress"):
        return association
    return with_founding_facts(Association.objects.filter(pk=association.pk)).get()


def is_founded(association: Association) -> bool:
    """Founded by a recorded date, by its founding congress, or evidently (it has had terms). A founding
    decision alone counts only for an association recorded without founding steps (one founded long ago):
    otherwise it is the approval step, and the founding congress is still to come."""
    facts = _founding_facts(association)
    decided = association.founding_decision_date and not facts.has_steps
    return bool(association.founded_on or decided or facts.has_terms or facts.has_founding_congress)


def founding_stage(association: Association) -> str:
    """ "founded", or the last founding step recorded ("proposal", "approval"), or "" when none."""
    if is_founded(association):
        return "founded"
    return str(_founding_facts(association).last_step or "")


def _check_next_step(association: Association, step: str, on: dt.date) -> None:
    check_choice(step, FoundingStepKind, _("bước thành lập"), "step")
    done = {s.step: s for s in association.founding_steps.all()}
    if step in done:
        raise m.FOUNDING_STEP_TWICE(
            field="step",
            step=FoundingStepKind(step).label,
            on=vn_date(done[step].on, done[step].precision),
        )
    if is_founded(association):
        raise m.ALREADY_FOUNDED(
            field="step",
            association=association.name,
            on=vn_date(association.founded_on, association.founded_precision),
        )
    index = FOUNDING_ORDER.index(FoundingStepKind(step))
    for earlier in FOUNDING_ORDER[:index]:
        if earlier not in done:
            raise m.FOUNDING_STEP_MISSING(
                field="step",
                missing=earlier.label,
                step=FoundingStepKind(step).label,
            )
    if index:
        previous = done[FOUNDING_ORDER[index - 1]]
        if on < previous.on:
            raise m.FOUNDING_STEP_EARLY(
                field="on",
                step=FoundingStepKind(step).label,
                on=on,
                previous=FoundingStepKind(previous.step).label,
                previous_on=vn_date(previous.on, previous.precision),
            )


@transaction.atomic
def record_founding_step(
    association: Association,
    step: str,
    on: dt.date,
    *,
    precision: str = Precision.DAY,
    body: str = "",
    reference: str = "",
    note: str = "",
    place: str = "",
    actor: Actor,
) -> FoundingStep:
    """Record the next founding step: proposal → approval by the competent body → founding congress.

    The approval carries the founding decision; the founding congress is also recorded as a held congress
    (term 1) and dates the association's founding.
    """
    authorize(actor, Action.EDIT, association.office)
    not_archived(association)
    stored = partial(on, precision, "precision")
    assert stored is not None
    not_in_future(stored, "on")
    _check_next_step(association, step, stored)
    if step == FoundingStepKind.FOUNDING_CONGRESS and precision != Precision.DAY:
        raise m.CONGRESS_HELD_NEEDS_DAY(field="precision")
    founding_step = FoundingStep(
        association=association,
        step=step,
        on=stored,
        precision=precision,
        body=nfc(body),
        reference=nfc(reference),
        note=nfc(note),
    )
    audit.save(founding_step, actor)
    if step == FoundingStepKind.APPROVAL:
        association.founding_decision_number = founding_step.reference
        association.founding_decision_date = stored
        association.founding_decision_body = founding_step.body
        audit.save(association, actor)
    if step == FoundingStepKind.FOUNDING_CONGRESS:
        congress = association.congresses.filter(
            kind=CongressKind.FOUNDING, status=CongressStatus.PLANNED, archived_at__isnull=True
        ).first() or Congress(office=association.office, association=association, kind=CongressKind.FOUNDING)
        congress.term_number, congress.status, congress.on, congress.precision = (
            1,
            CongressStatus.HELD,
            stored,
            precision,
        )
        congress.place = nfc(place) or congress.place
        audit.save(congress, actor)
        association.founded_on, association.founded_precision = stored, Precision.DAY
        audit.save(association, actor)
    return founding_step


@transaction.atomic
def add_term(
    association: Association,
    number: int,
    start: dt.date,
    end: dt.date,
    *,
    is_illustrative: bool = False,
    actor: Actor,
) -> Term:
    """A new nhiệm kỳ: it may not overlap another, and later numbers come later in time."""
    authorize(actor, Action.EDIT, association.office)
    not_archived(association)
    check_order(
        start,
        end,
        field="end",
        start_what=_("Ngày bắt đầu nhiệm kỳ"),
        end_what=_("Ngày kết thúc nhiệm kỳ"),
    )
    if number < 1:
        raise m.NEGATIVE(field="number", what=_("Số thứ tự nhiệm kỳ"))
    for other in association.terms.all():
        if other.number == number:
            raise m.DUPLICATE(field="number", name=str(other))
        if start <= other.end and other.start <= end:
            raise m.TERM_OVERLAP(
                field="start",
                number=number,
                start=start,
                end=end,
                other=other.number,
                other_start=other.start,
                other_end=other.end,
            )
        if (other.number < number) != (other.start < start):
            raise m.TERM_ORDER(field="number", number=number, other=other.number)
    term = Term(association=association, number=number, start=start, end=end, is_illustrative=is_illustrative)
    audit.save(term, actor)
    return term


@transaction.atomic
def add_committee_member(
    term: Term,
    person: Person,
    position: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    association: Association | None = None,
    actor: Actor,
) -> CommitteeMember:
    """Seat a person on a term's executive committee, for dates inside that term (the whole term by default).

    `association`, when given, must be the term's: a seat is never put on another association's term.
    """
    authorize(actor, Action.EDIT, term.association.office)
    if association is not None and term.association_id != association.pk:
        raise m.SEAT_OTHER_ASSOCIATION(
            field="term", other=term.association.name, association=association.name
        )
    ensure_same_office(person, term.association.office, "person")
    not_archived(person)
    check_choice(position, Position, pgettext_lazy("in a rule message", "chức danh"), "position")
    start = start or term.start
    check_order(
        start,
        end,
        field="end",
        start_what=_("Ngày bắt đầu giữ chức"),
        end_what=_("Ngày thôi giữ chức"),
    )
    if start < term.start or start > term.end or (end is not None and end > term.end):
        raise m.SEAT_OUTSIDE_TERM(
            field="start" if start < term.start or start > term.end else "end",
            start=start,
            end=end or "…",
            number=term.number,
            term_start=term.start,
            term_end=term.end,
        )
    seat = CommitteeMember(term=term, person=person, position=position, start=start, end=end)
    audit.save(seat, actor)
    return seat


@transaction.atomic
def record_member_count(
    association: Association,
    on: dt.date,
    count: int,
    *,
    note: str = "",
    is_illustrative: bool = False,
    actor: Actor,
) -> MemberCount:
    authorize(actor, Action.EDIT, association.office)
    not_archived(association)
    not_in_future(on, "on")
    if count < 0:
        raise m.NEGATIVE(field="count", what=pgettext_lazy("in a rule message", "Số hội viên"))
    # Not get_or_create: a new row is saved once, by audit.save, after its values are checked.
    row = MemberCount.objects.filter(association=association, on=on).first()
    row = row or MemberCount(association=association, on=on)
    row.count, row.note, row.is_illustrative = count, nfc(note), is_illustrative
    audit.save(row, actor)
    return row


@transaction.atomic
def add_member(
    association: Association,
    person: Person,
    joined_on: dt.date,
    *,
    left_on: dt.date | None = None,
    actor: Actor,
) -> AssociationMember:
    """A named member (listed by name only while they consent to it). Once a member, always the same row:
    a person who left is not added again."""
    authorize(actor, Action.EDIT, association.office)
    not_archived(association)
    ensure_same_office(person, association.office, "person")
    not_archived(person)
    not_in_future(joined_on, "joined_on")
    not_in_future(left_on, "left_on")
    if left_on and left_on < joined_on:
        raise m.MEMBER_DATES(field="left_on", left=left_on, joined=joined_on)
    if association.members.filter(person=person).exists():
        raise m.DUPLICATE(field="person", name=person.name)
    member = AssociationMember(association=association, person=person, joined_on=joined_on, left_on=left_on)
    audit.save(member, actor)
    return member


@transaction.atomic
def end_membership(member: AssociationMember, left_on: dt.date, *, actor: Actor) -> AssociationMember:
    """The member left the association on `left_on`."""
    association = member.association
    authorize(actor, Action.EDIT, association.office)
    not_archived(association)
    if member.left_on:
        raise m.MEMBER_ALREADY_LEFT(field="left_on", name=member.person.name, left=member.left_on)
    not_in_future(left_on, "left_on")
    if left_on < member.joined_on:
        raise m.MEMBER_DATES(field="left_on", left=left_on, joined=member.joined_on)
    member.left_on = left_on
    audit.save(member, actor)
    return member


@transaction.atomic
def plan_congress(
    association: Association,
    *,
    term_number: int,
    on: dt.date,
    precision: str = Precision.DAY,
    kind: str = CongressKind.REGULAR,
    place: str = "",
    notes: str = "",
    is_illustrative: bool = False,
    actor: Actor,
) -> Congress:
    """Plan a congress (the date may be known only to the month or year). A regular congress needs a founded
    association; an association still being founded plans its founding congress."""
    authorize(actor, Action.EDIT, association.office)
    not_archived(association)
    check_choice(kind, CongressKind, _("loại đại hội"), "kind")
    if kind != CongressKind.FOUNDING and not is_founded(association):
        raise m.CONGRESS_BEFORE_FOUNDING(field="kind", association=association.name)
    if term_number < 1:
        raise m.NEGATIVE(field="term_number", what=pgettext_lazy("in a rule message", "Nhiệm kỳ"))
    stored = partial(on, precision, "precision")
    assert stored is not None
    congress = Congress(
        office=association.office,
        association=association,
        kind=kind,
        term_number=term_number,
        status=CongressStatus.PLANNED,
        on=stored,
        precision=precision,
        place=nfc(place),
        notes=nfc(notes),
        is_illustrative=is_illustrative,
    )
    audit.save(congress, actor)
    return congress


@transaction.atomic
def record_congress_held(congress: Congress, on: dt.date, *, place: str = "", actor: Actor) -> Congress:
    """The congress took place on `on`. A founding congress is also the last founding step."""
    authorize(actor, Action.EDIT, congress.office)
    not_archived(congress)
    not_in_future(on, "on")
    if congress.kind == CongressKind.FOUNDING and not is_founded(congress.association):
        record_founding_step(
            congress.association, FoundingStepKind.FOUNDING_CONGRESS, on, place=place, actor=actor
        )
        congress.refresh_from_db()
        return congress
    if congress.kind != CongressKind.FOUNDING and not is_founded(congress.association):
        raise m.CONGRESS_BEFORE_FOUNDING(field="kind", association=congress.association.name)
    congress.status, congress.on, congress.precision = CongressStatus.HELD, on, Precision.DAY
    congress.place = nfc(place) or congress.place
    audit.save(congress, actor)
    return congress


@transaction.atomic
def cancel_congress(congress: Congress, *, note: str = "", actor: Actor) -> Congress:
    authorize(actor, Action.EDIT, congress.office)
    not_archived(congress)
    congress.status = CongressStatus.CANCELLED
    if note:
        congress.notes = f"{congress.notes}\n{nfc(note)}".strip()
    audit.save(congress, actor)
    return congress
