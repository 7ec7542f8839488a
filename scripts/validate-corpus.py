#!/usr/bin/env python3
"""Check a Signpost site folder against the contract, independently of the Rust core.

Usage: scripts/validate-corpus.py SITE_DIR [--quiet]

Checks site.toml keys, page front matter, contact blocks, the glossary, every service (required
fields, ages 0-25, access values, contact, where, dates, unique ids, known categories) and that
internal Markdown links point at pages the site will have. Needs PyYAML (pip install pyyaml).
Exit status 0 when valid, 1 with a list of problems otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("validate-corpus: needs PyYAML: pip install pyyaml")

SITE_KEYS = {"name", "area", "council", "base_url", "language", "theme", "accessibility_statement",
             "other_formats", "review_cycle_months", "contacts", "nav", "categories", "checks"}
SITE_REQUIRED = {"name", "area", "council", "base_url", "accessibility_statement"}
PAGE_KEYS = {"title", "summary", "last_reviewed", "next_review", "owner", "status", "audience",
             "topics", "order"}
PAGE_REQUIRED = {"title", "summary", "last_reviewed", "owner"}
SERVICE_KEYS = {"id", "name", "category", "summary", "provider", "provider_website", "ages",
                "eligibility", "access", "cost", "contact", "where", "when", "last_reviewed",
                "next_review", "owner", "status", "description"}
SERVICE_REQUIRED = {"name", "category", "summary", "provider", "ages", "access", "cost", "contact",
                    "where", "last_reviewed"}
CONTACT_KEYS = {"name", "heading", "operator", "summary", "phone", "email", "website", "address", "hours"}
ACCESS = {"self-referral", "professional-referral", "ehcp", "drop-in"}
AUDIENCE = {"parents-carers", "young-people", "professionals"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINK_RE = re.compile(r"\]\((/[^)\s#]*)(#[^)\s]*)?\)")


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


class Checker:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[str] = []
        self.urls: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.stats = {"services": 0, "pages": 0, "summary_words": []}

    def bad(self, where: str, msg: str):
        self.problems.append(f"{where}: {msg}")

    def date(self, where: str, key: str, v, required: bool):
        if v is None:
            if required:
                self.bad(where, f"{key} is required")
            return
        if isinstance(v, dt.date):
            return
        if isinstance(v, str):
            try:
                dt.date.fromisoformat(v)
                return
            except ValueError:
                pass
        self.bad(where, f"{key} must be YYYY-MM-DD, got {v!r}")

    def run(self) -> int:
        root = self.root
        try:
            site = tomllib.loads((root / "site.toml").read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            self.bad("site.toml", f"cannot read: {e}")
            return self.report()
        for k in set(site) - SITE_KEYS:
            self.bad("site.toml", f"unknown key {k}")
        for k in SITE_REQUIRED - set(site):
            self.bad("site.toml", f"missing {k}")
        cats = [c.get("id") for c in site.get("categories", [])]
        for c in site.get("categories", []):
            if set(c) - {"id", "name", "description"} or not ID_RE.match(str(c.get("id", ""))):
                self.bad("site.toml", f"bad category {c}")
        for need in ["health", "short-breaks", "alternative-provision", "things-to-do", "education",
                     "preparing-for-adulthood"]:
            if need not in cats:
                self.bad("site.toml", f"category {need} is missing")
        every = site.get("contacts", {}).get("every_page", [])
        if "sendiass" not in every:
            self.bad("site.toml", "contacts.every_page must include sendiass")
        for cid in every:
            self.check_contact(root / "content" / "contacts" / f"{cid}.yaml")
        theme = root / "themes" / site.get("theme", "default")
        if not (theme / "templates").is_dir() or not (theme / "theme.toml").is_file():
            self.bad(str(theme), "theme folder is missing or incomplete (templates/, theme.toml)")

        # Generated pages
        self.urls |= {"/services/", "/glossary/", "/404.html", "/sitemap.xml", "/robots.txt"}
        self.urls |= {f"/services/{c}/" for c in cats}
        glossary_ids = set()
        gpath = root / "content" / "glossary.yaml"
        if gpath.exists():
            for i, g in enumerate(yaml.safe_load(gpath.read_text(encoding="utf-8")) or []):
                if not isinstance(g, dict) or not g.get("term") or not g.get("meaning"):
                    self.bad(f"glossary.yaml[{i}]", "term and meaning are required")
                elif set(g) - {"term", "stands_for", "meaning"}:
                    self.bad(f"glossary.yaml[{i}]", f"unknown keys {set(g) - {'term', 'stands_for', 'meaning'}}")
                else:
                    glossary_ids.add(slug(g["term"]))

        content = root / "content"
        ids: dict[str, str] = {}
        for p in sorted(content.rglob("*")):
            rel = p.relative_to(content).as_posix()
            if p.is_dir() or rel.startswith("contacts/") or rel == "glossary.yaml":
                continue
            if rel.startswith("services/") and p.suffix == ".yaml":
                data = yaml.safe_load(p.read_text(encoding="utf-8"))
                if not isinstance(data, list):
                    self.bad(rel, "must be a top-level YAML list")
                    continue
                for i, s in enumerate(data):
                    self.check_service(f"{rel}[{i}]", s, cats, ids)
            elif p.suffix == ".md":
                fm, body = self.front_matter(rel, p.read_text(encoding="utf-8"))
                if rel.startswith("services/"):
                    if fm is not None:
                        self.check_service(rel, fm, cats, ids)
                    continue
                if fm is not None:
                    self.check_page(rel, fm)
                url = "/" if rel == "index.md" else "/" + re.sub(r"(index)?\.md$", "", rel).rstrip("/") + "/"
                self.urls.add(url)
                self.links += [(rel, m.group(1) + (m.group(2) or "")) for m in LINK_RE.finditer(body)]
        # Links: paths must exist; /glossary/#x must be a term.
        for where, link in self.links:
            path, _, frag = link.partition("#")
            if path.startswith("/assets/"):
                if not (root / path.lstrip("/")).is_file():
                    self.bad(where, f"no such asset {link}")
                continue
            if path not in self.urls:
                self.bad(where, f"dead internal link {link}")
            elif path == "/glossary/" and frag and frag not in glossary_ids:
                self.bad(where, f"no glossary term for {link}")
        return self.report()

    def front_matter(self, rel: str, text: str):
        if not text.startswith("---\n"):
            self.bad(rel, "no front matter")
            return None, text
        end = text.find("\n---\n", 4)
        if end < 0:
            self.bad(rel, "front matter not closed")
            return None, text
        try:
            return yaml.safe_load(text[4:end]) or {}, text[end + 5:]
        except yaml.YAMLError as e:
            self.bad(rel, f"bad YAML: {e}")
            return None, text

    def check_page(self, rel: str, fm: dict):
        self.stats["pages"] += 1
        for k in set(fm) - PAGE_KEYS:
            self.bad(rel, f"unknown front-matter key {k}")
        for k in PAGE_REQUIRED - set(fm):
            self.bad(rel, f"missing {k}")
        self.date(rel, "last_reviewed", fm.get("last_reviewed"), True)
        self.date(rel, "next_review", fm.get("next_review"), False)
        if fm.get("status", "published") not in ("published", "draft"):
            self.bad(rel, f"bad status {fm.get('status')}")
        for a in fm.get("audience", []) or []:
            if a not in AUDIENCE:
                self.bad(rel, f"bad audience {a}")
        if "order" in fm and not isinstance(fm["order"], int):
            self.bad(rel, "order must be a whole number")

    def check_contact(self, p: Path):
        rel = p.relative_to(self.root).as_posix()
        if not p.exists():
            self.bad(rel, "contact block file missing")
            return
        c = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        for k in set(c) - CONTACT_KEYS:
            self.bad(rel, f"unknown key {k}")
        for k in ("name", "summary"):
            if not c.get(k):
                self.bad(rel, f"missing {k}")
        for k in ("phone", "email", "website"):
            if k in c and not isinstance(c[k], str):
                self.bad(rel, f"{k} must be a string (quote phone numbers)")

    def check_service(self, where: str, s, cats, ids):
        self.stats["services"] += 1
        if not isinstance(s, dict):
            self.bad(where, "service must be a mapping")
            return
        for k in set(s) - SERVICE_KEYS:
            self.bad(where, f"unknown key {k}")
        for k in SERVICE_REQUIRED - set(s):
            self.bad(where, f"missing {k}")
        sid = s.get("id") or slug(str(s.get("name", "")))
        if not ID_RE.match(sid):
            self.bad(where, f"bad id {sid!r}")
        if sid in ids:
            self.bad(where, f"duplicate id {sid} (also {ids[sid]})")
        ids[sid] = where
        self.urls.add(f"/services/{sid}/")
        if s.get("category") not in cats:
            self.bad(where, f"unknown category {s.get('category')}")
        for k in ("name", "summary", "provider", "cost"):
            if k in s and (not isinstance(s[k], str) or not s[k].strip()):
                self.bad(where, f"{k} must be non-empty text")
        if isinstance(s.get("summary"), str):
            self.stats["summary_words"].append(len(s["summary"].split()))
        ages = s.get("ages")
        if not (isinstance(ages, dict) and set(ages) == {"from", "to"}
                and all(isinstance(ages[k], int) and 0 <= ages[k] <= 25 for k in ages)
                and ages["from"] <= ages["to"]):
            self.bad(where, f"bad ages {ages}")
        acc = s.get("access")
        if not (isinstance(acc, list) and acc and all(a in ACCESS for a in acc)):
            self.bad(where, f"bad access {acc}")
        con = s.get("contact")
        if not (isinstance(con, dict) and set(con) <= {"phone", "email", "website"} and con
                and all(isinstance(v, str) and v for v in con.values())):
            self.bad(where, f"bad contact {con}")
        w = s.get("where")
        if not (isinstance(w, dict) and set(w) <= {"address", "postcode", "locality", "online"}
                and (w.get("online") is True or any(w.get(k) for k in ("address", "postcode", "locality")))):
            self.bad(where, f"bad where {w}")
        self.date(where, "last_reviewed", s.get("last_reviewed"), True)
        self.date(where, "next_review", s.get("next_review"), False)
        if s.get("status", "published") not in ("published", "draft"):
            self.bad(where, f"bad status {s.get('status')}")
        desc = s.get("description")
        if desc is not None:
            if not isinstance(desc, str):
                self.bad(where, "description must be text")
            else:
                self.links += [(where, m.group(1) + (m.group(2) or "")) for m in LINK_RE.finditer(desc)]

    def report(self) -> int:
        sw = self.stats["summary_words"]
        print(f"validate-corpus: {self.stats['services']} services, {self.stats['pages']} pages, "
              f"{len(self.links)} internal links"
              + (f", summary words {min(sw)}-{max(sw)}" if sw else ""))
        if self.problems:
            for p in self.problems[:200]:
                print("  " + p)
            if len(self.problems) > 200:
                print(f"  ... and {len(self.problems) - 200} more")
            print(f"validate-corpus: {len(self.problems)} problem(s)")
            return 1
        print("validate-corpus: OK")
        return 0


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    return Checker(Path(args[0])).run()


if __name__ == "__main__":
    sys.exit(main())
