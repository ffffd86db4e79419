"""A source that is a pronoun with its contracted auxiliary ("I'm", "He's") is the pronoun."""

from __future__ import annotations

import pytest

from mediakit.metrics.attribution import find_attributions


@pytest.mark.parametrize("text, source", [
    ("Sen. Ted Cruz spoke in Iowa on Monday. He's said that the plan will fail.", "He"),
    ("Sen. Ted Cruz spoke in Iowa on Monday. He\u2019s warned that the plan will fail.", "He"),
])
def test_the_pronoun_without_its_auxiliary(text, source):
    a = find_attributions(text)[-1]
    assert (a["source_text"], a["speaker"], a["source_role"]) == (source, "Ted Cruz", "politician")


def test_the_writers_im_is_the_writer():
    a = find_attributions("And I\u2019m talking about food made from cats, not for cats.", byline="By Jane Roe")[-1]
    assert (a["source_text"], a["speaker"], a["source_role"]) == ("I", "Jane Roe", "media")


def test_a_name_with_an_apostrophe_is_left_alone():
    a = find_attributions("O'Neil said the plan would fail.")[0]
    assert a["source_text"] == "O'Neil"
