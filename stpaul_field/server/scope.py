"""Who may write what. Reads are simpler: a device reads its team's records and the shared venues.

- beneficiaries are shared in the team: any advisor of the team writes them;
- an activity is written only by the advisor who leads or co-leads it, before and after
  the change (handing the lead to a colleague while staying co-leader is allowed) — except
  for clearing its notes, which erasing a person does to every accompaniment of theirs
  (right to erasure; the notes may name them), whoever led it;
- a workshop series follows the same rule as an activity (its leader and co-leaders write
  it), and a session may name only a series of the team;
- a participation follows its activity;
- venues and advisors are written by a coordinator only, within the coordinator's team.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stpaul_field.domain.privacy import ERASED_INDIVIDUAL_ACTIVITY
from stpaul_field.server.caller import Caller
from stpaul_field.server.records import BOOKKEEPING_FIELDS

# Looks up another record of the caller's team (as merged so far in this batch): its fields, or None.
Resolve = Callable[[str, str], dict[str, Any] | None]

NOT_YOURS = "Vous ne pouvez modifier que les activités que vous animez ou co-animez."
NOT_YOURS_SERIES = "Vous ne pouvez modifier que les cycles d'ateliers que vous animez ou co-animez."


def _unknown_leader(after: dict[str, Any], resolve: Resolve) -> str | None:
    for advisor_id in [after.get("advisor_id"), *(after.get("co_advisor_ids") or [])]:
        if advisor_id is not None and resolve("advisor", advisor_id) is None:
            return "Animateur ou co-animateur inconnu dans votre équipe."
    return None


def leads(caller: Caller, activity: dict[str, Any]) -> bool:
    me = str(caller.advisor_id)
    return activity.get("advisor_id") == me or me in (activity.get("co_advisor_ids") or [])


def only_erases(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """True if `after` differs from `before` only by what an erasure sets (cleared notes)."""
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    changed -= BOOKKEEPING_FIELDS  # the erasing edit's own time
    return bool(changed) and all(
        k in ERASED_INDIVIDUAL_ACTIVITY and after.get(k) == ERASED_INDIVIDUAL_ACTIVITY[k] for k in changed
    )


def write_refusal(
    caller: Caller,
    entity: str,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    resolve: Resolve,
) -> str | None:
    """Why `caller` may not turn `before` (None: new record) into `after`; None if allowed."""
    if entity == "advisor":
        if not caller.is_coordinator:
            return "Seul un coordinateur peut créer ou modifier la fiche d'un conseiller."
        if after.get("team_id") != str(caller.team_id):
            return "Un conseiller ne peut être rattaché qu'à l'équipe de son coordinateur."
        return None
    if entity == "venue":
        if not caller.is_coordinator:
            return "Seul un coordinateur peut créer ou modifier un lieu."
        return None
    if entity == "beneficiary":
        return None
    if entity == "workshop_series":
        if (before is not None and not leads(caller, before)) or not leads(caller, after):
            return NOT_YOURS_SERIES
        return _unknown_leader(after, resolve)
    if entity == "activity":
        if before is not None and not leads(caller, before):
            return None if only_erases(before, after) else NOT_YOURS
        if not leads(caller, after):
            return NOT_YOURS
        series_id = after.get("series_id")
        if series_id is not None and resolve("workshop_series", series_id) is None:
            return "Cycle d'ateliers inconnu du serveur : il doit être envoyé avant ses séances."
        return _unknown_leader(after, resolve)
    if entity == "participation":
        for doc in (before, after):
            if doc is None:
                continue
            activity = resolve("activity", doc.get("activity_id") or "")
            if activity is None:
                return "Activité inconnue du serveur : elle doit être envoyée avant ses participants."
            if not leads(caller, activity):
                return "Vous ne pouvez inscrire des participants qu'aux activités que vous animez."
        if resolve("beneficiary", after.get("beneficiary_id") or "") is None:
            return "Bénéficiaire inconnu du serveur : il doit être envoyé avant ses participations."
        return None
    return "Type d'enregistrement inconnu."
