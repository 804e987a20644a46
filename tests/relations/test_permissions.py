"""Every write function of the people's-diplomacy services checks the actor's right itself: each role × each
function, in the record's own office, with the exact outcome (done, or refused with nothing saved)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile

from caunoi.core import audit
from caunoi.core.models import Membership, Office, Role
from caunoi.core.permissions import ACTION_NAMES, SYSTEM, Action
from caunoi.directory.models import Organisation
from caunoi.relations.models import (
    Agreement,
    AgreementAidItem,
    Association,
    Consent,
    CooperationField,
    Event,
    Partnership,
    Person,
)
from caunoi.relations.services import agreements, associations, common, events, partners, people

pytestmark = pytest.mark.django_db
D = dt.date
PDF = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"


class World:
    """Records of the fresh office, made by the system before the user acts."""

    def __init__(self, office: Office, make_item: Callable[..., Any]):
        self.office = office
        self.make_item = make_item
        self.province = self.org("Ủy ban nhân dân tỉnh Thử Nghiệm", "VN", "vn_agency")
        self.partner = self.org("Tỉnh Viêng Chăn", "LA")

    def org(self, name: str, country: str = "LA", kind: str = "foreign_locality") -> Organisation:
        return Organisation.objects.create(office=self.office, name=name, country=country, kind=kind)

    def person(self, name: str = "Người thử nghiệm") -> Person:
        return people.create_person(self.office, name=name, kind="member", actor=SYSTEM)

    def consenting(self) -> Person:
        person = self.person()
        people.record_consent(person, "photo_use", D(2024, 1, 1), actor=SYSTEM)
        return person

    def association(self, **kwargs: Any) -> Association:
        return associations.create_association(
            self.office,
            name="Hội hữu nghị Việt - Lào tỉnh Thử Nghiệm",
            counterpart_country="LA",
            actor=SYSTEM,
            **kwargs,
        )

    def term(self) -> Any:
        return associations.add_term(self.association(), 1, D(2020, 1, 1), D(2024, 12, 31), actor=SYSTEM)

    def member(self) -> Any:
        return associations.add_member(self.association(), self.person(), D(2021, 1, 1), actor=SYSTEM)

    def congress(self) -> Any:
        association = self.association(founded_on=D(2017, 9, 1))
        return associations.plan_congress(
            association, term_number=2, on=D(2023, 1, 1), precision="year", actor=SYSTEM
        )

    def agreement(self) -> Agreement:
        return agreements.create_agreement(
            self.office,
            title="Thỏa thuận thử nghiệm",
            kind="cooperation",
            parties=[(self.province, "ours"), (self.partner, "theirs")],
            signed_on=D(2022, 9, 1),
            actor=SYSTEM,
        )

    def event(self) -> Event:
        return events.create_event(
            self.office, title="Đón đoàn", kind="incoming_delegation", start_on=D(2024, 5, 2), actor=SYSTEM
        )

    def partnership(self) -> Partnership:
        return partners.create_partnership(
            self.office, self.partner, level="province", kind="twinning", actor=SYSTEM
        )


@dataclass(frozen=True)
class Operation:
    action: Action
    prepare: Callable[[World], Any]  # what the operation acts on, made by the system
    run: Callable[[Any, Any], Any]  # (prepared, user)
    observe: Callable[[Any], Any]  # the state the operation changes
    after: Any  # that state once the operation has run


def _fresh(model: Any, pk: int, name: str) -> Any:
    return getattr(model.objects.get(pk=pk), name)


def _consent_withdrawn(person: Person) -> Any:
    return Consent.objects.get(person=person, kind="photo_use").withdrawn_on


OPERATIONS: dict[str, Operation] = {
    # people
    "create_person": Operation(
        Action.EDIT,
        lambda w: w.office,
        lambda office, u: people.create_person(office, name="Souksavanh", kind="foreign_student", actor=u),
        lambda office: Person.objects.filter(office=office, name="Souksavanh").count(),
        1,
    ),
    "update_person": Operation(
        Action.EDIT,
        lambda w: w.person(),
        lambda p, u: people.update_person(p, name="Tên mới", actor=u),
        lambda p: _fresh(Person, p.pk, "name"),
        "Tên mới",
    ),
    "record_consent": Operation(
        Action.EDIT,
        lambda w: w.person(),
        lambda p, u: people.record_consent(p, "name_listing", D(2024, 3, 1), actor=u),
        lambda p: list(Consent.objects.filter(person=p).values_list("kind", "given_on")),
        [("name_listing", D(2024, 3, 1))],
    ),
    "withdraw_consent": Operation(
        Action.EDIT,
        lambda w: w.consenting(),
        lambda p, u: people.withdraw_consent(p, "photo_use", D(2025, 6, 1), actor=u),
        _consent_withdrawn,
        D(2025, 6, 1),
    ),
    # associations
    "create_association": Operation(
        Action.EDIT,
        lambda w: w.office,
        lambda office, u: associations.create_association(
            office, name="Hội hữu nghị Việt - Pháp", counterpart_country="FR", actor=u
        ),
        lambda office: Association.objects.filter(office=office, name="Hội hữu nghị Việt - Pháp").count(),
        1,
    ),
    "update_association": Operation(
        Action.EDIT,
        lambda w: w.association(),
        lambda a, u: associations.update_association(a, founding_decision_number="12/QĐ-UBND", actor=u),
        lambda a: _fresh(Association, a.pk, "founding_decision_number"),
        "12/QĐ-UBND",
    ),
    "record_founding_step": Operation(
        Action.EDIT,
        lambda w: w.association(),
        lambda a, u: associations.record_founding_step(
            a, "proposal", D(2022, 1, 1), precision="year", actor=u
        ),
        lambda a: list(a.founding_steps.values_list("step", flat=True)),
        ["proposal"],
    ),
    "add_term": Operation(
        Action.EDIT,
        lambda w: w.association(),
        lambda a, u: associations.add_term(a, 1, D(2020, 1, 1), D(2024, 12, 31), actor=u),
        lambda a: list(a.terms.values_list("number", flat=True)),
        [1],
    ),
    "add_committee_member": Operation(
        Action.EDIT,
        lambda w: (w.term(), w.person()),
        lambda tp, u: associations.add_committee_member(tp[0], tp[1], "chair", actor=u),
        lambda tp: list(tp[0].committee.values_list("person__name", "position")),
        [("Người thử nghiệm", "chair")],
    ),
    "record_member_count": Operation(
        Action.EDIT,
        lambda w: w.association(),
        lambda a, u: associations.record_member_count(a, D(2022, 12, 31), 150, actor=u),
        lambda a: list(a.member_counts.values_list("on", "count")),
        [(D(2022, 12, 31), 150)],
    ),
    "add_member": Operation(
        Action.EDIT,
        lambda w: (w.association(), w.person()),
        lambda ap, u: associations.add_member(ap[0], ap[1], D(2021, 1, 1), actor=u),
        lambda ap: list(ap[0].members.values_list("person__name", "joined_on")),
        [("Người thử nghiệm", D(2021, 1, 1))],
    ),
    "end_membership": Operation(
        Action.EDIT,
        lambda w: w.member(),
        lambda member, u: associations.end_membership(member, D(2025, 1, 1), actor=u),
        lambda member: _fresh(type(member), member.pk, "left_on"),
        D(2025, 1, 1),
    ),
    "plan_congress": Operation(
        Action.EDIT,
        lambda w: w.association(),
        lambda a, u: associations.plan_congress(
            a, term_number=1, kind="founding", on=D(2023, 1, 1), precision="year", actor=u
        ),
        lambda a: list(a.congresses.values_list("kind", "status")),
        [("founding", "planned")],
    ),
    "record_congress_held": Operation(
        Action.EDIT,
        lambda w: w.congress(),
        lambda c, u: associations.record_congress_held(c, D(2023, 6, 18), actor=u),
        lambda c: (_fresh(type(c), c.pk, "status"), _fresh(type(c), c.pk, "on")),
        ("held", D(2023, 6, 18)),
    ),
    "cancel_congress": Operation(
        Action.EDIT,
        lambda w: w.congress(),
        lambda c, u: associations.cancel_congress(c, actor=u),
        lambda c: _fresh(type(c), c.pk, "status"),
        "cancelled",
    ),
    # agreements
    "create_agreement": Operation(
        Action.EDIT,
        lambda w: w,
        lambda w, u: agreements.create_agreement(
            w.office,
            title="Biên bản ghi nhớ mới",
            kind="mou",
            parties=[(w.province, "ours"), (w.partner, "theirs")],
            actor=u,
        ),
        lambda w: Agreement.objects.filter(office=w.office, title="Biên bản ghi nhớ mới").count(),
        1,
    ),
    "update_agreement": Operation(
        Action.EDIT,
        lambda w: w.agreement(),
        lambda a, u: agreements.update_agreement(a, number="05/TTHT", actor=u),
        lambda a: _fresh(Agreement, a.pk, "number"),
        "05/TTHT",
    ),
    "set_parties": Operation(
        Action.EDIT,
        lambda w: (w.agreement(), w.province, w.org("Thành phố Mimasaka", "JP")),
        lambda apo, u: agreements.set_parties(apo[0], [(apo[1], "ours"), (apo[2], "theirs")], actor=u),
        lambda apo: sorted(apo[0].party_rows.values_list("organisation__name", "side")),
        [("Thành phố Mimasaka", "theirs"), ("Ủy ban nhân dân tỉnh Thử Nghiệm", "ours")],
    ),
    "set_fields": Operation(
        Action.EDIT,
        lambda w: w.agreement(),
        lambda a, u: agreements.set_fields(a, [CooperationField.objects.get(code="y-te")], actor=u),
        lambda a: list(a.fields.values_list("code", flat=True)),
        ["y-te"],
    ),
    "attach_document": Operation(
        Action.EDIT,
        lambda w: w.agreement(),
        lambda a, u: agreements.attach_document(a, ContentFile(PDF, name="thoa-thuan.pdf"), actor=u),
        lambda a: bool(_fresh(Agreement, a.pk, "document")),
        True,
    ),
    "terminate_agreement": Operation(
        Action.EDIT,
        lambda w: w.agreement(),
        lambda a, u: agreements.terminate_agreement(a, D(2024, 1, 1), actor=u),
        lambda a: _fresh(Agreement, a.pk, "terminated_on"),
        D(2024, 1, 1),
    ),
    "link_aid_item": Operation(
        Action.EDIT,
        lambda w: (w.agreement(), w.make_item()),
        lambda ai, u: agreements.link_aid_item(ai[0], ai[1], actor=u),
        lambda ai: AgreementAidItem.objects.filter(agreement=ai[0], aid_item=ai[1]).count(),
        1,
    ),
    # events
    "create_event": Operation(
        Action.EDIT,
        lambda w: w.office,
        lambda office, u: events.create_event(
            office, title="Đoàn ra", kind="outgoing_delegation", start_on=D(2024, 6, 1), actor=u
        ),
        lambda office: Event.objects.filter(office=office, title="Đoàn ra").count(),
        1,
    ),
    "update_event": Operation(
        Action.EDIT,
        lambda w: w.event(),
        lambda e, u: events.update_event(e, place="Thành phố Yên Bái", actor=u),
        lambda e: _fresh(Event, e.pk, "place"),
        "Thành phố Yên Bái",
    ),
    "set_organisers": Operation(
        Action.EDIT,
        lambda w: (w.event(), w.province),
        lambda ep, u: events.set_organisers(ep[0], [ep[1]], actor=u),
        lambda ep: list(ep[0].organisers.values_list("name", flat=True)),
        ["Ủy ban nhân dân tỉnh Thử Nghiệm"],
    ),
    "add_participant": Operation(
        Action.EDIT,
        lambda w: w.event(),
        lambda e, u: events.add_participant(e, "delegation_head", name="Ông A", actor=u),
        lambda e: list(e.participants.values_list("name", "role")),
        [("Ông A", "delegation_head")],
    ),
    "set_headcounts": Operation(
        Action.EDIT,
        lambda w: w.event(),
        lambda e, u: events.set_headcounts(e, {"LA": 25, "VN": 40}, actor=u),
        lambda e: dict(e.headcounts.values_list("country", "count")),
        {"LA": 25, "VN": 40},
    ),
    "add_photo": Operation(
        Action.EDIT,
        lambda w: w.event(),
        lambda e, u: events.add_photo(e, ContentFile(PNG, name="anh.png"), "Lễ đón", actor=u),
        lambda e: list(e.photos.values_list("caption", flat=True)),
        ["Lễ đón"],
    ),
    "add_document": Operation(
        Action.EDIT,
        lambda w: w.event(),
        lambda e, u: events.add_document(e, ContentFile(PDF, name="bien-ban.pdf"), "Biên bản", actor=u),
        lambda e: list(e.documents.values_list("title", flat=True)),
        ["Biên bản"],
    ),
    # partners
    "create_partnership": Operation(
        Action.EDIT,
        lambda w: w,
        lambda w, u: partners.create_partnership(
            w.office, w.partner, level="province", kind="twinning", actor=u
        ),
        lambda w: Partnership.objects.filter(office=w.office, organisation=w.partner).count(),
        1,
    ),
    "update_partnership": Operation(
        Action.EDIT,
        lambda w: w.partnership(),
        lambda p, u: partners.update_partnership(p, notes="Kết nghĩa", actor=u),
        lambda p: _fresh(Partnership, p.pk, "notes"),
        "Kết nghĩa",
    ),
    "add_contact": Operation(
        Action.EDIT,
        lambda w: w.partnership(),
        lambda p, u: partners.add_contact(p, side="theirs", name="Bà B", actor=u),
        lambda p: list(p.contacts.values_list("name", flat=True)),
        ["Bà B"],
    ),
    # archiving (caunoi.core.audit, the one rule every app's records archive by)
    "archive": Operation(
        Action.ARCHIVE,
        lambda w: w.person(),
        lambda p, u: audit.archive(p, actor=u),
        lambda p: _fresh(Person, p.pk, "archived_at") is not None,
        True,
    ),
    "restore": Operation(
        Action.RESTORE,
        lambda w: _archived(w.partnership()),
        lambda p, u: audit.restore(p, actor=u),
        lambda p: _fresh(Partnership, p.pk, "archived_at") is None,
        True,
    ),
    "apply": Operation(
        Action.EDIT,
        lambda w: w.event(),
        lambda e, u: common.apply(e, {"outcomes": "Ký biên bản"}, u),
        lambda e: _fresh(Event, e.pk, "outcomes"),
        "Ký biên bản",
    ),
}


def _archived(record: Any) -> Any:
    audit.archive(record, actor=SYSTEM)
    return record


# Who the user is: their role in the record's office, a national viewer (member elsewhere), or an office
# administrator of another office. "system" is the operator (CLI, demo loader); "nobody" is None, a
# forgotten actor, which may do nothing.
USERS = [
    "system",
    "nobody",
    "viewer",
    "editor",
    "approver",
    "office_admin",
    "national_viewer",
    "other_office",
]
ALLOWED: dict[str, set[Action]] = {
    "system": {Action.EDIT, Action.ARCHIVE, Action.RESTORE},
    "nobody": set(),
    "viewer": set(),
    "editor": {Action.EDIT, Action.ARCHIVE},
    "approver": {Action.EDIT, Action.ARCHIVE},
    "office_admin": {Action.EDIT, Action.ARCHIVE, Action.RESTORE},
    "national_viewer": set(),
    "other_office": set(),
}


@pytest.fixture
def world(office, make_item, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return World(office, make_item)


def _user(kind: str, office: Office, django_user_model: Any) -> Any:
    if kind == "system":
        return SYSTEM
    if kind == "nobody":
        return None
    user = django_user_model.objects.create(username=f"u-{kind}")
    yen_bai = Office.objects.get(code="yen-bai")
    if kind == "national_viewer":
        Membership.objects.create(user=user, office=yen_bai, role=Role.NATIONAL_VIEWER)
    elif kind == "other_office":
        Membership.objects.create(user=user, office=yen_bai, role=Role.OFFICE_ADMIN)
    else:
        Membership.objects.create(user=user, office=office, role=Role(kind))
    return user


def test_the_table_covers_every_write_function_of_the_services():
    import inspect

    written = {
        name
        for module in (people, associations, agreements, events, partners, common)
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not name.startswith("_")
        and "actor" in inspect.signature(function).parameters
    }
    assert written | {"archive", "restore"} == set(OPERATIONS)  # those two from caunoi.core.audit


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_each_role_may_do_exactly_what_it_is_allowed(world, django_user_model, who, operation):
    op = OPERATIONS[operation]
    target = op.prepare(world)
    before = op.observe(target)
    assert before != op.after  # the operation would change something
    user = _user(who, world.office, django_user_model)
    if op.action in ALLOWED[who]:
        op.run(target, user)
        assert op.observe(target) == op.after
    else:
        from caunoi.core.errors import RuleError

        with pytest.raises(RuleError) as error:
            op.run(target, user)
        assert error.value.code == "permission.denied"
        assert error.value.vi == f"Bạn không có quyền “{ACTION_NAMES[op.action]}” trong cơ quan thu-nghiem."
        assert error.value.en == f"You may not “{op.action.value}” in office thu-nghiem."
        assert op.observe(target) == before
