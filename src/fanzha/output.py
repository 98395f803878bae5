"""Batch output: JSONL (one line per article), CSV and Parquet (one row per mention).

Output goes to ``OUT.part`` and is renamed to ``OUT`` when the batch is done. ``resume``
keeps what ``OUT`` and a left-over ``OUT.part`` already hold, skips those paths and appends.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import sys
from collections.abc import Iterator
from typing import IO, Any

ARTICLE_FIELDS = ("path", "encoding", "title", "published", "source", "region", "error")
MENTION_FIELDS = (
    "kind", "text", "start", "end", "value", "unit", "approx", "change", "basis",
    "measure", "category", "period", "sentence",
)
FORMATS = ("jsonl", "csv", "parquet")


class OutputError(ValueError):
    """An output option that cannot work (e.g. Parquet without pyarrow)."""


def rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The facts table of one article: a row per mention, or one bare row if it has none."""
    head = {k: record.get(k) for k in ARTICLE_FIELDS}
    mentions = record.get("mentions") or []
    if not mentions:
        yield {**head, **dict.fromkeys(MENTION_FIELDS)}
    for m in mentions:
        yield {**head, **{k: m.get(k) for k in MENTION_FIELDS}}


def _done_jsonl(path: pathlib.Path) -> tuple[set[str], bytes]:
    """Paths already written, and the complete lines that hold them (a torn last line is dropped)."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data = data[: data.rfind(b"\n") + 1]
    done = set()
    for line in data.splitlines():
        try:
            done.add(json.loads(line)["path"])
        except (ValueError, KeyError, TypeError):
            continue
    return done, data


def _done_csv(path: pathlib.Path) -> tuple[set[str], bytes]:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data = data[: data.rfind(b"\n") + 1]
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    return {row["path"] for row in reader if row.get("path")}, data


class Sink:
    """Where records go. Use as a context manager; ``done`` lists paths to skip on resume."""

    def __init__(self, out: str | None, fmt: str, resume: bool) -> None:
        if fmt not in FORMATS:
            raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if fmt == "parquet" and out is None:
            raise OutputError("Parquet needs an output file (-o FILE)")
        if resume and out is None:
            raise OutputError("--resume needs an output file (-o FILE)")
        if fmt == "parquet" and resume:
            raise OutputError("--resume works with jsonl and csv output")
        self.fmt = fmt
        self.out = pathlib.Path(out) if out else None
        self.part = self.out.with_name(self.out.name + ".part") if self.out else None
        self.done: set[str] = set()
        self._fh: IO[str] | None = None
        self._csv: csv.DictWriter[str] | None = None
        self._parquet: Any = None
        self._batch: list[dict[str, Any]] = []
        kept = b""
        if resume and self.out is not None and self.part is not None:
            # a run with --resume starts OUT.part as a copy of what it keeps: the newer superset
            existing = self.part if self.part.exists() else self.out
            if existing.exists():
                self.done, kept = (_done_jsonl if fmt == "jsonl" else _done_csv)(existing)
        self._open(kept)

    def _open(self, kept: bytes) -> None:
        if self.fmt == "parquet":
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                raise OutputError('Parquet output needs pyarrow: pip install "fanzha[parquet]"') from None
            return
        if self.part is None:
            self._fh = sys.stdout
        else:
            self.part.parent.mkdir(parents=True, exist_ok=True)
            with open(self.part, "wb") as fh:
                fh.write(kept)
            self._fh = open(self.part, "a", encoding="utf-8", newline="")  # noqa: SIM115 (closed in close())
        if self.fmt == "csv":
            self._csv = csv.DictWriter(self._fh, fieldnames=[*ARTICLE_FIELDS, *MENTION_FIELDS])
            if not kept:
                self._csv.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            assert self._fh is not None
            self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            assert self._csv is not None
            self._csv.writerows(rows(record))
        else:
            self._batch.extend(rows(record))
            if len(self._batch) >= 5000:
                self._flush_parquet()
        if self._fh is not None:
            self._fh.flush()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._batch:
            return
        columns = [*ARTICLE_FIELDS, *MENTION_FIELDS]
        data = {c: [None if r[c] is None else str(r[c]) for r in self._batch] for c in columns}
        for c in ("start", "end"):
            data[c] = [None if r[c] is None else int(r[c]) for r in self._batch]
        data["value"] = [None if r["value"] is None else str(r["value"]) for r in self._batch]
        table = pa.table(data)
        if self._parquet is None:
            assert self.part is not None
            self.part.parent.mkdir(parents=True, exist_ok=True)
            self._parquet = pq.ParquetWriter(str(self.part), table.schema)
        self._parquet.write_table(table)
        self._batch = []

    def close(self, complete: bool) -> None:
        """Finish the output; only a complete batch replaces ``OUT``."""
        if self.fmt == "parquet":
            self._flush_parquet()
            if self._parquet is not None:
                self._parquet.close()
        elif self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()
        if complete and self.part is not None and self.out is not None and self.part.exists():
            os.replace(self.part, self.out)

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.close(complete=exc_type is None)
