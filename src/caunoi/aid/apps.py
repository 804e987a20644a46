from caunoi.core import marked_app


class AidConfig(marked_app.MarkedAppConfig):
    name = "caunoi.aid"
    label = "aid"
    verbose_name = "Viện trợ PCPNN"
    # Which records renew which report marks (caunoi.core.marking). Documents change no report, but the item's
    # page, kept under the same marks (caunoi.web.kept_pages), lists them.
    office_marked = ("AidItem", "Transaction")
    item_marked = ("StatusChange", "ItemSector", "ItemPlace", "Participation", "ItemDocument")
    shared_marked = ("Sector", "SectorDacCode")
