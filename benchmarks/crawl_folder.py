"""Write a folder of ~1,000 saved web pages, as a crawler or a browser's "save page" leaves it.

The article pages carry **real article text** (``/work/shared/corpora/gunviolence.jsonl`` and
``newswcl50.jsonl``) wrapped in generated news-site HTML: navigation, cookie banners, bylines,
newsletter boxes, related links, footers, ``og:`` and ``article:`` meta tags, JSON-LD, and
for the blog template a comment section. Around them the folder holds what real crawls
also hold, each kind generated here:

- section fronts and tag pages with only teaser links (``nav``), shop pages (``shop``), and
  consent walls (``cookie``): no article text;
- empty files, binary files saved as ``.html`` (images, gzip), pages of bytes that are no
  text encoding (``garbled``), and a page too large for an article (``huge``, 21 MB);
- pages in German, French, Polish, Spanish, Italian and Dutch (text in ``crawl_langs.py``);
- English pages saved as windows-1252, the same article saved twice, and the ``*_files/``
  folders of "save page complete" (scripts, styles, images, an ad iframe page).

Usage::

    python benchmarks/crawl_folder.py --out benchmarks/out/crawl --pages 1000 --seed 0

``manifest.json`` in the folder names the kind of every page, so a benchmark can compare
what ingest did with what each page is. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import gzip
import html
import itertools
import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crawl_langs import FURNITURE, STORIES  # noqa: E402

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

#: Share of the folder per kind of page (articles take the rest).
MIX = {
    "nav": 0.030, "shop": 0.020, "cookie": 0.010, "empty": 0.008, "binary": 0.006,
    "garbled": 0.005, "huge": 0.001, "foreign": 0.060, "cp1252": 0.010, "duplicate": 0.005,
    "saved_complete": 0.010,
}

OUTLET_NAMES = ["The Valley Ledger", "Metro Daily", "Coastline Post", "KXRT News 7",
                "Northside Courier", "Harbor Herald", "The Prairie Sentinel"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]
    return parts or [text.strip()]


def head(title: str, site: str, published: str | None, url: str, lang: str = "en",
         charset: str = "utf-8", extra: str = "") -> str:
    meta = [f'<meta charset="{charset}">', f"<title>{esc(title)} | {esc(site)}</title>",
            f'<meta property="og:site_name" content="{esc(site)}">',
            f'<meta property="og:title" content="{esc(title)}">',
            f'<meta property="og:url" content="{esc(url)}">',
            f'<link rel="canonical" href="{esc(url)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<link rel="stylesheet" href="/assets/site.css">',
            '<script async src="/assets/analytics.js"></script>']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T08:00:00Z">')
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(meta) + extra
            + "\n</head>\n")


def nav(items: list[str]) -> str:
    links = "".join(f'<li><a href="/{esc(i.lower())}/">{esc(i)}</a></li>' for i in items)
    return f'<header class="site-header"><a class="logo" href="/">Home</a><nav><ul>{links}</ul></nav></header>\n'


def cookie_banner(text: str) -> str:
    return (f'<div id="cookie-consent" class="consent-banner" role="dialog"><p>{esc(text)}</p>'
            '<button class="accept">Accept</button><button class="reject">Reject</button></div>\n')


def related(title: str, rng: random.Random, headlines: list[str]) -> str:
    picks = rng.sample(headlines, k=min(4, len(headlines)))
    items = "".join(f'<li><a href="/story/{rng.randrange(10**6)}">{esc(h)}</a></li>' for h in picks)
    return f'<aside class="related"><h3>{esc(title)}</h3><ul>{items}</ul></aside>\n'


def footer(text: str) -> str:
    return (f'<footer class="site-footer"><p>{esc(text)}</p>'
            '<p><a href="/about">About</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>\n')


EN_NAV = ["News", "Local", "Politics", "Business", "Sports", "Weather", "Opinion", "Obituaries"]
EN_COOKIE = ["We use cookies to personalise content and ads and to analyse our traffic.",
             "This website uses cookies. By continuing to browse you accept our cookie policy."]


def article_page(rec: dict[str, Any], rng: random.Random, headlines: list[str]) -> str:
    """One real article in one of five site templates."""
    title = rec.get("title") or paragraphs(rec["text"])[0][:80]
    site = rec.get("outlet") or rng.choice(OUTLET_NAMES)
    url = rec.get("url") or f"https://{site.replace(' ', '').lower()}.example/story/{rng.randrange(10**6)}"
    published = rec.get("published")
    paras = paragraphs(rec["text"])
    body_ps = [f"<p>{esc(p)}</p>" for p in paras]
    template = rng.randrange(5)
    if template == 0:  # a classic news site
        if len(body_ps) > 3:
            body_ps.insert(2, '<div class="ad-slot">Advertisement</div>')
        body = (nav(EN_NAV) + cookie_banner(rng.choice(EN_COOKIE))
                + f'<main><article class="story"><h1>{esc(title)}</h1>'
                f'<p class="byline">By Staff Reporter</p><time datetime="{published or ""}">{published or ""}</time>'
                + "\n".join(body_ps) + "</article>\n"
                + related("Related stories", rng, headlines) + "</main>\n"
                + footer(f"© {site}. All rights reserved."))
    elif template == 1:  # TV station page with JSON-LD and a story-body div
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                         "datePublished": published, "publisher": {"@type": "Organization", "name": site}})
        extra = f'\n<script type="application/ld+json">{ld}</script>'
        body = (nav(["Home", "News", "Weather", "Traffic", "Video", "Contests"])
                + f'<div class="container"><div class="story-head"><h1 class="headline">{esc(title)}</h1></div>'
                '<div class="share-bar"><a>Share on Facebook</a> <a>Share on X</a> <a>Email</a></div>'
                f'<div class="story-body">{"".join(body_ps)}</div>'
                '<div class="newsletter"><h4>Get breaking news alerts</h4><form><input type="email"><button>Sign up</button></form></div>'
                '</div>\n' + related("Trending now", rng, headlines) + footer(f"Copyright {site}"))
        return head(title, site, published, url, extra=extra) + f"<body>\n{body}</body>\n</html>\n"
    elif template == 2:  # a blog with a sidebar and comments
        comments = "".join(
            f'<li class="comment"><p class="author">reader{rng.randrange(999)}</p><p>{esc(c)}</p></li>'
            for c in rng.sample(["So sad to hear this.", "Praying for the families.",
                                 "Where were the police?", "This keeps happening in our town.",
                                 "Great reporting, thank you."], k=3))
        body = (f'<div class="blog"><header><h2 class="blog-title">{esc(site)}</h2></header>'
                f'<div class="post"><h1 class="entry-title">{esc(title)}</h1>'
                f'<div class="entry-content">{"".join(body_ps)}</div>'
                '<p class="tags">Tags: <a>crime</a> <a>local</a></p></div>'
                f'<section id="comments" class="comments"><h3>3 comments</h3><ol>{comments}</ol></section>'
                '<aside class="sidebar"><h4>Archives</h4><ul><li>May 2016</li><li>April 2016</li></ul>'
                '<h4>Categories</h4><ul><li>News</li><li>Community</li></ul></aside></div>\n'
                + footer("Proudly powered by a blog engine"))
    elif template == 3:  # an association / community page
        body = (nav(["About us", "Our work", "News", "Events", "Donate", "Contact"])
                + '<div class="page"><div class="breadcrumb"><a href="/">Home</a> › <a href="/news/">News</a></div>'
                f'<div class="content"><h1>{esc(title)}</h1>{"".join(body_ps)}</div>'
                '<div class="donate-box"><p>Support our work. Donate today.</p></div></div>\n'
                + footer("Registered charity. All rights reserved."))
    else:  # a tabloid with inline "read more" links between paragraphs
        for i in range(len(body_ps) - 1, 0, -3):
            body_ps.insert(i, f'<p class="read-more"><strong>READ MORE:</strong> <a>{esc(rng.choice(headlines))}</a></p>')
        body = (nav(EN_NAV[:5]) + cookie_banner(rng.choice(EN_COOKIE))
                + f'<article><header><h1>{esc(title)}</h1></header><section class="article-body">{"".join(body_ps)}</section></article>\n'
                + related("More from the web", rng, headlines)
                + footer(f"{site} is part of a media group."))
    return head(title, site, published, url) + f"<body>\n{body}</body>\n</html>\n"


def nav_page(rng: random.Random, headlines: list[str], i: int) -> str:
    section = rng.choice(["Local", "Crime", "Politics", "Tag: shooting", "Page 2", "Archive"])
    teasers = "".join(
        f'<div class="teaser"><a href="/story/{rng.randrange(10**6)}"><h3>{esc(h)}</h3></a>'
        f'<span class="time">{rng.randrange(1, 23)} hours ago</span></div>'
        for h in rng.sample(headlines, k=8))
    return (head(section, rng.choice(OUTLET_NAMES), None, f"https://site.example/section/{i}")
            + "<body>\n" + nav(EN_NAV) + f'<main><h1>{esc(section)}</h1><section class="teasers">{teasers}</section>'
            '<div class="pagination"><a>Previous</a> <a>1</a> <a>2</a> <a>3</a> <a>Next</a></div></main>\n'
            + footer("© All rights reserved.") + "</body>\n</html>\n")


def shop_page(rng: random.Random, i: int) -> str:
    products = ["Trail running shoes", "Waterproof jacket", "Insulated bottle", "Camping lantern",
                "Merino socks (3 pack)", "Daypack 22 l", "Folding chair", "Headlamp"]
    cards = "".join(
        f'<div class="product-card"><img src="/img/p{j}.jpg" alt=""><h3>{esc(p)}</h3>'
        f'<span class="price">${rng.randrange(9, 180)}.{rng.randrange(10, 99)}</span>'
        '<button>Add to cart</button><span class="stars">★★★★☆</span></div>'
        for j, p in enumerate(rng.sample(products, k=6)))
    return (head("Outdoor gear sale", "Summit Outfitters", None, f"https://shop.example/c/{i}")
            + "<body>\n" + nav(["Men", "Women", "Kids", "Sale", "Brands", "Cart (0)"])
            + '<main><h1>Outdoor gear</h1><div class="filters">Sort by: <select><option>Price</option></select></div>'
            f'<div class="grid">{cards}</div></main>\n'
            + footer("Free shipping on orders over $50. 30-day returns.") + "</body>\n</html>\n")


def cookie_page(rng: random.Random, i: int) -> str:
    return (head("Before you continue", rng.choice(OUTLET_NAMES), None, f"https://consent.example/{i}")
            + '<body>\n<div id="consent-wall" class="cmp"><h2>We value your privacy</h2>'
            f'<div class="cmp-text">{esc(rng.choice(EN_COOKIE))} You can change your choices at any time.</div>'
            '<button>Accept all</button><button>Reject all</button><button>Manage options</button>'
            '<a href="/privacy">Privacy policy</a></div>\n</body>\n</html>\n')


def foreign_page(lang: str, rng: random.Random, i: int) -> str:
    # The n-th page of a language: story n % 3, headline (n // 3) % 2, paragraph order
    # (n // 6) % 6, so up to 36 pages per language differ in text.
    n = i // len(STORIES)
    (titles, paras) = STORIES[lang][n % len(STORIES[lang])]
    menu, cookie, related_title, foot = FURNITURE[lang]
    title = titles[(n // 3) % 2]
    order = list(itertools.permutations(paras))[(n // 6) % 6]
    others = [t[0] for (t, _) in STORIES[lang]]
    published = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    body = (nav(menu) + cookie_banner(cookie)
            + f'<main><article><h1>{esc(title)}</h1>' + "".join(f"<p>{esc(p)}</p>" for p in order)
            + "</article>\n" + related(related_title, rng, others) + "</main>\n" + footer(foot))
    return (head(title, f"{lang.upper()} Zeitung/Journal {i % 3}", published,
                 f"https://{lang}.example/{i}", lang=lang) + f"<body>\n{body}</body>\n</html>\n")


def load_records(rng: random.Random) -> list[dict[str, Any]]:
    records = []
    for name in ("gunviolence.jsonl", "newswcl50.jsonl"):
        with (CORPORA / name).open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    rng.shuffle(records)
    return records


def generate(out: Path, pages: int = 1000, seed: int = 0) -> dict[str, str]:
    """Write the folder; return ``{relative path: kind}`` (also written to manifest.json)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    counts = {kind: max(1, round(share * pages)) for kind, share in MIX.items()}
    n_articles = pages - sum(counts.values())
    records = load_records(rng)
    headlines = [r["title"] for r in records if r.get("title")][:500]
    manifest: dict[str, str] = {}

    def write(rel: str, data: str | bytes, kind: str, encoding: str = "utf-8") -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        manifest[rel] = kind

    site_dirs = [f"{s.replace(' ', '-').lower()}" for s in OUTLET_NAMES]
    articles = records[:n_articles]
    for i, rec in enumerate(articles):
        rel = f"{rng.choice(site_dirs)}/{i:04d}-{rec['id'][:24]}.html"
        write(rel, article_page(rec, rng, headlines), "article")
    for i in range(counts["nav"]):
        write(f"sections/section-{i:03d}.html", nav_page(rng, headlines, i), "nav")
    for i in range(counts["shop"]):
        write(f"shop/category-{i:03d}.html", shop_page(rng, i), "shop")
    for i in range(counts["cookie"]):
        write(f"consent/consent-{i:03d}.htm", cookie_page(rng, i), "cookie")
    for i in range(counts["empty"]):
        write(f"misc/empty-{i:03d}.html", b"" if i % 2 else b"\n\n   \n", "empty")
    for i in range(counts["binary"]):
        data = (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)) if i % 2
                else gzip.compress(article_page(articles[i], rng, headlines).encode("utf-8")))
        write(f"misc/download-{i:03d}.html", data, "binary")
    for i in range(counts["garbled"]):
        write(f"misc/garbled-{i:03d}.html", bytes(rng.randrange(0x80, 0x100) for _ in range(6000)), "garbled")
    for i in range(counts["huge"]):
        filler = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40 + "</p>\n"
        write(f"misc/archive-dump-{i}.html", "<html><body>" + filler * 9500 + "</body></html>", "huge")
    langs = sorted(STORIES)
    for i in range(counts["foreign"]):
        lang = langs[i % len(langs)]
        write(f"international/{lang}/{i:03d}.html", foreign_page(lang, rng, i), f"foreign-{lang}")
    for i in range(counts["cp1252"]):
        rec = records[n_articles + i]
        page = article_page(rec, rng, headlines).replace('charset="utf-8"', 'charset="windows-1252"')
        write(f"legacy/{i:03d}.html", page, "article-cp1252", encoding="cp1252" if _fits(page) else "utf-8")
    for i in range(counts["duplicate"]):
        src = next(rel for rel, kind in manifest.items() if kind == "article" and rel.endswith(f"{i:04d}-" + articles[i]["id"][:24] + ".html"))
        write(f"copies/copy-of-{i:03d}.html", (out / src).read_bytes(), "duplicate")
    for i in range(counts["saved_complete"]):
        rec = records[n_articles + counts["cp1252"] + i]
        write(f"saved/story-{i:03d}.html", article_page(rec, rng, headlines), "article")
        write(f"saved/story-{i:03d}_files/ad-frame.html",
              '<html><body><a href="https://ads.example/c"><img src="banner.gif"></a></body></html>', "iframe")
        for name, data in (("app.js", b"window.dataLayer=[];"), ("site.css", b"body{margin:0}"),
                           ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00")):
            (out / f"saved/story-{i:03d}_files").mkdir(parents=True, exist_ok=True)
            (out / f"saved/story-{i:03d}_files/{name}").write_bytes(data)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=0, sort_keys=True), encoding="utf-8")
    return manifest


def _fits(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "crawl")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.pages, args.seed)
    kinds: dict[str, int] = {}
    for kind in manifest.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{len(manifest)} pages in {args.out}: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
