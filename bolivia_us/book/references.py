"""What the report's bibliography (``book/references.bib``) must say about each source, and how
the book prints it.

Every entry names the original publication and its **kind** (an official record, scholarship, a
news agency…) and **publisher**, and links the publisher's or an archive's copy in ``url``. A copy
read elsewhere (a mirror, a repost, a document-sharing site) is never given as the source: it
goes in ``copyread`` and is printed as "Copy read at …". ``why_not_a_source`` names the hosts
that may not stand in ``url``; the tests apply it to every entry.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

KINDS = {
    "official-record": "Official record",
    "scholarship": "Scholarship",
    "news-agency": "News agency",
    "newspaper": "Newspaper or magazine",
    "reference-work": "Reference work",
    "advocacy-or-blog": "Advocacy group or blog",
    "state-media": "State media",
    "dataset": "Dataset",
}

SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "buff.ly", "is.gd", "shorturl.at"}
# Copies of other people's publications: Wikipedia mirrors, pirate libraries, document-sharing
# sites, anonymous text dumps and proxies.
MIRRORS = {
    "wikimili.com",
    "enwikipedia.net",
    "wikiplanet.click",
    "encyclopedia.datana.cloud",
    "wikiclassic.com",
    "blogen.wiki",
    "wonilvalve.com",
    "ebin.pub",
    "bitlit.ru",
    "docslib.org",
    "softbeam.net",
    "trantor.is",
    "documents.pub",
    "paperzz.com",
    "essaydocs.org",
    "readkong.com",
    "what-when-how.com",
    "read-online-books.com",
    "scribd.com",
    "ipfs.io",
    "owiki.org",
    "zxc.wiki",
    "wiki.x.io",
    "the-uncensored-wiki.com",
    "traveltill.com",
    "tripod.com",
    "geoba.se",
    "gluedideas.com",
}
# Sites that repost other outlets' articles or press releases: the original is the source.
REPOSTS = {
    "amigosdeboliviayperu.org",
    "bolivianthoughts.com",
    "mapinc.org",
    "latinamericanstudies.org",
    "grupodepuebla.org",
    "upnewsinfo.com",
    "wirenn.com",
    "miragenews.com",
    "globebanner.com",
    "lapost.us",
    "axisoflogic.com",
    "historyworm.com",
    "elaws.us",
    "cancunherald.com",
    "breakinglatest.news",
    "pakistanpoint.com",
    "evrimagaci.org",
}
# Publishers' unfinished copies: staging, development and content-delivery hosts.
STAGING = re.compile(r"(^|\.)(herokuapp\.com|pages\.dev|netlify\.app|vercel\.app)$|^(dev|staging|stage|test)\.")
NUMBERED_HOST = re.compile(r"^\d{3,}\.")  # "610211.6jhxt.group": a throw-away copy
IP_ADDRESS = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


def why_not_a_source(url: str) -> str | None:
    """Why an address may not be given as a source (None if it may)."""
    host = (urlparse(url).hostname or "").lower().rstrip(".")
    bare = host.removeprefix("www.")
    if not host:
        return "it has no host"
    if IP_ADDRESS.match(host):
        return f"{host} is a bare IP address, not a publisher"
    if bare in SHORTENERS:
        return f"{host} is a link shortener: give the address it leads to"
    if any(bare == m or bare.endswith("." + m) for m in MIRRORS) or ".ipfs." in host:
        return f"{host} is a mirror or document-sharing copy: name the original, with this as 'copy read at'"
    if any(bare == r or bare.endswith("." + r) for r in REPOSTS):
        return f"{host} reposts other outlets' work: cite the original, with this as 'copy read at'"
    if bare.endswith(".shop") or bare.endswith(".click"):
        return f"{host} is a throw-away domain, not a publisher: name the original, with this as 'copy read at'"
    if STAGING.search(host):
        return f"{host} is a staging or development host: give the publisher's public address"
    if NUMBERED_HOST.match(host):
        return f"{host} is a throw-away copy: name the original, with this as 'copy read at'"
    return None


def _kind_label(kind) -> str:
    return KINDS.get(str(kind), str(kind)).lower()


def register_style() -> None:
    """Register the book's pybtex style, ``report``: pybtex's ``unsrt`` with the publisher, the
    copy read (if not the publisher's) and the kind of source printed after each entry."""
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.unsrt import Style as Unsrt
    from pybtex.style.formatting.unsrt import date, toplevel
    from pybtex.style.template import field, href, optional, optional_field, sentence, words

    class ReportStyle(Unsrt):
        default_sorting_style = "none"

        def get_misc_template(self, e):
            return toplevel[
                optional[sentence[self.format_names("author")]],
                optional[self.format_title(e, "title")],
                sentence[optional[field("publisher")], optional[field("howpublished")], optional[date]],
                sentence[optional_field("note")],
                self.format_web_refs(e),
                optional[
                    sentence[words["Copy read at", href[field("copyread", raw=True)][field("copyread", raw=True)]]]
                ],
                optional[sentence[words["Kind of source:", field("kind", apply_func=_kind_label)]]],
            ]

    register_plugin("pybtex.style.formatting", "report", ReportStyle, force=True)
