"""Hybrid logical clock: stamps that keep causal order even when laptops' clocks are wrong.

A stamp is (wall milliseconds, counter, node). It never goes backwards on one device
even if the wall clock does, and after seeing a remote stamp it is always later than it.
Used only to pick the winner of a real conflict — never to decide what is applied.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


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
        millis, counter, node = text.split("-", 2)
        return cls(int(millis), int(counter), node)


class HybridClock:
    def __init__(
        self,
        node: str,
        last: Stamp | None = None,
        wall: Callable[[], int] = lambda: int(time.time() * 1000),
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
            stamp = Stamp(self._last.millis, self._last.counter + 1, self.node)
        self._last = stamp
        return stamp

    def observe(self, remote: Stamp) -> None:
        """Move past a stamp received from elsewhere."""
        wall = self._wall()
        millis = max(wall, self._last.millis, remote.millis)
        if millis == self._last.millis == remote.millis:
            counter = max(self._last.counter, remote.counter) + 1
        elif millis == self._last.millis:
            counter = self._last.counter + 1
        elif millis == remote.millis:
            counter = remote.counter + 1
        else:
            counter = 0
        self._last = Stamp(millis, counter, self.node)
