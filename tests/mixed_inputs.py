"""Write the inputs the source tests read: HTML pages, feeds, CSV, JSONL, WARC.gz, zip and tar.gz (our own texts)."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPORTS = [
    "Deux policiers ont été blessés mardi à Mossoul lors de l'explosion d'une bombe artisanale, "
    "a indiqué un responsable local de la sécurité.",
    "Gunmen attacked a checkpoint near Kirkuk on Sunday, killing three soldiers, a police officer said.",
    "Des manifestants se sont rassemblés vendredi devant le gouvernorat de Bassora pour réclamer de l'eau.",
    "An air strike hit a fuel depot outside Idlib on Thursday; no casualties were reported, a monitor said.",
    "Une patrouille a été prise pour cible près de Deir ez-Zor samedi, faisant un mort selon une ONG.",
    "Police arrested twelve protesters in Basra on Monday after a sit-in outside the oil ministry.",
    "Des tirs de roquettes ont visé la base aérienne d'Ain al-Asad dimanche sans faire de victimes.",
    "A roadside bomb wounded four civilians on a road south of Tikrit late on Wednesday, officials said.",
]


def html_page(title: str, body: str, *, date: str = "2024-03-14", site: str = "Levant Wire",
              url: str = "https://levant.example/a", charset: str = "utf-8") -> str:
    """A news page with navigation and footer boilerplate around one article."""
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="{charset}"><title>{title}</title>'
            f'<meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{date}T08:00:00Z">'
            f'<link rel="canonical" href="{url}"></head><body>'
            '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
            f'<article><h1>{title}</h1><p>{body}</p>'
            '<p>More details were expected later in the day from the local authorities.</p></article>'
            '<footer>Copyright Levant Wire. All rights reserved.</footer></body></html>')


def rss_feed(items: list[tuple[str, str, str]], title: str = "Gulf Dispatch") -> str:
    """An RSS 2.0 feed of (title, link, description) items, dated one day apart."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><description><![CDATA[<p>{d}</p>]]></description>"
        f"<pubDate>Tue, {10 + n:02d} Mar 2024 07:00:00 GMT</pubDate><guid>{link}</guid></item>"
        for n, (t, link, d) in enumerate(items))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://gulf.example</link><description>news</description>{entries}</channel></rss>")


def atom_feed(items: list[tuple[str, str, str]], title: str = "Sahel Notes") -> str:
    """An Atom feed of (title, link, content) entries."""
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
        f'<updated>2024-03-{10 + n:02d}T07:00:00Z</updated><content type="html">&lt;p&gt;{d}&lt;/p&gt;</content></entry>'
        for n, (t, link, d) in enumerate(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:sahel</id><updated>2024-03-12T00:00:00Z</updated>{entries}</feed>")


def warc_gz(pages: list[tuple[str, str]]) -> bytes:
    """A gzipped WARC with one HTML response per (url, html), plus a request and a non-HTML record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                      http_headers=headers))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.example/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG..."), http_headers=image))
    return buffer.getvalue()


def write_mixed_folder(root: Path) -> dict[str, int]:
    """Write one input of every format under root; returns the number of articles expected from each file."""
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, int] = {}
    (root / "page.html").write_text(html_page("Explosion à Mossoul", REPORTS[0]), encoding="utf-8")
    expected["page.html"] = 1
    (root / "gulf.rss").write_text(rss_feed([("Kirkuk", "https://gulf.example/1", REPORTS[1]),
                                             ("Bassora", "https://gulf.example/2", REPORTS[2])]), encoding="utf-8")
    expected["gulf.rss"] = 2
    (root / "sahel.atom").write_text(atom_feed([("Idlib", "https://sahel.example/1", REPORTS[3])]), encoding="utf-8")
    expected["sahel.atom"] = 1
    (root / "wire.jsonl").write_text(json.dumps({"text": REPORTS[4], "outlet": "Wire", "published": "2024-03-09"})
                                     + "\n", encoding="utf-8")
    expected["wire.jsonl"] = 1
    (root / "export.csv").write_text("headline,body,date,site\n"
                                     f'Basra,"{REPORTS[5]}",2024-03-11,Basra Post\n', encoding="utf-8")
    expected["export.csv"] = 1
    pages = [("https://crawl.example/ain", html_page("Ain al-Asad", REPORTS[6], url="https://crawl.example/ain")),
             ("https://crawl.example/tikrit", html_page("Tikrit", REPORTS[7], url="https://crawl.example/tikrit"))]
    (root / "crawl.warc.gz").write_bytes(warc_gz(pages))
    expected["crawl.warc.gz"] = 2
    with zipfile.ZipFile(root / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner/one.txt", "Un convoi militaire a été attaqué lundi près de Raqqa, faisant deux morts.")
        archive.writestr("inner/two.html", html_page("Homs", "Heavy shelling was reported in northern Homs on Friday "
                                                     "by residents, who said two houses were destroyed."))
    expected["bundle.zip"] = 2
    members = {"notes/a.txt": "Militants fired mortars at a village near Diyala on Tuesday, wounding a farmer.\n"}
    with tarfile.open(root / "box.tar.gz", "w:gz") as archive:
        for name, text in members.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    expected["box.tar.gz"] = 1
    return expected
