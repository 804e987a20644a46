"""The OpenAPI schema's conventions: every operation documents the refusals it may answer with, in the one
shape of `caunoi.api.errors`."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema

from caunoi.api.errors import ErrorSerializer

READ_ERRORS = ("401", "404", "429")
WRITE_ERRORS = ("400", "401", "403", "404", "429")


class CaunoiSchema(AutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        found = super()._get_response_bodies(direction)
        codes = READ_ERRORS if self.method in ("GET", "HEAD") else WRITE_ERRORS
        for code in (*codes, "400"):
            if code not in found:
                found[code] = self._get_response_for_code(ErrorSerializer, code, direction=direction)
        return found
