"""FHIR errors: every failure the sandbox reports becomes an OperationOutcome.

Clients (ours and other tools) read `issue[0].code` and `diagnostics` to decide what went
wrong, so errors carry both the HTTP status and the FHIR issue code from the start instead
of being mapped from Python exceptions at the edge.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any


class FhirError(Exception):
    """A request the sandbox refuses: HTTP `status`, FHIR issue `code`, human `diagnostics`."""

    def __init__(self, status: int, code: str, diagnostics: str) -> None:
        super().__init__(diagnostics)
        self.status = status
        self.code = code
        self.diagnostics = diagnostics

    def outcome(self) -> dict[str, Any]:
        return operation_outcome(self.diagnostics, code=self.code)


def bad_request(diagnostics: str, code: str = "invalid") -> FhirError:
    return FhirError(400, code, diagnostics)


def not_found(diagnostics: str) -> FhirError:
    return FhirError(404, "not-found", diagnostics)


def unprocessable(diagnostics: str) -> FhirError:
    return FhirError(422, "invalid", diagnostics)


def precondition_failed(diagnostics: str) -> FhirError:
    return FhirError(412, "duplicate", diagnostics)


def operation_outcome(
    diagnostics: str, *, code: str = "invalid", severity: str = "error"
) -> dict[str, Any]:
    """A one-issue OperationOutcome."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": severity, "code": code, "diagnostics": diagnostics}],
    }


def status_line(status: int) -> str:
    """`201 Created`: the form Bundle.entry.response.status uses."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)
