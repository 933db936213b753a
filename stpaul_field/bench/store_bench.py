"""Benchmarks of the local store: search as you type, and opening a large store."""

from __future__ import annotations

from stpaul_field.bench.harness import BenchContext, Figure, percentile, timed

# What advisors type: names with and without accents, a phone number, a commune.
TYPED = ("helene payet", "Técher", "jean-marc hoarau", "0692 12", "grondin saint-gilles", "Maëva")


def search_latency(ctx: BenchContext) -> list[Figure]:
    from stpaul_field.store.database import Store
    from stpaul_field.store.search import count_matches, search_beneficiaries

    store = Store.open(ctx.demo_store())
    samples: list[float] = []
    try:
        with store.reader() as session:
            search_beneficiaries(session, "warm up")
            for text in TYPED:
                for end in range(1, len(text) + 1):
                    prefix = text[:end]
                    # One keystroke: the first page of hits and their count, as the register shows.
                    samples.append(
                        timed(
                            lambda p=prefix: (
                                search_beneficiaries(session, p, limit=50),
                                count_matches(session, p),
                            )
                        )
                    )
    finally:
        store.close()
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [
        Figure(f"recherche par frappe p50 ({n} bénéficiaires)", percentile(samples, 50) * 1000, "ms", 30),
        Figure(f"recherche par frappe p95 ({n} bénéficiaires)", percentile(samples, 95) * 1000, "ms", 30),
    ]


def store_open(ctx: BenchContext) -> list[Figure]:
    from sqlalchemy import select

    from stpaul_field.store.database import Store
    from stpaul_field.store.models import Beneficiary

    paths = ctx.demo_store()
    samples: list[float] = []
    for _ in range(5):

        def open_and_first_page() -> None:
            store = Store.open(paths)
            with store.reader() as session:
                session.scalars(
                    select(Beneficiary)
                    .where(Beneficiary.deleted_at.is_(None), ~Beneficiary.anonymous)
                    .order_by(Beneficiary.last_name, Beneficiary.first_name)
                    .limit(100)
                ).all()
            store.close()

        samples.append(timed(open_and_first_page))
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [Figure(f"ouverture du poste + 1re page ({n} bénéficiaires)", min(samples) * 1000, "ms", 1000)]
