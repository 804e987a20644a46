"""Organisations named in IATI files, matched within the office by IATI identifier, else by name,
else created; loaded once per import."""

from __future__ import annotations

from caunoi.core.models import Office
from caunoi.core.text import fold
from caunoi.directory.models import Organisation, OrgKind
from caunoi.iati.activity import OrgRef

REF_LENGTH = 120  # Organisation.iati_ref
NAME_LENGTH = 300  # Organisation.name

# IATI OrganisationType → directory kind (governments may be an embassy or a ministry: "other").
KIND_BY_IATI_TYPE = {
    "21": OrgKind.FOREIGN_NGO,
    "22": OrgKind.FOREIGN_NGO,
    "23": OrgKind.FOREIGN_NGO,
    "24": OrgKind.FOREIGN_NGO,
    "30": OrgKind.INTERNATIONAL,
    "40": OrgKind.INTERNATIONAL,
    "60": OrgKind.FOREIGN_NGO,
    "70": OrgKind.COMPANY,
    "71": OrgKind.COMPANY,
    "72": OrgKind.COMPANY,
    "73": OrgKind.COMPANY,
}


class Directory:
    def __init__(self, office: Office):
        self.office = office
        self.by_ref: dict[str, Organisation] = {}
        self.by_name: dict[str, Organisation] = {}
        self.folded: dict[str, str] = {}
        for org in Organisation.objects.filter(office=office):
            if org.iati_ref:
                self.by_ref[org.iati_ref] = org
            for name in (org.name, org.name_original):
                if name:
                    self.by_name.setdefault(fold(name), org)

    def known(self, ref: OrgRef | None) -> Organisation | None:
        if ref is None:
            return None
        if ref.ref and ref.ref in self.by_ref:
            return self.by_ref[ref.ref]
        return None

    def get(self, ref: OrgRef) -> Organisation | None:
        """The organisation `ref` names; when the office has none, a new unsaved one (the writer saves it)."""
        iati_ref = ref.ref if len(ref.ref) <= REF_LENGTH else ""
        if iati_ref and iati_ref in self.by_ref:
            return self.by_ref[iati_ref]
        # Matched by the name as stored: two longer names alike in their first 300 characters are one.
        name = (ref.name or iati_ref)[:NAME_LENGTH]
        if not name:
            return None
        if not iati_ref:
            key = self._fold(name)
            if key in self.by_name:
                return self.by_name[key]
        org = Organisation(
            office=self.office,
            kind=KIND_BY_IATI_TYPE.get(ref.kind, OrgKind.OTHER),
            name=name,
            name_original=(ref.name or "")[:NAME_LENGTH],
            iati_ref=iati_ref,
            iati_type=ref.kind[:3],
            search_text=fold(" ".join(p for p in (name, iati_ref) if p)),
        )
        if iati_ref:
            self.by_ref[iati_ref] = org
        else:
            self.by_name[self._fold(name)] = org
        return org

    def _fold(self, name: str) -> str:
        if name not in self.folded:
            self.folded[name] = fold(name)
        return self.folded[name]
