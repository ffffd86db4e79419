"""A gazetteer of politicians: names, party and office, to type attribution sources.

The shipped table (``mediakit/resources/us_politicians.csv``) holds the members of the current US
Congress and every president and vice president, built by ``python -m mediakit.gazetteer build`` from
the public-domain (CC0 1.0) unitedstates/congress-legislators data in
``../shared/gazetteers/us-congress``. :func:`load_gazetteer` adds the user's own table (other
countries, earlier legislatures); :func:`lookup_person` finds a person by full name, "First Last",
nickname or a unique surname.
"""

from __future__ import annotations

from ._build import GAZETTEER_COLUMNS, build_gazetteer, build_rows
from ._lookup import GazetteerIndex, as_gazetteer, gazetteer_index, load_gazetteer, lookup_person, name_key

__all__ = [
    "GAZETTEER_COLUMNS",
    "GazetteerIndex",
    "as_gazetteer",
    "build_gazetteer",
    "build_rows",
    "gazetteer_index",
    "load_gazetteer",
    "lookup_person",
    "name_key",
]
