from sqlalchemy import select

from stpaul_field.paths import AppPaths
from stpaul_field.store.database import Store
from stpaul_field.store.models import Advisor, OutboxEntry, Venue
from stpaul_field.store.reference import local_advisor_id


def test_first_start_loads_the_islets_of_mafate(store: Store):
    with store.reader() as s:
        venues = {v.name: v for v in s.scalars(select(Venue))}
    assert {"Marla", "Roche Plate", "Les Orangers", "Les Lataniers"} <= {
        n for n, v in venues.items() if v.active
    }
    # The other îlets belong to La Possession: shipped, inactive, for a coordinator to enable.
    assert not venues["Aurère"].active and venues["Aurère"].commune == "La Possession"
    assert all(v.bassin == "mafate" for v in venues.values())


def test_reference_data_is_editable_and_not_reloaded(paths: AppPaths):
    store = Store.open(paths)
    with store.session() as s:
        marla = s.scalars(select(Venue).where(Venue.name == "Marla")).one()
        marla.address = "Case de Marla"
        aurere = s.scalars(select(Venue).where(Venue.name == "Aurère")).one()
        aurere.active = True
    store.close()
    store = Store.open(paths)
    with store.reader() as s:
        assert s.scalars(select(Venue).where(Venue.name == "Marla")).one().address == "Case de Marla"
        assert s.scalars(select(Venue).where(Venue.name == "Aurère")).one().active
        assert len(s.scalars(select(Venue)).all()) == 10
    store.close()


def test_first_start_queues_nothing_and_has_a_local_advisor(store: Store):
    with store.reader() as s:
        assert s.scalars(select(OutboxEntry)).all() == []
        advisor = s.get(Advisor, local_advisor_id(s))
        assert advisor is not None and advisor.active
