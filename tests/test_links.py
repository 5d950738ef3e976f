"""Every internal link and anchor in the built site resolves; external links are well-formed and
listed in one report (they cannot be followed offline)."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import built_pages


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves_and_external_links_are_listed(built_book):
    parsed = {p: parse(p) for p in built_pages(built_book) + [built_book / "genindex.html", built_book / "search.html"]}
    broken, external = [], set()
    for page, links in parsed.items():
        for href in links.hrefs:
            url = urlparse(href)
            if url.scheme in ("http", "https"):
                assert url.netloc, f"{page.name}: malformed external link {href!r}"
                external.add(href)
                continue
            if url.scheme in ("mailto", "javascript", "data", "blob") or href == "#":
                continue
            assert not url.scheme, f"{page.name}: unexpected link scheme in {href!r}"
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_book)} -> {href}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(built_book)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken)
    report = built_book.parent / "external-links.txt"
    report.write_text("\n".join(sorted(external)) + "\n", encoding="utf-8")
    assert len(external) > 100, "the report's sources are linked"
