"""Engines run `process_chunk` over chunks of items and yield the outcomes in input order:
in this process (1 worker), a local process pool, or a Dask cluster (a LocalCluster, or an
existing scheduler at tcp://…).

Pool workers never outlive the run: they ask Linux to kill them when their parent dies (even by
SIGKILL), they leave Ctrl-C to the parent, and an interrupted run terminates them at once."""

from __future__ import annotations

import itertools
import logging
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from vnextract.extractor.batch.process import Outcome, process_chunk
from vnextract.extractor.batch.sources import Item

_PR_SET_PDEATHSIG = 1


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _bounded(submit, pending_limit: int, chunk_iter: Iterator[list[Item]]):
    """Keep at most `pending_limit` chunks in flight (memory stays flat on huge inputs), in order."""
    pending = []
    for chunk in chunk_iter:
        pending.append(submit(chunk))
        if len(pending) >= pending_limit:
            yield pending.pop(0)
    yield from pending


def _worker_started(parent: int) -> None:
    """In each pool worker: die with the parent, and ignore Ctrl-C (the parent handles it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:                          # the parent died before the signal was asked for
        os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop queued chunks and end the workers now, rather than wait for the chunks they are on."""
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)          # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.join(5)
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(5)              # its clean-up done before the interpreter's exit wakes it (a closed pipe)


def run_local(items: Iterable[Item], *, workers: int, chunk_size: int) -> Iterator[Outcome]:
    if workers <= 1:
        for chunk in chunks(items, chunk_size):
            yield from process_chunk(chunk)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started, initargs=(os.getpid(),))
    try:
        for future in _bounded(lambda c: pool.submit(process_chunk, c), 4 * workers, chunks(items, chunk_size)):
            yield from future.result()
    except BaseException:                                # Ctrl-C, or the consumer stopped early
        _stop(pool)
        raise
    pool.shutdown(wait=True)


class _InterruptedSyncCancel(logging.Filter):
    """Drops one record of a known distributed bug. A Ctrl-C while the client waits makes
    `distributed.utils.sync` schedule a `cancel` that raises NameError when the call it cancels
    had not started yet; tornado logs that as a traceback. Nothing is lost by it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "sync.<locals>.cancel" not in record.getMessage()


_SYNC_CANCEL_FILTER = _InterruptedSyncCancel()


def run_dask(items: Iterable[Item], *, workers: int, chunk_size: int, scheduler: str | None) -> Iterator[Outcome]:
    from dask.distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    logging.getLogger("tornado.application").addFilter(_SYNC_CANCEL_FILTER)   # a set: added once
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # The workers start with Ctrl-C ignored (a disposition they inherit), so that it reaches
        # this process only, which closes the cluster; distributed's worker processes exit by
        # themselves when this process dies (tests/reliability: a killed parent).
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
        finally:
            signal.signal(signal.SIGINT, previous)
        client = Client(cluster)
    try:
        limit = 4 * max(1, sum(client.nthreads().values()))
        for future in _bounded(lambda c: client.submit(process_chunk, c, pure=False), limit,
                               chunks(items, chunk_size)):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
