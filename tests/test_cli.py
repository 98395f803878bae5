"""The command line, driven through ``main([...])`` on temporary folders."""

from __future__ import annotations

import csv
import json
import pathlib

import pytest

from fanzha.cli import main

ARTICLE = "今年以来,全市共抓获電詐犯罪嫌疑人253名,冻结涉案资金4000余万元,劝阻群众6.12万人次。"


@pytest.fixture
def corpus(tmp_path: pathlib.Path) -> pathlib.Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a_utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b_bom.md").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (d / "c_gb.txt").write_bytes(ARTICLE.replace("電詐", "电诈").encode("gb18030"))
    big5 = "今年以來,全市共抓獲詐騙犯罪嫌疑人253名,凍結涉案資金4000餘萬元,成效明顯。"
    (d / "d_big5.html").write_bytes(big5.encode("big5"))
    (d / "sub" / "e_utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (d / "f_binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "g_empty.txt").write_bytes(b"")
    (d / "ignored.png").write_bytes(b"\x89PNG")
    return d


def _records(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_folder_to_jsonl(corpus: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "-o", str(out), "-q"]) == 1  # binary and empty files fail
    records = {pathlib.Path(r["path"]).name: r for r in _records(out)}
    assert sorted(records) == ["a_utf8.txt", "b_bom.md", "c_gb.txt", "d_big5.html", "e_utf16.txt",
                               "f_binary.txt", "g_empty.txt"]
    assert records["c_gb.txt"]["encoding"] == "gb18030"
    assert records["d_big5.html"]["encoding"].startswith(("big5", "cp950"))
    assert records["e_utf16.txt"]["encoding"] == "utf-16"
    for name in ("a_utf8.txt", "b_bom.md", "c_gb.txt", "d_big5.html", "e_utf16.txt"):
        texts = [m["text"] for m in records[name]["mentions"]]
        assert "253名" in texts, name
        assert records[name]["error"] is None
    assert records["f_binary.txt"]["error"].startswith("binary")
    assert records["g_empty.txt"]["error"] == "empty file"
    assert "Traceback" not in capsys.readouterr().err


def test_jsonl_input_and_csv_output(tmp_path: pathlib.Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": ARTICLE, "published": "2021-05-31"}, ensure_ascii=False),
        "not json",
        json.dumps({"id": "x3", "text": ""}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert main(["extract", str(src), "-o", str(out)]) == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    good = [r for r in rows if r["path"] == "x1"]
    assert {r["text"] for r in good} >= {"253名", "4000余万元", "6.12万人次"}
    assert all(r["published"] == "2021-05-31" for r in good)
    assert any(r["error"].startswith("bad JSON") for r in rows)
    assert any(r["path"] == "x3" and r["error"] == "empty text" for r in rows)


def test_all_good_exits_zero_and_writes_stdout(corpus: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(corpus / "a_utf8.txt"), "--published", "2021-05-31"]) == 0
    (record,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert record["published"] == "2021-05-31"


@pytest.mark.parametrize(
    "argv",
    [["extract"], ["extract", "x", "--format", "xml"], ["extract", "x", "--published", "yesterday"],
     ["extract", "x", "--jobs", "0", "-q"], ["extract", "x", "--resume"], ["nope"]],
)
def test_usage_errors_exit_two(argv: list[str], tmp_path: pathlib.Path) -> None:
    assert main(argv) == 2


def test_missing_path_is_a_failed_record(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    (record,) = _records(out)
    assert record["error"] == "no such file or folder"


def test_resume_after_interruption(corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    assert main(["extract", str(corpus), "-o", str(out), "-q"]) == 1
    full = out.read_text("utf-8").splitlines()
    # simulate a run killed after two articles, mid-way through writing the third line
    part.write_text("\n".join(full[:2]) + "\n" + full[2][:20], encoding="utf-8")
    out.unlink()
    assert main(["extract", str(corpus), "-o", str(out), "--resume", "-q"]) == 1
    again = out.read_text("utf-8").splitlines()
    assert sorted(json.loads(x)["path"] for x in again) == sorted(json.loads(x)["path"] for x in full)
    assert not part.exists()


def test_parallel_matches_serial(corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    main(["extract", str(corpus), "-o", str(one), "-q"])
    main(["extract", str(corpus), "-o", str(two), "-q", "--jobs", "2"])
    assert one.read_text("utf-8") == two.read_text("utf-8")


def test_show_writes_html(corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
    page = tmp_path / "page.html"
    assert main(["show", str(corpus / "a_utf8.txt"), "-o", str(page)]) == 0
    html = page.read_text("utf-8")
    assert '<mark class="count"' in html
    assert "253名" in html


def test_parquet_has_one_row_per_mention(corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    assert main(["extract", str(corpus / "a_utf8.txt"), "-o", str(out), "-q"]) == 0
    table = pq.read_table(out).to_pylist()
    assert {row["text"] for row in table} >= {"253名", "4000余万元", "6.12万人次"}
    assert all(row["path"].endswith("a_utf8.txt") for row in table)
