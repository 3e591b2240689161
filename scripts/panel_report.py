"""Tables of a stored editor panel (docs/panels/*.json), of headlines, summaries or key claims: mean scores, the share
scoring 4–5, how often kholase's output was chosen best, and failure or speaker counts, per panel and sample; or of a
faithfulness audit, its verdicts per round.

    python scripts/panel_report.py docs/panels/headline-2026-11-30.json
    python scripts/panel_report.py docs/panels/summary-2026-11-30.json
    python scripts/panel_report.py docs/panels/claims-2026-11-30.json
    python scripts/panel_report.py docs/panels/headline-audit-2026-12-01.json
"""

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean

SOURCES = ("newsroom", "first", "before", "after")  # "first": the opening sentence without its frames, where judged


def report(panels: dict) -> str:
    if "rounds" in panels:
        return audit_report(panels["rounds"])
    if "articles" in panels:  # a file holding one panel
        panels = {"panel": panels}
    panels = {name: panel if isinstance(panel, dict) else {"articles": [_scored_only(row) for row in panel]}
              for name, panel in panels.items() if not isinstance(panel, str)}  # without the "how" line
    if any("claims" in article for panel in panels.values() for article in panel["articles"]):
        return claims_report(panels)
    sources = [source for source in SOURCES
               if all(source in _judged(article) for panel in panels.values() for article in panel["articles"])]
    lines = ["| panel | sample | articles | " + " | ".join(f"{source} mean" for source in sources)
             + " | after 4–5 | after chosen or tied best |", "|---" * (5 + len(sources)) + "|"]
    failures: dict[str, Counter] = defaultdict(Counter)
    for name, panel in panels.items():
        if not isinstance(panel, dict):
            continue
        by_sample: dict[str, list[dict]] = defaultdict(list)
        for article in panel["articles"]:
            by_sample[article.get("set", "same")].append(article)
        for sample, articles in by_sample.items():
            scores = {source: [_judged(article)[source]["score"] for article in articles] for source in sources}
            chosen = sum("after" in article["best"] for article in articles)
            high = sum(score >= 4 for score in scores["after"])
            means = " | ".join(f"{mean(scores[source]):.2f}" for source in sources)
            lines.append(f"| {name} | {sample} | {len(articles)} | {means} | {high} / {len(articles)} "
                         f"| {chosen} / {len(articles)} |")
        last = name
    for article in panels[last]["articles"]:
        for source in ("before", "after"):
            if source in _judged(article):  # a panel of one commit judged only "after"
                failures[source].update(f for f in _judged(article)[source]["failures"] if f != "none")
    judged = [source for source in ("before", "after") if failures.get(source)]
    kinds = sorted(set(failures["before"]) | set(failures["after"]), key=lambda kind: (-failures["after"][kind], kind))
    lines += ["", f"Failures marked in {last} (all its articles):", "", f"| failure | {' | '.join(judged)} |",
              "|---" * (1 + len(judged)) + "|"]
    lines += [f"| {kind} | " + " | ".join(str(failures[source][kind]) for source in judged) + " |" for kind in kinds]
    return "\n".join(lines)


def claims_report(panels: dict) -> str:
    """Per panel and source: the mean score of the claim sets, and the claims with a missing or wrong speaker and
    those that are no claim at all, counted by the readers."""
    lines = ["| panel | articles | source | mean | claims | speaker missing | speaker wrong | not a claim |",
             "|---" * 8 + "|"]
    for name, panel in panels.items():
        for source in ("before", "after"):
            judged = [article["claims"][source] for article in panel["articles"] if source in article["claims"]]
            if not judged:  # a panel of one commit judged only "after"
                continue
            total = sum(j["total"] for j in judged)
            counts = [sum(j[kind] for j in judged) for kind in ("missing_speaker", "wrong_speaker", "not_a_claim")]
            shares = " | ".join(f"{count} ({count / max(total, 1):.0%})" for count in counts)
            lines.append(f"| {name} | {len(judged)} | {source} | {mean(j['score'] for j in judged):.2f} | {total} "
                         f"| {shares} |")
    return "\n".join(lines)


def audit_report(rounds: list[dict]) -> str:
    """Per round of a faithfulness audit: how many headlines with a part left out read whole and true."""
    lines = ["| round | commit | headlines | ok | broken | meaning changed |", "|---" * 6 + "|"]
    for audit in rounds:
        counts = audit.get("counts") or Counter(item["verdict"] for item in audit["items"])
        total = sum(counts.values())
        lines.append(f"| {audit['round']} | {audit['commit']} | {total} | {counts['ok']} | {counts['broken']} "
                     f"| {counts['meaning_changed']} |")
    return "\n".join(lines)


def _scored_only(row: dict) -> dict:
    """A panel kept as bare rows of scores ({id, before: {score}, after: {score}}), as a headline panel's article: the
    better-scored side is the one chosen, and no failures were marked."""
    sides = {source: {"failures": [], **row[source]} for source in ("before", "after")}
    top = max(side["score"] for side in sides.values())
    best = [source for source, side in sides.items() if side["score"] == top]
    return {"id": row["id"], "headlines": sides, "best": best}


def _judged(article: dict) -> dict:
    """The article's judged outputs, headlines or summaries, by source."""
    return article.get("headlines") or article["summaries"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("panel", type=Path)
    args = parser.parse_args()
    print(report(json.loads(args.panel.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
