"""Every public docstring example runs (doctest), and every public function has a docstring."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import pytest

import mediakit

MODULES = sorted(m.name for m in pkgutil.walk_packages(mediakit.__path__, "mediakit."))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


@pytest.mark.parametrize("name", sorted(mediakit.__all__))
def test_public_api_documented(name):
    obj = getattr(mediakit, name)
    if inspect.isfunction(obj) or inspect.isclass(obj):
        assert inspect.getdoc(obj), f"mediakit.{name} has no docstring"


def test_import_does_no_work():
    """Importing mediakit must not load textstat/vader or read data files."""
    import subprocess
    import sys

    code = ("import sys, mediakit; bad = [m for m in ('textstat', 'vaderSentiment', 'nltk', 'trafilatura') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
