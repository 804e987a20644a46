import pytest

from caunoi.aid import services
from caunoi.aid.models import AidItem
from caunoi.core.permissions import SYSTEM


@pytest.fixture
def all_public(yen_bai):  # type: ignore[no-untyped-def]
    """Every demo item of Yên Bái marked public (all are approved)."""
    items = list(AidItem.objects.filter(office=yen_bai))
    for item in items:
        services.set_public(item, True, actor=SYSTEM)
    return items
