"""Benchmarks of the local store: search as you type, and opening a large store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from stpaul_bench.harness import BenchContext, Figure, percentile, timed

# What advisors type: names with and without accents, a phone number, a commune.
TYPED = ("helene payet", "Técher", "jean-marc hoarau", "0692 12", "grondin saint-gilles", "Maëva")


def _keystrokes(session: Session) -> list[float]:
    """Seconds per keystroke while typing each of TYPED."""
    from stpaul_field.store.search import count_matches, search_beneficiaries

    search_beneficiaries(session, "warm up")
    samples: list[float] = []
    for text in TYPED:
        for end in range(1, len(text) + 1):
            prefix = text[:end]
            # One keystroke: the first page of hits and their count, as the register shows.
            samples.append(
                timed(
                    lambda p=prefix: (search_beneficiaries(session, p, limit=50), count_matches(session, p))
                )
            )
    return samples


def _bare_file(ctx: BenchContext, source: Path, key: bytes) -> Path:
    """A store of one FTS5 table and nothing else: the people's searched fields, copied once.

    Same tokenizer and prefix indexes as `beneficiary_search` (migration 0002), encrypted
    with the same key and opened with the same pragmas (`make_engine`), so that the only
    difference with our keystroke is the application: its joins, filters, ranking and code.
    """
    from stpaul_field.store.engine import make_engine

    bare = ctx.work_dir / f"bare-fts-{source.parent.name}.sqlite3"
    if bare.exists():
        return bare
    partial = bare.with_suffix(".tmp")
    partial.unlink(missing_ok=True)
    with make_engine(source, key).connect() as src:
        rows = src.exec_driver_sql(
            "SELECT first_name, last_name, phone, commune FROM beneficiary WHERE deleted_at IS NULL"
        ).all()
    engine = make_engine(partial, key)
    raw = engine.raw_connection()
    try:
        raw.execute(
            "CREATE VIRTUAL TABLE bare USING fts5(first_name, last_name, phone, commune,"
            " tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
        )
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO bare VALUES (?, ?, ?, ?)", [tuple(r) for r in rows])
        raw.execute("COMMIT")
    finally:
        raw.close()
        engine.dispose()
    partial.rename(bare)
    return bare


# The bare keystroke's SQL on the bare table, {order} filled in per keystroke.
_BARE_PAGE = "SELECT rowid, first_name, last_name, phone, commune FROM bare WHERE bare MATCH ? {order}"
_BARE_COUNT = "SELECT count(*) FROM (SELECT 1 FROM bare WHERE bare MATCH ? LIMIT ?)"


def search_order(typed: str) -> str:
    """The search's own order and page for what was typed, on the bare table (no join)."""
    from stpaul_field.store.search import WEIGHTS, is_ranked

    by_name = "last_name, first_name"
    return f"ORDER BY {f'bm25(bare, {WEIGHTS}), ' if is_ranked(typed) else ''}{by_name} LIMIT 50"


def register_order(_typed: str) -> str:
    """The register's default order and page (by name, 200 rows) on the bare table."""
    return "ORDER BY last_name, first_name LIMIT 200"


def unsorted_order(_typed: str) -> str:
    """The first 50 hits in the index's own order: FTS5 stops there, sorting nothing."""
    return "LIMIT 50"


def bare_keystrokes(ctx: BenchContext, source: Path, key: bytes, order: Callable[[str], str]) -> list[float]:
    """Seconds per keystroke of the bare FTS5 query over TYPED: a page, the count capped as ours.

    The same MATCH expression as ours and the page in `order`, run by the raw driver
    connection on a table with no join, no filter, no SQLAlchemy and no application code:
    the platform's own cost for the work a keystroke does, to divide ours by in the same run.
    """
    from stpaul_field.store.engine import make_engine
    from stpaul_field.store.search import COUNT_CAP, match_expression

    engine = make_engine(_bare_file(ctx, source, key), key)
    raw = engine.raw_connection()
    try:
        raw.execute(_BARE_PAGE.format(order="LIMIT 50"), ('"warm"*',)).fetchall()
        samples: list[float] = []
        cap = COUNT_CAP + 1  # as `count_matches` asks
        for text in TYPED:
            for end in range(1, len(text) + 1):
                typed = text[:end]
                match, page = match_expression(typed), _BARE_PAGE.format(order=order(typed))
                samples.append(
                    timed(
                        lambda m=match, q=page: (
                            m is not None
                            and (
                                raw.execute(q, (m,)).fetchall(),
                                raw.execute(_BARE_COUNT, (m, cap)).fetchone(),
                            )
                        )
                    )
                )
        return samples
    finally:
        raw.close()
        engine.dispose()


def _first_page(session: Session) -> None:
    """What the register shows first: its count and first page, by the register's own queries."""
    from stpaul_field.store.beneficiaries import register_count, register_page

    register_count(session)
    register_page(session, limit=100)


def ratio(ours: float, bare: float) -> float:
    return ours / bare if bare else 0.0


@dataclass
class Keystrokes:
    """Our keystrokes' seconds, the same query's on the bare table, and the bare table's
    unsorted first page (what FTS5 costs when nothing is ranked), pooled over the rounds."""

    ours: list[float]
    bare: list[float]
    unsorted: list[float]

    def figures(self, label: str, goal: float) -> list[Figure]:
        ours_p95, bare_p95 = percentile(self.ours, 95), percentile(self.bare, 95)
        unsorted_p95 = percentile(self.unsorted, 95)
        return [
            Figure(f"{label} : même requête, FTS5 nue p95", bare_p95 * 1000, "ms"),
            Figure(f"{label} : p95 ÷ FTS5 nue p95", ratio(ours_p95, bare_p95), "×", goal),
            Figure(f"{label} : FTS5 nue sans tri p95", unsorted_p95 * 1000, "ms"),
            Figure(f"{label} : p95 ÷ FTS5 nue sans tri p95", ratio(ours_p95, unsorted_p95), "×"),
        ]


def alternate_with_bare(
    ctx: BenchContext, ours: Callable[[Session], list[float]], order: Callable[[str], str]
) -> Keystrokes:
    """Our keystrokes and the bare FTS5 ones, alternated over rounds on the same (encrypted) demo store.

    Interleaving makes a load on the shared machine fall on both alike; the samples of every
    round are pooled.
    """
    paths = ctx.demo_store()
    store = ctx.open_store(paths)
    key = store.key
    result = Keystrokes([], [], [])
    try:
        bare_keystrokes(ctx, paths.store_file, key, order)  # builds the bare store outside the timing
        for _round in range(3):
            with store.reader() as session:
                result.ours += ours(session)
            result.bare += bare_keystrokes(ctx, paths.store_file, key, order)
            result.unsorted += bare_keystrokes(ctx, paths.store_file, key, unsorted_order)
    finally:
        store.close()
    return result


def search_latency(ctx: BenchContext) -> list[Figure]:
    keys = alternate_with_bare(ctx, _keystrokes, search_order)
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [
        Figure(f"recherche par frappe p50 ({n} bénéficiaires)", percentile(keys.ours, 50) * 1000, "ms", 30),
        Figure(f"recherche par frappe p95 ({n} bénéficiaires)", percentile(keys.ours, 95) * 1000, "ms", 30),
        *keys.figures("recherche", 1.5),
    ]


def store_open(ctx: BenchContext) -> list[Figure]:
    paths = ctx.demo_store()
    samples: list[float] = []
    for _ in range(5):

        def open_and_first_page() -> None:
            store = ctx.open_store(paths)
            with store.reader() as session:
                _first_page(session)
            store.close()

        samples.append(timed(open_and_first_page))
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [Figure(f"ouverture du poste + 1re page ({n} bénéficiaires)", min(samples) * 1000, "ms", 1000)]


def encryption_cost(ctx: BenchContext) -> list[Figure]:
    """The same search and first page on the encrypted store and on a clear copy of it."""
    from stpaul_field.store import cipher
    from stpaul_field.store.engine import make_engine

    paths = ctx.demo_store()
    store = ctx.open_store(paths)
    key = store.key
    store.close()
    clear_file = ctx.work_dir / "clear-copy.sqlite3"
    cipher.export_plaintext(paths.store_file, clear_file, key)
    modes = {"chiffré": (paths.store_file, key), "en clair": (clear_file, None)}
    best: dict[str, tuple[float, float]] = {m: (float("inf"), float("inf")) for m in modes}
    try:
        # Alternate the two modes over rounds and keep each one's best: a busy machine then
        # disturbs both alike.
        for _round in range(3):
            for label, (file, file_key) in modes.items():

                def open_first_page(f=file, k=file_key) -> None:
                    engine = make_engine(f, k)
                    with Session(engine) as session:
                        _first_page(session)
                    engine.dispose()

                opened = min(timed(open_first_page) for _ in range(3))
                engine = make_engine(file, file_key)
                with Session(engine) as session:
                    searched = percentile(_keystrokes(session), 95)
                engine.dispose()
                best[label] = (min(best[label][0], opened), min(best[label][1], searched))
    finally:
        clear_file.unlink(missing_ok=True)
    figures = best
    (open_enc, search_enc), (open_clear, search_clear) = figures["chiffré"], figures["en clair"]
    return [
        Figure("ouverture + 1re page, chiffré ÷ en clair", open_enc / open_clear, "×", 1.3),
        Figure("recherche p95, chiffré ÷ en clair", search_enc / search_clear, "×", 1.3),
        Figure("recherche p95 en clair (référence)", search_clear * 1000, "ms"),
    ]
