import pytest

from caunoi.documents.body import generate_body

pytestmark = pytest.mark.django_db


def test_the_annual_report_carries_the_peoples_diplomacy_sections(yen_bai):
    body = generate_body(yen_bai, 2022)
    headings = [line for line in body.splitlines() if line.startswith("### ")]
    assert headings[:7] == [
        "### 1. Công tác vận động viện trợ phi chính phủ nước ngoài",
        "### 2. Văn bản chỉ đạo",
        "### 3. Quan hệ với các đối tác nước ngoài",
        "### 4. Hoạt động đối ngoại, đoàn ra, đoàn vào",
        "### 5. Thỏa thuận hợp tác",
        "### 6. Các hội hữu nghị",
        "### 7. Kế hoạch và nhiệm vụ",
    ]
    assert "Thỏa thuận khung với thành phố Mimasaka, tỉnh Okayama (ký 09/2022, giai đoạn 2022 – 2025)" in body
    assert (
        "Hội hữu nghị Việt Nam - Trung Quốc tỉnh Yên Bái (quan hệ với Trung Quốc): đã trình đề nghị" in body
    )
    directions = body[body.index("## II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023") :]
    assert (
        "- Hoàn thành tổ chức Đại hội các Hội hữu nghị Việt - Pháp, Việt - Lào, Việt - Trung\n" in directions
    )
    assert "Chưa có dữ liệu về các hội hữu nghị" not in body
