"""What a benchmark receives and returns."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from stpaul_field.paths import AppPaths

# Benchmark stores hold demo data only; a fixed passphrase keeps them reusable between runs.
BENCH_PASSPHRASE = "banc d'essai stpaul-field"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    goal: float | None = None  # the DESIGN.md goal, same unit; None: reported only
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        """value ÷ goal for "lower is better" figures (≤ 1 meets the goal), goal ÷ value otherwise."""
        if self.goal is None or self.value == 0:
            return None
        return self.goal / self.value if self.higher_is_better else self.value / self.goal

    @property
    def meets_goal(self) -> bool | None:
        ratio = self.ratio
        return None if ratio is None else ratio <= 1.0


@dataclass
class BenchContext:
    work_dir: Path
    beneficiaries: int = 100_000
    activities: int = 100_000
    laptops: int = 200  # laptops syncing at once (sync-many)
    _stores: dict[tuple[int, int], AppPaths] = field(default_factory=dict)

    def open_store(self, paths: AppPaths):  # type: ignore[no-untyped-def]
        from stpaul_field.store.database import Store

        return Store.open(paths, passphrase=BENCH_PASSPHRASE)

    def demo_store(self, beneficiaries: int | None = None, activities: int | None = None) -> AppPaths:
        """Paths of a store seeded with demo data, made once per size and reused."""
        from stpaul_field.store.database import Store
        from stpaul_field.store.demo import seed

        key = (beneficiaries or self.beneficiaries, activities if activities is not None else self.activities)
        if key not in self._stores:
            paths = AppPaths.under(self.work_dir / f"demo-{key[0]}-{key[1]}")
            if not paths.store_file.exists():
                store = Store.open(paths, passphrase=BENCH_PASSPHRASE)
                try:
                    seed(store, key[0], key[1])
                finally:
                    store.close()
            self._stores[key] = paths
        return self._stores[key]


def timed(fn: Callable[[], object]) -> float:
    """Seconds taken by one call."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def percentile(samples: list[float], pct: float) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[int(pct) - 1]
