"""Hybrid logical clock: stamps that keep causal order even when laptops' clocks are wrong.

A stamp is (wall milliseconds, counter, node). It never goes backwards on one device
even if the wall clock does, and after seeing a remote stamp it is always later than it.
Used only to pick the winner of a real conflict — never to decide what is applied.

Stamps come from laptops, so they are checked like any input: `Stamp.decode` accepts only
the form `encode` writes (15 digits, 6 digits, a short node of plain characters), and a
stamp more than `MAX_LEAD_MS` ahead of a trusted time (`plausible`) is refused by the
central record and never adopted by a clock. Without that bound one stamp from a laptop set
to 2099 (or forged) would win every later conflict and drag every clock that saw it there.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

# How far ahead of the trusted time a stamp may be: a laptop's clock a few hours ahead
# (a wrong time zone set by hand) still syncs; a laptop in 2099 does not win for ever.
MAX_LEAD_MS = 24 * 3600 * 1000
MAX_COUNTER = 999_999  # six digits: past it the clock moves to the next millisecond
MAX_NODE = 40
# ASCII digits only: `int()` also takes "+1", " 1", "1_0" and other scripts' digits.
_CANONICAL = re.compile(rf"([0-9]{{15}})-([0-9]{{6}})-([A-Za-z0-9_.-]{{1,{MAX_NODE}}})", re.ASCII)


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    millis: int
    counter: int
    node: str

    def encode(self) -> str:
        # Fixed-width fields so that encoded stamps sort like stamps.
        return f"{self.millis:015d}-{self.counter:06d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        """The stamp `text` encodes; ValueError for anything `encode` would not have written."""
        match = _CANONICAL.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError("not a canonical HLC stamp")
        millis, counter, node = match.groups()
        return cls(int(millis), int(counter), node)


def wall_ms() -> int:
    return int(time.time() * 1000)


def plausible(stamp: Stamp, trusted_ms: int) -> bool:
    """Not further ahead of `trusted_ms` (a clock we believe) than a wrong laptop clock may be."""
    return stamp.millis <= trusted_ms + MAX_LEAD_MS


class HybridClock:
    def __init__(
        self,
        node: str,
        last: Stamp | None = None,
        wall: Callable[[], int] = wall_ms,
    ) -> None:
        self.node = node
        self._wall = wall
        self._last = last or Stamp(0, 0, node)

    @property
    def last(self) -> Stamp:
        return self._last

    def now(self) -> Stamp:
        wall = self._wall()
        if wall > self._last.millis:
            stamp = Stamp(wall, 0, self.node)
        else:
            stamp = self._after(self._last.millis, self._last.counter)
        self._last = stamp
        return stamp

    def observe(self, remote: Stamp) -> None:
        """Move past a stamp received from elsewhere (the caller checked it is `plausible`)."""
        wall = self._wall()
        millis = max(wall, self._last.millis, remote.millis)
        if millis == self._last.millis == remote.millis:
            self._last = self._after(millis, max(self._last.counter, remote.counter))
        elif millis == self._last.millis:
            self._last = self._after(millis, self._last.counter)
        elif millis == remote.millis:
            self._last = self._after(millis, remote.counter)
        else:
            self._last = Stamp(millis, 0, self.node)

    def _after(self, millis: int, counter: int) -> Stamp:
        # The counter keeps its six digits (the canonical form): a full one borrows a millisecond.
        if counter >= MAX_COUNTER:
            return Stamp(millis + 1, 0, self.node)
        return Stamp(millis, counter + 1, self.node)
