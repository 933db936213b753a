"""Per-field merge of one change into the central record's current state (pure, no SQL).

A field the server has not changed since the change's `base_version` is simply taken.
A field changed on both sides (its server seq is newer than the base) with different
values is a real conflict: the later HLC stamp wins and the other value is reported.
Two exceptions are not conflicts: a field last set by the same device (it knew its own
earlier write, e.g. an edit made before the answer to its previous push arrived; the later
stamp wins), and the bookkeeping stamps (created/updated at). The device is the server's
authenticated one, not the stamp's node, which laptops choose themselves.

Three laptops, two of which set the same value: the second sets nothing (both sides agree)
but is remembered as a co-writer of the field (`CO_WRITERS`); when a third value later wins,
each of them lost it, and each gets its conflict logged (issue 16).

`Merged.holds` tells whether the pushing device now holds the record exactly as merged: not
when the record keeps a value another device wrote after the change's base (a field the
change did not touch, or a conflict its value lost). Only then may the device take the new
version as the base of its next edit; otherwise that edit would claim to know a colleague's
value it never showed its advisor, and would overwrite it with no conflict (issue 16).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stpaul_field.domain.hlc import Stamp, plausible
from stpaul_field.server.records import BOOKKEEPING_FIELDS

_NO_STAMP = Stamp(0, 0, "")
# Key of `field_devices` (server-only) listing, per field, the other devices that set the
# same value after its writer ([stamp, device] pairs): no field is named so.
CO_WRITERS = "+co_writers"
MAX_CO_WRITERS = 20


def _with_writer(writers: list[list[str]], stamp_text: str, device: str) -> list[list[str]]:
    kept = [w for w in writers if w[1] != device]
    return [*kept, [stamp_text, device]][-MAX_CO_WRITERS:]


@dataclass(frozen=True, slots=True)
class Conflict:
    field: str
    kept: Any
    lost: Any
    lost_is_mine: bool
    kept_stamp: str
    lost_stamp: str


@dataclass
class Merged:
    doc: dict[str, Any]  # the record's fields after the change
    taken: list[str] = field(default_factory=list)  # fields this change set (take its seq/stamp)
    conflicts: list[Conflict] = field(default_factory=list)
    holds: bool = True  # the device holds `doc` (no other device's value it has not seen)
    # Fields whose value this change set again, equal, after another device: their writers.
    co_writers: dict[str, list[list[str]]] = field(default_factory=dict)
    # Values that lost with the field's own (same value, set by other devices): logged only.
    also_lost: list[Conflict] = field(default_factory=list)


def decode_stamp(text: str | None, trusted_ms: int | None = None) -> Stamp:
    """The stored stamp; none for one unreadable, or (given the server's time) absurdly ahead.

    Stamps stored before the central record bounded them (a laptop set to 2099, a forged
    one) must not win every later conflict: they count as no stamp at all."""
    try:
        stamp = Stamp.decode(text) if text else _NO_STAMP
    except ValueError:
        return _NO_STAMP
    if trusted_ms is not None and not plausible(stamp, trusted_ms):
        return _NO_STAMP
    return stamp


def merge(
    current: dict[str, Any],
    field_seqs: dict[str, int],
    field_stamps: dict[str, str],
    field_devices: dict[str, Any],  # and the co-writers under CO_WRITERS
    values: dict[str, Any],
    base_version: int,
    stamp: Stamp,
    stamp_text: str,
    device: str,
    trusted_ms: int | None = None,
) -> Merged:
    out = Merged(dict(current))
    also = field_devices.get(CO_WRITERS) or {}
    for name, value in values.items():
        if field_seqs.get(name, 0) <= base_version:
            out.doc[name] = value
            out.taken.append(name)
            continue
        old = current.get(name)
        if old == value:  # both sides agree: nothing to settle, but this device holds it too
            if name not in BOOKKEEPING_FIELDS and field_devices.get(name) != device:
                out.co_writers[name] = _with_writer(also.get(name) or [], stamp_text, device)
            continue
        old_stamp_text = field_stamps.get(name, "")
        writers = [w for w in also.get(name) or [] if w[1] != device]
        stamps = [old_stamp_text, *(w[0] for w in writers)]
        old_stamp = max(decode_stamp(text, trusted_ms) for text in stamps)
        mine_later = stamp > old_stamp
        if mine_later:
            out.doc[name] = value
            out.taken.append(name)
        if name in BOOKKEEPING_FIELDS:
            continue
        by_other = field_devices.get(name) != device
        if mine_later:
            if by_other:
                out.conflicts.append(Conflict(name, value, old, False, stamp_text, old_stamp_text))
            # Every other laptop that had set the same value lost it too, and is told.
            out.also_lost += [Conflict(name, value, old, False, stamp_text, w[0]) for w in writers]
        elif by_other:
            out.conflicts.append(Conflict(name, old, value, True, old_stamp_text, stamp_text))
    out.holds = not any(
        seq > base_version
        and field_devices.get(name) != device
        and name not in BOOKKEEPING_FIELDS
        and (name not in values or out.doc.get(name) != values[name])
        for name, seq in field_seqs.items()
    )
    return out
