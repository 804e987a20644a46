"""XSD validation of IATI activities against the shipped 2.03 schema, one activity at a time.

`iati-activity` is a global element of the schema, so each activity element is validated on its own as
it is read (lxml validates a sub-element as if it were a document root, keeping its source lines); no
wrapper document and no re-serialisation are needed. The compiled schema is loaded once per process.

Versions 2.01 and 2.02 are validated with the same 2.03 schema, which accepts their documents except for
what 2.02 and 2.03 added. `LATER_FEATURES` lists the additions checked: an element or attribute
introduced in 2.02 or 2.03 that appears in a file declaring an earlier version is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, cast

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "schema-2.03"
ACCEPTED_VERSIONS = ("2.01", "2.02", "2.03")

# (path under iati-activity, attribute or None, introduced in, how to name it).
LATER_FEATURES: tuple[tuple[str, str | None, str], ...] = (
    (".", "humanitarian", "2.02"),
    ("humanitarian-scope", None, "2.02"),
    ("transaction", "humanitarian", "2.02"),
    ("participating-org", "activity-id", "2.02"),
    ("sector", "vocabulary-uri", "2.02"),
    ("recipient-region", "vocabulary-uri", "2.02"),
    ("policy-marker", "vocabulary-uri", "2.02"),
    ("document-link/document-date", None, "2.02"),
    (".", "budget-not-provided", "2.03"),
    ("tag", None, "2.03"),
    ("participating-org", "crs-channel-code", "2.03"),
    ("default-aid-type", "vocabulary", "2.03"),
    ("transaction/aid-type", "vocabulary", "2.03"),
    ("document-link/description", None, "2.03"),
    ("result/document-link", None, "2.03"),
    ("result/reference", None, "2.03"),
    ("result/indicator/baseline", "iso-date", "2.03"),
)
# Transaction types added by 2.03 (outgoing and incoming pledge).
LATER_TRANSACTION_TYPES = {"12": "2.03", "13": "2.03"}

_DECIMAL_ERROR = re.compile(r"'([^']*)' is not a valid value of the atomic type 'xs:decimal'")
_ELEMENT = re.compile(r"Element '([^']+)'")


def line_of(element: etree._Element) -> int | None:
    return cast(int | None, element.sourceline)


@cache
def activity_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


@cache
def organisation_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-organisations-schema.xsd")))


def schema_errors(schema: etree.XMLSchema, element: etree._Element) -> list[tuple[int, str, str]]:
    """(line, element name, message) of each XSD error in `element`, or [] when it is valid."""
    if schema.validate(element):
        return []
    out = []
    for error in cast(Any, schema.error_log):
        found = _ELEMENT.search(error.message)
        name = found.group(1) if found else (error.path or "").rsplit("/", 1)[-1].split("[")[0]
        out.append((error.line, name, error.message))
    return out


def exponent_value(message: str) -> str | None:
    """The offending text when an XSD error is a decimal written with an exponent (d-portal's -2e-10)."""
    found = _DECIMAL_ERROR.search(message)
    if found and re.fullmatch(r"\s*[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*", found.group(1)):
        return found.group(1)
    return None


def root_errors(root: etree._Element) -> list[tuple[int, str, str]]:
    """XSD errors of the <iati-activities> element's own attributes (validated on an empty copy)."""
    shell = etree.Element(root.tag, {str(k): str(v) for k, v in root.attrib.items()})
    shell.append(etree.Element("iati-activity"))  # so that a required child does not count as an error
    errors = schema_errors(activity_schema(), shell)
    return [(line_of(root) or 1, name, msg) for _, name, msg in errors if name == "iati-activities"]


def later_features(activity: etree._Element, version: str) -> Iterator[tuple[etree._Element, str, str]]:
    """(element, what, since) for each 2.02/2.03 addition used by an activity of an earlier `version`."""
    if version == "2.03":
        return
    for path, attribute, since in LATER_FEATURES:
        if since <= version:
            continue
        for element in [activity] if path == "." else activity.iterfind(path):
            if attribute is None:
                yield element, f"<{path.rsplit('/', 1)[-1]}>", since
            elif element.get(attribute) is not None:
                yield element, f"@{attribute} ({path})", since
    for element in activity.iterfind("transaction/transaction-type"):
        since = LATER_TRANSACTION_TYPES.get(element.get("code", ""), "")
        if since > version:
            yield element, f"transaction-type {element.get('code')}", since
