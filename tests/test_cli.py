"""The `kholase` command line, run as a user would run it."""

import io
import json
import subprocess
import sys

import pytest

from kholase.cli import RLM, main


def kholase(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kholase.cli", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_summarize_file_prints_headline_summary_and_claims(donations_text, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(donations_text, encoding="utf-8")
    run = kholase("summarize", str(article))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith(RLM) and "کمک‌های مردمی" in lines[0]
    assert "ادعاهای کلیدی:" in run.stdout and "— بختیاری" in run.stdout
    assert "[extractive]" in run.stdout


def test_summarize_stdin_as_json(donations_text, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(donations_text))
    assert main(["summarize", "-", "--json", "--max-claims", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["key_claims"]) <= 2
    for claim in result["key_claims"]:
        assert donations_text[claim["start"] : claim["end"]] == claim["text"]


def test_bad_input_exits_2_with_the_reason(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("hello"))
    assert main(["summarize", "-"]) == 2
    assert "no Persian letters" in capsys.readouterr().err


@pytest.mark.slow
def test_batch_command_and_script(tmp_path, fars_articles):
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(json.dumps({"id": a["id"], "body": a["body"]}, ensure_ascii=False) for a in fars_articles[:5]) + "\n",
        encoding="utf-8",
    )
    run = kholase("batch", str(source), str(tmp_path / "out.jsonl"), "--text-field", "body")
    assert run.returncode == 0, run.stderr
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 5
    assert '"done": 5' in run.stderr
    script = subprocess.run(
        [sys.executable, "scripts/batch_summarize.py", str(source), str(tmp_path / "out2.jsonl"),
         "--text-field", "body"],
        capture_output=True, text=True, timeout=120,
    )
    assert script.returncode == 0, script.stderr
    assert (tmp_path / "out2.jsonl").read_text() == (tmp_path / "out.jsonl").read_text()


def test_batch_help_documents_every_argument_and_its_default(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["batch", "--help"])
    assert exit.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for text in ("JSON Lines file, one article per line", "the field that holds the article's text", "(default: text)",
                 "(default: id)", "--jobs", "(default: 1)", "1 when a record failed"):
        assert text in shown, text


def test_a_batch_with_a_failed_record_says_how_many_and_exits_1(tmp_path, fars_articles, capsys):
    source = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": fars_articles[0]["body"]}, {"id": "b", "body": fars_articles[1]["body"]}]
    source.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    assert main(["batch", str(source), str(tmp_path / "out.jsonl")]) == 1  # b's text is in "body", not "text"
    assert "1 of the 2 records written failed" in capsys.readouterr().err


def test_unknown_arguments_are_rejected(capsys):
    try:
        main(["summarize", "x.txt", "--bogus"])
    except SystemExit as exit:
        assert exit.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
