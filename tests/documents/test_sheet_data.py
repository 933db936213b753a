"""What an attendance sheet shows, gathered from the store (no painting involved)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from stpaul_field.documents.sheet_data import (
    SheetError,
    blank_sheet,
    find_venue,
    french_date,
    parse_workshop_id,
    sheet_for_activity,
    sheets_for_day,
    workshops_on,
)
from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary, Participation, utcnow
from tests.sheet_factory import add_advisor, add_workshop


def test_participants_are_alphabetical_with_accents_ignored(store: Store) -> None:
    wid = add_workshop(
        store,
        [
            ("Zoé", "Fontaine", "Saint-Paul"),
            ("Hélène", "Écanvil", "Le Port"),
            ("Jean", "Dupont", "Saint-Paul"),
            ("Anne", "dupont", "Saint-Leu"),
            ("Maëva", "Técher", "Saint-Paul"),
        ],
    )
    with store.reader() as s:
        sheet = sheet_for_activity(s, wid)
    assert [p.name for p in sheet.participants] == [
        "DUPONT Anne",
        "DUPONT Jean",
        "ÉCANVIL Hélène",
        "FONTAINE Zoé",
        "TÉCHER Maëva",
    ]
    assert [p.commune for p in sheet.participants][:3] == ["Saint-Leu", "Saint-Paul", "Le Port"]
    assert sheet.registered_count == 5


def test_only_registered_living_participations_each_once(store: Store) -> None:
    wid = add_workshop(store, [("Ana", "Boyer", "Saint-Paul")])
    with store.session() as s:
        ana = s.query(Beneficiary).filter_by(last_name="Boyer").one()
        # Added twice by two laptops offline: printed once.
        s.add(Participation(activity_id=wid, beneficiary_id=ana.id, registered=True))
        walkin = Beneficiary(first_name="Paul", last_name="Walkin")
        gone = Beneficiary(first_name="Rémi", last_name="Retiré")
        erased = Beneficiary(first_name="Eva", last_name="Effacée", deleted_at=utcnow())
        s.add_all([walkin, gone, erased])
        s.flush()
        s.add(Participation(activity_id=wid, beneficiary_id=walkin.id, registered=False))
        s.add(Participation(activity_id=wid, beneficiary_id=gone.id, deleted_at=utcnow()))
        s.add(Participation(activity_id=wid, beneficiary_id=erased.id))
    with store.reader() as s:
        sheet = sheet_for_activity(s, wid)
    assert [p.name for p in sheet.participants] == ["BOYER Ana"]


def test_merged_duplicate_signs_as_the_kept_record(store: Store) -> None:
    wid = add_workshop(store, [("Jean", "Payet", "Saint-Paul"), ("Jean", "Payét", "Saint-Paul")])
    with store.session() as s:
        jeans = s.query(Beneficiary).filter(Beneficiary.first_name == "Jean")
        kept, dup = sorted(jeans, key=lambda b: b.last_name)
        dup.merged_into_id = kept.id
    with store.reader() as s:
        assert [p.name for p in sheet_for_activity(s, wid).participants] == ["PAYET Jean"]


def test_header_uses_the_value_list_labels_venue_bassin_and_advisors(store: Store) -> None:
    with store.reader() as s:
        venue = find_venue(s, "ilet a bourse")
    assert venue is not None
    lead = add_advisor(store, "Marie", "Hoareau")
    co = add_advisor(store, "Jean", "Grondin")
    wid = add_workshop(
        store,
        title="Messagerie",
        start=dt.time(9, 30),
        duration_min=150,
        venue_id=venue.id,
        advisor_id=lead,
        co_advisor_ids=[co],
        themes=["email", "securite_numerique"],
        level="intermediaire",
    )
    with store.reader() as s:
        sheet = sheet_for_activity(s, wid)
    assert sheet.themes == ("E-mail", "Prévention en sécurité numérique")
    assert sheet.level == "Intermédiaire"
    assert (sheet.venue, sheet.bassin) == ("Îlet à Bourse", "Mafate")
    assert sheet.advisors == ("Marie Hoareau", "Jean Grondin")
    assert (sheet.start, sheet.end) == (dt.time(9, 30), dt.time(12, 0))


def test_unknown_or_individual_activity_is_a_french_error(store: Store) -> None:
    missing = uuid.uuid4()
    individual = add_workshop(store, type_="individual", title="")
    with store.reader() as s:
        with pytest.raises(SheetError, match="Aucun atelier ne porte l'identifiant"):
            sheet_for_activity(s, missing)
        with pytest.raises(SheetError, match="accompagnement individuel"):
            sheet_for_activity(s, individual)
    with pytest.raises(SheetError, match="n'est pas un identifiant d'atelier valide"):
        parse_workshop_id("atelier-12")


def test_day_lists_the_workshops_that_take_place_in_time_order(store: Store) -> None:
    day = dt.date(2026, 11, 24)
    late = add_workshop(store, title="Après-midi", day=day, start=dt.time(14, 0))
    early = add_workshop(store, title="Matin", day=day, start=dt.time(8, 30))
    add_workshop(store, title="Annulé", day=day, status="cancelled")
    add_workshop(store, title="Individuel", day=day, type_="individual")
    add_workshop(store, title="Autre jour", day=day + dt.timedelta(days=1))
    with store.reader() as s:
        assert workshops_on(s, day) == [early, late]
        assert [sheet.title for sheet in sheets_for_day(s, day)] == ["Matin", "Après-midi"]
        with pytest.raises(SheetError, match="Aucun atelier prévu le mardi 01/12/2026"):
            sheets_for_day(s, dt.date(2026, 12, 1))


def test_french_date_and_blank_sheet() -> None:
    assert french_date(dt.date(2026, 11, 22)) == "dimanche 22/11/2026"
    sheet = blank_sheet(title="Atelier imprévu")
    assert sheet.blank and sheet.participants == () and sheet.date is None
