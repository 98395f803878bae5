"""Benchmarks: throughput of each stage, cold start, and the batch command.

usage: python bench/bench.py [--mb 5] [--repeat 5] [--batch 2000] [--skip-batch]

Prints medians over ``--repeat`` runs (one core) and the ratios the issues set as targets:
  normalise + clean      >= 10 M chars/s
  find_mentions          >=  5 M chars/s
  extract (end to end)   >=  2 M chars/s and >= 5x jieba.lcut over the same text
  cold start             <= 0.5 s (new process: import + first extract)
  fanzha extract --jobs 2 vs --jobs 1 on --batch articles: >= 1.7x; peak RSS <= 200 MB
"""

from __future__ import annotations

import argparse
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def corpus(mb: float) -> list[str]:
    texts = [p.read_text("utf-8") for p in SAMPLES]
    size = sum(map(len, texts))
    return texts * max(1, int(mb * 1_000_000 / size))


def median_rate(fn: Callable[[str], object], docs: list[str], repeat: int) -> float:
    chars = sum(map(len, docs))
    fn(docs[0])  # warm caches and lazy tables
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for doc in docs:
            fn(doc)
        times.append(time.perf_counter() - t0)
    return chars / statistics.median(times)


def cold_start(repeat: int) -> float:
    code = f"import fanzha; fanzha.extract(open({str(SAMPLES[0])!r}, encoding='utf-8').read())"
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def batch(n: int, jobs: int, folder: pathlib.Path) -> tuple[float, float]:
    """(articles per second, peak RSS of the children in MB) for ``fanzha extract --jobs``."""
    out = folder / f"out{jobs}.jsonl"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "fanzha", "extract", str(folder / "in"), "-o", str(out), "-q", "--jobs", str(jobs)],
        check=True,
    )
    elapsed = time.perf_counter() - t0
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return n / elapsed, peak


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--skip-batch", action="store_true")
    a = ap.parse_args()

    import jieba

    from fanzha import extract, find_mentions
    from fanzha.boilerplate import clean
    from fanzha.normalize import normalize

    docs = corpus(a.mb)
    chars = sum(map(len, docs))
    print(f"corpus: {len(docs)} articles, {chars / 1e6:.1f} M chars; median of {a.repeat} runs, one core")
    rates = {
        "normalise + clean": median_rate(lambda t: clean(normalize(t)), docs, a.repeat),
        "find_mentions": median_rate(find_mentions, docs, a.repeat),
        "extract": median_rate(extract, docs, a.repeat),
    }
    tk = jieba.Tokenizer()
    tk.initialize()
    rates["jieba.lcut (reference)"] = median_rate(tk.lcut, docs[: max(1, len(docs) // 10)], 1)
    for name, rate in rates.items():
        print(f"  {name:24} {rate / 1e6:7.2f} M chars/s")
    print(f"  extract / jieba.lcut     {rates['extract'] / rates['jieba.lcut (reference)']:7.1f} x")
    print(f"  cold start (median)      {cold_start(a.repeat):7.3f} s")
    if a.skip_batch:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        (folder / "in").mkdir()
        for i in range(a.batch):
            shutil.copy(SAMPLES[i % len(SAMPLES)], folder / "in" / f"{i:05d}.txt")
        one, rss1 = batch(a.batch, 1, folder)
        two, rss2 = batch(a.batch, 2, folder)
    print(f"  batch --jobs 1           {one:7.1f} articles/s  (peak RSS {rss1:.0f} MB)")
    print(f"  batch --jobs 2           {two:7.1f} articles/s  (peak RSS {rss2:.0f} MB)  speed-up {two / one:.2f} x"
          f" on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
