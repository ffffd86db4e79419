"""The command line ``python -m mediakit.evaluate``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ._actor_mentions import evaluate_actor_mentions, format_actor_mention_scores
from ._attribution import evaluate_polnear, fmt, format_scores
from ._sources import evaluate_source_roles, format_source_scores
from ._speakers import SEED_ARTICLE, load_speaker_gold, score_speakers, speaker_gold_articles

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m mediakit.evaluate",
                                description="Evaluate mediakit extractors against human gold annotations.")
    sub = p.add_subparsers(dest="task", required=True)
    a = sub.add_parser("attribution", help="attribution extraction on PolNeAR (first annotator)")
    a.add_argument("--split", nargs="+", default=["dev"], choices=["train", "dev", "annotator-training"],
                   help="PolNeAR split(s) to score (default: dev; the test split is withheld)")
    a.add_argument("--outlet", action="store_true", help="also score each outlet")
    a.add_argument("--json", action="store_true", help="print JSON instead of a table")
    a.add_argument("--root", default=None, help="the polnear folder (default: ../shared/corpora/polnear)")
    w = sub.add_parser("web-prose", help="attribution precision on non-wire English web pages "
                                         "(tests/data/web_attribution_gold.csv)")
    w.add_argument("--cache", default=None, help="the pages fetched by benchmarks/bench_web.py "
                                                  "(default: ~/.cache/mediakit-web)")
    w.add_argument("--json", action="store_true", help="print JSON instead of text")
    w.add_argument("--brief", action="store_true", help="figures only, without false positives and misses")
    s = sub.add_parser("speakers", help="speaker resolution on mediakit/resources/speaker_gold.csv")
    s.add_argument("--json", action="store_true", help="print JSON instead of text")
    s.add_argument("--root", default=None, help="the polnear folder (default: ../shared/corpora/polnear)")
    s.add_argument("--seed", default=str(SEED_ARTICLE),
                   help="the seed article of the gold set (default: data/000_fd60bde068b4eb11.txt, from the "
                        "project root)")
    r = sub.add_parser("sources", help="source roles, party and office on mediakit/resources/source_role_gold.csv")
    r.add_argument("--json", action="store_true", help="print JSON instead of text")
    r.add_argument("--errors", type=int, default=0, metavar="N", help="list N mismatched gold sources")
    r.add_argument("--root", default=None, help="the polnear folder (default: ../shared/corpora/polnear)")
    m = sub.add_parser("actor-mentions", help="name mentions, pre-name labels and nominal links of actor_labels on "
                                              "mediakit/resources/actor_mention_gold.csv")
    m.add_argument("--gold-actors", action="store_true",
                   help="run actor_labels with each article's gold actors (linking apart from actor discovery)")
    m.add_argument("--json", action="store_true", help="print JSON instead of text")
    m.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors of each kind")
    m.add_argument("--root", default=None, help="the corpora folder (default: ../shared/corpora)")
    from ..actors import add_evaluate_arguments

    add_evaluate_arguments(sub.add_parser("actor-sentiment", help="sentiment toward a target on NewsMTSC"))
    return p


def _actor_mentions(args: argparse.Namespace) -> int:
    res, info = evaluate_actor_mentions(args.root, gold_actors=args.gold_actors)
    if args.json:
        print(json.dumps({"info": info, "scores": res}, indent=2))
        return 0
    how = "with each article's gold actors" if args.gold_actors else "finding the actors itself (actors=None)"
    print(f"actor-mention gold: {info['articles']} articles (PolNeAR dev, BASIL), {info['gold']} gold mentions; "
          f"actor_labels {how}: {info['predicted']} rows ({info['seconds']:.2f} s)")
    print(format_actor_mention_scores(res, errors=args.errors))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.task == "actor-sentiment":
        from ..actors import run_evaluation

        return run_evaluation(args)
    try:
        if args.task == "attribution":
            scores, info = evaluate_polnear(args.split, by_outlet=args.outlet, root=args.root)
            if args.json:
                print(json.dumps({"info": info, "scores": scores.to_dict(orient="records")}, indent=2))
            else:
                print(f"PolNeAR {'+'.join(info['splits'])}: {info['articles']} articles, "
                      f"{info['gold']} gold attributions (first annotator), {info['predicted']} predicted "
                      f"(extraction {info['seconds']:.2f} s, lexicon loading included)")
                print("speech = cues with a verb of saying or reporting, or 'according to'")
                print(format_scores(scores))
            return 0
        if args.task == "sources":
            res, info = evaluate_source_roles(args.root)
            if args.json:
                print(json.dumps({"info": info, "scores": res}, indent=2))
            else:
                print(f"PolNeAR dev source-role gold: {info['articles']} articles, {info['gold']} gold sources, "
                      f"{info['predicted']} predicted attributions (extraction {info['seconds']:.2f} s)")
                print(format_source_scores(res, errors=args.errors))
            return 0
        if args.task == "web-prose":
            from ._prose import evaluate_web_prose, format_web_scores

            res, skipped = evaluate_web_prose(args.cache)
            if args.json:
                print(json.dumps({"skipped": skipped, "scores": res}, indent=2))
            else:
                for page, reason in skipped:
                    print(f"skipped {page}: {reason}")
                print(format_web_scores(res, details=not args.brief))
            return 0 if res["pages"] else 2
        if args.task == "actor-mentions":
            return _actor_mentions(args)
        if args.task == "speakers":
            from ..metrics.attribution import extract_attributions

            gold = load_speaker_gold()
            articles = speaker_gold_articles(gold, root=args.root, seed=args.seed)
            res = score_speakers(extract_attributions(articles), gold)
            if args.json:
                print(json.dumps(res, indent=2))
            else:
                print(f"speaker resolution: {res['correct']}/{res['gold']} correct "
                      f"(accuracy {res['accuracy']:.3f}; {res['found']} sources found, "
                      f"accuracy among them {fmt(res['accuracy_found'])}) over "
                      f"{gold['article_id'].nunique()} articles")
                for aid, s, e, want, got in res["errors"]:
                    shown = repr(got) if got else "(no attribution with this source extracted)"
                    print(f"  {aid} [{s}:{e}] gold {want!r} predicted {shown}")
            return 0
    except FileNotFoundError as exc:
        print(f"mediakit.evaluate: {exc}", file=sys.stderr)
        return 2
    return 2  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
