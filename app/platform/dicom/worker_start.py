"""What every decoding process does when it starts: the decoder pool's workers and the header lanes.

Each runs under an address-space cap, so a codestream whose header lies about its size (one
asked for 23 GB here) fails with a MemoryError in the worker instead of taking the machine's
memory; each uses one thread per library (the processes are the parallelism); and each
imports the decoders before its first instance, so the first image is not kept waiting.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger("huren.images")

#: A worker's address-space cap: room for the largest image decoded (2 GiB) a few times over,
#: far below what a lying codestream asks for.
WORKER_ADDRESS_SPACE = 8 * 1024**3


def start_worker(address_space: int) -> None:
    """In each worker, once: the memory cap, and one thread per library (the pool is the parallelism)."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = address_space if hard == resource.RLIM_INFINITY else min(address_space, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError) as e:   # Windows has no rlimits
        log.info("decoder worker without a memory cap: %s", e)


def ready_to_decode() -> int:
    """Imports what decoding needs, so that the first instance a worker gets is decoded at once."""
    from app.platform.dicom import decoding, reading  # noqa: F401 - imported for their cost

    for plugin in ("openjpeg", "libjpeg", "rle"):
        try:
            __import__(plugin)
        except ImportError:
            pass
    return os.getpid()
