"""`kholase summarize | serve | batch | eval`: the command line over the same `Summarizer` the API uses."""

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from kholase.config import Settings
from kholase.engines import AUTO, ENGINE_NAMES
from kholase.schemas import SummaryResult

RLM = "\u200f"  # right-to-left mark: bidi-aware terminals then lay Persian lines out right to left
# `serve` reads these from the environment in every worker process; the CLI's flags are passed the same way.
SETTINGS_FLAGS = ("model", "headline_model", "host", "port", "workers")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(**_overrides(args))


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    return {name: value for name in SETTINGS_FLAGS if (value := getattr(args, name, None)) is not None}


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
    from kholase.engines import EngineUnavailable
    from kholase.summarizer import InputError, Summarizer

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
    from kholase.api.server import serve

    settings = _settings(args)
    # Every worker builds its app from the environment: the flags given here reach them as KHOLASE_* variables.
    os.environ.update({f"KHOLASE_{name.upper()}": str(value) for name, value in _overrides(args).items()})
    serve(settings, settings.workers)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.executor == "ray":
        from kholase.batch.ledger import finished_before_starting

        stats = finished_before_starting(args.input, args.output, args.id_field)  # a second, not Ray's start-up
        if stats is None:
            from kholase.batch.distributed import ClusterUnreachable, run_ray_batch

            try:
                stats = run_ray_batch(settings, args.input, args.output, args.text_field, args.id_field, args.engine,
                                      args.address)
            except ClusterUnreachable as error:
                print(f"kholase: {error}", file=sys.stderr)
                return 2
    else:
        from kholase.batch.local import run_batch
        from kholase.summarizer import Summarizer

        stats = run_batch(Summarizer(settings), args.input, args.output, args.text_field, args.id_field, args.engine,
                          jobs=args.jobs)
    print(json.dumps(stats.__dict__), file=sys.stderr)
    if stats.interrupted:
        return 130
    if stats.failed:
        print(f"kholase: {stats.failed} of the {stats.failed + stats.done} records written failed (see their "
              "\"error\")", file=sys.stderr)
        return 1
    return 0


def cmd_eval(args: argparse.Namespace, rest: list[str]) -> int:
    try:
        from kholase.eval.rouge import main as evaluate
    except ImportError as error:
        print(f"kholase eval needs the [eval] extra (pip install 'kholase[eval]'): {error}", file=sys.stderr)
        return 2
    return evaluate(rest)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


class _HelpWithDefaults(argparse.ArgumentDefaultsHelpFormatter):
    """Shows each argument's default, except where it has none (its help then says where the value comes from)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return action.help if action.default is None else super()._get_help_string(action)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kholase", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    formatter = _HelpWithDefaults

    def engine_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--engine", choices=[AUTO, *ENGINE_NAMES], default=AUTO,
                             help="an engine by name, or the best one configured")
        model_options(command)

    def model_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--model", help="seq2seq summary checkpoint: hub id or local folder "
                                             "(default: KHOLASE_MODEL)")
        command.add_argument("--headline-model", help="seq2seq headline checkpoint: hub id or local folder "
                                                      "(default: KHOLASE_HEADLINE_MODEL)")

    summarize = commands.add_parser("summarize", help="summarize one article from a file or standard input",
                                    formatter_class=formatter)
    summarize.add_argument("file", nargs="?", default="-", help="article text file, or - for standard input")
    summarize.add_argument("--json", action="store_true", help="print the result as JSON")
    summarize.add_argument("--max-sentences", type=int, help="sentences in the summary (default: the setting)")
    summarize.add_argument("--max-claims", type=int, help="key claims to return (default: the setting)")
    engine_options(summarize)
    summarize.set_defaults(handler=cmd_summarize)

    serve = commands.add_parser("serve", help="run the HTTP API", formatter_class=formatter)
    serve.add_argument("--host", help="address to bind (default: KHOLASE_HOST, else 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: KHOLASE_PORT, else 8000)")
    serve.add_argument("--workers", type=_positive,
                       help="worker processes, each with its own engines (default: KHOLASE_WORKERS, else 1)")
    model_options(serve)
    serve.set_defaults(handler=cmd_serve)

    batch = commands.add_parser(
        "batch", formatter_class=formatter,
        help="summarize a JSONL (or Parquet, with Ray) file; a rerun continues where it stopped",
        description="One output line per input line: the result, or an \"error\" naming what is wrong with the "
                    "record. A rerun with the same arguments skips the ids already written. Exits 0 when it "
                    "finished, 130 when stopped (SIGTERM or Ctrl-C: the records in hand are written first), and 1 "
                    "when a record failed (the summary says how many).",
    )
    batch.add_argument("input", help="JSON Lines file, one article per line (or Parquet, with --executor ray)")
    batch.add_argument("output", help="file of results in the same format, appended to when it exists")
    batch.add_argument("--text-field", default="text", help="the field that holds the article's text")
    batch.add_argument("--id-field", default="id", help="the field that holds the article's id (else its line number)")
    batch.add_argument("--jobs", type=_positive, default=1,
                       help="worker processes for --executor local; the output is the same for any number")
    batch.add_argument("--executor", choices=["local", "ray"], default="local",
                       help="where articles are summarized: this machine, or a Ray cluster")
    batch.add_argument("--address", help="Ray cluster address (with --executor ray; default: start a local Ray)")
    engine_options(batch)
    batch.set_defaults(handler=cmd_batch)

    evaluate = commands.add_parser("eval", help="ROUGE against newsroom titles and leads (the [eval] extra)",
                                   add_help=False)
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
