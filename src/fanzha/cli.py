"""Command line: ``fanzha extract`` for batches, ``fanzha show`` for one article as HTML.

Exit status: 0 when every article succeeded, 1 when any failed, 2 for a usage error.
Logging is configured here and nowhere else.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import pathlib
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from . import __version__
from .output import FORMATS, OutputError, Sink
from .sources import Article, iter_articles, read_file

log = logging.getLogger("fanzha")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def process(article: Article, published: str | None = None) -> dict[str, Any]:
    """The output record of one article; an article that fails gets ``error`` set."""
    record: dict[str, Any] = {"path": article.path, "encoding": article.encoding}
    empty = {"title": None, "published": None, "source": None, "region": None, "body": "", "mentions": []}
    if article.error is not None or article.text is None:
        return {**record, **empty, "error": article.error or "no text"}
    from .api import extract

    try:
        result = extract(article.text, published=published or article.published)
    except ValueError as exc:  # a bad published date in a JSONL record
        return {**record, **empty, "error": str(exc)}
    return {**record, **result.to_dict(), "error": None}


def _run(args: tuple[Article, str | None]) -> dict[str, Any]:
    return process(*args)


def _ordered(jobs: Iterable[Article], workers: int, published: str | None) -> Iterator[dict[str, Any]]:
    """Results in input order; at most a few jobs in flight, so memory stays flat."""
    if workers <= 1:
        for article in jobs:
            yield process(article, published)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[Future[dict[str, Any]]] = deque()
        for article in jobs:
            window.append(pool.submit(_run, (article, published)))
            if len(window) >= workers * 4:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _progress(items: Iterator[dict[str, Any]], quiet: bool) -> Iterator[dict[str, Any]]:
    if quiet or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return iter(tqdm(items, unit="article", file=sys.stderr, dynamic_ncols=True))


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fanzha", description="Figures from Chinese anti-fraud news articles.")
    parser.add_argument("--version", action="version", version=f"fanzha {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract figures from files, folders or JSONL")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, JSONL file, or - for standard input")
    out = ex.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    out.add_argument("--format", choices=FORMATS, help="output format (default: from OUT's suffix, else jsonl)")
    out.add_argument("--resume", action="store_true", help="skip paths already in OUT and append the rest")
    run = ex.add_argument_group("run")
    run.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                     help=f"skip larger files with an error (default {DEFAULT_MAX_BYTES})")
    run.add_argument("--published", type=_date, metavar="DATE", help="publication date for every article")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    show = sub.add_parser("show", help="write an HTML page of one article with its mentions highlighted")
    show.add_argument("file", metavar="FILE")
    show.add_argument("-o", "--output", metavar="HTML", help="output file (default: FILE.html)")
    show.add_argument("--published", type=_date, metavar="DATE")
    return parser


def _extract(args: argparse.Namespace) -> int:
    fmt = args.format or {".csv": "csv", ".parquet": "parquet"}.get(pathlib.Path(args.output or "").suffix, "jsonl")
    if args.jobs < 1:
        raise OutputError("--jobs must be at least 1")
    failed = 0
    with Sink(args.output, fmt, args.resume) as sink:
        jobs = (a for a in iter_articles(args.paths, args.max_bytes) if a.path not in sink.done)
        for record in _progress(_ordered(jobs, args.jobs, args.published), args.quiet):
            if record["error"]:
                failed += 1
                log.warning("%s: %s", record["path"], record["error"])
            sink.write(record)
    return 1 if failed else 0


def _show(args: argparse.Namespace) -> int:
    from .show import render

    article = read_file(pathlib.Path(args.file), DEFAULT_MAX_BYTES)
    if article.error or article.text is None:
        log.error("%s: %s", args.file, article.error)
        return 1
    target = pathlib.Path(args.output or f"{args.file}.html")
    target.write_text(render(article.text, args.published), encoding="utf-8")
    print(target)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return int(exc.code or 0)
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
        format="fanzha: %(message)s",
        stream=sys.stderr,
    )
    try:
        return _extract(args) if args.command == "extract" else _show(args)
    except OutputError as exc:
        log.error("%s", exc)
        return 2
    except KeyboardInterrupt:
        log.error("interrupted; run again with --resume to finish")
        return 130
    except BrokenPipeError:
        return 1
