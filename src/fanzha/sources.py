"""Find and decode the articles a batch names: files, folders, JSONL files and standard input.

Every input becomes an ``Article``; one that cannot be read carries an ``error`` (a one-line
reason) instead of text, so a batch never loses track of it.

>>> decode(b"\\xef\\xbb\\xbf\\xe5\\x8f\\x8d\\xe8\\xaf\\x88")
('反诈', 'utf-8-sig')
>>> decode("反詐".encode("big5"))[0]
'反詐'
"""

from __future__ import annotations

import json
import os
import pathlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


class DecodeError(ValueError):
    """The bytes are not text in any encoding fanzha can recognise."""


@dataclass(frozen=True, slots=True)
class Article:
    path: str
    text: str | None = None
    encoding: str | None = None
    published: str | None = None
    error: str | None = None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" not in sample:
        return False
    # UTF-16 text has NULs in every other byte; binary data has them anywhere
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return not ((even > len(sample) // 4 and odd == 0) or (odd > len(sample) // 4 and even == 0))


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for ``data``; raises ``DecodeError`` for binary or unknown bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if _looks_binary(data):
        even_nuls = data[:4096][0::2].count(0)
        codec = "utf-16-be" if even_nuls else "utf-16-le"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            raise DecodeError("binary file (NUL bytes)") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "big5hkscs", "cp950", "gbk"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable bytes (no text encoding fits)")
    name = best.encoding
    if name in ("gbk", "gb2312"):
        name = "gb18030"  # a superset: never worse
    return data.decode(name, errors="replace"), name


def read_file(path: pathlib.Path, max_bytes: int) -> Article:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Article(str(path), error=f"oversize: {size} bytes > --max-bytes {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        return Article(str(path), error=f"unreadable: {exc.strerror or exc}")
    if not data.strip():
        return Article(str(path), error="empty file")
    try:
        text, encoding = decode(data)
    except (DecodeError, UnicodeDecodeError) as exc:
        return Article(str(path), error=str(exc).splitlines()[0])
    return Article(str(path), text=text, encoding=encoding)


def _jsonl(path: pathlib.Path, max_bytes: int) -> Iterator[Article]:
    try:
        fh = open(path, encoding="utf-8-sig", errors="replace")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        yield Article(str(path), error=f"unreadable: {exc.strerror or exc}")
        return
    with fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Article(where, error=f"bad JSON: {exc.msg}")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Article(where, error='bad record: needs a "text" string')
                continue
            ident = str(record.get("id") or record.get("path") or where)
            text = record["text"]
            if len(text.encode("utf-8")) > max_bytes:
                yield Article(ident, error=f"oversize: text > --max-bytes {max_bytes}")
            elif not text.strip():
                yield Article(ident, error="empty text")
            else:
                published = record.get("published")
                date = published if isinstance(published, str) else None
                yield Article(ident, text=text, encoding="utf-8", published=date)


def iter_articles(paths: list[str], max_bytes: int) -> Iterator[Article]:
    """Articles in the order named; folders recursively, sorted."""
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read()
            if not data.strip():
                yield Article("-", error="empty standard input")
                continue
            try:
                text, encoding = decode(data)
                yield Article("-", text=text, encoding=encoding)
            except (DecodeError, UnicodeDecodeError) as exc:
                yield Article("-", error=str(exc))
            continue
        path = pathlib.Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for file in sorted(files):
                    child = pathlib.Path(root) / file
                    if child.suffix.lower() in ARTICLE_SUFFIXES:
                        yield read_file(child, max_bytes)
                    elif child.suffix.lower() in JSONL_SUFFIXES:
                        yield from _jsonl(child, max_bytes)
        elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            yield from _jsonl(path, max_bytes)
        elif path.exists():
            yield read_file(path, max_bytes)
        else:
            yield Article(name, error="no such file or folder")
