"""The readers: every format in, Documents out; every bad input a named Failure."""
from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.records import Document, Failure
from onrecord.sources import STDIN_SOURCE, format_for, read_paths, sniff
from onrecord.sources.jsonl import parse_date

# Short fictional articles, written for these tests.
ARTICLE = (
    "Harbour board backs ferry plan\n"
    "\n"
    "The harbour board chair, Ines Varga, said on Monday that the ferry to Corran Island "
    "would resume “only if the state covers half the cost”.\n"
    "\n"
    "“We are ready to talk as soon as the ministry answers our letter,” she told reporters in Millbrook. "
    "The café owners on the quay welcomed the news; tickets would cost €4.\n"
)
GOOD_TEXT = "The library will open on Sundays from May, the mayor, Olu Danjuma, said on Friday.\n"

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Ferry plan backed | The Millbrook Courier</title>
<meta property="og:title" content="Harbour board backs ferry plan">
<meta property="og:site_name" content="The Millbrook Courier">
<meta property="article:published_time" content="2021-03-15T09:30:00+00:00">
<link rel="canonical" href="https://courier.example/news/ferry-plan">
<script>var tracker = "SCRIPTLEAK";</script>
<style>.ad { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour board backs ferry plan</h1>
<p>The harbour board chair, Ines Varga, said on Monday that the ferry to Corran Island would
resume "only if the state covers half the cost".</p>
<p>"We are ready to talk as soon as the ministry answers our letter," she told reporters.</p>
<img src="x.png" onerror="alert('pwned')">
<script>document.write("SCRIPTLEAK2")</script>
<p>The island council said it had asked for the same terms in 2019 and again in 2020.</p>
</article>
<footer>© 2021 The Millbrook Courier. All rights reserved.</footer>
</body></html>"""

UNDATED_PAGE = """<html><head><title>Night buses extended</title></head><body><article>
<p>The city council voted to extend the night bus service to the harbour district after two years of complaints.</p>
<p>Councillor Ana Reyes said the change would cost less than the overtime paid to taxi drivers.</p>
</article></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Millbrook Gazette</title><link>https://gazette.example/</link><description>News</description>
<item>
  <title>Port expansion approved</title>
  <link>https://gazette.example/port</link>
  <pubDate>Tue, 09 Mar 2021 23:30:00 -0500</pubDate>
  <description><![CDATA[<p>The port authority approved the expansion on Tuesday evening.</p>
  <p>"We will build only if the state pays half," the chair, Rui Mendes, said.</p>
  <script>alert("SCRIPTLEAK")</script>]]></description>
</item>
<item>
  <title>Library hours</title>
  <link>https://gazette.example/library</link>
  <pubDate>Wed, 10 Mar 2021 08:00:00 GMT</pubDate>
  <description>The library will open on Sundays from May, the mayor said.</description>
</item>
<item><title>Empty item</title><link>https://gazette.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Valley Courier</title><id>urn:example:valley</id><updated>2022-05-02T10:00:00Z</updated>
<entry>
  <title>Bridge to open in spring</title><id>urn:example:bridge</id>
  <link href="https://valley.example/bridge"/>
  <published>2022-05-01T10:00:00Z</published><updated>2022-05-02T10:00:00Z</updated>
  <content type="html">&lt;p&gt;The transport minister said the bridge would open in spring.&lt;/p&gt;
  &lt;p&gt;"Only if the winter is mild," she added.&lt;/p&gt;</content>
</entry>
</feed>"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""


def read(*paths: Path | str, **options) -> list[Document | Failure]:
    return list(read_paths([str(path) for path in paths], **options))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def only_failure(tmp_path: Path, name: str, content: str | bytes, **options) -> Failure:
    """Read a bad file between two good ones: one Failure naming it, both good ones read."""
    first = write(tmp_path / "a_good.txt", GOOD_TEXT)
    bad = write(tmp_path / name, content)
    last = write(tmp_path / "z_good.txt", GOOD_TEXT)
    results = read(first, bad, last, **options)
    failures = [r for r in results if isinstance(r, Failure)]
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.source for d in documents] == [str(first), str(last)]
    assert len(failures) == 1, failures
    assert failures[0].source == str(bad)
    return failures[0]


def single(results: list[Document | Failure]) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


# --- plain text ------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_text_in_common_encodings(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path / "article.txt", ARTICLE.replace("\n", "\r\n").encode(encoding))
    document = single(read(path))
    assert document.text == ARTICLE
    assert (document.source, document.format, document.needs_cleaning) == (str(path), "text", True)


def test_western_text_is_not_read_as_central_european(tmp_path: Path) -> None:
    # charset-normalizer alone reads these bytes as cp1250: "Seńor", "pręt".
    spanish = "Señor García dijo que el puente estará «prêt» en la primavera.\n"
    assert single(read(write(tmp_path / "es.txt", spanish.encode("cp1252")))).text == spanish


def test_text_in_koi8_r(tmp_path: Path) -> None:
    russian = "Министр заявил, что мост будет готов весной, если погода позволит.\n"
    assert single(read(write(tmp_path / "ru.txt", russian.encode("koi8-r")))).text == russian


def test_undecodable_bytes_do_not_crash(tmp_path: Path) -> None:
    data = b"The mayor said the vote was close \xff\xfe\x81\x8d and the council agreed.\n"
    document = single(read(write(tmp_path / "odd.txt", data)))
    assert document.text.startswith("The mayor said the vote was close")
    assert document.text.rstrip().endswith("and the council agreed.")


def test_binary_file_fails(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    failure = only_failure(tmp_path, "photo.txt", png)
    assert failure.reason == "binary file (NUL bytes), not an article"


def test_control_characters_fail_as_binary(tmp_path: Path) -> None:
    failure = only_failure(tmp_path, "noise.txt", bytes(range(1, 32)) * 40)
    assert failure.reason == "binary file (control characters), not an article"


@pytest.mark.parametrize("content", [b"", b"  \n\t \r\n"])
def test_empty_file_fails(tmp_path: Path, content: bytes) -> None:
    assert only_failure(tmp_path, "empty.txt", content).reason == "empty file"


# --- HTML ------------------------------------------------------------------------


def test_html_article_with_metadata(tmp_path: Path) -> None:
    document = single(read(write(tmp_path / "ferry.html", PAGE)))
    assert document.format == "html" and document.needs_cleaning is False
    assert document.title == "Harbour board backs ferry plan"
    assert document.outlet == "The Millbrook Courier"
    assert document.url == "https://courier.example/news/ferry-plan"
    published = document.published
    assert published is not None
    assert (published.value, published.precision, published.confidence, published.method) == (
        "2021-03-15", "day", 0.9, "metadata",
    )
    assert published.evidence[0].startswith("htmldate: 2021-03-15")
    paragraphs = document.text.split("\n\n")
    assert 'said on Monday that the ferry to Corran Island would' in paragraphs[1]
    assert paragraphs[-1] == "The island council said it had asked for the same terms in 2019 and again in 2020."
    for leak in ("SCRIPTLEAK", "alert", "onerror", "color: red", "<"):
        assert leak not in document.text
    assert "Home" not in document.text and "All rights reserved" not in document.text


def test_html_without_a_date_in_markup(tmp_path: Path) -> None:
    document = single(read(write(tmp_path / "buses.htm", UNDATED_PAGE)))
    assert document.published is None
    assert document.text.count("\n\n") == 1


def test_html_honours_declared_charset(tmp_path: Path) -> None:
    page = UNDATED_PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "Councillor Ana Reyes", "Councillor Ana Reyes of Café “Quay”"
    )
    document = single(read(write(tmp_path / "cp1252.html", page.encode("cp1252"))))
    assert "Café “Quay”" in document.text


@pytest.mark.parametrize(
    "markup",
    [
        "<<<<>>>>",
        "<html><head><script>var only = 'code';</script></head><body></body></html>",
        "<html><body><div><span></span></div></body></html>",
    ],
)
def test_html_without_article_text_fails(tmp_path: Path, markup: str) -> None:
    assert only_failure(tmp_path, "broken.html", markup).reason == "no article text found in HTML"


# --- JSON ------------------------------------------------------------------------


def test_json_object(tmp_path: Path) -> None:
    record = {
        "headline": "Harbour board backs ferry plan",
        "body": ARTICLE,
        "link": "https://courier.example/ferry",
        "publisher": {"@type": "Organization", "name": "The Millbrook Courier"},
        "datePublished": "2021-03",
    }
    path = write(tmp_path / "one.json", json.dumps(record))
    document = single(read(path))
    assert (document.source, document.format, document.needs_cleaning) == (str(path), "json", True)
    assert document.text == ARTICLE
    assert document.title == "Harbour board backs ferry plan"
    assert document.outlet == "The Millbrook Courier"
    assert document.url == "https://courier.example/ferry"
    assert document.published is not None
    assert (document.published.value, document.published.precision) == ("2021-03", "month")
    assert document.published.evidence == ["datePublished field: 2021-03"]


def test_json_array_with_text_html_and_a_bad_item(tmp_path: Path) -> None:
    items = [
        {"text": GOOD_TEXT, "outlet": "Millbrook Post", "date": "2021-03-14T23:30:00-05:00"},
        {"raw_html": PAGE, "url": "https://mirror.example/ferry", "site_name": "Mirror"},
        "not an object",
        {"title": "No body at all"},
    ]
    path = write(tmp_path / "many.json", json.dumps(items))
    results = read(path)
    assert [r.source for r in results] == [f"{path}#{n}" for n in (1, 2, 3, 4)]
    text_doc, html_doc, not_object, no_body = results
    assert isinstance(text_doc, Document) and text_doc.published is not None
    assert text_doc.published.value == "2021-03-14"  # the date as written, not UTC
    assert isinstance(html_doc, Document) and html_doc.needs_cleaning is False
    assert html_doc.url == "https://mirror.example/ferry"  # the record's URL wins
    assert html_doc.outlet == "Mirror"
    assert html_doc.published is not None and html_doc.published.value == "2021-03-15"
    assert "SCRIPTLEAK" not in html_doc.text
    assert not_object == Failure(f"{path}#3", "expected a JSON object, got a string")
    assert isinstance(no_body, Failure) and no_body.reason.startswith("no text or HTML field")


def test_jsonl_with_a_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"maintext": GOOD_TEXT, "date_publish": "2021-03-14 09:30:00"}),
        "",
        '{"text": "Half a record", "title": }',
        json.dumps({"content": ARTICLE, "published_at": "2021"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    first, broken, last = read(path)
    assert isinstance(first, Document) and first.source == f"{path}#1"
    assert first.published is not None and first.published.value == "2021-03-14"
    assert broken == Failure(f"{path}#3", "invalid JSON at line 3, column 36: Expecting value")
    assert isinstance(last, Document) and last.source == f"{path}#4"
    assert last.published is not None and (last.published.value, last.published.precision) == ("2021", "year")


def test_json_lines_under_a_json_name(tmp_path: Path) -> None:
    path = write(tmp_path / "export.json", json.dumps({"text": GOOD_TEXT}) + "\n" + json.dumps({"text": ARTICLE}))
    assert [r.source for r in read(path)] == [f"{path}#1", f"{path}#2"]


def test_broken_json_fails_with_line_and_column(tmp_path: Path) -> None:
    failure = only_failure(tmp_path, "broken.json", '{\n  "text": "A story",\n  "title": "x"\n  "url": "y"\n}')
    assert failure.reason == "invalid JSON at line 4, column 3: Expecting ',' delimiter"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2021", ("2021", "year")),
        ("2021-03", ("2021-03", "month")),
        ("2021-03-14", ("2021-03-14", "day")),
        ("2021-03-14T23:30:00-05:00", ("2021-03-14", "day")),
        ("Tue, 09 Mar 2021 23:30:00 -0500", ("2021-03-09", "day")),
        ("2021-02-30", None),
        ("last Tuesday", None),
    ],
)
def test_parse_date(raw: str, expected: tuple[str, str] | None) -> None:
    assert parse_date(raw) == expected


# --- feeds -----------------------------------------------------------------------


def test_rss_feed(tmp_path: Path) -> None:
    path = write(tmp_path / "gazette.rss", RSS)
    port, library, empty = read(path)
    assert isinstance(port, Document) and port.source == f"{path}#1"
    assert (port.title, port.url, port.outlet, port.format) == (
        "Port expansion approved", "https://gazette.example/port", "Millbrook Gazette", "feed",
    )
    assert port.text.split("\n\n")[1].startswith('"We will build only if the state pays half,"')
    assert "SCRIPTLEAK" not in port.text and "alert" not in port.text
    assert port.published is not None
    # 23:30 in New York is already the 10th in UTC; the story is from the 9th.
    assert (port.published.value, port.published.confidence, port.published.method) == ("2021-03-09", 0.95, "metadata")
    assert port.published.evidence == ["feed item date: Tue, 09 Mar 2021 23:30:00 -0500"]
    assert isinstance(library, Document) and library.text == "The library will open on Sundays from May, the mayor said."
    assert library.published is not None and library.published.value == "2021-03-10"
    assert empty == Failure(f"{path}#3", "feed entry has no content or summary")


def test_atom_feed(tmp_path: Path) -> None:
    path = write(tmp_path / "valley.atom", ATOM)
    entry = single(read(path))
    assert (entry.source, entry.title, entry.url, entry.outlet) == (
        f"{path}#1", "Bridge to open in spring", "https://valley.example/bridge", "Valley Courier",
    )
    assert entry.text == 'The transport minister said the bridge would open in spring.\n\n"Only if the winter is mild," she added.'
    assert entry.published is not None and entry.published.value == "2022-05-01"


def test_broken_feed_fails(tmp_path: Path) -> None:
    failure = only_failure(tmp_path, "broken.xml", "<?xml version='1.0'?><rss><channel><title>x</title><<<garbage")
    assert failure.reason.startswith("malformed feed: ")
    assert "not well-formed" in failure.reason


def test_feed_without_entries_fails(tmp_path: Path) -> None:
    feed = "<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
    assert only_failure(tmp_path, "quiet.rss", feed).reason == "feed has no entries"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_expansion_bomb_is_refused_fast(tmp_path: Path, encoding: str) -> None:
    started = time.perf_counter()
    failure = only_failure(tmp_path, "bomb.xml", BOMB.encode(encoding))
    assert failure.reason == "XML entity declarations refused (possible entity-expansion bomb)"
    assert time.perf_counter() - started < 2


# --- WARC ------------------------------------------------------------------------


def _warc(gzipped: bool) -> bytes:
    """A small crawl: info, a request, two articles, an image, a 404 and a redirect."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))

    def response(url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2021-04-02T06:15:00Z"},
        )
        writer.write_record(record)

    request = StatusAndHeaders("GET /ferry HTTP/1.1", [("Host", "courier.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://courier.example/ferry", "request", http_headers=request))
    response("https://courier.example/ferry", PAGE.encode(), "text/html; charset=utf-8")
    response("https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    response("https://courier.example/buses", UNDATED_PAGE.encode("cp1252"), "text/html; charset=windows-1252")
    response("https://courier.example/gone", UNDATED_PAGE.encode(), "text/html", "404 Not Found")
    response("https://courier.example/old", b"", "text/html", "301 Moved Permanently")
    return buffer.getvalue()


@pytest.mark.parametrize("name, gzipped", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc(tmp_path: Path, name: str, gzipped: bool) -> None:
    path = write(tmp_path / name, _warc(gzipped))
    ferry, buses = read(path)
    assert isinstance(ferry, Document) and isinstance(buses, Document)
    assert (ferry.source, ferry.url, ferry.format) == (f"{path}#3", "https://courier.example/ferry", "warc")
    assert ferry.published is not None and (ferry.published.value, ferry.published.confidence) == ("2021-03-15", 0.9)
    assert buses.source == f"{path}#5" and buses.url == "https://courier.example/buses"
    # No date in the page: the capture date stands in, with low confidence.
    assert buses.published is not None
    assert (buses.published.value, buses.published.precision, buses.published.confidence) == ("2021-04-02", "day", 0.6)
    assert buses.published.evidence[0].startswith("WARC-Date header 2021-04-02T06:15:00Z")


def test_whole_file_gzipped_warc(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.warc.gz", gzip.compress(_warc(False)))
    assert [r.source for r in read(path)] == [f"{path}#3", f"{path}#5"]


def test_truncated_warc_keeps_what_it_read(tmp_path: Path) -> None:
    data = _warc(False)
    cut = data.index(b"Councillor Ana Reyes")  # inside the second article
    path = write(tmp_path / "cut.warc", data[:cut])
    ferry, truncated = read(path, write(tmp_path / "z_good.txt", GOOD_TEXT))[:2]
    assert isinstance(ferry, Document) and ferry.source == f"{path}#3"
    assert truncated == Failure(f"{path}#5", "record truncated (file cut short)")


def test_corrupt_warc_fails(tmp_path: Path) -> None:
    gz = only_failure(tmp_path, "bad.warc.gz", gzip.compress(_warc(False))[:300])
    assert gz.reason.startswith("corrupt or truncated WARC file: ")
    plain = only_failure(tmp_path, "junk.warc", b"WARC/1.0\r\nthis is not a header\r\n\r\n")
    assert plain.reason == "no HTML response records in WARC file"


# --- paths, directories, stdin, limits ------------------------------------------------


def test_directory_walk(tmp_path: Path) -> None:
    write(tmp_path / "b" / "story.txt", GOOD_TEXT)
    write(tmp_path / "a.html", PAGE)
    write(tmp_path / "b" / "saved_page", PAGE)  # no extension, sniffed as HTML
    write(tmp_path / "b" / "notes.csv", "id,name\n1,ferry\n")  # unknown type: skipped
    write(tmp_path / "b" / "logo.png", b"\x89PNG\r\n\x1a\n" + bytes(32))  # skipped
    write(tmp_path / ".hidden.txt", GOOD_TEXT)
    write(tmp_path / ".git" / "story.txt", GOOD_TEXT)
    write(tmp_path / "c" / "feed.xml", ATOM)
    results = read(tmp_path)
    assert all(isinstance(r, Document) for r in results)
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in results] == [
        "a.html", "b/saved_page", "b/story.txt", "c/feed.xml#1",
    ]


def test_explicit_file_of_unknown_type_is_read_as_text(tmp_path: Path) -> None:
    document = single(read(write(tmp_path / "notes.csv", "id,name\n1,ferry\n")))
    assert document.format == "text" and document.text == "id,name\n1,ferry\n"


@pytest.mark.parametrize(
    "data, fmt",
    [
        (GOOD_TEXT.encode("utf-16"), "text"),
        (b"\xef\xbb\xbf" + PAGE.encode(), "html"),
        (json.dumps({"text": GOOD_TEXT}).encode(), "json"),
        (ATOM.encode(), "feed"),
    ],
)
def test_stdin_is_sniffed(data: bytes, fmt: str) -> None:
    results = list(read_paths(["-"], stdin=io.BytesIO(data)))
    assert results and all(isinstance(r, Document) for r in results)
    assert all(r.source.startswith(STDIN_SOURCE) for r in results)
    assert results[0].format == fmt


def test_file_over_the_size_limit_fails(tmp_path: Path) -> None:
    failure = only_failure(tmp_path, "long.txt", "word " * 400, max_bytes=1024)
    assert failure.reason == "file is 2 KB, over the 1 KB limit (--max-size)"


def test_stdin_over_the_size_limit_fails() -> None:
    results = list(read_paths(["-"], stdin=io.BytesIO(b"x" * 2000), max_bytes=1024))
    assert results == [Failure(STDIN_SOURCE, "input is over the 1 KB limit (--max-size)")]


def test_missing_path_fails_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    missing = tmp_path / "nope.txt"
    assert read(missing, good)[0] == Failure(str(missing), "no such file or directory")
    assert isinstance(read(missing, good)[1], Document)


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("a.TXT", "text"), ("a.md", "text"), ("a.xhtml", "html"), ("a.ndjson", "jsonl"),
        ("a.feed", "feed"), ("a.WARC.GZ", "warc"), ("a.gz", None), ("a.csv", None),
    ],
)
def test_format_for(name: str, fmt: str | None) -> None:
    assert format_for(name) == fmt


@pytest.mark.parametrize(
    "head, fmt",
    [
        (b"WARC/1.1\r\n", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), "warc"),
        (gzip.compress(b"just a gzipped text"), None),
        (b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x">', "feed"),
        (b"  <!DOCTYPE html><html>", "html"),
        (b"[{", "json"),
        (b"Plain words", None),
    ],
)
def test_sniff(head: bytes, fmt: str | None) -> None:
    assert sniff(head) == fmt
