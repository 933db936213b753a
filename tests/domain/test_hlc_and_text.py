from stpaul_field.domain.hlc import HybridClock, Stamp
from stpaul_field.domain.ids import new_id
from stpaul_field.domain.text import fold, format_phone, normalize_phone


def test_fold_removes_accents_case_and_extra_spaces():
    assert fold("  Hélène   PAYET ") == "helene payet"
    assert fold("Îlet à Bourse") == "ilet a bourse"


def test_phone_normalisation():
    assert normalize_phone("0692 12-34.56") == "0692123456"
    assert normalize_phone("+262 692 12 34 56") == "0692123456"
    assert normalize_phone("0033 6 12 34 56 78") == "0612345678"
    assert format_phone("0692123456") == "06 92 12 34 56"


def test_clock_never_goes_backwards_when_the_wall_clock_does():
    walls = iter([1000, 5000, 3000, 3000, 9000])
    clock = HybridClock("a", wall=lambda: next(walls))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5


def test_clock_moves_past_a_remote_stamp_from_the_future():
    clock = HybridClock("a", wall=lambda: 1000)
    remote = Stamp(10**9, 4, "b")
    clock.observe(remote)
    assert clock.now() > remote


def test_stamps_encode_so_that_text_order_is_stamp_order():
    a, b = Stamp(999, 12, "x"), Stamp(1000, 1, "a")
    assert (a.encode() < b.encode()) == (a < b)
    assert Stamp.decode(a.encode()) == a


def test_ids_are_version_7_and_time_ordered():
    ids = [new_id() for _ in range(50)]
    assert all(i.version == 7 for i in ids)
    assert [i.int >> 80 for i in ids] == sorted(i.int >> 80 for i in ids)
