"""The JSONL batch job: one output line per input line, bad records reported, reruns continue where they stopped."""

import json

import pytest

from kholase.batch.local import run_batch
from kholase.summarizer import Summarizer


@pytest.fixture(scope="module")
def summarizer() -> Summarizer:
    return Summarizer().load()


@pytest.fixture
def articles_file(tmp_path, fars_articles, varzesh3_articles):
    path = tmp_path / "in.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for article in fars_articles[:20] + varzesh3_articles[:20]:
            handle.write(json.dumps({"id": article["id"], "text": article["body"]}, ensure_ascii=False) + "\n")
        handle.write("{this is not json\n")
        handle.write(json.dumps({"id": "no-text"}) + "\n")
        handle.write(json.dumps({"id": "empty", "text": ""}) + "\n")
        handle.write(json.dumps(["not", "an", "object"]) + "\n")
        handle.write(json.dumps({"id": fars_articles[0]["id"], "text": "خبر تکراری"}) + "\n")
    return path


def read(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_input_line_gets_one_output_line(summarizer, articles_file, tmp_path):
    output = tmp_path / "out.jsonl"
    stats = run_batch(summarizer, articles_file, output, progress=False)
    records = read(output)
    assert len(records) == 45 and stats.done == 40 and stats.failed == 5
    assert len({record["id"] for record in records}) == 45
    errors = {record["id"]: record["error"] for record in records if "error" in record}
    assert "not valid JSON" in errors["line-41"]
    assert "'text' is missing" in errors["no-text"]
    assert errors["empty"] == "text is empty"
    assert "not a JSON object" in errors["line-44"]
    assert any("duplicate id" in message for message in errors.values())
    good = [record for record in records if "error" not in record]
    assert all(record["headline"] and record["summary"] and record["engine"] == "extractive" for record in good)


def test_rerun_after_a_crash_continues_without_loss_or_duplicates(summarizer, articles_file, tmp_path, monkeypatch):
    expected = tmp_path / "expected.jsonl"
    run_batch(summarizer, articles_file, expected, progress=False)

    output = tmp_path / "out.jsonl"
    calls = {"n": 0}
    original = summarizer.summarize

    def crash_after_ten(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 10:
            raise KeyboardInterrupt  # the process dies mid-run
        return original(*args, **kwargs)

    monkeypatch.setattr(summarizer, "summarize", crash_after_ten)
    with pytest.raises(KeyboardInterrupt):
        run_batch(summarizer, articles_file, output, progress=False)
    monkeypatch.setattr(summarizer, "summarize", original)
    with open(output, "a", encoding="utf-8") as handle:
        handle.write('{"id": "torn-li')  # a half-written last line

    stats = run_batch(summarizer, articles_file, output, progress=False)
    assert stats.skipped == 10
    assert read(output) == read(expected)


def test_rerun_of_a_finished_run_writes_nothing(summarizer, articles_file, tmp_path):
    output = tmp_path / "out.jsonl"
    run_batch(summarizer, articles_file, output, progress=False)
    before = output.read_bytes()
    stats = run_batch(summarizer, articles_file, output, progress=False)
    assert stats.done == 0 and stats.skipped == 45 and output.read_bytes() == before


def test_text_field_option(summarizer, tmp_path, fars_articles):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "body": fars_articles[1]["body"]}, ensure_ascii=False) + "\n")
    run_batch(summarizer, path, tmp_path / "out.jsonl", text_field="body", progress=False)
    assert read(tmp_path / "out.jsonl")[0]["headline"]


@pytest.mark.slow  # two worker processes start: 9 s
def test_jobs_write_the_same_bytes_as_one_job(articles_file, tmp_path):
    """Worker processes summarize, this one writes in input order: duplicates, bad lines and all."""
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(Summarizer(), articles_file, one, progress=False)
    stats = run_batch(Summarizer(), articles_file, two, progress=False, jobs=2)
    assert stats.done == 40 and stats.failed == 5
    assert two.read_bytes() == one.read_bytes()


@pytest.mark.slow
def test_jobs_continue_a_run_that_stopped(articles_file, tmp_path):
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    run_batch(Summarizer(), articles_file, whole, progress=False)
    resumed.write_text("".join(whole.read_text(encoding="utf-8").splitlines(keepends=True)[:7]), encoding="utf-8")
    stats = run_batch(Summarizer(), articles_file, resumed, progress=False, jobs=2)
    assert stats.skipped == 7 and resumed.read_bytes() == whole.read_bytes()


def test_no_line_stops_the_run_and_every_line_gets_one_record(summarizer, tmp_path, fars_articles):
    """Lines that once ended the run (and every rerun): JSON nested 5,000 deep, a 5,000-digit number; a BOM on
    line 1 that failed its record; ids 7 and "7", which collided."""
    source = tmp_path / "in.jsonl"
    article = fars_articles[1]["body"]
    lines = [json.dumps({"id": "first", "text": article}, ensure_ascii=False) + "\r", "[" * 5000 + "]" * 5000,
             "9" * 5000 + "\r9",  # a lone carriage return does not end a line
             json.dumps({"id": 7, "text": article}, ensure_ascii=False),
             json.dumps({"id": "7", "text": article}, ensure_ascii=False)]
    source.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n")
    output = tmp_path / "out.jsonl"
    stats = run_batch(summarizer, source, output, progress=False)
    records = read(output)
    assert [record["id"] for record in records] == ["first", "line-2", "line-3", 7, "7"]
    assert "summary" in records[0] and "summary" in records[3] and "summary" in records[4]
    assert "nests too deeply" in records[1]["error"] and "cannot be read" in records[2]["error"]
    assert (stats.done, stats.failed) == (3, 2)
    assert run_batch(summarizer, source, output, progress=False).skipped == 5


def test_a_fault_in_one_record_costs_that_record_only(summarizer, articles_file, tmp_path, monkeypatch):
    original, calls = summarizer.summarize, {"n": 0}

    def fails_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("a bug")
        return original(*args, **kwargs)

    monkeypatch.setattr(summarizer, "summarize", fails_once)
    stats = run_batch(summarizer, articles_file, tmp_path / "out.jsonl", progress=False)
    records = read(tmp_path / "out.jsonl")
    assert len(records) == 45 and stats.failed == 6
    assert records[2]["error"] == "internal error: RuntimeError: a bug"


def test_a_whole_last_record_without_its_newline_is_kept(summarizer, articles_file, tmp_path):
    expected = tmp_path / "expected.jsonl"
    run_batch(summarizer, articles_file, expected, progress=False)
    output = tmp_path / "out.jsonl"
    first_ten = b"".join(expected.read_bytes().splitlines(keepends=True)[:10])
    output.write_bytes(first_ten.rstrip(b"\n"))  # the tenth record whole, its newline lost
    stats = run_batch(summarizer, articles_file, output, progress=False)
    assert stats.skipped == 10
    assert output.read_bytes() == expected.read_bytes()
