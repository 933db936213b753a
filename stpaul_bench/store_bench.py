"""Benchmarks of the local store: search as you type, and opening a large store."""

from __future__ import annotations

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


def _first_page(session: Session) -> None:
    """What the register shows first: its count and first page, by the register's own queries."""
    from stpaul_field.store.beneficiaries import register_count, register_page

    register_count(session)
    register_page(session, limit=100)


def search_latency(ctx: BenchContext) -> list[Figure]:
    store = ctx.open_store(ctx.demo_store())
    try:
        with store.reader() as session:
            samples = _keystrokes(session)
    finally:
        store.close()
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [
        Figure(f"recherche par frappe p50 ({n} bénéficiaires)", percentile(samples, 50) * 1000, "ms", 30),
        Figure(f"recherche par frappe p95 ({n} bénéficiaires)", percentile(samples, 95) * 1000, "ms", 30),
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
