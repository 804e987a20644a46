"""Figures kept by the ledger: per office and year, what the aid report and the dashboard sum up
(`caunoi.reports.kept`), stamped with the office's ledger mark (`caunoi.core.marks`) they were computed under."""

from __future__ import annotations

from django.db import models


class YearFigures(models.Model):
    """One office's figures of one year, as `caunoi.reports.kept.YearFigures` computes them, pickled.

    A row proves itself: it is used only while its `stamp` is the office's current mark (and the shared one),
    so a change anywhere that renews the mark makes the next read compute the office-year again."""

    office = models.ForeignKey("core.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    stamp = models.CharField(max_length=64)
    data = models.BinaryField()
    # Apart, so that a report reads only what it shows (`caunoi.reports.kept.figures_of`): the map of one
    # office's recorded places, and the aid report's shares and rates.
    map_data = models.BinaryField()
    report_data = models.BinaryField(default=b"")
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="reports_yearfigures_unique")]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}"
