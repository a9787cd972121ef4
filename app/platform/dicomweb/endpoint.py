"""Where a study's images are: the DICOMweb base a FHIR Endpoint's address names.

Apart from the client because the FHIR mapping needs it to read an ImagingStudy, long
before (and often without) any image being asked for.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def resolve_endpoint(address: str, fhir_base: str) -> str:
    """The DICOMweb base an Endpoint.address names, absolute or relative to the FHIR server.

    The embedded demo platform listens on whatever port is free, so its Endpoint says
    `/dicom-web`, resolved against the FHIR base's origin. Raises ValueError when the
    address is not an http(s) URL or a path (e.g. a DIMSE `dicom://` endpoint).
    """
    address = address.strip()
    target = urlsplit(address)
    if target.scheme:
        if target.scheme not in ("http", "https") or not target.netloc:
            raise ValueError(f"not a DICOMweb address: {address!r}")
        return address.rstrip("/")
    base = urlsplit(fhir_base)
    if base.scheme not in ("http", "https") or not base.netloc:
        raise ValueError(f"cannot resolve {address!r} against {fhir_base!r}")
    if not address:
        raise ValueError("the endpoint has an empty address")
    # "/dicom-web" -> the FHIR server's origin; "dicom-web" -> next to the FHIR base (RFC 3986).
    return urljoin(fhir_base.rstrip("/") + "/", address).rstrip("/")
