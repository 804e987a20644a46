"""The portal reads its filters from a query string anyone can type: any text gives filters, never an error."""

from hypothesis import given
from hypothesis import strategies as st

from caunoi.portal.public import FILTERS, MODALITY_LABELS, Filters

queries = st.dictionaries(st.sampled_from([*FILTERS, "other"]), st.text(max_size=20))


@given(queries)
def test_any_query_gives_filters_that_round_trip(query):
    filters = Filters.from_query(query)
    for name in ("year", "sector", "donor", "place"):
        value = getattr(filters, name)
        assert value is None or (isinstance(value, int) and str(value) in query[name])
    assert filters.modality in ("", *MODALITY_LABELS)
    assert Filters.from_query(filters.as_query()) == filters


def test_a_well_formed_query():
    assert Filters.from_query({"year": "2022", "modality": "project", "place": "x"}) == Filters(
        year=2022, modality="project"
    )


def test_digits_of_other_scripts_are_not_numbers():
    assert Filters.from_query({"year": "²", "sector": "٣"}) == Filters()
