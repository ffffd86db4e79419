"""The lexicon matcher of this checkout against another revision's, in ONE process, alternating.

Old and new matchers are compiled from the same lexicons (the shipped ``framing`` and ``markers``
lexicons and the loaded-language lexicon that ``analyze`` uses), each side with its own ``Matcher``
and ``prepare``, and run over the titles and bodies of ``--n`` AllSides articles, chunk by chunk
(``--chunk``, default 200 articles: ``analyze``'s chunk), old and new in turn on each chunk (which
goes first alternates); each side's CPU seconds are summed over the chunks, so a change in the
machine's load hits both sides of a chunk alike. The heap is collected and frozen before each timed
call (``gc.collect(); gc.freeze()``, untimed), so the collector's passes walk only what the call made.

``--pattern analyze`` (the default) runs the matchers in ``analyze``'s order: every body of the chunk
prepared, then per article the framing matcher on the body, the markers matcher on it and the
framing matcher on the title, then the loaded-language matcher on every body. ``--pattern text``
prepares each text and runs the three matchers on it in a row. The two can disagree: what a
``PreparedText`` keeps is alive for a whole chunk in the first, for one text in the second.

Prints CPU seconds, the new/old ratio per round (median and range), and checks that both sides found
the same matches.

    git worktree add /tmp/base <REV>
    .venv/bin/python benchmarks/bench_matcher_vs.py --old /tmp/base --rounds 7
"""

from __future__ import annotations

import argparse
import gc
import importlib
import statistics
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _old_checkout import import_old  # benchmarks/ is on sys.path when run as a script

_Side = Callable[[Sequence[str]], list[list[Any]]]


def _side(prepare: Callable[[str], Any], matchers: Sequence[Any]) -> _Side:
    """``--pattern text``: every text prepared once and searched by every matcher in a row."""
    finds = [m.find for m in matchers]

    def run(texts: Sequence[str]) -> list[list[Any]]:
        out = []
        for text in texts:
            prepared = prepare(text)
            out.append([find(prepared) for find in finds])
        return out

    return run


def _analyze_side(prepare: Callable[[str], Any], matchers: Sequence[Any]) -> _Side:
    """``--pattern analyze``: the order in which ``analyze`` runs the matchers on a chunk of articles.

    ``texts`` are the chunk's bodies, then its titles (as many). Every body is prepared first; the
    word-choice step then runs, article by article, the framing matcher on the prepared body, the markers
    matcher on it and the framing matcher on the title (a string); the loaded-language step runs its
    matcher on every prepared body after that.
    """
    framing, markers, loaded = matchers

    def run(texts: Sequence[str]) -> list[list[Any]]:
        half = len(texts) // 2
        prepared = [prepare(t) for t in texts[:half]]
        out = [[framing.find(p), markers.find(p), framing.find(title)]
               for p, title in zip(prepared, texts[half:], strict=True)]
        for row, p in zip(out, prepared, strict=True):
            row.append(loaded.find(p))
        return out

    return run


def _timed(side: _Side, texts: Sequence[str]) -> tuple[float, list[list[Any]]]:
    """CPU seconds of ``side(texts)`` and its result, the heap collected and frozen first (untimed)."""
    gc.collect()
    gc.freeze()
    t = time.process_time()
    out = side(texts)
    dt = time.process_time() - t
    gc.unfreeze()
    return dt, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", type=Path, required=True, help="a checkout of the other revision")
    ap.add_argument("--n", type=int, default=2000, help="AllSides articles (title and body each)")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--chunk", type=int, default=200,
                    help="time old and new in turn on chunks of this many articles (--pattern analyze) or "
                         "texts (--pattern text); 0: all at once")
    ap.add_argument("--pattern", choices=("analyze", "text"), default="analyze",
                    help="analyze: the matchers in analyze's order over a chunk; text: each text's in a row")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    import mediakit as mk
    from mediakit.lexicon import _matcher as new_matcher
    from mediakit.metrics.loaded._model import flagged_lexicon

    import_old(args.old, "lexicon")
    old_matcher = importlib.import_module("mediakit_old.lexicon._matcher")
    lexicons = [mk.load_lexicon("framing"), mk.load_lexicon("markers"), flagged_lexicon().lexicon]
    specs = [(tuple((t.term, t.case_sensitive) for t in lex.terms) + tuple((p, False) for p in lex.ignore),
              len(lex.terms)) for lex in lexicons]
    make = _analyze_side if args.pattern == "analyze" else _side
    new = make(new_matcher.prepare, [new_matcher.Matcher(spec, n) for spec, n in specs])
    old = make(old_matcher.prepare, [old_matcher.Matcher(spec, n) for spec, n in specs])
    df = mk.datasets.load_allsides(limit=args.n)
    bodies = [t if isinstance(t, str) else "" for t in df["text"]]
    titles = [t if isinstance(t, str) else "" for t in df["title"]]
    size = args.chunk if args.chunk > 0 else len(bodies)
    if args.pattern == "analyze":  # a chunk: its bodies, then its titles
        chunks = [bodies[k:k + size] + titles[k:k + size] for k in range(0, len(bodies), size)]
    else:
        texts = [t for t in (*titles, *bodies) if t]
        chunks = [texts[k:k + size] for k in range(0, len(texts), size)]
    new(chunks[0])  # warm: each side's first pass
    old(chunks[0])
    t_old, t_new = [], []
    a: list[list[Any]] = []
    b: list[list[Any]] = []
    flip = False
    for _ in range(args.rounds):
        a, b = [], []
        so = sn = 0.0
        for chunk in chunks:
            for side in ((new, old) if flip else (old, new)):
                dt, res = _timed(side, chunk)
                if side is old:
                    so += dt
                    a.extend(res)
                else:
                    sn += dt
                    b.extend(res)
            flip = not flip
        t_old.append(so)
        t_new.append(sn)
    ratios = [n / o for n, o in zip(t_new, t_old, strict=True)]
    print(f"{args.n} articles (titles and bodies), {len(lexicons)} matchers, pattern {args.pattern}, "
          f"{args.rounds} rounds, chunks of {size}, CPU seconds, heap frozen per call")
    print(f"old: median {statistics.median(t_old):.3f}  runs {[round(x, 3) for x in t_old]}")
    print(f"new: median {statistics.median(t_new):.3f}  runs {[round(x, 3) for x in t_new]}")
    print(f"new/old per round {[round(r, 3) for r in ratios]}")
    print(f"new/old median {statistics.median(ratios):.3f}, range {min(ratios):.3f}-{max(ratios):.3f}")
    if a != b:
        raise SystemExit("MATCHES DIFFER")
    print(f"matches identical ({sum(len(m) for row in a for m in row)} matches)")


if __name__ == "__main__":
    main()
