"""What every decoding process does when it starts: the decoder pool's workers.

Each runs under an address-space cap, so a codestream whose header lies about its size (one
asked for 23 GB here) fails with a MemoryError in the worker instead of taking the machine's
memory; each uses one thread per library (the processes are the parallelism); and each
imports the decoders before its first instance, so the first image is not kept waiting.
"""

from __future__ import annotations

import logging
import os
import threading

log = logging.getLogger("huren.images")

#: A worker's address-space cap: room for the largest image decoded (2 GiB) a few times over,
#: far below what a lying codestream asks for.
WORKER_ADDRESS_SPACE = 8 * 1024**3


def start_worker(address_space: int) -> None:
    """In each worker, once: the memory cap, one thread per library (the pool is the parallelism),
    and an end when the application's process ends (`_end_with_parent`)."""
    _end_with_parent()
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = address_space if hard == resource.RLIM_INFINITY else min(address_space, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError) as e:   # Windows has no rlimits
        log.info("decoder worker without a memory cap: %s", e)


def _end_with_parent() -> None:
    """The worker ends as soon as the application's process is gone, however it went.

    A pool's worker waits for work on a queue that nothing closes when the application is
    killed or crashes: each such end left two processes of some 30 MB waiting for ever (seen
    after a killed viewer). The parent's sentinel becomes ready when it ends, on every system.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="huren-parent-watch", daemon=True).start()


def ready_to_decode() -> int:
    """Imports what decoding needs, so that the first instance a worker gets is decoded at once."""
    from app.platform.dicom import decoding, reading  # noqa: F401 - imported for their cost

    for plugin in ("openjpeg", "libjpeg", "rle"):
        try:
            __import__(plugin)
        except ImportError:
            pass
    return os.getpid()
