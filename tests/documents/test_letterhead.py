import datetime as dt

import pytest

from caunoi.core.models import Office
from caunoi.documents.letterhead import default_report_date, letterhead_for
from caunoi.documents.models import DocumentSettings

pytestmark = pytest.mark.django_db


def test_defaults_come_from_the_office_and_its_province(yen_bai):
    head = letterhead_for(yen_bai)
    assert head.issuing_body == "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH YÊN BÁI"
    assert head.place_name == "Yên Bái"
    assert head.number_line("BC", None) == "Số:      /BC-LHHN"
    assert head.place_date(dt.date(2023, 1, 5)) == "Yên Bái, ngày 05 tháng 01 năm 2023"
    assert head.recipients[-1] == "Lưu: VT"


def test_after_2025_the_successor_writes_lao_cai():
    assert letterhead_for(Office.objects.get(code="lao-cai")).place_name == "Lào Cai"


def test_office_settings_override_the_defaults(yen_bai):
    DocumentSettings.objects.create(
        office=yen_bai,
        parent_body="Liên hiệp các tổ chức hữu nghị Việt Nam",
        symbol="LHHN-YB",
        signer_name="Nguyễn Văn A",
        recipients="- Như trên;\n- Lưu: VT, VP.",
    )
    head = letterhead_for(yen_bai)
    assert head.parent_body == "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM"
    assert head.number_line("BC", "05") == "Số: 05/BC-LHHN-YB"
    assert head.signer_name == "Nguyễn Văn A"
    assert head.recipients == ("Như trên", "Lưu: VT, VP")


def test_the_default_date_is_today_while_the_report_is_due_else_the_deadline():
    assert default_report_date(2022, dt.date(2023, 1, 10)) == dt.date(2023, 1, 10)
    assert default_report_date(2022, dt.date(2026, 11, 27)) == dt.date(2023, 1, 15)
