"""The activity forms driven like an advisor would, then checked against the store."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from stpaul_field import settings as st
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Activity, Beneficiary, Participation, Venue
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
from stpaul_field.ui.activity_form.attendance import AttendanceDialog
from stpaul_field.ui.activity_form.workshop import WorkshopForm
from stpaul_field.ui.widgets.beneficiary_picker import QuickCreateDialog


def _person(store, first: str, last: str) -> uuid.UUID:
    with store.session() as s:
        return acts.create_beneficiary(s, first, last)


def _a_venue(store) -> uuid.UUID:
    with store.reader() as s:
        return s.scalars(select(Venue.id).where(Venue.active).order_by(Venue.name)).first()


def _activities(store) -> list[acts.LoadedActivity]:
    with store.reader() as s:
        ids = s.scalars(select(Activity.id).where(Activity.deleted_at.is_(None))).all()
        return [acts.load_activity(s, i) for i in ids]


def _wait_saved(qtbot, form) -> None:
    qtbot.waitUntil(lambda: form.result() == form.DialogCode.Accepted, timeout=5000)


def test_enter_while_the_search_is_running_takes_its_first_match(qtbot, ctx, store):
    # Seen under Xvfb on a busy laptop: the pause after typing had ended and the search was
    # running when Enter came; Enter found no match yet and did nothing.
    helene = _person(store, "Hélène", "Payet")
    ctx.set_venue(_a_venue(store))
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    QTest.keyClicks(form.picker.search, "payet hel")
    form.picker.search_now()  # the pause is over: the search is on the worker, no reply yet
    QTest.keyClick(form.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.beneficiary_id is not None, timeout=5000)
    assert form.beneficiary_id == helene


def test_accompaniment_with_the_keyboard_only(qtbot, ctx, store):
    helene = _person(store, "Hélène", "Payet")
    _person(store, "Henri", "Payet")
    venue = _a_venue(store)
    ctx.set_venue(venue)
    ctx.settings.set(st.LAST_DURATION, 45)
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.picker.search.hasFocus)

    # A few letters, without the accent, then Enter takes the first match.
    QTest.keyClicks(form.picker.search, "payet hel")
    QTest.keyClick(form.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.beneficiary_id is not None, timeout=5000)
    assert form.beneficiary_id == helene
    # Focus went on to the themes: type the start of one, Space ticks it.
    assert form.themes.hasFocus()
    QTest.keyClicks(form.themes, "navig")
    QTest.keyClick(form.themes, Qt.Key.Key_Space)
    QTest.keyClick(form.themes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _wait_saved(qtbot, form)

    [saved] = _activities(store)
    assert saved.data.type == "individual" and saved.data.status == "done"
    assert saved.data.themes == ["navigation_sur_internet"]
    assert saved.data.date == i18n.today()
    assert saved.data.venue_id == venue  # the current venue, chosen once
    assert saved.data.duration_min == 45  # the last duration
    assert [p.beneficiary_id for p in saved.participants] == [helene]


def test_accompaniment_admin_help_and_redirection(qtbot, ctx, store):
    person = _person(store, "Jean", "Hoarau")
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.set_beneficiary(person, "HOARAU Jean")
    assert not form.admin_themes.isVisible()
    form.themes.set_codes(["aide_aux_demarches_administratives"])
    assert form.admin_themes.isVisible() and form.procedure.isVisible()
    form.admin_themes.set_codes(["logement"])
    form.procedure.setText("Demande de logement social")
    form.place_type.set_code("domicile")
    QTest.keyClicks(form.commune.name, "saint paul")
    form.commune.name.editingFinished.emit()
    form.duration.set_minutes(100)  # a custom duration
    form.equipment.set_codes(["telephone"])
    form.autonomy.set_code("partiellement_autonome")
    form.redirected_box.setChecked(True)
    assert form.redirect.isVisible()
    form.redirect.set_code("aide_sociale")
    form.save()
    _wait_saved(qtbot, form)
    [saved] = _activities(store)
    d = saved.data
    assert d.admin_themes == ["logement"] and d.procedure_name == "Demande de logement social"
    assert (d.place_type, d.venue_id, d.commune, d.postcode, d.insee_code) == (
        "domicile",
        None,
        "Saint-Paul",
        "97460",
        "97415",
    )
    assert d.duration_min == 100 and d.redirected and d.redirect_structure == "aide_sociale"
    assert d.autonomy == "partiellement_autonome" and d.equipment == ["telephone"]


def test_anonymous_accompaniment(qtbot, ctx, store):
    ctx.set_venue(_a_venue(store))
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.anonymous.setChecked(True)
    assert form.anon_gender.isVisible() and not form.picker.isVisible()
    form.anon_gender.set_code("feminin")
    form.anon_age.set_code("soixante_dix_plus")
    form.themes.set_codes(["sante"])
    form.save()
    _wait_saved(qtbot, form)
    [saved] = _activities(store)
    assert saved.anonymous_beneficiary.gender == "feminin"
    assert saved.anonymous_beneficiary.age_band == "soixante_dix_plus"


@pytest.mark.parametrize(
    ("setup", "field", "message"),
    [
        (lambda f: None, "beneficiary", "Choisissez le bénéficiaire"),
        (lambda f: f.themes.set_codes([]), "themes", "au moins une thématique"),
        (lambda f: f.venue.set_venue_id(None), "venue_id", "Choisissez le lieu d'activité"),
        # At home a commune is needed; remote help may go without one, and « Aide aux démarches
        # administratives » without an administrative theme, as in the Coop (test_domain_validation).
        (lambda f: f.place_type.set_code("domicile"), "commune", "Indiquez la commune"),
        (lambda f: f.equipment.set_codes(["aucun", "ordinateur"]), "equipment", "ne se combine pas"),
        (lambda f: f.redirected_box.setChecked(True), "redirect_structure", "Indiquez la structure"),
        (lambda f: f.duration.set_minutes(0), "duration_min", "entre 1 minute et 24 heures"),
        (
            lambda f: f.commune.set_values("X", "974", "") or f.place_type.set_code("autre"),
            "commune",
            "Code postal : 5 chiffres",
        ),
        (lambda f: f.notes.setPlainText("x" * 2001), "notes", "2000 caractères"),
    ],
)
def test_each_validation_error_is_shown_inline(qtbot, ctx, store, setup, field, message):
    person = _person(store, "Marie", "Grondin")
    ctx.set_venue(_a_venue(store))
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    if field != "beneficiary":
        form.set_beneficiary(person, "GRONDIN Marie")
    form.themes.set_codes(["email"])
    setup(form)
    form.save()
    assert message in form.errors.message(field)
    assert form.summary.isVisible()
    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert _activities(store) == []  # nothing saved


def test_workshop_with_followed_and_anonymous_participants_then_attendance(qtbot, ctx, store):
    ctx.set_venue(_a_venue(store))
    alice = _person(store, "Alice", "Técher")
    bruno = _person(store, "Bruno", "Técher")
    carla = _person(store, "Carla", "Fontaine")
    form = WorkshopForm(ctx, day=dt.date(2026, 11, 24), status="planned")
    qtbot.addWidget(form)
    form.show()
    QTest.keyClicks(form.title_edit, "Atelier messagerie")
    form.level.set_code("debutant")
    form.themes.set_codes(["email"])
    # Multi-add from the register: the search stays ready for the next person.
    for count, typed in enumerate(("alice tech", "bruno tech"), start=1):
        QTest.keyClicks(form.picker.search, typed)
        QTest.keyClick(form.picker.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=count: len(form.registered_ids()) == n, timeout=5000)
    assert form.registered_ids() == [alice, bruno]
    form.anon_total.setValue(4)
    form.anon_already.setValue(1)
    form.by_gender.spins["feminin"].setValue(3)
    form.by_gender.spins["masculin"].setValue(1)
    form.by_age.spins["soixante_dix_plus"].setValue(4)
    form.save()
    _wait_saved(qtbot, form)
    [ws] = _activities(store)
    assert ws.data.title == "Atelier messagerie" and ws.data.status == "planned"
    assert ws.data.anon_total == 4 and ws.data.anon_genders == {"feminin": 3, "masculin": 1}
    assert ws.data.anon_age_bands == {"soixante_dix_plus": 4}
    assert {p.beneficiary_id for p in ws.participants} == {alice, bruno}

    # After the workshop: Alice came, Bruno did not, Carla walked in.
    dialog = AttendanceDialog(ctx, ws.id)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    dialog.people.setCurrentRow(names.index("TÉCHER Alice"))
    dialog.people.setFocus()
    QTest.keyClick(dialog.people, Qt.Key.Key_Space)
    QTest.keyClicks(dialog.picker.search, "carla")
    QTest.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.people.count() == 3, timeout=5000)
    dialog.save()
    _wait_saved(qtbot, dialog)
    with store.reader() as s:
        loaded = acts.load_activity(s, ws.id)
    got = {p.beneficiary_id: (p.registered, p.attended) for p in loaded.participants}
    assert got == {alice: (True, True), bruno: (True, False), carla: (False, True)}
    assert loaded.data.status == "done"


def test_workshop_inline_create_and_validation(qtbot, ctx, store):
    ctx.set_venue(_a_venue(store))
    form = WorkshopForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.themes.set_codes(["bureautique"])
    form.anon_total.setValue(1)
    form.anon_already.setValue(2)
    form.save()
    assert form.errors.message("title") == ""  # a workshop's title is optional, as in the Coop
    assert "ne dépassent pas" in form.errors.message("anon_already_accompanied")
    form.anon_already.setValue(0)
    form.anon_total.setValue(0)
    form.title_edit.setText("Traitement de texte")
    form.save()
    assert "au moins un participant" in form.errors.message("participants")

    # Someone not in the register yet, created on the spot from the form.
    QTest.keyClicks(form.picker.search, "Payet Lucie")
    form.picker.create_button.click()
    [dialog] = form.picker.findChildren(QuickCreateDialog)
    assert dialog.last_name.text() == "Payet" and dialog.first_name.text() == "Lucie"
    dialog._save()
    qtbot.waitUntil(lambda: len(form.registered_ids()) == 1, timeout=5000)
    form.save()
    _wait_saved(qtbot, form)
    with store.reader() as s:
        lucie = s.scalar(select(Beneficiary).where(Beneficiary.first_name == "Lucie"))
        assert lucie is not None and lucie.last_name == "Payet"
        assert s.scalar(select(func.count()).select_from(Participation)) == 1
    [ws] = _activities(store)
    assert [p.beneficiary_id for p in ws.participants] == [lucie.id]


def test_editing_keeps_attendance_and_updates_fields(qtbot, ctx, store):
    ctx.set_venue(_a_venue(store))
    person = _person(store, "Paul", "Rivière")
    form = AccompanimentForm(ctx, day=dt.date(2026, 11, 20), status="planned")
    qtbot.addWidget(form)
    form.set_beneficiary(person, "RIVIÈRE Paul")
    form.themes.set_codes(["email"])
    form.save()
    _wait_saved(qtbot, form)
    [saved] = _activities(store)
    again = AccompanimentForm(ctx, activity_id=saved.id)
    qtbot.addWidget(again)
    assert again.beneficiary_id == person
    assert again.date_edit.date() == QDate(2026, 11, 20)
    again.status_combo.set_code("done")
    again.save()
    _wait_saved(qtbot, again)
    [after] = _activities(store)
    assert after.id == saved.id and after.data.status == "done"


def test_a_demarche_marked_under_an_aidants_connect_mandate(qtbot, ctx, store):
    person = _person(store, "Jean", "Hoarau")
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.set_beneficiary(person, "HOARAU Jean")
    assert not form.aidants_connect.isVisible()  # only for « Aide aux démarches administratives »
    form.themes.set_codes(["aide_aux_demarches_administratives"])
    assert form.aidants_connect.isVisible()
    assert form.aidants_connect.text() == "Réalisée sous mandat Aidants Connect"
    form.admin_themes.set_codes(["social_sante"])
    form.aidants_connect.setChecked(True)
    form.place_type.set_code("domicile")
    QTest.keyClicks(form.commune.name, "saint paul")
    form.commune.name.editingFinished.emit()
    form.autonomy.set_code("autonome")
    form.save()
    _wait_saved(qtbot, form)
    [saved] = _activities(store)
    assert saved.data.aidants_connect is True
    reopened = AccompanimentForm(ctx, saved.id)  # opened again: still marked
    qtbot.addWidget(reopened)
    assert reopened.aidants_connect.isChecked()


def _chosen(form) -> list[uuid.UUID]:
    if isinstance(form, AccompanimentForm):
        return [form.beneficiary_id] if form.beneficiary_id else []
    return form.registered_ids()


@pytest.mark.parametrize("form_class", [AccompanimentForm, WorkshopForm])
def test_new_from_a_form_runs_the_registers_duplicate_check(qtbot, ctx, store, form_class):
    # « Kevin BEGUE » typed in the form's « Nouveau… » while « Kévin BÈGUE » is in the register:
    # the same warning as the register's editor, and the existing fiche is the one taken.
    kevin = _person(store, "Kévin", "Bègue")
    form = form_class(ctx)
    qtbot.addWidget(form)
    QTest.keyClicks(form.picker.search, "Begue Kevin")
    form.picker.create_button.click()
    [dialog] = form.picker.findChildren(QuickCreateDialog)
    dialog._save()
    warning = dialog.duplicate_dialog
    assert warning is not None and warning.isVisible()
    assert "BÈGUE Kévin" in warning.list.item(0).text()
    warning.open_button.click()
    qtbot.waitUntil(lambda: _chosen(form) == [kevin], timeout=5000)
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 1

    # « Créer quand même » (a true namesake) creates the second person and takes them.
    if isinstance(form, AccompanimentForm):
        form._change()  # « Changer »: back to the search
    QTest.keyClicks(form.picker.search, "Begue Kevin")
    form.picker.create_button.click()
    dialog = form.picker.findChildren(QuickCreateDialog)[-1]
    dialog._save()
    dialog.duplicate_dialog.create_button.click()
    expected = 1 if isinstance(form, AccompanimentForm) else 2
    qtbot.waitUntil(lambda: len(_chosen(form)) == expected and _chosen(form)[-1] != kevin, timeout=5000)
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 2


def test_new_from_a_form_with_no_lookalike_creates_at_once(qtbot, ctx, store):
    _person(store, "Kévin", "Bègue")
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    QTest.keyClicks(form.picker.search, "Hoarau Marie")
    form.picker.create_button.click()
    [dialog] = form.picker.findChildren(QuickCreateDialog)
    dialog._save()
    assert dialog.duplicate_dialog is None
    qtbot.waitUntil(lambda: form.beneficiary_id is not None, timeout=5000)
    with store.reader() as s:
        assert s.get(Beneficiary, form.beneficiary_id).last_name == "Hoarau"


def test_each_kind_of_work_remembers_its_own_last_duration(qtbot, ctx, store):
    # After a 2 h workshop, the next accompaniment keeps the accompaniment's last duration.
    person = _person(store, "Hélène", "Payet")
    ctx.set_venue(_a_venue(store))
    first = AccompanimentForm(ctx, day=dt.date(2026, 11, 20), start=dt.time(9, 0))
    qtbot.addWidget(first)
    first.set_beneficiary(person, "PAYET Hélène")
    first.themes.set_codes(["email"])
    first.duration.set_minutes(30)
    first.save()
    _wait_saved(qtbot, first)

    workshop = WorkshopForm(ctx, day=dt.date(2026, 11, 20), start=dt.time(14, 0))
    qtbot.addWidget(workshop)
    workshop.title_edit.setText("Découvrir la tablette")
    workshop.themes.set_codes(["email"])
    workshop.anon_total.setValue(3)
    workshop.duration.set_minutes(120)
    workshop.save()
    _wait_saved(qtbot, workshop)

    again = AccompanimentForm(ctx)
    qtbot.addWidget(again)
    assert again.duration.minutes() == 30
    next_workshop = WorkshopForm(ctx)
    qtbot.addWidget(next_workshop)
    assert next_workshop.duration.minutes() == 120


def test_the_same_person_at_the_same_minute_twice_asks_before_saving(qtbot, ctx, store):
    person = _person(store, "Kévin", "Bègue")
    ctx.set_venue(_a_venue(store))

    def fill() -> AccompanimentForm:
        form = AccompanimentForm(ctx, day=dt.date(2026, 11, 20), start=dt.time(10, 30))
        qtbot.addWidget(form)
        form.set_beneficiary(person, "BÈGUE Kévin")
        form.themes.set_codes(["email"])
        return form

    first = fill()
    first.save()
    _wait_saved(qtbot, first)
    assert first.already_box is None  # nothing to warn about the first time
    # Editing it again does not warn about itself.
    edit = AccompanimentForm(ctx, activity_id=first.activity_id)
    qtbot.addWidget(edit)
    edit.notes.setPlainText("Revient jeudi")
    edit.save()
    assert edit.already_box is None
    _wait_saved(qtbot, edit)

    second = fill()
    second.save()
    box = second.already_box
    assert box is not None and box.windowTitle() == "Déjà enregistré"
    assert "BÈGUE Kévin" in box.text() and "20/11/2026 10:30" in box.text()
    # « Revenir au formulaire » is the default (and Échap): nothing saved, the form stays.
    assert box.defaultButton().text() == "&Revenir au formulaire"
    box.defaultButton().click()
    assert second.already_box is None and second.result() != second.DialogCode.Accepted
    assert len(_activities(store)) == 1

    second.save()
    [save_anyway] = [b for b in second.already_box.buttons() if b.text() == "&Enregistrer quand même"]
    save_anyway.click()
    _wait_saved(qtbot, second)
    assert len(_activities(store)) == 2


def test_with_no_venue_yet_the_form_offers_another_place_and_says_so(qtbot, ctx, store):
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    assert form.no_venue_hint.isHidden() and form.place_type.code() == "lieu_activite"
    with store.session() as s:
        for venue in s.scalars(select(Venue)):
            venue.active = False
    bare = AccompanimentForm(ctx)
    qtbot.addWidget(bare)
    assert not bare.no_venue_hint.isHidden() and "Fichier › Lieux d'activité" in bare.no_venue_hint.text()
    assert bare.place_type.code() == "autre"  # with its commune, asked in place of the venue
