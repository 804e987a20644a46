import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.relations.completion import task_completion
from caunoi.relations.services import associations as assoc
from caunoi.relations.services import plans
from caunoi.relations.services.common import archive

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def three(office):  # type: ignore[no-untyped-def]
    made = []
    for name, country in [("Việt - Pháp", "FR"), ("Việt - Lào", "LA"), ("Việt - Trung", "CN")]:
        a = assoc.create_association(office, name=f"Hội hữu nghị {name}", counterpart_country=country)
        assoc.add_term(a, 1, D(2017, 9, 1), D(2022, 8, 31))
        made.append(a)
    return made


@pytest.fixture
def task(office, three):  # type: ignore[no-untyped-def]
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023")
    task = plans.add_task(plan, "Tổ chức Đại hội ba Hội hữu nghị", due_on=D(2023, 12, 31))
    for a in three:
        plans.add_target(task, f"Đại hội {a.name}", "congress_held", association=a)
    return task


def congress(a, target, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("on", D(2023, 1, 1))
    kwargs.setdefault("precision", "year")
    c = assoc.plan_congress(a, term_number=2, **kwargs)
    plans.link_evidence(target, c)
    return c


def test_completion_follows_held_congresses_in_the_year(task, three):
    targets = list(task.targets.all())
    planned = [congress(a, t) for a, t in zip(three, targets, strict=True)]
    done = task_completion(task, D(2023, 6, 30))
    assert (done.state, done.met, done.total) == ("open", 0, 3)
    assoc.record_congress_held(planned[0], D(2023, 5, 20))
    done = task_completion(task, D(2023, 6, 30))
    assert (done.state, done.met, done.total, done.as_dict()["percent"]) == ("partial", 1, 3, 33)
    assert task_completion(task, D(2023, 5, 19)).met == 0  # as of a day before it was held
    assoc.record_congress_held(planned[1], D(2023, 11, 2))
    assert task_completion(task, D(2023, 12, 1)).met == 2
    assoc.record_congress_held(planned[2], D(2024, 1, 15))  # held, but after the plan's year
    late = task_completion(task, D(2024, 2, 1))
    assert (late.state, late.met) == ("overdue", 2)
    other = congress(three[2], targets[2], on=D(2023, 12, 20), precision="day")
    assoc.record_congress_held(other, D(2023, 12, 20))
    assert task_completion(task, D(2024, 2, 1)).state == "complete"
    archive(other)
    assert task_completion(task, D(2024, 2, 1)).met == 2


def test_evidence_must_suit_the_target(task, three, office):
    targets = list(task.targets.all())
    wrong = assoc.plan_congress(three[1], term_number=2, on=D(2023, 1, 1), precision="year")
    with pytest.raises(RuleError) as error:
        plans.link_evidence(targets[0], wrong)
    assert error.value.code == "relations.evidence_kind"
    right = assoc.plan_congress(three[0], term_number=2, on=D(2023, 1, 1), precision="year")
    plans.link_evidence(targets[0], right)
    with pytest.raises(RuleError) as error:
        plans.link_evidence(targets[0], right)
    assert error.value.code == "relations.evidence_twice"
    with pytest.raises(RuleError) as error:
        plans.add_target(task, "Đại hội", "congress_held")
    assert error.value.code == "relations.target_needs_association"


def test_event_targets_and_cancelled_tasks(office, org):
    from caunoi.relations.services.events import create_event
    from caunoi.relations.services.partners import create_partnership

    partnership = create_partnership(office, org("Tỉnh Viêng Chăn"), level="province", kind="cooperation")
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023")
    task = plans.add_task(plan, "Củng cố quan hệ với Viêng Chăn", due_on=D(2023, 12, 31))
    target = plans.add_target(task, "Một hoạt động với Viêng Chăn", "event", partnership=partnership)
    elsewhere = create_event(office, title="Gặp mặt", kind="exchange", start_on=D(2023, 3, 1))
    with pytest.raises(RuleError) as error:
        plans.link_evidence(target, elsewhere)
    assert error.value.code == "relations.evidence_kind"
    talks = create_event(
        office,
        title="Hội đàm",
        kind="talks",
        start_on=D(2023, 3, 1),
        end_on=D(2023, 3, 2),
        partnership=partnership,
    )
    plans.link_evidence(target, talks)
    assert task_completion(task, D(2023, 3, 1)).state == "open"  # not over yet
    assert task_completion(task, D(2023, 3, 2)).state == "complete"
    untracked = plans.add_task(plan, "Đổi mới thông tin đối ngoại")
    assert task_completion(untracked, D(2023, 3, 2)).state == "untracked"
    plans.cancel_task(untracked, "Gộp vào nhiệm vụ khác", on=D(2023, 4, 1))
    assert task_completion(untracked, D(2023, 4, 1)).state == "cancelled"
    with pytest.raises(RuleError) as error:
        plans.link_evidence(plans.add_target(untracked, "X", "other"), talks)
    assert error.value.code == "relations.task_cancelled"


def test_documents_and_plan_rules(office):
    directive = plans.create_document_ref(
        office,
        kind="directive",
        number="12-CT/TW",
        issued_on=D(2022, 1, 5),
        issuer="Ban Bí thư",
        title="Về đối ngoại nhân dân",
    )
    with pytest.raises(RuleError) as error:
        plans.create_document_ref(
            office,
            kind="plan",
            number="1-KH/TU",
            issued_on=D(2021, 1, 1),
            issuer="Tỉnh ủy",
            title="Thực hiện",
            implements=directive,
        )
    assert error.value.code == "relations.dates_order"
    with pytest.raises(RuleError) as error:
        plans.create_plan(office, year=1800, title="Cũ")
    assert error.value.code == "relations.year_invalid"
