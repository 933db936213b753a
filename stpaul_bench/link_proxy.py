"""A TCP proxy on 127.0.0.1 that plays a poor link: bandwidth, round-trip time, cut connections.

    with LinkProxy("127.0.0.1", server_port, bandwidth_bps=512_000, rtt_s=0.7) as link:
        Transport(link.url, token) ...              # every byte goes through the emulated link
        link.stats.round_trips, link.stats.bytes_up, link.stats.bytes_down

    link.plan([Cut("response", 120), None])         # 1st connection cut after 120 response bytes

Each direction has a reader (stamps when bytes arrive) and a writer (delivers them after half
the round trip, at the link's rate), so a long answer pays the latency once, not per chunk.
A new connection pays one more round trip before its first byte (TCP's handshake). A `Cut`
closes both sides once that many bytes have passed in its direction: in the request, the
server may never see it whole; in the response, the server has committed and the client
never reads the answer. No Qt, no dependency: usable by tests and benchmarks alike.
"""

from __future__ import annotations

import contextlib
import queue
import random
import socket
import threading
import time
from dataclasses import dataclass, field

CHUNK = 16 * 1024


@dataclass(frozen=True)
class Cut:
    direction: str  # "request" (client to server) or "response" (server to client)
    offset: int  # bytes of that direction delivered before the cut

    @classmethod
    def random(cls, rng: random.Random, max_request: int, max_response: int) -> Cut:
        if rng.random() < 0.5:
            return cls("request", rng.randrange(max_request))
        return cls("response", rng.randrange(max_response))


@dataclass
class LinkStats:
    connections: int = 0
    round_trips: int = 0  # handshakes + request/response turns
    bytes_up: int = 0
    bytes_down: int = 0
    cuts: int = 0  # connections actually cut
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def reset(self) -> None:
        with self.lock:
            self.connections = self.round_trips = self.bytes_up = self.bytes_down = self.cuts = 0


class _Connection:
    def __init__(self, proxy: LinkProxy, client: socket.socket, cut: Cut | None) -> None:
        self.proxy = proxy
        self.client = client
        self.cut = cut
        self.server = socket.create_connection((proxy.target_host, proxy.target_port))
        self.lock = threading.Lock()
        self.last_up = False  # the last bytes delivered went up: the next down turn is a round trip
        self.delivered = {"request": 0, "response": 0}
        self.closed = False
        self.handshake_due = proxy.rtt_s > 0

    def start(self) -> None:
        for direction, src, dst in (
            ("request", self.client, self.server),
            ("response", self.server, self.client),
        ):
            chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
            threading.Thread(target=self._read, args=(src, chunks), daemon=True).start()
            threading.Thread(target=self._write, args=(direction, dst, chunks), daemon=True).start()

    def _read(self, src: socket.socket, chunks: queue.Queue[tuple[float, bytes]]) -> None:
        while True:
            try:
                data = src.recv(CHUNK)
            except OSError:
                data = b""
            chunks.put((time.monotonic(), data))
            if not data:
                return

    def _write(self, direction: str, dst: socket.socket, chunks: queue.Queue[tuple[float, bytes]]) -> None:
        proxy, free_at = self.proxy, 0.0
        while True:
            arrived, data = chunks.get()
            if not data or self.closed:
                self.close()
                return
            if self.cut is not None and self.cut.direction == direction:
                room = self.cut.offset - self.delivered[direction]
                if room <= 0:
                    self._cut()
                    return
                data = data[:room]
            delay = proxy.rtt_s / 2
            if direction == "request" and self.handshake_due:
                self.handshake_due = False
                delay += proxy.rtt_s
                with proxy.stats.lock:
                    proxy.stats.round_trips += 1
            start = max(arrived + delay, free_at)
            free_at = start + (len(data) * 8 / proxy.bandwidth_bps if proxy.bandwidth_bps else 0.0)
            pause = free_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                dst.sendall(data)
            except OSError:
                self.close()
                return
            self._count(direction, len(data))
            cut = self.cut
            if cut is not None and cut.direction == direction and self.delivered[direction] >= cut.offset:
                self._cut()
                return

    def _count(self, direction: str, size: int) -> None:
        stats = self.proxy.stats
        with self.lock, stats.lock:
            self.delivered[direction] += size
            if direction == "request":
                stats.bytes_up += size
                self.last_up = True
            else:
                stats.bytes_down += size
                if self.last_up:
                    stats.round_trips += 1
                self.last_up = False

    def _cut(self) -> None:
        with self.proxy.stats.lock:
            self.proxy.stats.cuts += 1
        self.close()

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        for sock in (self.client, self.server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


class LinkProxy:
    def __init__(
        self,
        target_host: str,
        target_port: int,
        *,
        bandwidth_bps: float | None = None,
        rtt_s: float = 0.0,
    ) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.bandwidth_bps = bandwidth_bps
        self.rtt_s = rtt_s
        self.stats = LinkStats()
        self._plan: list[Cut | None] = []
        self._plan_lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._connections: list[_Connection] = []
        self._thread = threading.Thread(target=self._accept, daemon=True, name="link-proxy")
        self._thread.start()

    @classmethod
    def to_url(cls, url: str, **options: float | None) -> LinkProxy:
        """A proxy in front of `http://host:port`."""
        host, _, port = url.split("://", 1)[1].rstrip("/").partition(":")
        return cls(host, int(port), **options)  # type: ignore[arg-type]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def plan(self, cuts: list[Cut | None]) -> None:
        """What happens to the next connections, in order (None: left alone); later ones are left alone."""
        with self._plan_lock:
            self._plan = list(cuts)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._plan_lock:
                cut = self._plan.pop(0) if self._plan else None
            try:
                connection = _Connection(self, client, cut)
            except OSError:
                client.close()
                continue
            with self.stats.lock:
                self.stats.connections += 1
            self._connections.append(connection)
            connection.start()

    def close_connections(self) -> None:
        for connection in self._connections:
            connection.close()
        self._connections.clear()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        with contextlib.suppress(OSError):
            self._listener.close()
        self.close_connections()

    def __enter__(self) -> LinkProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
