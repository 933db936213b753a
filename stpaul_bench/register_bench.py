"""Benchmarks of the register's list: what its table model asks the store, per keystroke and page.

The model runs these queries off the UI thread; the figures say how long a search or a
page takes to appear, and the keystroke one is held to DESIGN.md's 30 ms.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from stpaul_bench.harness import BenchContext, Figure, percentile, timed
from stpaul_bench.store_bench import TYPED, alternate_with_bare, register_order


def _keystrokes(session: Session) -> list[float]:
    """Seconds per keystroke in the register: the count and the first page, as the model loads them."""
    from stpaul_field.store import beneficiaries as reg

    reg.register_page(session, "warm up")
    return [
        timed(lambda p=text[:end]: (reg.register_count(session, p), reg.register_page(session, p)))
        for text in TYPED
        for end in range(1, len(text) + 1)
    ]


def register_latency(ctx: BenchContext) -> list[Figure]:
    from stpaul_field.store import beneficiaries as reg

    keys = alternate_with_bare(ctx, _keystrokes, register_order)
    store = ctx.open_store(ctx.demo_store())
    first_pages: dict[str, float] = {}
    try:
        with store.reader() as session:
            for sort in reg.SORT_KEYS:
                first_pages[sort] = min(
                    timed(lambda s=sort: (reg.register_count(session), reg.register_page(session, sort=s)))
                    for _ in range(3)
                )
            # A page deep in the list, reached by scrolling (keyset: it costs what page 1 does).
            rows = reg.register_page(session, limit=max(1, int(ctx.beneficiaries * 0.9)))
            deep = (
                min(timed(lambda: reg.register_page(session, after=rows[-1])) for _ in range(3))
                if rows
                else 0.0
            )
    finally:
        store.close()
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    figures = [
        Figure(
            f"registre : frappe (compte + 1re page) p50 ({n})", percentile(keys.ours, 50) * 1000, "ms", 30
        ),
        Figure(
            f"registre : frappe (compte + 1re page) p95 ({n})", percentile(keys.ours, 95) * 1000, "ms", 30
        ),
        *keys.figures("registre : frappe", 2.0),
        Figure(f"registre : page à 90 % de la liste ({n})", deep * 1000, "ms"),
    ]
    figures += [
        Figure(f"registre : liste complète triée par {s} ({n})", t * 1000, "ms")
        for s, t in first_pages.items()
    ]
    return figures
