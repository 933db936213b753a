"""`python -m stpaul_bench agenda`: the agenda's week, with its ratio to the bare SQL read."""

from stpaul_bench.runner import main


def test_agenda_bench_prints_the_team_week_against_its_goal_and_the_bare_read(capsys, tmp_path):
    args = ["agenda", "--beneficiaries", "200", "--activities", "300", "--work-dir", str(tmp_path / "w")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "agenda : semaine de l'équipe (300 activités" in out
    assert "≤ 100 ms" in out
    assert "÷ SQL nu" in out
