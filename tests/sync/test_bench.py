"""The sync benchmarks run at tiny sizes and give sane figures (figures, not timed assertions)."""

from __future__ import annotations

import pytest

from stpaul_bench import sync_bench
from stpaul_bench.harness import BenchContext
from stpaul_bench.runner import BENCHMARKS


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> BenchContext:
    # One work dir for the module: sync-day starts from the laptop sync-first leaves.
    return BenchContext(tmp_path_factory.mktemp("sync-bench"), beneficiaries=200, activities=200, laptops=3)


def test_the_sync_benchmarks_are_registered() -> None:
    for name in ("sync-day", "sync-first", "sync-many", "sync-file"):
        assert BENCHMARKS[name][0].startswith("stpaul_bench.sync_bench:")


def test_sync_first_pulls_the_whole_team_record(ctx: BenchContext) -> None:
    figures = sync_bench.sync_first(ctx)
    values = {f.name: f.value for f in figures}
    pulled = next(v for k, v in values.items() if "enregistrements reçus" in k)
    assert pulled > 200 + 200  # people, activities and their participations
    assert next(v for k, v in values.items() if "pages" in k) >= 1
    assert 20 < next(v for k, v in values.items() if "par enregistrement" in k) < 1000
    assert (ctx.work_dir / "sync-pair-200-200" / "laptop").is_dir()


def test_sync_day_counts_round_trips_and_bytes_on_the_wire(ctx: BenchContext) -> None:
    # A fast link: the figures are the same kind, the test stays quick.
    figures = sync_bench.sync_day(ctx, bandwidth_bps=50_000_000, rtt_s=0.02)
    values = {f.name.split(" : ")[-1]: f for f in figures}
    assert values["échanges HTTP"].value >= 1
    # TCP and TLS handshakes are turns on the wire too.
    assert values["allers-retours sur le lien (TCP + TLS + HTTP)"].value >= values["échanges HTTP"].value + 2
    assert values["octets sur le lien, envoyés"].value > 0
    assert values["octets sur le lien, reçus"].value > 0
    assert values["durée ÷ borne du lien"].value > 0
    title = figures[0].name
    assert "modifications" in title and " 0 modifications" not in title


def test_sync_file_weighs_the_file_against_https(ctx: BenchContext) -> None:
    figures = sync_bench.sync_file(ctx)
    values = {f.name.split(" : ")[-1]: f for f in figures}
    assert values["fichier de demande ÷ HTTPS"].goal == 1.2
    assert 1 < values["fichier de demande ÷ HTTPS"].value < 2
    assert values["fichier de réponse ÷ HTTPS"].value > 1
    assert values["lire la réponse sur le poste"].value > 0
    assert "modifications" in figures[0].name and " 0 modifications" not in figures[0].name


@pytest.mark.postgres
def test_sync_many_on_postgresql_has_no_error(
    ctx: BenchContext, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(sync_bench.POSTGRES_ENVS[0], postgres_url)
    figures = sync_bench.sync_many(ctx, workers=1)
    values = {f.name.split(",")[0]: f.value for f in figures}
    assert values["erreurs"] == 0
    assert values["synchronisations réussies"] == 100
    assert values["synchronisation complète p99"] >= values["synchronisation complète p50"] > 0
    assert values["échanges HTTP par poste (moyenne)"] >= 1


def test_sync_many_without_postgresql_says_so(
    ctx: BenchContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in sync_bench.POSTGRES_ENVS:
        monkeypatch.delenv(name, raising=False)
    assert sync_bench.sync_many(ctx) == []
    assert "aucun PostgreSQL" in capsys.readouterr().out
