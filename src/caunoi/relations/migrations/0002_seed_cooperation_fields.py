"""Seed the fields of cooperation named in agreements and in the 2022 report; staff edit the list after."""

from django.db import migrations

FIELDS = [
    # code, Vietnamese, English
    ("giao-duc-dao-tao", "Giáo dục - đào tạo", "Education and training"),
    ("dao-tao-nghe", "Đào tạo nghề", "Vocational training"),
    ("y-te", "Y tế", "Health"),
    ("ha-tang", "Hỗ trợ xây dựng cơ sở vật chất, hạ tầng", "Infrastructure"),
    ("van-hoa-du-lich", "Văn hóa - du lịch", "Culture and tourism"),
    ("nong-nghiep", "Nông nghiệp", "Agriculture"),
    ("lao-dong", "Lao động", "Labour"),
    ("thuc-tap-sinh", "Trao đổi thực tập sinh, xuất khẩu lao động", "Trainee exchange and labour export"),
    ("thuong-mai", "Thương mại", "Trade"),
    ("dau-tu", "Hợp tác đầu tư", "Investment"),
    ("can-bo", "Đào tạo, bồi dưỡng cán bộ", "Training of officials"),
    ("moi-truong", "Môi trường, ứng phó biến đổi khí hậu", "Environment and climate change"),
    ("khac", "Lĩnh vực khác", "Other fields"),
]


def seed(apps, schema_editor):
    CooperationField = apps.get_model("relations", "CooperationField")
    for order, (code, name, name_en) in enumerate(FIELDS, start=1):
        CooperationField.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en, "order": order})


def unseed(apps, schema_editor):
    apps.get_model("relations", "CooperationField").objects.filter(code__in=[f[0] for f in FIELDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("relations", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
