"""Finding records by what people type (an issue's number on the command line)."""

from __future__ import annotations

from caunoi.core.models import Office
from caunoi.core.text import nfc
from caunoi.publishing import messages as m
from caunoi.publishing.models import BulletinIssue


def issue_numbered(office: Office, number: str) -> BulletinIssue:
    issue = BulletinIssue.objects.filter(office=office, number=nfc(number)).first()
    if issue is None:
        raise m.BULLETIN_UNKNOWN(field="issue", number=number, office=office.code)
    return issue
