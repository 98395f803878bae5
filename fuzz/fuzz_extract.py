"""Coverage-guided fuzzing of ``extract`` and ``find_mentions`` with atheris (libFuzzer).

usage (from the project root, in the project's virtual environment):

    pip install atheris
    python fuzz/fuzz_extract.py -max_total_time=600

The seed corpus is copied from ``samples/``, ``tests/golden/dev/`` and ``tests/crashers/``
into ``fuzz/corpus/`` (git-ignored) on the first run; libFuzzer mutates it. Any input that
raises, or breaks an offset or determinism property, is written to ``fuzz/artifacts/``:
reduce it and add it to ``tests/crashers/`` so it stays a regression test. Other libFuzzer
flags (``-max_len``, ``-timeout``, ``-jobs``) pass through; the defaults below keep one
input at most 16 KB and flag any input that takes more than 10 s as a hang.
"""

from __future__ import annotations

import pathlib
import shutil
import sys
from itertools import pairwise

import atheris

with atheris.instrument_imports():
    from fanzha import extract, find_mentions

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = (ROOT / "samples", ROOT / "tests" / "golden" / "dev", ROOT / "tests" / "crashers")


def _check(text: str, mentions: list) -> None:
    for m in mentions:
        if not (0 <= m.start < m.end <= len(text)) or text[m.start : m.end] != m.text:
            raise AssertionError(f"bad span {m.start}:{m.end} {m.text!r}")
    for a, b in pairwise(mentions):
        if a.end > b.start:
            raise AssertionError(f"overlap {a.text!r} {b.text!r}")


def one_input(data: bytes) -> None:
    # Decoding with "ignore" keeps mutated seed articles readable Chinese; the first byte
    # switches to the provider's arbitrary code points for the rest of the space.
    if data[:1] == b"\xff":
        text = atheris.FuzzedDataProvider(data[1:]).ConsumeUnicodeNoSurrogates(len(data))
    else:
        text = data.decode("utf-8", "ignore")
    result = extract(text, published="2021-05-31")
    _check(text, list(result.mentions))
    if extract(text, published="2021-05-31") != result:
        raise AssertionError("extract is not deterministic")
    _check(text, find_mentions(text, published="2021-05-31"))


def _seed_corpus() -> pathlib.Path:
    corpus = HERE / "corpus"
    if not corpus.exists():
        corpus.mkdir()
        for folder in SEEDS:
            for path in sorted(folder.glob("*.txt")):
                shutil.copy(path, corpus / f"{folder.name}-{path.name}")
    return corpus


def main() -> None:
    (HERE / "artifacts").mkdir(exist_ok=True)
    defaults = ["-max_len=16384", "-timeout=10", f"-artifact_prefix={HERE / 'artifacts'}/"]
    args = [sys.argv[0], *defaults, *sys.argv[1:]]
    if not any(not a.startswith("-") for a in sys.argv[1:]):
        args.append(str(_seed_corpus()))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
