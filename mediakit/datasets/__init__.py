"""Readers for the shared research corpora: PolNeAR, BASIL and AllSides.

Each reader returns a tidy pandas DataFrame in mediakit's articles schema
(:data:`mediakit.schema.ARTICLE_COLUMNS`, in order, followed by corpus-specific
columns), or a table of gold annotations whose character offsets index into the
``text`` column of the matching articles table.

Every reader is called the same way, ``load_X(root=None, *, <options>)``: the first
argument is the corpus folder (for AllSides its folder or the ``.jsonl(.gz)`` file itself),
given positionally or as ``root=``; the options are keyword-only (``split=``, ``years=``,
``chunksize=``, ``progress=``, ...). The corpora are research material that is not shipped
with mediakit: without ``root`` they are found with :func:`corpora_dir` (the
``MEDIAKIT_CORPORA`` environment variable, or a ``shared/corpora`` folder in the working
directory or one of its parents). The old calls ``load_polnear("dev")`` (a split first) and
``load_allsides(path=...)`` still work for one release, with a :class:`DeprecationWarning`.

Text handling differs by corpus, on purpose:

* PolNeAR: ``text`` is the ``.txt`` file **byte for byte** (decoded as UTF-8,
  no newline translation, no Unicode normalisation), because the gold brat
  offsets index into it. It therefore keeps the corpus's no-break spaces and
  the odd control or non-NFC character.
* BASIL: ``text`` is rebuilt from the sentence lists (sentences joined with one
  space, paragraphs with a blank line), sentences unchanged, so the phrase
  annotations map exactly onto it.
* AllSides: ``text`` is ``content_original`` run through
  :func:`mediakit.text.normalize_text` and :func:`mediakit.text.page_text` (The
  Hill's hover cards removed, the BBC's photo and video captions moved to ``captions``), like every
  other mediakit loader.

One private module per corpus (``_polnear``, ``_basil``, ``_allsides``); ``_corpora`` finds
the corpora folder, ``_brat`` parses brat standoff, ``_common`` holds the field helpers.
"""

from ._allsides import load_allsides
from ._basil import load_basil, load_basil_annotations
from ._corpora import CORPORA_ENV_VAR, corpora_dir
from ._polnear import POLNEAR_SPLITS, load_polnear, load_polnear_attributions

__all__ = [
    "CORPORA_ENV_VAR",
    "POLNEAR_SPLITS",
    "corpora_dir",
    "load_polnear",
    "load_polnear_attributions",
    "load_basil",
    "load_basil_annotations",
    "load_allsides",
]
