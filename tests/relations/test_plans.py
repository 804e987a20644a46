import datetime as dt

import pytest

from caunoi.core.audit import archive
from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.relations.completion import task_completion
from caunoi.relations.services import associations as assoc
from caunoi.relations.services import plans

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def three(office):  # type: ignore[no-untyped-def]
    made = []
    for name, country in [("Việt - Pháp", "FR"), ("Việt - Lào", "LA"), ("Việt - Trung", "CN")]:
        a = assoc.create_association(
            office, name=f"Hội hữu nghị {name}", counterpart_country=country, actor=SYSTEM
        )
        assoc.add_term(a, 1, D(2017, 9, 1), D(2022, 8, 31), actor=SYSTEM)
        made.append(a)
    return made


@pytest.fixture
def task(office, three):  # type: ignore[no-untyped-def]
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023", actor=SYSTEM)
    task = plans.add_task(plan, "Tổ chức Đại hội ba Hội hữu nghị", due_on=D(2023, 12, 31), actor=SYSTEM)
    for a in three:
        plans.add_target(task, f"Đại hội {a.name}", "congress_held", association=a, actor=SYSTEM)
    return task


def congress(a, target, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("on", D(2023, 1, 1))
    kwargs.setdefault("precision", "year")
    kwargs.setdefault("actor", SYSTEM)
    c = assoc.plan_congress(a, term_number=2, **kwargs)
    plans.link_evidence(target, c, actor=SYSTEM)
    return c


def test_completion_follows_held_congresses_in_the_year(task, three):
    targets = list(task.targets.all())
    planned = [congress(a, t) for a, t in zip(three, targets, strict=True)]
    done = task_completion(task, D(2023, 6, 30))
    assert (done.state, done.met, done.total) == ("open", 0, 3)
    assoc.record_congress_held(planned[0], D(2023, 5, 20), actor=SYSTEM)
    done = task_completion(task, D(2023, 6, 30))
    assert (done.state, done.met, done.total, done.as_dict()["percent"]) == ("partial", 1, 3, 33)
    assert task_completion(task, D(2023, 5, 19)).met == 0  # as of a day before it was held
    assoc.record_congress_held(planned[1], D(2023, 11, 2), actor=SYSTEM)
    assert task_completion(task, D(2023, 12, 1)).met == 2
    assoc.record_congress_held(planned[2], D(2024, 1, 15), actor=SYSTEM)  # held, but after the plan's year
    late = task_completion(task, D(2024, 2, 1))
    assert (late.state, late.met) == ("overdue", 2)
    other = congress(three[2], targets[2], on=D(2023, 12, 20), precision="day")
    assoc.record_congress_held(other, D(2023, 12, 20), actor=SYSTEM)
    assert task_completion(task, D(2024, 2, 1)).state == "complete"
    archive(other, actor=SYSTEM)
    assert task_completion(task, D(2024, 2, 1)).met == 2


def test_evidence_must_suit_the_target(task, three, office):
    targets = list(task.targets.all())
    wrong = assoc.plan_congress(three[1], term_number=2, on=D(2023, 1, 1), precision="year", actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        plans.link_evidence(targets[0], wrong, actor=SYSTEM)
    assert error.value.code == "relations.evidence_kind"
    right = assoc.plan_congress(three[0], term_number=2, on=D(2023, 1, 1), precision="year", actor=SYSTEM)
    plans.link_evidence(targets[0], right, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        plans.link_evidence(targets[0], right, actor=SYSTEM)
    assert error.value.code == "relations.evidence_twice"
    with pytest.raises(RuleError) as error:
        plans.add_target(task, "Đại hội", "congress_held", actor=SYSTEM)
    assert error.value.code == "relations.target_needs_association"


def test_event_targets_and_cancelled_tasks(office, org):
    from caunoi.relations.services.events import create_event
    from caunoi.relations.services.partners import create_partnership

    partnership = create_partnership(
        office, org("Tỉnh Viêng Chăn"), level="province", kind="cooperation", actor=SYSTEM
    )
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023", actor=SYSTEM)
    task = plans.add_task(plan, "Củng cố quan hệ với Viêng Chăn", due_on=D(2023, 12, 31), actor=SYSTEM)
    target = plans.add_target(
        task, "Một hoạt động với Viêng Chăn", "event", partnership=partnership, actor=SYSTEM
    )
    elsewhere = create_event(office, title="Gặp mặt", kind="exchange", start_on=D(2023, 3, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        plans.link_evidence(target, elsewhere, actor=SYSTEM)
    assert error.value.code == "relations.evidence_kind"
    talks = create_event(
        office,
        title="Hội đàm",
        kind="talks",
        start_on=D(2023, 3, 1),
        end_on=D(2023, 3, 2),
        partnership=partnership,
        actor=SYSTEM,
    )
    plans.link_evidence(target, talks, actor=SYSTEM)
    assert task_completion(task, D(2023, 3, 1)).state == "open"  # not over yet
    assert task_completion(task, D(2023, 3, 2)).state == "complete"
    untracked = plans.add_task(plan, "Đổi mới thông tin đối ngoại", actor=SYSTEM)
    assert task_completion(untracked, D(2023, 3, 2)).state == "untracked"
    plans.cancel_task(untracked, "Gộp vào nhiệm vụ khác", on=D(2023, 4, 1), actor=SYSTEM)
    assert task_completion(untracked, D(2023, 4, 1)).state == "cancelled"
    with pytest.raises(RuleError) as error:
        plans.link_evidence(plans.add_target(untracked, "X", "other", actor=SYSTEM), talks, actor=SYSTEM)
    assert error.value.code == "relations.task_cancelled"


def test_documents_and_plan_rules(office):
    directive = plans.create_document_ref(
        office,
        kind="directive",
        number="12-CT/TW",
        issued_on=D(2022, 1, 5),
        issuer="Ban Bí thư",
        title="Về đối ngoại nhân dân",
        actor=SYSTEM,
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
            actor=SYSTEM,
        )
    assert error.value.code == "relations.dates_order"
    with pytest.raises(RuleError) as error:
        plans.create_plan(office, year=1800, title="Cũ", actor=SYSTEM)
    assert error.value.code == "relations.year_invalid"


# --- editing plans, tasks and targets -----------------------------------------------------------------------


def code_of(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleError) as error:
        call()
    return error.value.code


def directive_of(office):  # type: ignore[no-untyped-def]
    return plans.create_document_ref(
        office,
        kind="directive",
        number="12-CT/TW",
        issued_on=D(2022, 1, 5),
        issuer="Ban Bí thư",
        title="Về đối ngoại nhân dân",
        actor=SYSTEM,
    )


def test_update_plan_checks_its_rules_and_moves_whole_year_targets(office, org, yen_bai):
    from caunoi.relations.models import AnnualPlan, DocumentRef

    directive = directive_of(office)
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023", implements=[directive], actor=SYSTEM)
    plans.create_plan(office, year=2024, title="Kế hoạch khác", actor=SYSTEM)
    task = plans.add_task(plan, "Tổ chức hoạt động", actor=SYSTEM)
    whole = plans.add_target(task, "Một hoạt động", "event", actor=SYSTEM)
    spring = plans.add_target(
        task,
        "Hoạt động mùa xuân",
        "event",
        window_start=D(2023, 1, 1),
        window_end=D(2023, 4, 30),
        actor=SYSTEM,
    )
    assert (whole.window_start, whole.window_end) == (D(2023, 1, 1), D(2023, 12, 31))

    assert (
        code_of(lambda: plans.update_plan(plan, year=2024, title="Kế hoạch khác", actor=SYSTEM))
        == "relations.duplicate"
    )
    assert code_of(lambda: plans.update_plan(plan, year=1800, actor=SYSTEM)) == "relations.year_invalid"
    assert code_of(lambda: plans.update_plan(plan, title="  ", actor=SYSTEM)) == "relations.required"
    foreign = DocumentRef.objects.filter(office=yen_bai).first()
    assert code_of(lambda: plans.update_plan(plan, implements=[foreign], actor=SYSTEM)) == "office.mismatch"
    with pytest.raises(TypeError):
        plans.update_plan(plan, office=yen_bai, actor=SYSTEM)
    plan.refresh_from_db()
    assert (plan.year, plan.title, list(plan.implements.all())) == (2023, "Kế hoạch 2023", [directive])

    plan78 = plans.create_document_ref(
        office,
        kind="plan",
        number="78-KH/TU",
        issued_on=D(2022, 4, 29),
        issuer="Tỉnh ủy",
        title="Thực hiện Chỉ thị 12",
        implements=directive,
        actor=SYSTEM,
    )
    plans.update_plan(
        plan,
        year=2024,
        title="Kế hoạch 2024",
        implements=[plan78],
        adopted_on=D(2024, 1, 10),
        notes=" Ghi ",
        actor=SYSTEM,
    )
    plan = AnnualPlan.objects.get(pk=plan.pk)
    assert (plan.year, plan.title, plan.adopted_on, plan.notes) == (
        2024,
        "Kế hoạch 2024",
        D(2024, 1, 10),
        "Ghi",
    )
    assert list(plan.implements.all()) == [plan78]
    whole.refresh_from_db()
    spring.refresh_from_db()
    assert (whole.window_start, whole.window_end) == (D(2024, 1, 1), D(2024, 12, 31))
    assert (spring.window_start, spring.window_end) == (D(2023, 1, 1), D(2023, 4, 30))  # its own window stays


def test_an_archived_plan_is_read_only_until_restored(office):
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023", actor=SYSTEM)
    task = plans.add_task(plan, "Nhiệm vụ", actor=SYSTEM)
    target = plans.add_target(task, "Chỉ tiêu", "other", actor=SYSTEM)
    plans.archive_plan(plan, actor=SYSTEM)
    assert plan.archived_at is not None
    for call in (
        lambda: plans.update_plan(plan, title="Mới", actor=SYSTEM),
        lambda: plans.add_task(plan, "Thêm", actor=SYSTEM),
        lambda: plans.update_task(task, title="Mới", actor=SYSTEM),
        lambda: plans.cancel_task(task, "Bỏ", actor=SYSTEM),
        lambda: plans.add_target(task, "Thêm", "other", actor=SYSTEM),
        lambda: plans.update_target(target, description="Mới", actor=SYSTEM),
        lambda: plans.remove_target(target, actor=SYSTEM),
        lambda: plans.archive_plan(plan, actor=SYSTEM),
    ):
        assert code_of(call) == "relations.archived"
    plans.restore_plan(plan, actor=SYSTEM)
    plan.refresh_from_db()
    assert plan.archived_at is None
    assert plans.update_plan(plan, title="Mới", actor=SYSTEM).title == "Mới"


def test_update_cancel_and_reopen_a_task(office):
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023", actor=SYSTEM)
    first = plans.add_task(plan, "Nhiệm vụ một", actor=SYSTEM)
    task = plans.add_task(plan, "Nhiệm vụ hai", actor=SYSTEM)
    assert (first.order, task.order) == (1, 2)
    assert code_of(lambda: plans.add_task(plan, "Ba", order=0, actor=SYSTEM)) == "relations.negative"
    assert code_of(lambda: plans.update_task(task, title="", actor=SYSTEM)) == "relations.required"
    assert code_of(lambda: plans.update_task(task, order=-1, actor=SYSTEM)) == "relations.negative"
    plans.update_task(
        task, title=" Nhiệm vụ hai ", owner="Văn phòng", due_on=D(2023, 6, 30), order=1, actor=SYSTEM
    )
    task.refresh_from_db()
    assert (task.title, task.owner, task.due_on, task.order) == (
        "Nhiệm vụ hai",
        "Văn phòng",
        D(2023, 6, 30),
        1,
    )

    assert code_of(lambda: plans.cancel_task(task, " ", actor=SYSTEM)) == "relations.required"
    assert (
        code_of(lambda: plans.cancel_task(task, "Sớm", on=D(2026, 11, 28), actor=SYSTEM))
        == "relations.date_in_future"
    )
    assert code_of(lambda: plans.reopen_task(task, actor=SYSTEM)) == "relations.task_not_cancelled"
    plans.cancel_task(task, "Gộp vào nhiệm vụ một", on=D(2023, 5, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        plans.cancel_task(task, "Lần nữa", actor=SYSTEM)
    assert (error.value.code, error.value.vi) == (
        "relations.task_already_cancelled",
        "Nhiệm vụ “Nhiệm vụ hai” đã hủy ngày 01/05/2023.",
    )
    task.refresh_from_db()
    assert (task.cancelled_on, task.cancel_reason) == (D(2023, 5, 1), "Gộp vào nhiệm vụ một")
    assert task_completion(task, D(2023, 6, 1)).state == "cancelled"
    plans.reopen_task(task, actor=SYSTEM)
    task.refresh_from_db()
    assert (task.cancelled_on, task.cancel_reason) == (None, "")
    assert task_completion(task, D(2023, 6, 1)).state == "untracked"
    assert plans.cancel_task(task, "Hôm nay", actor=SYSTEM).cancelled_on == D(
        2026, 11, 27
    )  # the frozen clock's today


def test_a_target_keeps_only_the_fields_its_kind_uses(office, org, three):
    from caunoi.relations.services.partners import create_partnership

    partnership = create_partnership(
        office, org("Tỉnh Viêng Chăn"), level="province", kind="cooperation", actor=SYSTEM
    )
    plan = plans.create_plan(office, year=2023, title="Kế hoạch 2023", actor=SYSTEM)
    task = plans.add_task(plan, "Nhiệm vụ", actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        plans.add_target(task, "Hoạt động", "event", association=three[0], actor=SYSTEM)
    assert (error.value.code, error.value.field, error.value.vi, error.value.en) == (
        "relations.target_field_unused",
        "association",
        "Hội hữu nghị không dùng cho chỉ tiêu loại “Tổ chức hoạt động”; hãy để trống.",
        "The association does not apply to a target of kind “Hold an activity”; leave it empty.",
    )
    assert (
        code_of(
            lambda: plans.add_target(
                task, "Đại hội", "congress_held", association=three[0], partnership=partnership, actor=SYSTEM
            )
        )
        == "relations.target_field_unused"
    )
    assert (
        code_of(lambda: plans.add_target(task, "Ký", "agreement_signed", event_kind="talks", actor=SYSTEM))
        == "relations.target_field_unused"
    )
    assert (
        code_of(lambda: plans.add_target(task, "Hoạt động", "event", count=0, actor=SYSTEM))
        == "relations.negative"
    )
    assert (
        code_of(
            lambda: plans.add_target(
                task, "Hoạt động", "event", window_start=D(2023, 6, 1), window_end=D(2023, 5, 1), actor=SYSTEM
            )
        )
        == "relations.dates_order"
    )
    assert (
        code_of(lambda: plans.add_target(task, "Hoạt động", "nothing", actor=SYSTEM))
        == "relations.choice_unknown"
    )
    target = plans.add_target(
        task,
        "Hội đàm với Viêng Chăn",
        "event",
        partnership=partnership,
        event_kind="talks",
        count=2,
        actor=SYSTEM,
    )
    assert (target.partnership, target.event_kind, target.count) == (partnership, "talks", 2)
    assert task.targets.count() == 1


def test_update_target_keeps_linked_evidence_suitable(task, three):
    target = task.targets.get(association=three[0])
    congress(three[0], target)
    with pytest.raises(RuleError) as error:
        plans.update_target(target, association=three[1], actor=SYSTEM)
    assert error.value.code == "relations.target_evidence_unsuited"
    assert error.value.vi == (
        "Minh chứng đã gắn “Đại hội nhiệm kỳ Hội hữu nghị Việt - Pháp (nhiệm kỳ 2)” sẽ không còn phù hợp với "
        "chỉ tiêu sau khi sửa; hãy bỏ minh chứng đó trước."
    )
    assert code_of(lambda: plans.update_target(target, kind="event", association=None, actor=SYSTEM)) == (
        "relations.target_evidence_unsuited"
    )
    target.refresh_from_db()
    assert (target.kind, target.association) == ("congress_held", three[0])
    plans.update_target(
        target, description="Đại hội nhiệm kỳ II", count=1, window_end=D(2024, 3, 31), actor=SYSTEM
    )
    target.refresh_from_db()
    assert (target.description, target.window_start, target.window_end) == (
        "Đại hội nhiệm kỳ II",
        D(2023, 1, 1),
        D(2024, 3, 31),
    )
    plans.update_target(target, kind="other", association=None, actor=SYSTEM)  # any record suits "other"
    target.refresh_from_db()
    assert (target.kind, target.association) == ("other", None)


def test_remove_a_target_only_without_evidence(task, three):
    from caunoi.relations.models import TaskTarget

    target = task.targets.get(association=three[0])
    held = congress(three[0], target)
    with pytest.raises(RuleError) as error:
        plans.remove_target(target, actor=SYSTEM)
    assert (error.value.code, error.value.vi) == (
        "relations.target_has_evidence",
        f"Chỉ tiêu “{target.description}” đã gắn 1 minh chứng; hãy bỏ các minh chứng trước khi xóa chỉ tiêu.",
    )
    plans.unlink_evidence(target.evidence.get(congress=held), actor=SYSTEM)
    pk = target.pk
    plans.remove_target(target, actor=SYSTEM)
    assert not TaskTarget.objects.filter(pk=pk).exists()
    assert TaskTarget.history.filter(id=pk, history_type="-").count() == 1
    assert task.targets.count() == 2


# --- permissions in the service layer -----------------------------------------------------------------------


@pytest.fixture
def users(django_user_model, stranger):  # type: ignore[no-untyped-def]
    names = ("bientap", "xem", "khac", "toanquoc", "quantri")
    return {name: django_user_model.objects.get(username=name) for name in names}


def plan_writes(office):  # type: ignore[no-untyped-def]
    """Every write of the plan services, as (name, call(actor)), on records of the demo office."""
    from caunoi.relations.models import AnnualPlan, DocumentRef, Event

    plan = AnnualPlan.objects.get(office=office, year=2023)
    task = plan.tasks.get(title__startswith="Hoàn thành tổ chức Đại hội")
    target = task.targets.first()
    evidence = target.evidence.first()
    document = DocumentRef.objects.get(office=office, number="12-CT/TW")
    any_record = plans.add_target(task, "Kết quả khác", "other", actor=SYSTEM)  # made by the system
    spare = plans.add_target(task, "Nhập nhầm", "other", actor=SYSTEM)
    event = Event.objects.filter(office=office).first()
    return [
        (
            "create_document_ref",
            lambda actor: plans.create_document_ref(
                office,
                kind="plan",
                number="99-KH/LHHN",
                issued_on=D(2023, 1, 9),
                issuer="Liên hiệp",
                title="Kế hoạch",
                actor=actor,
            ),
        ),
        ("create_plan", lambda actor: plans.create_plan(office, year=2027, title="Năm 2027", actor=actor)),
        (
            "update_plan",
            lambda actor: plans.update_plan(plan, notes="Sửa", implements=[document], actor=actor),
        ),
        ("add_task", lambda actor: plans.add_task(plan, "Nhiệm vụ mới", actor=actor)),
        ("update_task", lambda actor: plans.update_task(task, owner="Văn phòng", actor=actor)),
        ("add_target", lambda actor: plans.add_target(task, "Thêm", "other", actor=actor)),
        ("update_target", lambda actor: plans.update_target(target, count=1, actor=actor)),
        ("unlink_evidence", lambda actor: plans.unlink_evidence(evidence, actor=actor)),
        ("link_evidence", lambda actor: plans.link_evidence(any_record, event, actor=actor)),
        ("remove_target", lambda actor: plans.remove_target(spare, actor=actor)),
        ("cancel_task", lambda actor: plans.cancel_task(task, "Thử", actor=actor)),
        ("reopen_task", lambda actor: plans.reopen_task(task, actor=actor)),
    ]


@pytest.mark.parametrize("username", ["xem", "khac", "toanquoc"])
def test_plan_writes_refuse_a_viewer_and_another_office(yen_bai, users, username):
    from caunoi.relations.models import AnnualPlan, DocumentRef, Evidence, PlanTask, TaskTarget

    writes = plan_writes(yen_bai)
    models = (AnnualPlan, DocumentRef, PlanTask, TaskTarget, Evidence)
    before = [m.objects.count() for m in models]
    plan = AnnualPlan.objects.get(office=yen_bai, year=2023)
    task = plan.tasks.get(title__startswith="Hoàn thành tổ chức Đại hội")
    plans.cancel_task(task, "Để thử bỏ hủy", actor=SYSTEM)  # so that reopen_task has something to refuse
    for name, call in writes:
        with pytest.raises(RuleError) as error:
            call(users[username])
        assert (error.value.code, error.value.vi) == (
            "permission.denied",
            "Bạn không có quyền “nhập, sửa dữ liệu” trong cơ quan yen-bai.",
        ), name
    assert [m.objects.count() for m in models] == before
    plan.refresh_from_db()
    task.refresh_from_db()
    assert plan.notes.startswith("Theo phần định hướng năm 2023") and task.owner != "Văn phòng"
    assert task.cancel_reason == "Để thử bỏ hủy"
    for refused in (plans.archive_plan, plans.restore_plan):
        with pytest.raises(RuleError) as error:
            refused(plan, actor=users[username])
        assert error.value.code == "permission.denied"


def test_plan_writes_allow_an_editor_of_the_office(yen_bai, users):
    from caunoi.relations.models import AnnualPlan, DocumentRef

    editor = users["bientap"]
    for _name, call in plan_writes(yen_bai):
        call(editor)
    plan = AnnualPlan.objects.get(office=yen_bai, year=2023)
    task = plan.tasks.get(title__startswith="Hoàn thành tổ chức Đại hội")
    assert plan.notes == "Sửa" and list(plan.implements.values_list("number", flat=True)) == ["12-CT/TW"]
    assert (task.owner, task.cancelled_on) == ("Văn phòng", None)  # cancelled, then reopened
    assert list(task.targets.values_list("description", flat=True)).count("Nhập nhầm") == 0
    assert AnnualPlan.objects.filter(office=yen_bai, year=2027, title="Năm 2027").exists()
    assert DocumentRef.objects.filter(office=yen_bai, number="99-KH/LHHN").exists()
    assert plan.history.first().history_user == editor
    plans.archive_plan(plan, actor=editor)  # staff archive; only the office administrator restores
    with pytest.raises(RuleError) as error:
        plans.restore_plan(plan, actor=editor)
    assert error.value.code == "permission.denied"
    plans.restore_plan(plan, actor=users["quantri"])
    plan.refresh_from_db()
    assert plan.archived_at is None


def test_a_target_keeps_an_association_archived_since_but_takes_no_new_one(task, three):
    kept = task.targets.get(association=three[0])
    other = task.targets.get(association=three[1])
    archive(three[0], actor=SYSTEM)
    plans.update_target(kept, description="Đại hội (hội đã lưu trữ)", actor=SYSTEM)
    kept.refresh_from_db()
    assert (kept.description, kept.association) == ("Đại hội (hội đã lưu trữ)", three[0])
    assert (
        code_of(lambda: plans.update_target(other, association=three[0], actor=SYSTEM))
        == "relations.archived"
    )
    assert (
        code_of(lambda: plans.add_target(task, "Mới", "congress_held", association=three[0], actor=SYSTEM))
        == "relations.archived"
    )
    other.refresh_from_db()
    assert other.association == three[1]
