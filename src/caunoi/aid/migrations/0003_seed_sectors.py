"""Seed the six report groups PACCOM and the provinces use, each mapped to OECD DAC codes (GUIDE §3)."""

from django.db import migrations

GROUPS = [
    # code, Vietnamese, English, DAC 3-digit, DAC 5-digit
    ("y-te", "Y tế", "Health", ["121", "122", "130"], []),
    ("giao-duc-dao-tao", "Giáo dục và đào tạo", "Education and training", ["111", "112", "113", "114"], []),
    ("van-de-xa-hoi", "Giải quyết các vấn đề xã hội", "Social issues", ["160"], ["15170"]),
    (
        "phat-trien-kinh-te-xa-hoi",
        "Phát triển kinh tế - xã hội",
        "Socio-economic development",
        ["311", "312"],
        ["43040", "43072", "25030"],
    ),
    ("tai-nguyen-moi-truong", "Tài nguyên - môi trường", "Natural resources and environment", ["410"], ["43060"]),
    ("linh-vuc-khac", "Các lĩnh vực khác", "Other sectors", [], ["99810"]),
]


def seed(apps, schema_editor):
    Sector = apps.get_model("aid", "Sector")
    SectorDacCode = apps.get_model("aid", "SectorDacCode")
    for order, (code, name, name_en, dac3, dac5) in enumerate(GROUPS, start=1):
        sector, _ = Sector.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "order": order}
        )
        for dac in dac3:
            SectorDacCode.objects.get_or_create(vocabulary="2", code=dac, defaults={"sector": sector})
        for dac in dac5:
            SectorDacCode.objects.get_or_create(vocabulary="1", code=dac, defaults={"sector": sector})


def unseed(apps, schema_editor):
    apps.get_model("aid", "Sector").objects.filter(code__in=[g[0] for g in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("aid", "0002_initial")]
    operations = [migrations.RunPython(seed, unseed)]
