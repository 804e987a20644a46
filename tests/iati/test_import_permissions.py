import pytest

from caunoi.core.errors import RuleErrors
from caunoi.core.models import Membership, Role
from caunoi.iati.importer import import_paths

pytestmark = pytest.mark.django_db

NOT_XML = b"this is not xml"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.VIEWER, False), (Role.NATIONAL_VIEWER, False), (Role.EDITOR, True), (Role.OFFICE_ADMIN, True)],
)
def test_only_editors_and_above_may_import(office, django_user_model, tmp_path, role, allowed):
    user = django_user_model.objects.create(username="u")
    Membership.objects.create(user=user, office=office, role=role)
    path = tmp_path / "a.xml"
    path.write_bytes(NOT_XML)
    if allowed:
        summary = import_paths([path], office, actor=user)
        assert summary.errors  # the file is refused for what it is, not for who sent it
        assert all(p.code != "permission.denied" for p in summary.errors)
    else:
        with pytest.raises(RuleErrors) as error:
            import_paths([path], office, actor=user)
        assert [p.code for p in error.value.problems] == ["permission.denied"]
