"""One registry of engines: the request schema, the CLI and /readyz all offer exactly its engines."""

from kholase.api.app import create_app
from kholase.cli import build_parser
from kholase.config import Settings
from kholase.engines import AUTO, ENGINE_NAMES, FALLBACK, Digest, Stopwatch
from kholase.summarizer import Summarizer


def test_the_request_schema_offers_the_registrys_engines():
    schema = create_app(Settings()).openapi()["components"]["schemas"]
    assert schema["SummarizeRequest"]["properties"]["engine"]["enum"] == [AUTO, *ENGINE_NAMES]
    assert schema["BatchRequest"]["properties"]["engine"]["enum"] == [AUTO, *ENGINE_NAMES]
    assert schema["SummaryResult"]["properties"]["engine"]["enum"] == list(ENGINE_NAMES)


def test_the_cli_offers_the_registrys_engines():
    for command in ("summarize", "batch"):
        engine = build_parser().parse_args([command, *(["in", "out"] if command == "batch" else []),
                                            "--engine", ENGINE_NAMES[0]]).engine
        assert engine == ENGINE_NAMES[0]
    subcommands = build_parser()._subparsers._group_actions[0].choices
    for command in ("summarize", "batch"):
        action = next(action for action in subcommands[command]._actions if "--engine" in action.option_strings)
        assert action.choices == [AUTO, *ENGINE_NAMES]


def test_readiness_reports_every_registered_engine_and_the_fallback_is_always_loaded():
    summarizer = Summarizer().load()
    status = summarizer.engine_status()
    assert list(status) == list(ENGINE_NAMES)
    assert status[FALLBACK].ready and status[FALLBACK].reason is None


def test_every_loaded_engine_gives_a_digest(donations_text):
    summarizer = Summarizer().load()
    document = summarizer.prepare(donations_text)
    ranking = summarizer.textrank.rank(document)
    for engine in summarizer.engines.values():
        watch = Stopwatch()
        digest = engine.digest(document, ranking, 1, watch)
        assert isinstance(digest, Digest) and digest.headline and digest.summary
        assert watch.ms and all(ms >= 0 for ms in watch.ms.values())
