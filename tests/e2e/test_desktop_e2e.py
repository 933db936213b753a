"""The real program, started as an advisor starts it, typed into with real X events.

Each test runs `python -m stpaul_field` under its own Xvfb with openbox, on a fresh account's
folders and with no OS keyring, then reads what it wrote with the store's own API once it has
quit (issue 15).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import select

from stpaul_field import settings as st
from stpaul_field.store import activities as acts
from stpaul_field.store.cipher import WrongKey
from stpaul_field.store.database import Store
from stpaul_field.store.keys import KeyInfo, key_info_file
from stpaul_field.store.models import Activity, Venue
from tests.e2e.desktop import Display, Laptop, RunningApp, red_text_pixels, wait_for

PASSPHRASE = "cases en paille de Mafate"
DIALOG = "Ouvrir le poste"
MAIN = "Agenda"

Launch = Callable[[], RunningApp]


def _type_passphrase(display: Display, passphrase: str, confirm: bool = False) -> str:
    dialog = display.wait_window(DIALOG)
    display.focus(dialog)
    display.type(passphrase)
    if confirm:
        display.keys("Tab")
        display.type(passphrase)
    display.keys("Return")
    return dialog


def _opened(display: Display, launch: Launch) -> tuple[RunningApp, str]:
    """The app started on a prepared laptop, its passphrase typed, the keyboard in its window."""
    app = launch()
    _type_passphrase(display, PASSPHRASE)
    main = display.wait_window(MAIN, timeout=60)
    display.focus(main)
    return app, main


def _quit(display: Display, app: RunningApp, main: str) -> None:
    display.focus(main)
    display.keys("ctrl+q")
    assert app.wait_exit() == 0, app.output()


def _prepared_laptop(laptop: Laptop, *people: tuple[str, str]) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """A laptop already set up (passphrase, venue chosen), with people in its register."""
    store = Store.open(laptop.paths, passphrase=PASSPHRASE)
    try:
        with store.session() as s:
            venue = s.scalars(select(Venue.id).where(Venue.active).order_by(Venue.name)).first()
            assert venue is not None
            ids = [acts.create_beneficiary(s, first, last) for first, last in people]
    finally:
        store.close()
    st.Settings(laptop.paths.settings_file).set(st.CURRENT_VENUE, str(venue))
    return venue, ids


def _saved_activities(laptop: Laptop) -> list[acts.LoadedActivity]:
    store = Store.open(laptop.paths, passphrase=PASSPHRASE, first_start=False)
    try:
        with store.reader() as s:
            ids = s.scalars(select(Activity.id).where(Activity.deleted_at.is_(None))).all()
            return [acts.load_activity(s, i) for i in ids]
    finally:
        store.close()


def test_first_start_without_a_keyring(display: Display, laptop: Laptop, launch: Launch) -> None:
    app = launch()
    _type_passphrase(display, PASSPHRASE, confirm=True)
    main = display.wait_window(MAIN, timeout=60)
    # The first start asks where the advisor works, over the main window.
    settings = display.wait_window("Paramètres")
    # The bug of issue 15: the process ended (status 0) once the dialog closed.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        assert app.process.poll() is None, f"l'application s'est arrêtée : {app.output()}"
        time.sleep(0.5)
    assert display.windows(MAIN) == [main]
    display.focus(settings)
    display.keys("Escape")
    display.wait_gone(settings)
    _quit(display, app, main)

    info = KeyInfo.load(key_info_file(laptop.paths))
    assert info is not None and info.method == "passphrase" and info.n == 2**17  # the product's cost
    Store.open(laptop.paths, passphrase=PASSPHRASE, first_start=False).close()
    with pytest.raises(WrongKey):
        Store.open(laptop.paths, passphrase="une autre phrase", first_start=False)


def test_later_start_with_the_passphrase(display: Display, laptop: Laptop, launch: Launch) -> None:
    _prepared_laptop(laptop, ("Hélène", "Payet"))
    app = launch()
    dialog = _type_passphrase(display, PASSPHRASE)
    main = display.wait_window(MAIN, timeout=60)
    display.wait_gone(dialog)
    assert not display.windows("Paramètres")  # the venue was chosen already: straight to work
    _quit(display, app, main)


def test_wrong_passphrase_is_refused_in_the_dialog(display: Display, laptop: Laptop, launch: Launch) -> None:
    _prepared_laptop(laptop)
    before = laptop.paths.store_file.read_bytes()
    app = launch()
    first = display.wait_window(DIALOG)
    assert red_text_pixels(display, first, "dialog-before") == 0
    _type_passphrase(display, "pas la bonne phrase")

    # Asked again, with the refusal in red under the field; nothing opened, nothing quit.
    def refused() -> bool:
        again = display.windows(DIALOG)
        return bool(again) and red_text_pixels(display, again[-1], "dialog-refused") > 50

    wait_for(refused, "le refus de la phrase de passe affiché dans la boîte « Ouvrir le poste »")
    assert app.process.poll() is None, app.output()
    assert not display.windows(MAIN)
    assert laptop.paths.store_file.read_bytes() == before
    # The right one then opens the store.
    _type_passphrase(display, PASSPHRASE)
    main = display.wait_window(MAIN, timeout=60)
    _quit(display, app, main)


def test_cancel_at_the_passphrase_quits_cleanly(display: Display, laptop: Laptop, launch: Launch) -> None:
    _prepared_laptop(laptop)
    files = {p: p.read_bytes() for p in laptop.paths.data.rglob("*") if p.is_file()}
    app = launch()
    dialog = display.wait_window(DIALOG)
    display.focus(dialog)
    display.keys("alt+a")  # « &Annuler »
    assert app.wait_exit() == 0, app.output()
    assert not display.windows(MAIN)
    assert {p: p.read_bytes() for p in laptop.paths.data.rglob("*") if p.is_file()} == files
    Store.open(laptop.paths, passphrase=PASSPHRASE, first_start=False).close()


def test_accompaniment_typed_with_the_keyboard_only(display: Display, laptop: Laptop, launch: Launch) -> None:
    venue, (helene, _) = _prepared_laptop(laptop, ("Hélène", "Payet"), ("Henri", "Payet"))
    app, main = _opened(display, launch)
    display.keys("ctrl+n")
    form = display.wait_window("Accompagnement individuel")
    display.focus(form)
    display.type("payet hel")  # no accent: the search folds them
    display.keys("Return")
    display.type("navig")
    display.keys("space", "ctrl+Return")
    display.wait_gone(form)
    _quit(display, app, main)

    [saved] = _saved_activities(laptop)
    assert saved.data.type == "individual" and saved.data.status == "done"
    assert saved.data.themes == ["navigation_sur_internet"]
    assert saved.data.venue_id == venue
    assert [p.beneficiary_id for p in saved.participants] == [helene]


def test_workshop_with_its_attendance_typed_with_the_keyboard_only(
    display: Display, laptop: Laptop, launch: Launch
) -> None:
    venue, (helene, marie) = _prepared_laptop(laptop, ("Hélène", "Payet"), ("Marie", "Hoarau"))
    app, main = _opened(display, launch)
    display.keys("ctrl+shift+n")
    form = display.wait_window("Atelier collectif")
    display.focus(form)
    display.type("Atelier CAF")  # the title has the focus
    display.keys("alt+q")  # « Thémati&ques »
    display.type("navig")
    display.keys("space", "alt+s")  # « In&scrire »
    for name in ("payet hel", "hoarau ma"):
        display.type(name)
        display.keys("Return")
    display.keys("ctrl+Return")
    display.wait_gone(form)

    display.focus(main)
    # Ctrl+3: the Activités list, with the keyboard on its first row; « É&margement… »
    display.keys("ctrl+3", "alt+m")
    sheet = display.wait_window("Émargement")
    display.focus(sheet)
    display.keys("space", "ctrl+Return")  # the first of the list (French order: HOARAU) came
    display.wait_gone(sheet)
    _quit(display, app, main)

    [saved] = _saved_activities(laptop)
    assert saved.data.type == "workshop" and saved.data.title == "Atelier CAF"
    assert saved.data.themes == ["navigation_sur_internet"] and saved.data.venue_id == venue
    came = {p.beneficiary_id: p.attended for p in saved.participants}
    assert came == {marie: True, helene: False}
