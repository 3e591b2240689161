"""`kholase summarize | serve | batch | eval`: the command line over the same `Summarizer` the API uses."""

import argparse
import json
import shutil
import sys
from pathlib import Path

from service.config import Settings
from service.schemas import SummaryResult

RLM = "\u200f"  # right-to-left mark: bidi-aware terminals then lay Persian lines out right to left


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {name: value for name in ("model", "host", "port") if (value := getattr(args, name, None)) is not None}
    return Settings(**overrides)


def _rtl(line: str, width: int | None) -> str:
    line = RLM + line
    visible = len(line.replace("\u200c", "").replace(RLM, ""))
    return line.rjust(width + len(line) - visible) if width and visible < width else line


def render(result: SummaryResult, width: int | None = None) -> str:
    """A reader's view: headline, summary and claims, each Persian line laid out right to left."""
    lines = [_rtl(result.headline, width), "", _rtl(result.summary, width), "", _rtl("ادعاهای کلیدی:", width)]
    for claim in result.key_claims:
        speaker = f" — {claim.speaker}" if claim.speaker else ""
        lines.append(_rtl(f"• {claim.text}{speaker}", width))
    footer = f"[{result.engine}" + (f", {result.model}" if result.model else "") + "]"
    if result.fallback_reason:
        footer += f" fallback: {result.fallback_reason}"
    lines += ["", footer]
    return "\n".join(lines)


def cmd_summarize(args: argparse.Namespace) -> int:
    from service.summarizer import EngineUnavailable, InputError, Summarizer

    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    summarizer = Summarizer(_settings(args)).load()
    try:
        result = summarizer.summarize(text, args.engine, args.max_sentences, args.max_claims)
    except (InputError, EngineUnavailable) as error:
        print(f"kholase: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        print(render(result, width))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.api.app import create_app

    settings = _settings(args)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=int(settings.request_timeout_s) + 5,
    )
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.executor == "ray":
        from service.distributed import run_ray_batch

        stats = run_ray_batch(settings, args.input, args.output, args.text_field, args.id_field, args.engine, args.address)
    else:
        from service.batch import run_batch
        from service.summarizer import Summarizer

        summarizer = Summarizer(settings).load()
        stats = run_batch(summarizer, args.input, args.output, args.text_field, args.id_field, args.engine)
    print(json.dumps(stats.__dict__), file=sys.stderr)
    return 130 if stats.interrupted else 0


def cmd_eval(args: argparse.Namespace, rest: list[str]) -> int:
    from service.evaluation import main as evaluate

    return evaluate(rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kholase", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def engine_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--engine", choices=["auto", "extractive", "abstractive"], default="auto")
        command.add_argument("--model", help="seq2seq checkpoint: hub id or local folder (overrides KHOLASE_MODEL)")

    summarize = commands.add_parser("summarize", help="summarize one article from a file or standard input")
    summarize.add_argument("file", nargs="?", default="-", help="article text file, or - for standard input")
    summarize.add_argument("--json", action="store_true", help="print the result as JSON")
    summarize.add_argument("--max-sentences", type=int)
    summarize.add_argument("--max-claims", type=int)
    engine_options(summarize)
    summarize.set_defaults(handler=cmd_summarize)

    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", help="address to bind (default KHOLASE_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default KHOLASE_PORT or 8000)")
    serve.add_argument("--model", help="seq2seq checkpoint: hub id or local folder (overrides KHOLASE_MODEL)")
    serve.set_defaults(handler=cmd_serve)

    batch = commands.add_parser("batch", help="summarize a JSONL file; a rerun continues where it stopped")
    batch.add_argument("input")
    batch.add_argument("output")
    batch.add_argument("--text-field", default="text")
    batch.add_argument("--id-field", default="id")
    batch.add_argument("--executor", choices=["local", "ray"], default="local")
    batch.add_argument("--address", help="Ray cluster address (with --executor ray); default starts a local Ray")
    engine_options(batch)
    batch.set_defaults(handler=cmd_batch)

    evaluate = commands.add_parser("eval", help="ROUGE against newsroom titles and leads", add_help=False)
    evaluate.set_defaults(handler=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args, rest = build_parser().parse_known_args(argv)
    if args.command == "eval":
        return args.handler(args, rest)
    if rest:
        build_parser().error(f"unrecognized arguments: {' '.join(rest)}")
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
