"""How much of FHIR's optional behaviour the sandbox offers.

The workstation must work with any conformant FHIR R4 server, and the specification leaves
much to the server: whether `_include` is honoured, how names match, how large a page or a
transaction may be. Our own sandbox offers all of it (`FULL`), which is what a trainer
wants, but then a client that silently depends on it is never caught. `MINIMAL` is a server
that does only what the specification promises, each choice one that real servers make,
so that the client can be tested against "a server that is not ours" without one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Conformance:
    """Which optional FHIR behaviours the sandbox offers.

    - `includes`: `_include`/`_revinclude` are optional in FHIR search; a server without
      them accepts and ignores them (and its self link leaves them out), so the client must
      fetch referenced resources itself.
    - `bare_reference_ids`: `patient=123` meaning Patient/123 is a convenience; a server may
      match only `Type/id`, and then a bare id matches nothing.
    - `name_text`: matching `name` against HumanName.text and family+given joined (张伟 =
      张 + 伟) is ours; the specification promises only that `name` searches the name parts.
    - `max_count`: servers cap the page size; a `_count` above the cap is lowered to it.
    - `max_results`: some servers stop paging after so many matches: the page that reaches
      the limit has the true `total` but no `next` link, and the rest is unreachable.
    - `max_transaction_entries`: a server may refuse a transaction too large to run in one
      isolated unit of work (HTTP 400, `too-costly`); the client must then split its work.
      Batches are not limited. Files given to `--load` are the operator's, never refused.
    - `audit_search`: a platform's AuditEvents are its access log, which many let only their
      own security officers search; a workstation may write them and be refused (HTTP 403)
      when it searches them. The dashboard's funnel must then say its upper stages are missing.
    """

    name: str = "full"
    includes: bool = True            # honours _include / _revinclude (optional in FHIR search)
    bare_reference_ids: bool = True  # `patient=123` matches Patient/123 (a server may require Type/id)
    name_text: bool = True           # `name` matches HumanName.text and family+given joined
    max_count: int = 500             # the page-size cap (_count above it is lowered)
    max_results: int | None = None   # past this many matches, the page has `total` but no `next` link
    max_transaction_entries: int | None = None  # larger transactions are refused with 400
    audit_search: bool = True        # AuditEvent can be searched (else 403: written, never read back)


FULL = Conformance()
MINIMAL = Conformance("minimal", includes=False, bare_reference_ids=False, name_text=False,
                      max_count=20, max_results=100, max_transaction_entries=8, audit_search=False)
MODES: dict[str, Conformance] = {"full": FULL, "minimal": MINIMAL}
