"""Running the app under uvicorn: slow clients timed out, no server banner, and a shutdown that
ends in bounded time even when a worker is wedged."""

from __future__ import annotations

import asyncio
import logging
import math
import os
import socket
import sys
import threading
import time
from typing import Any

import h11
from uvicorn import Config, Server
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.supervisors import Multiprocess

from vnextract.api.settings import get_settings

_KILL_AFTER_SECONDS = 5.0           # past the graceful shutdown, a worker that has not exited is killed


class HeadTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, with a limit on the time a client takes to send a request's head.

    uvicorn times out idle keep-alive connections but not a client that sends its headers a byte at
    a time (slowloris); this closes a connection whose request line and headers have not arrived in
    full within `header_timeout_seconds` of it opening or of the previous response ending. (Slow
    bodies are the app's: api/middleware.py, BodyLimits.)"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head_seconds = get_settings().header_timeout_seconds
        self.head_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self.head_timer = self.loop.call_later(self.head_seconds, self._head_timed_out)

    def _disarm(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_timed_out(self) -> None:
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm()                           # the head is in: the body has its own limit

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def graceful_seconds() -> int:
    """How long a shutdown waits for requests in flight: their time limit, and a little more."""
    return math.ceil(get_settings().timeout_seconds) + 2


def config(host: str, port: int, *, workers: int, log_level: str) -> Config:
    return Config("vnextract.api.main:create_app", factory=True, host=host, port=port, workers=workers,
                  log_level=log_level, http=HeadTimeoutH11, server_header=False, timeout_keep_alive=5,
                  timeout_graceful_shutdown=graceful_seconds())


class BoundedMultiprocess(Multiprocess):
    """uvicorn's supervisor, except that on shutdown it waits for its workers a bounded time, then
    kills those still running (a worker stopped or stuck in native code would otherwise hold the
    shutdown for ever)."""

    def join_all(self) -> None:
        deadline = time.monotonic() + graceful_seconds() + _KILL_AFTER_SECONDS
        for worker in self.processes:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.kill()
                worker.process.join()


def serve(host: str, port: int, *, workers: int, log_level: str) -> None:
    settings = config(host, port, workers=workers, log_level=log_level)
    if workers <= 1:
        Server(settings).run()
        _exit_unless_stuck()
        return
    BoundedMultiprocess(settings, sockets=[listening_socket(host, port)]).run()


def _exit_unless_stuck() -> None:
    """After the server has stopped, give extraction threads still running a moment to reach their
    deadline; past it, end the process rather than wait for them (the interpreter would)."""
    deadline = time.monotonic() + _KILL_AFTER_SECONDS
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() and not t.daemon and t is not threading.current_thread() for t in threading.enumerate()):
        logging.getLogger(__name__).error("extraction threads still running after the shutdown: exiting without them")
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket the workers share. uvicorn's own is made with protocol 0, and asyncio then leaves
    TCP_NODELAY off on accepted connections: Nagle and delayed ACKs add ~40 ms to every response.
    Made with IPPROTO_TCP, accepted connections get TCP_NODELAY as a single worker's do."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock
