"""Many simulated laptops syncing at the same instant: a light load generator for `sync-many`.

The goal measured is the server's (200 laptops at once on its 2 cores). On this bench's
machine the laptops share those cores, so what a simulated laptop costs is taken from the
server under test. Each laptop's work is therefore split as it is in the field:

- its own CPU — encoding its request, decoding and checking the answer with the real
  protocol (`protocol.encode`, `protocol.decode`) — is done outside the burst, timed
  laptop by laptop, and added to that laptop's time;
- the exchange itself — connect, send the request, receive the whole answer — is what the
  burst runs: one event loop drives every laptop's connection with plain HTTP/1.1 (the
  headers the real `Transport` sends, `device_headers`; no client library), so the load
  generator costs about a tenth of the machine's CPU in the burst instead of a quarter
  (httpx in 200 threads).

A laptop whose answer says `more` sends its next request at once (the cursor read from the
answer), as the engine does. Errors — HTTP status, broken connection, a rejected change —
are kept per laptop with the server's French reason.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import zstandard
from pydantic_core import from_json

from stpaul_field.sync import protocol as p
from stpaul_field.sync.transport import SYNC_PATH, device_headers


@dataclass
class SimulatedLaptop:
    token: str
    changes: list[p.Change]
    cursor: int = 0
    page_size: int = p.DEFAULT_PAGE_SIZE
    answers: list[bytes] = field(default_factory=list)  # each exchange's body, as received
    own_seconds: float = 0.0  # encoding and decoding: the laptop's own CPU
    wire_seconds: float | None = None  # the exchanges, from connecting to the last byte
    exchanges: int = 0
    pulled: int = 0
    error: str | None = None

    @property
    def seconds(self) -> float | None:
        """The whole sync as the laptop lives it; None when it did not finish."""
        if self.error is not None or self.wire_seconds is None:
            return None
        return self.wire_seconds + self.own_seconds


def _request(laptop: SimulatedLaptop, changes: list[p.Change], cursor: int) -> bytes:
    message = p.SyncRequest(
        protocol=p.PROTOCOL_VERSION,
        batch_id=uuid.uuid4(),
        changes=changes,
        cursor=cursor,
        page_size=laptop.page_size,
    )
    return p.encode(message)


def _head(host: str, token: str, length: int) -> bytes:
    headers = {"host": host, **device_headers(token), "content-length": str(length)}
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"POST {SYNC_PATH} HTTP/1.1\r\n{lines}\r\n".encode()


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, token: str, body: bytes
) -> tuple[int, bytes]:
    writer.write(_head(host, token, len(body)) + body)
    status_line = await reader.readline()
    parts = status_line.split()
    if len(parts) < 2 or not parts[1].isdigit():
        raise ConnectionError("réponse HTTP illisible")
    length: int | None = None
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length is None:
        raise ConnectionError("réponse sans Content-Length")
    return int(parts[1]), await reader.readexactly(length)


def _reason(status: int, body: bytes) -> str:
    try:
        detail = from_json(body).get("detail")
    except (ValueError, AttributeError):
        detail = None
    return f"HTTP {status} : {detail or 'sans détail'}"


async def _sync(laptop: SimulatedLaptop, host: str, port: int, first: bytes, timeout: float) -> None:
    started = time.perf_counter()
    writer: asyncio.StreamWriter | None = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
            body = first
            while True:
                status, answer = await _exchange(reader, writer, host, laptop.token, body)
                laptop.exchanges += 1
                if status != 200:
                    laptop.error = _reason(status, answer)
                    return
                laptop.answers.append(answer)
                # Only the cursor, to ask for the next page at once; decoded in full afterwards.
                head = from_json(zstandard.ZstdDecompressor().decompress(answer, p.MAX_BODY_BYTES))
                if not head["more"]:
                    break
                body = _request(laptop, [], int(head["cursor"]))
        laptop.wire_seconds = time.perf_counter() - started
    except (
        OSError,
        asyncio.IncompleteReadError,
        TimeoutError,
        ValueError,
        KeyError,
        zstandard.ZstdError,
    ) as error:
        laptop.error = f"échange interrompu : {type(error).__name__} {error}"
    finally:
        if writer is not None:
            writer.close()


async def _burst(fleet: list[SimulatedLaptop], firsts: list[bytes], url: str, timeout: float) -> None:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    await asyncio.gather(
        *(_sync(laptop, host, port, first, timeout) for laptop, first in zip(fleet, firsts, strict=True))
    )


def prepare(fleet: list[SimulatedLaptop]) -> list[bytes]:
    """Each laptop's first request, encoded on its own time (before the burst)."""
    firsts = []
    for laptop in fleet:
        started = time.perf_counter()
        firsts.append(_request(laptop, laptop.changes, laptop.cursor))
        laptop.own_seconds += time.perf_counter() - started
    return firsts


def burst(fleet: list[SimulatedLaptop], firsts: list[bytes], url: str, timeout: float = 300) -> None:
    """Every laptop exchanges with the server at the same instant (plain HTTP only)."""
    asyncio.run(_burst(fleet, firsts, url, timeout))


def check(fleet: list[SimulatedLaptop]) -> None:
    """Each laptop decodes its answers as the real client does (its own time) and checks them."""
    for laptop in fleet:
        if laptop.error is not None:
            continue
        started = time.perf_counter()
        try:
            answers = [p.decode(body, p.SyncResponse) for body in laptop.answers]
        except (ValueError, zstandard.ZstdError) as error:  # pydantic's ValidationError is a ValueError
            laptop.error = f"réponse illisible : {error}"
            continue
        laptop.own_seconds += time.perf_counter() - started
        refused = [r for a in answers for r in a.results if r.status == "rejected"]
        if refused:
            laptop.error = f"refusé : {refused[0].reason}"
        laptop.pulled = sum(len(a.changes) for a in answers)
