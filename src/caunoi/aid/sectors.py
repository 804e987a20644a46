"""The report groups and their OECD DAC codes: editing the map, and finding the group of a DAC code."""

from __future__ import annotations

from django.db import transaction

from caunoi.aid import messages as m
from caunoi.aid.models import DacVocabulary, Sector, SectorDacCode
from caunoi.core import audit
from caunoi.core.permissions import Actor
from caunoi.core.text import fold, nfc
from caunoi.iati.codelists import codelist

OTHER_SECTOR = "linh-vuc-khac"


def dac_vocabulary(code: str) -> str:
    """The IATI sector vocabulary of a DAC code: 5 digits → "1", 3 digits → "2"; anything else is refused."""
    if len(code) == 5 and code in codelist("Sector"):
        return DacVocabulary.DAC5
    if len(code) == 3 and code in codelist("SectorCategory"):
        return DacVocabulary.DAC3
    raise m.DAC_CODE_UNKNOWN(field="dac_codes", code=code)


@transaction.atomic
def set_dac_codes(sector: Sector, codes: list[str], *, actor: Actor) -> None:
    cleaned = [(dac_vocabulary(c.strip()), c.strip()) for c in codes if c.strip()]
    taken = SectorDacCode.objects.filter(code__in=[c for _, c in cleaned]).exclude(sector=sector)
    for other in taken.select_related("sector"):
        raise m.DUPLICATE_ENTRY(field="dac_codes", name=f"{other.code} ({other.sector.name})")
    sector.dac_codes.exclude(code__in=[c for _, c in cleaned]).delete()
    for vocabulary, code in cleaned:
        SectorDacCode.objects.get_or_create(sector=sector, vocabulary=vocabulary, code=code)
    audit.save(sector, actor)


def sector_for_dac(code: str) -> Sector:
    """The report group of a DAC code: its own mapping, else its 3-digit category's, else the "other" group."""
    mapping = {row.code: row.sector for row in SectorDacCode.objects.select_related("sector")}
    if code in mapping:
        return mapping[code]
    if len(code) == 5 and code[:3] in mapping:
        return mapping[code[:3]]
    return Sector.objects.get(code=OTHER_SECTOR)


def find_sector(text: str) -> Sector:
    """A sector by its code or its name, with or without diacritics."""
    wanted = fold(nfc(text))
    for sector in Sector.objects.all():
        if wanted in (sector.code, fold(sector.name), fold(sector.name_en)):
            if sector.archived_at:
                raise m.SECTOR_ARCHIVED(field="sectors", value=sector.name)
            return sector
    raise m.SECTOR_UNKNOWN(field="sectors", value=text)
