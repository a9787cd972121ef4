"""DICOMweb: a client for one image server (QIDO-RS listings, WADO-RS retrieval), every answer bounded.

Every image server is possibly hostile, so the package is built in layers, each importing
only those below it:

- `errors`: DicomWebError and the wording of its messages (at the bottom: everyone raises it);
- `transport`: every answer read within a deadline, a size cap and the server's origin,
  per instance for a series, by a response hook on the session;
- `entries`: what a QIDO-RS listing says, read from DICOM JSON into plain result types;
- `endpoint`: the DICOMweb base a FHIR Endpoint names (needed to map an ImagingStudy);
- `client`: DicomWebClient, which makes the requests within those bounds.

The names the rest of the application uses are importable from the package itself.
"""

from app.platform.dicomweb.client import (
    MAX_INSTANCE_BYTES,
    MAX_LISTING_BYTES,
    MAX_PICTURE_BYTES,
    RETRIEVE_ACCEPT,
    DicomWebClient,
)
from app.platform.dicomweb.endpoint import resolve_endpoint
from app.platform.dicomweb.entries import InstanceEntry, StudyEntry, readable_name
from app.platform.dicomweb.errors import DicomWebError
from app.platform.dicomweb.transport import CHUNK_SIZE

__all__ = [
    "CHUNK_SIZE",
    "MAX_INSTANCE_BYTES",
    "MAX_LISTING_BYTES",
    "MAX_PICTURE_BYTES",
    "RETRIEVE_ACCEPT",
    "DicomWebClient",
    "DicomWebError",
    "InstanceEntry",
    "StudyEntry",
    "readable_name",
    "resolve_endpoint",
]
