import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.relations.models import CommitteeMember, Congress, FoundingStep, Term
from caunoi.relations.services import associations as svc

pytestmark = pytest.mark.django_db
D = dt.date


def test_founding_goes_proposal_approval_congress(association):
    assert svc.founding_stage(association) == ""
    svc.record_founding_step(
        association,
        "proposal",
        D(2022, 1, 1),
        precision="year",
        body="Ban Đối ngoại Trung ương",
        actor=SYSTEM,
    )
    assert svc.founding_stage(association) == "proposal"
    svc.record_founding_step(
        association,
        "approval",
        D(2023, 3, 10),
        body="Chủ tịch UBND tỉnh",
        reference="456/QĐ-UBND",
        actor=SYSTEM,
    )
    association.refresh_from_db()
    assert (association.founding_decision_number, association.founding_decision_date) == (
        "456/QĐ-UBND",
        D(2023, 3, 10),
    )
    assert svc.founding_stage(association) == "approval"
    svc.record_founding_step(
        association, "founding_congress", D(2023, 6, 20), place="Hội trường tỉnh", actor=SYSTEM
    )
    association.refresh_from_db()
    assert svc.founding_stage(association) == "founded"
    assert association.founded_on == D(2023, 6, 20)
    assert [
        (c.kind, c.term_number, c.status, c.on) for c in Congress.objects.filter(association=association)
    ] == [("founding", 1, "held", D(2023, 6, 20))]


@pytest.mark.parametrize(
    ("steps", "step", "on", "code"),
    [
        ([], "approval", D(2023, 1, 1), "relations.founding_step_missing"),
        ([], "founding_congress", D(2023, 1, 1), "relations.founding_step_missing"),
        (
            [("proposal", D(2022, 5, 1))],
            "founding_congress",
            D(2023, 1, 1),
            "relations.founding_step_missing",
        ),
        ([("proposal", D(2022, 5, 1))], "approval", D(2022, 4, 30), "relations.founding_step_early"),
        ([("proposal", D(2022, 5, 1))], "proposal", D(2022, 6, 1), "relations.founding_step_twice"),
        (
            [("proposal", D(2022, 5, 1)), ("approval", D(2022, 7, 1))],
            "founding_congress",
            D(2022, 6, 30),
            "relations.founding_step_early",
        ),
        ([], "proposal", D(2027, 1, 1), "relations.date_in_future"),
    ],
)
def test_founding_steps_in_order(association, steps, step, on, code):
    for done, day in steps:
        svc.record_founding_step(association, done, day, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.record_founding_step(association, step, on, actor=SYSTEM)
    assert error.value.code == code
    assert FoundingStep.objects.filter(association=association).count() == len(steps)


def test_the_founding_congress_can_be_planned_then_held(association):
    svc.record_founding_step(association, "proposal", D(2022, 5, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.plan_congress(association, term_number=1, on=D(2023, 1, 1), precision="year", actor=SYSTEM)
    assert error.value.code == "relations.congress_before_founding"
    planned = svc.plan_congress(
        association, term_number=1, kind="founding", on=D(2023, 1, 1), precision="year", actor=SYSTEM
    )
    with pytest.raises(RuleError) as error:
        svc.record_congress_held(planned, D(2023, 5, 1), actor=SYSTEM)
    assert error.value.code == "relations.founding_step_missing"
    svc.record_founding_step(association, "approval", D(2023, 2, 1), actor=SYSTEM)
    svc.record_congress_held(planned, D(2023, 5, 1), actor=SYSTEM)
    planned.refresh_from_db()
    assert (planned.status, planned.on, planned.precision) == ("held", D(2023, 5, 1), "day")
    assert Congress.objects.filter(association=association).count() == 1
    with pytest.raises(RuleError) as error:
        svc.record_founding_step(association, "proposal", D(2023, 6, 1), actor=SYSTEM)
    assert error.value.code == "relations.founding_step_twice"


def test_terms_do_not_overlap_and_go_up_in_time(association):
    svc.add_term(association, 1, D(2017, 9, 1), D(2022, 8, 31), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.add_term(association, 2, D(2022, 8, 1), D(2027, 7, 31), actor=SYSTEM)
    assert error.value.code == "relations.term_overlap"
    assert "01/08/2022" in error.value.vi and "31 August 2022" in error.value.en
    with pytest.raises(RuleError) as error:
        svc.add_term(association, 0, D(2010, 1, 1), D(2012, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.negative"
    with pytest.raises(RuleError) as error:
        svc.add_term(association, 2, D(2010, 1, 1), D(2015, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.term_order"
    with pytest.raises(RuleError) as error:
        svc.add_term(association, 2, D(2028, 1, 1), D(2023, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.dates_order"
    svc.add_term(association, 2, D(2022, 9, 1), D(2027, 8, 31), actor=SYSTEM)
    assert list(Term.objects.filter(association=association).values_list("number", flat=True)) == [1, 2]


def test_a_committee_seat_lies_inside_its_term(association, person, office):
    term = svc.add_term(association, 1, D(2017, 9, 1), D(2022, 8, 31), actor=SYSTEM)
    chair = person("Chủ tịch thử nghiệm")
    seat = svc.add_committee_member(term, chair, "chair", actor=SYSTEM)
    assert (seat.start, seat.end) == (D(2017, 9, 1), None)
    for start, end, field in [
        (D(2017, 8, 31), None, "start"),
        (D(2022, 9, 1), None, "start"),
        (D(2018, 1, 1), D(2022, 9, 1), "end"),
    ]:
        with pytest.raises(RuleError) as error:
            svc.add_committee_member(term, chair, "member", start=start, end=end, actor=SYSTEM)
        assert (error.value.code, error.value.field) == ("relations.seat_outside_term", field)
    with pytest.raises(RuleError) as error:
        svc.add_committee_member(term, chair, "member", start=D(2020, 1, 1), end=D(2019, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.dates_order"
    assert CommitteeMember.objects.filter(term=term).count() == 1


def test_a_seat_is_never_put_on_another_associations_term(association, person, office):
    other = svc.create_association(
        office, name="Hội hữu nghị Việt - Pháp", counterpart_country="FR", actor=SYSTEM
    )
    term = svc.add_term(other, 1, D(2017, 9, 1), D(2022, 8, 31), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.add_committee_member(term, person(), "chair", association=association, actor=SYSTEM)
    assert error.value.code == "relations.seat_other_association"


def test_member_counts_and_members(association, person):
    svc.record_member_count(association, D(2022, 12, 31), 150, actor=SYSTEM)
    svc.record_member_count(association, D(2022, 12, 31), 152, actor=SYSTEM)
    assert list(association.member_counts.values_list("count", flat=True)) == [152]
    with pytest.raises(RuleError) as error:
        svc.record_member_count(association, D(2023, 1, 1), -1, actor=SYSTEM)
    assert error.value.code == "relations.negative"
    member = person()
    with pytest.raises(RuleError) as error:
        svc.add_member(association, member, D(2022, 5, 1), left_on=D(2022, 4, 1), actor=SYSTEM)
    assert error.value.code == "relations.member_dates"
    svc.add_member(association, member, D(2022, 5, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.add_member(association, member, D(2023, 5, 1), actor=SYSTEM)
    assert error.value.code == "relations.duplicate"


def test_association_country_is_iso_3166(office):
    with pytest.raises(RuleError) as error:
        svc.create_association(office, name="Hội hữu nghị Việt - Xyz", counterpart_country="XX", actor=SYSTEM)
    assert error.value.code == "relations.country_unknown"
    assert (
        svc.create_association(
            office, name="Hội Việt - Nhật", counterpart_country=" jp ", actor=SYSTEM
        ).counterpart_country
        == "JP"
    )


def test_update_an_associations_own_fields(association, org):
    union = org("Hội hữu nghị Việt - Lào (danh bạ)", "VN", "vn_peoples_org")
    svc.update_association(
        association,
        name="  Hội hữu nghị Việt Nam - Lào tỉnh Thử Nghiệm ",
        name_en="Vietnam–Laos Friendship Association",
        counterpart_country="la",
        organisation=union,
        founding_decision_number="1234/QĐ-UBND",
        founding_decision_date=D(2017, 8, 15),
        founding_decision_body="UBND tỉnh",
        founded_on=D(2017, 9, 20),
        founded_precision="month",
        actor=SYSTEM,
    )
    association.refresh_from_db()
    assert (
        association.name,
        association.counterpart_country,
        association.organisation,
        association.founding_decision_date,
        association.founded_on,
        association.founded_precision,
    ) == ("Hội hữu nghị Việt Nam - Lào tỉnh Thử Nghiệm", "LA", union, D(2017, 8, 15), D(2017, 9, 1), "month")
    assert svc.founding_stage(association) == "founded"
    with pytest.raises(TypeError):
        svc.update_association(association, office=None, actor=SYSTEM)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"name": " "}, "relations.required", "name"),
        ({"counterpart_country": "XX"}, "relations.country_unknown", "counterpart_country"),
        ({"founded_on": D(2027, 1, 1)}, "relations.date_in_future", "founded_on"),
        ({"founding_decision_date": D(2027, 1, 1)}, "relations.date_in_future", "founding_decision_date"),
        ({"founded_precision": "week"}, "relations.choice_unknown", "founded_precision"),
    ],
)
def test_a_bad_association_update_changes_nothing(association, changes, code, field):
    with pytest.raises(RuleError) as error:
        svc.update_association(association, notes="đổi", actor=SYSTEM, **changes)
    assert (error.value.code, error.value.field) == (code, field)
    association.refresh_from_db()
    assert (association.name, association.notes, association.founded_on) == (
        "Hội hữu nghị Việt - Lào tỉnh Thử Nghiệm",
        "",
        None,
    )


def test_the_founding_of_an_association_founded_through_steps_is_the_steps(association):
    svc.record_founding_step(association, "proposal", D(2022, 1, 1), precision="year", actor=SYSTEM)
    svc.record_founding_step(association, "approval", D(2023, 3, 10), reference="456/QĐ-UBND", actor=SYSTEM)
    for changes, field in [
        ({"founding_decision_number": "999/QĐ"}, "founding_decision_number"),
        ({"founded_on": D(2023, 6, 1)}, "founded_on"),
    ]:
        with pytest.raises(RuleError) as error:
            svc.update_association(association, actor=SYSTEM, **changes)
        assert (error.value.code, error.value.field) == ("relations.founding_from_steps", field)
    association.refresh_from_db()
    # the same values, and the other fields, may still be saved
    svc.update_association(
        association, founding_decision_number="456/QĐ-UBND", notes="Đang chuẩn bị đại hội", actor=SYSTEM
    )
    association.refresh_from_db()
    assert (association.founding_decision_number, association.notes) == (
        "456/QĐ-UBND",
        "Đang chuẩn bị đại hội",
    )


def test_named_members_join_and_leave(association, person, office):
    from caunoi.core.audit import archive

    member = svc.add_member(association, person("Hội viên A"), D(2022, 5, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.end_membership(member, D(2022, 4, 30), actor=SYSTEM)
    assert (error.value.code, error.value.field) == ("relations.member_dates", "left_on")
    with pytest.raises(RuleError) as error:
        svc.end_membership(member, D(2027, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.date_in_future"
    svc.end_membership(member, D(2024, 12, 31), actor=SYSTEM)
    member.refresh_from_db()
    assert member.left_on == D(2024, 12, 31)
    with pytest.raises(RuleError) as error:
        svc.end_membership(member, D(2025, 1, 1), actor=SYSTEM)
    assert (error.value.code, error.value.vi) == (
        "relations.member_already_left",
        "Hội viên A đã ra hội ngày 31/12/2024.",
    )
    with pytest.raises(RuleError) as error:
        svc.add_member(association, person("Hội viên B"), D(2027, 1, 1), actor=SYSTEM)
    assert (error.value.code, error.value.field) == ("relations.date_in_future", "joined_on")
    gone = person("Hội viên C")
    archive(gone, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.add_member(association, gone, D(2022, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.archived"
    assert list(association.members.values_list("person__name", flat=True)) == ["Hội viên A"]
