"""WADO-RS metadata: a file's attributes as DICOM JSON (PS3.18 F.2), without its bulk data.

Pixel Data and other large binary values are left out rather than given BulkDataURIs: a
viewer asks for metadata to lay out a series, and fetches the pixels with the instances.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

#: Binary VRs whose values larger than this are bulk data and left out.
BULK_VRS = frozenset({"OB", "OD", "OF", "OL", "OV", "OW", "UN"})
BULK_THRESHOLD = 1024


def metadata(path: Path, transfer_syntax: str) -> dict[str, Any]:
    """The instance's attributes; cached, as a viewer asks again for each series it opens.

    The cache key includes the file's size and modification time: a re-imported file is
    read afresh. The result is shared: callers serialise it, never change it.
    """
    stat = path.stat()
    return _metadata(str(path), stat.st_size, stat.st_mtime_ns, transfer_syntax)


@lru_cache(maxsize=4096)
def _metadata(path: str, size: int, mtime_ns: int, transfer_syntax: str) -> dict[str, Any]:
    import pydicom

    ds = pydicom.dcmread(path, stop_before_pixels=True)
    _drop_bulk(ds)
    attrs = ds.to_json_dict()
    attrs["00083002"] = {"vr": "UI", "Value": [transfer_syntax]}
    return dict(sorted(attrs.items()))


def _drop_bulk(ds: Any) -> None:
    """Remove large binary values, in nested sequences too.

    Reads the elements raw (`get_item`): converting every value only to look at its size
    would double the cost of a series' metadata.
    """
    for tag in list(ds.keys()):
        raw = ds.get_item(tag)
        vr = raw.VR
        if vr == "SQ":
            for item in ds[tag].value or []:
                _drop_bulk(item)
        elif vr in BULK_VRS or vr is None:
            length = raw.length if hasattr(raw, "length") else len(raw.value or b"")
            if length > BULK_THRESHOLD:
                del ds[tag]
