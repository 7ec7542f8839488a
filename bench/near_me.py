#!/usr/bin/env python3
"""Measure what one "Near you" postcode lookup fetches on a generated site of N services.

Generates a corpus with scripts/generate-corpus.py (default 10,000 services, in districts EB1 to
EB19 of the invented Eastbrook), adds a places file for its localities and districts and a
postcode extract in the ONS Postcode Directory layout with --per-sector postcodes in each of the
171 sectors (every venue's postcode among them; real sectors hold about 200 to 400), builds it,
and reports the bytes of the files near-me.js fetches for one postcode (tests/browser/near-me.mjs
checks that these are the only files fetched):

  - on a category or search page: places/districts.json and places/postcodes/<sector>.json;
  - on the directory page: those and places/nearest/<district>.json;

each as stored and gzip-compressed (as static hosts serve JSON), and the venue points a category
page carries in its Near you box. Only the Python 3.11 standard library is used.

Usage: bench/near_me.py [--services 10000] [--per-sector 400] [--binary target/debug/signpost]
                        [--work bench/work/near-me] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--services", type=int, default=10_000)
    ap.add_argument("--per-sector", type=int, default=400)
    ap.add_argument("--binary", type=Path, default=REPO / "target" / "debug" / "signpost")
    ap.add_argument("--work", type=Path, default=REPO / "bench" / "work" / "near-me")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()

    site, out = a.work / "site", a.work / "public"
    shutil.rmtree(a.work, ignore_errors=True)
    a.work.mkdir(parents=True)
    subprocess.run([sys.executable, str(REPO / "scripts" / "generate-corpus.py"), str(a.services), str(site), "--force"],
                   check=True, stdout=subprocess.DEVNULL)

    # The corpus's localities and venue postcodes.
    localities, postcodes = set(), set()
    for f in sorted((site / "content" / "services").glob("*.yaml")):
        text = f.read_text()
        localities.update(m.strip() for m in re.findall(r"^\s+locality: (.+)$", text, re.M))
        postcodes.update(m.strip() for m in re.findall(r"^\s+postcode: (.+)$", text, re.M))
    rng = random.Random(2026)
    middle = {f"EB{d}": (52.45 + (d % 5) * 0.03, -2.15 + (d // 5) * 0.05) for d in range(1, 20)}
    lines = ["# Invented places for the generated Eastbrook corpus.", "localities:"]
    for name in sorted(localities):
        lines += [f"  - name: {name}", f"    latitude: {52.45 + rng.uniform(0, 0.12):.3f}", f"    longitude: {-2.15 + rng.uniform(0, 0.2):.3f}"]
    lines.append("postcode_districts:")
    for code, (lat, lon) in middle.items():
        lines += [f"  - district: {code}", f"    latitude: {lat:.3f}", f"    longitude: {lon:.3f}"]
    (site / "content" / "places.yaml").write_text("\n".join(lines) + "\n")

    extract = {}
    for code, (lat, lon) in middle.items():
        for sector in range(1, 10):
            inwards = {p.split(" ")[1] for p in postcodes if p.startswith(f"{code} {sector}")}
            while len(inwards) < a.per_sector:
                inwards.add(f"{sector}{rng.choice(LETTERS)}{rng.choice(LETTERS)}")
            for inward in sorted(inwards):
                extract[f"{code} {inward}"] = (lat + rng.uniform(-0.015, 0.015), lon + rng.uniform(-0.02, 0.02))
    (site / "content" / "places").mkdir(exist_ok=True)
    with open(site / "content" / "places" / "onspd-eastbrook.csv", "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        w.writerow(["pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "oslaua", "osward", "lat", "long"])
        for code, (lat, lon) in sorted(extract.items()):
            o, i = code.split(" ")
            w.writerow([f"{o:<4}{i}", f"{o:<5}{i}", code, "199001", "", "E99999999", "E08000999", "", round(lat, 6), round(lon, 6)])

    t0 = time.perf_counter()
    built = subprocess.run([str(a.binary), "build", "--root", str(site), "--output", str(out)], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if built.returncode != 0:
        print(built.stdout + built.stderr, file=sys.stderr)
        return 1

    # One postcode: the first venue's, in the biggest sector file (the worst case).
    sectors = sorted((out / "places" / "postcodes").glob("*.json"), key=lambda p: p.stat().st_size)
    biggest = sectors[-1]
    sector_name = biggest.stem
    district = sector_name.split("-")[0]
    lookup = [out / "places" / "districts.json", biggest]
    directory = lookup + [out / "places" / "nearest" / f"{district}.json"]

    def weigh(files):
        raw = sum(p.stat().st_size for p in files)
        return raw, sum(gz(p.read_bytes()) for p in files)

    pages = sorted((out / "services").glob("*/index.html"), key=lambda p: p.stat().st_size)
    venues = max((re.search(rb'data-venues="([^"]*)"', p.read_bytes()) or re.search(b"()", b"")).group(1).__len__() for p in pages)
    report = {
        "services": a.services,
        "postcodes_in_extract": len(extract),
        "sector_files": len(sectors),
        "build_seconds_debug": round(seconds, 1),
        "sector": sector_name,
        "lookup_bytes": weigh(lookup),
        "directory_lookup_bytes": weigh(directory),
        "largest_sector_file_bytes": biggest.stat().st_size,
        "largest_category_venue_points_bytes": venues,
    }
    print(json.dumps(report, indent=1))
    ok = report["lookup_bytes"][0] < 20_000 and report["directory_lookup_bytes"][0] < 20_000
    print(f"category or search page: {report['lookup_bytes'][0]:,} bytes ({report['lookup_bytes'][1]:,} gzip); "
          f"directory page: {report['directory_lookup_bytes'][0]:,} bytes ({report['directory_lookup_bytes'][1]:,} gzip): "
          + ("under 20 KB" if ok else "OVER 20 KB"))
    if not a.keep:
        shutil.rmtree(a.work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
