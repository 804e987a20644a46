"""History shows the records a many-to-many field linked by their names, not as through-table rows."""

from __future__ import annotations

from caunoi.core.permissions import SYSTEM
from caunoi.relations.models import Agreement, CooperationField
from caunoi.relations.services.agreements import set_fields
from caunoi.web.views.history import changes


def test_a_changed_field_of_cooperation_is_shown_by_name(db):
    agreement = Agreement.objects.filter(archived_at__isnull=True).order_by("pk").first()
    assert agreement is not None
    before = list(agreement.fields.order_by("pk"))
    new = CooperationField.objects.exclude(pk__in=[f.pk for f in before]).order_by("pk").first()
    assert new is not None
    set_fields(agreement, [*before, new], actor=SYSTEM)
    rows = changes(list(agreement.history.all()[:2]))
    _label, old, shown = next(
        c for c in rows[0]["changes"] if c[0] == str(Agreement._meta.get_field("fields").verbose_name)
    )
    # Names may hold commas themselves: compare lengths and membership.
    assert len(old) == len(", ".join(str(f) for f in before))
    assert all(str(f) in old for f in before) and str(new) not in old
    assert len(shown) == len(", ".join(str(f) for f in [*before, new]))
    assert all(str(f) in shown for f in [*before, new])
