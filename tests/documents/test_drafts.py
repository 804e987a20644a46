"""Drafts: generated from records, edited in versions, every figure checked, exported with the edited prose."""

import io

import pytest
from docx import Document

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.documents import drafts
from caunoi.documents.models import VersionSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(yen_bai):  # type: ignore[no-untyped-def]
    return drafts.generate_draft(yen_bai, 2022, actor=SYSTEM)


def _errors(findings):  # type: ignore[no-untyped-def]
    return [f for f in findings if f.severity == "error"]


def test_a_generated_draft_has_no_finding_to_look_at(generated):
    assert (generated.number, generated.source) == (1, VersionSource.GENERATED)
    findings = drafts.check_version(generated)
    assert [f for f in findings if f.severity in ("error", "warning")] == []
    labels = {f.label for f in findings if f.label}
    assert {"aid.count", "aid.committed_usd"} <= labels
    assert sum(1 for label in labels if label.startswith("sector.") and label.endswith(".usd")) == 5


def test_a_planted_wrong_sector_figure_is_flagged_with_both_values(generated, django_user_model):
    from caunoi.core.models import Membership, Role

    user = django_user_model.objects.create(username="bientap-thu")
    Membership.objects.create(user=user, office=generated.draft.office.successor, role=Role.EDITOR)
    edited = generated.body.replace("là 80.466 USD", "là 80.446 USD")
    version = drafts.save_version(generated.draft, edited, actor=user, note="sửa số y tế")
    assert (version.number, version.source, version.created_by) == (2, VersionSource.EDITED, user)
    errors = _errors(drafts.check_version(version))
    by_label = {f.label: f for f in errors}
    record = by_label["sector.y-te.usd"]
    assert (record.stated, record.computed) == (80446, 80466)
    assert "80.446 USD" in record.message_vi and "80.466 USD" in record.message_vi
    arithmetic = [f for f in errors if f.code != "record-mismatch"]
    assert len(arithmetic) == 1 and (arithmetic[0].stated, arithmetic[0].computed) == (1404175, 1404155)


def test_a_typed_total_like_the_source_documents_is_flagged(generated):
    edited = generated.body.replace("là 1.404.175 USD (bằng", "là 1.404.155 USD (bằng")
    version = drafts.save_version(generated.draft, edited, actor=SYSTEM)
    errors = {f.label or f.code: f for f in _errors(drafts.check_version(version))}
    assert (errors["aid.committed_usd"].stated, errors["aid.committed_usd"].computed) == (1404155, 1404175)


def test_rewording_keeps_sector_figures_matched_to_their_sector(yen_bai, generated):
    text = (
        "Năm 2022 thu hút 21 chương trình, dự án, phi dự án với tổng vốn 1.404.175 USD. Cụ thể là: y tế có "
        "02 dự án, 80.466 USD; lĩnh vực giáo dục và đào tạo 04 dự án, 81.725 USD; 06 dự án phát triển kinh "
        "tế - xã hội 457.250 USD; tài nguyên - môi trường 02 dự án (41.659 USD) và giải quyết các vấn đề xã "
        "hội 07 dự án, 743.075 USD.\n"
    )
    findings = drafts.check_version(drafts.save_version(generated.draft, text, actor=SYSTEM))
    assert [f.message_vi for f in findings if f.severity != "ok"] == []


def test_a_sector_left_out_of_the_text_is_a_warning(generated):
    text = "Năm 2022 thu hút 21 chương trình, dự án, phi dự án với tổng vốn 1.404.175 USD.\n"
    findings = drafts.check_version(drafts.save_version(generated.draft, text, actor=SYSTEM))
    missing = [f for f in findings if f.code == "record-missing" and (f.label or "").startswith("sector.")]
    assert len(missing) == 5 and "Y tế" in " ".join(f.message_vi for f in missing)


def test_versions_are_kept_and_an_empty_text_is_refused(generated):
    drafts.save_version(generated.draft, "Đoạn mới.", actor=SYSTEM)
    assert [v.number for v in generated.draft.versions.all()] == [1, 2]
    assert drafts.latest_version(generated.draft).body == "Đoạn mới.\n"
    with pytest.raises(RuleError) as empty:
        drafts.save_version(generated.draft, "  \n ", actor=SYSTEM)
    assert empty.value.code == "documents.draft_empty"


def test_an_exported_version_carries_the_edited_prose(generated):
    edited = generated.body + "\nĐoạn do cán bộ bổ sung về **Bản tin Hợp tác Hữu nghị**.\n"
    version = drafts.save_version(generated.draft, edited, actor=SYSTEM)
    document = drafts.export_version(version, "docx")
    assert document.filename == "bao-cao-nam-2022-yen-bai-v2.docx"
    text = "\n".join(p.text for p in Document(io.BytesIO(document.content)).paragraphs)
    assert "Đoạn do cán bộ bổ sung về Bản tin Hợp tác Hữu nghị." in text
    assert "BÁO CÁO" in text
    markdown = drafts.export_version(version, "md").content.decode()
    assert "**Bản tin Hợp tác Hữu nghị**" in markdown
