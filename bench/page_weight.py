#!/usr/bin/env python3
"""Page weight: how heavy are the biggest HTML pages of a site with 10,000 services?

Usage:
    python3 bench/page_weight.py                      # 10,000 services, debug build of signpost
    python3 bench/page_weight.py --release            # build and use target/release/signpost
    python3 bench/page_weight.py --services 3000 --limit-kb 150 --json bench/results/weight.json
    python3 bench/page_weight.py --binary path/to/signpost --no-build

It generates the corpus bench/run.py uses (scripts/generate-corpus.py, deterministic), gives each
service a `needs:` list (the generator writes none, so every need page would be empty: here 40%
of services are open to all needs, 45% name one need or broad area and 15% name none, the way a
council's directory looks), builds the site, and measures every HTML page raw and compressed
with gzip at level 9 (Python's gzip module, the same DEFLATE a web server sends with
`Content-Encoding: gzip`). It prints the heaviest pages and the heaviest of each kind, and exits
with status 1 when any page is over --limit-kb compressed (default 150 KB, 1 KB = 1,024 bytes).
Only the Python standard library is used. Scratch files go to bench/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPECIFIC_NEEDS = [
    "autism", "speech-language-and-communication", "learning-disability",
    "specific-learning-difficulty", "adhd", "mental-health", "hearing", "vision",
    "multi-sensory", "physical", "communication-and-interaction", "cognition-and-learning",
    "social-emotional-and-mental-health", "sensory-and-physical",
]
KINDS = [
    ("A to Z", re.compile(r"^services/a-z/")),
    ("need page", re.compile(r"^services/needs/")),
    ("locality page", re.compile(r"^services/localities/")),
    ("age page", re.compile(r"^services/ages/")),
    ("shortlist", re.compile(r"^shortlist/")),
]
ORDER = ["A to Z", "need page", "locality page", "age page", "category page", "directory front page",
         "shortlist", "service page", "other"]


def log(msg: str) -> None:
    print(msg, flush=True)


def kind_of(path: str, categories: set[str]) -> str:
    if path == "services/index.html":
        return "directory front page"
    for name, pattern in KINDS:
        if pattern.search(path):
            return name
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == "services" and parts[2] == "index.html":
        return "category page" if parts[1] in categories else "service page"
    return "other"


def category_ids(root: Path) -> set[str]:
    with open(root / "site.toml", "rb") as f:
        return {c["id"] for c in tomllib.load(f).get("categories", [])}


def add_needs(corpus: Path, seed: int) -> int:
    """Writes a `needs:` line after each service's `category:` line; returns how many."""
    rng = random.Random(seed)
    count = 0
    for path in sorted((corpus / "content" / "services").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        out = []
        for line in lines:
            out.append(line)
            if line.startswith("  category: "):
                roll = rng.random()
                if roll < 0.40:
                    out.append("  needs: [all]\n")
                elif roll < 0.85:
                    out.append(f"  needs: [{rng.choice(SPECIFIC_NEEDS)}]\n")
                count += 1
        path.write_text("".join(out), encoding="utf-8")
    return count


def measure(site: Path, categories: set[str]) -> list[dict]:
    rows = []
    for page in site.rglob("*.html"):
        raw = page.read_bytes()
        path = page.relative_to(site).as_posix()
        rows.append({"path": path, "kind": kind_of(path, categories), "raw": len(raw),
                     "gzip": len(gzip.compress(raw, compresslevel=9, mtime=0))})
    rows.sort(key=lambda r: (-r["gzip"], r["path"]))
    return rows


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def main() -> int:
    ap = argparse.ArgumentParser(description="Measure the heaviest HTML pages of a generated site.")
    ap.add_argument("--services", type=int, default=10_000, help="services to generate (default 10,000)")
    ap.add_argument("--limit-kb", type=float, default=150.0, help="fail when a page is over this, gzip -9 (default 150)")
    ap.add_argument("--top", type=int, default=12, help="how many of the heaviest pages to list (default 12)")
    ap.add_argument("--release", action="store_true", help="build and use the release binary")
    ap.add_argument("--binary", type=Path, default=None, help="use this signpost binary")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build first")
    ap.add_argument("--work-dir", type=Path, default=REPO / "bench" / "work", help="scratch folder (default bench/work)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", type=Path, default=None, help="also write the measurements as JSON here")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpus and site")
    ap.add_argument("--site", type=Path, default=None, metavar="DIR",
                    help="only measure this built site (its site.toml folder is --root, default: the kept corpus)")
    ap.add_argument("--root", type=Path, default=None, help="the site folder of --site, for its category ids")
    args = ap.parse_args()

    work = args.work_dir.resolve()
    corpus = work / f"weight-corpus-{args.services}"
    binary = None
    if args.site is not None:
        site = args.site.resolve()
        corpus = (args.root or corpus).resolve()
    else:
        profile = "release" if args.release else "debug"
        binary = (args.binary or REPO / "target" / profile / "signpost").resolve()
        if args.binary is None and not args.no_build:
            cmd = ["cargo", "build", "--locked"] + (["--release"] if args.release else [])
            log("==> " + " ".join(cmd))
            subprocess.run(cmd, cwd=REPO, check=True)
        if not binary.is_file():
            log(f"page_weight: signpost binary not found at {binary}")
            return 2

        work.mkdir(parents=True, exist_ok=True)
        site = work / f"weight-site-{args.services}"
        log(f"==> generating {args.services:,} services in {corpus}")
        subprocess.run([sys.executable, str(REPO / "scripts" / "generate-corpus.py"), str(args.services), str(corpus),
                        "--force", "--seed", str(args.seed)], check=True)
        with_needs = add_needs(corpus, args.seed)
        log(f"    gave {with_needs:,} services a needs list")
        shutil.rmtree(site, ignore_errors=True)
        log(f"==> {binary} build")
        start = time.perf_counter()
        built = subprocess.run([str(binary), "build", "--root", str(corpus), "--output", str(site)],
                               capture_output=True, text=True)
        log(f"    {time.perf_counter() - start:.1f} s, exit {built.returncode}")
        if built.returncode != 0:
            log("page_weight: the build failed; last lines:")
            for line in (built.stdout + built.stderr).splitlines()[-20:]:
                log("    " + line)
            return 2

    rows = measure(site, category_ids(corpus))
    limit = int(args.limit_kb * 1024)
    over = [r for r in rows if r["gzip"] > limit]
    log(f"\n{len(rows):,} HTML pages; sizes are raw and gzip -9; limit {kb(limit)} compressed.\n")
    log(f"Heaviest {args.top} pages:\n")
    log("| Page | Kind | Raw | Compressed |")
    log("|---|---|---:|---:|")
    for r in rows[:args.top]:
        log(f"| `{r['path']}` | {r['kind']} | {kb(r['raw'])} | {kb(r['gzip'])} |")
    log("\nHeaviest of each kind (and how many pages of that kind):\n")
    log("| Kind | Pages | Heaviest page | Raw | Compressed |")
    log("|---|---:|---|---:|---:|")
    by_kind: dict[str, list[dict]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r)
    for name in ORDER:
        pages = by_kind.get(name)
        if pages:
            top = pages[0]
            log(f"| {name} | {len(pages):,} | `{top['path']}` | {kb(top['raw'])} | {kb(top['gzip'])} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"services": args.services, "limit_bytes": limit, "binary": str(binary) if binary else None,
                                         "pages": rows[:200]}, indent=2) + "\n")
        log(f"\npage_weight: wrote {args.json}")
    if not args.keep and args.site is None:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)
    if over:
        log(f"\npage_weight: FAIL: {len(over)} page(s) over {kb(limit)} compressed:")
        for r in over:
            log(f"    {r['path']}: {kb(r['gzip'])} compressed, {kb(r['raw'])} raw")
        return 1
    log(f"\npage_weight: ok: every page is at most {kb(limit)} compressed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
