#!/usr/bin/env python3
"""Checks real-corpus records: the format, that every evidence quote is an exact substring of the
answer, and (with --src) that no run of 7 or more words is shared with the source excerpt the answer
paraphrases. The source excerpts live outside the repository (they are other people's words).

    python3 tools/corpus_check.py FILE.jsonl [FILE2.jsonl ...] [--src DIR]
Exit status 1 when anything is reported.
"""
import json
import re
import sys
from pathlib import Path

KEYS = ["choice", "numbers", "turnaround", "improvement", "growth"]
FLAGS = {"poor_judgment", "basic_skills", "interpersonal_conflict", "ethics", "core_competency", "blame_shifting"}
REASONS = {"outside", "complex-work", "own-slip", "core-skill", "judgment", "conflict", "ethics",
           "no-cause", "no-failure", "denial-or-boast"}
PARTS = ["failure", "cause", "figures", "actions", "who_when", "immediate", "long_term", "lesson", "change"]
RUN = 7


def words(text):
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9£$€%'.-]+", text)


def shared_runs(para, src, n=RUN):
    a, b = words(para), words(src)
    grams = {tuple(b[i:i + n]) for i in range(len(b) - n + 1)}
    hits = []
    for i in range(len(a) - n + 1):
        g = tuple(a[i:i + n])
        if g in grams:
            hits.append(" ".join(g))
    return hits


def check(rec, src_dir, problems):
    rid = rec.get("id", "?")

    def bad(msg):
        problems.append(f"{rid}: {msg}")

    for field in ["id", "role", "text", "source", "labels", "red_flags", "choice_reason", "evidence"]:
        if field not in rec:
            bad(f"missing field {field}")
    text = rec.get("text", "")
    labels = rec.get("labels", {})
    for k in KEYS:
        if not isinstance(labels.get(k), bool):
            bad(f"label {k} is not true/false")
    for f in rec.get("red_flags", []):
        if f not in FLAGS:
            bad(f"unknown red flag {f}")
    if rec.get("choice_reason") not in REASONS:
        bad(f"unknown choice_reason {rec.get('choice_reason')}")
    elif labels.get("choice") is True and rec["choice_reason"] not in ("outside", "complex-work"):
        bad("choice met but choice_reason is a not-met reason")
    elif labels.get("choice") is False and rec["choice_reason"] in ("outside", "complex-work"):
        bad("choice not met but choice_reason is a met reason")
    src = rec.get("source", {})
    for f in ["url", "title", "where", "verdict"]:
        if not src.get(f):
            bad(f"source.{f} missing")
    ev = rec.get("evidence", {})
    for p in PARTS:
        for q in ev.get(p, []) or []:
            if q not in text:
                bad(f"evidence.{p} quote not in text: {q!r}")
    for flag, qs in (ev.get("flags") or {}).items():
        if flag not in rec.get("red_flags", []):
            bad(f"evidence for flag {flag} not in red_flags")
        for q in qs:
            if q not in text:
                bad(f"evidence.flags.{flag} quote not in text: {q!r}")
    for flag in rec.get("red_flags", []):
        if not (ev.get("flags") or {}).get(flag):
            bad(f"flag {flag} has no evidence quote")
    if src_dir is not None:
        path = Path(src_dir) / f"{rid}.txt"
        if not path.exists():
            bad(f"no source excerpt at {path}")
        else:
            for run in shared_runs(text, path.read_text(encoding="utf-8")):
                bad(f"shares a {RUN}-word run with its source: {run!r}")


def main(argv):
    src_dir = None
    files = []
    i = 0
    while i < len(argv):
        if argv[i] == "--src":
            src_dir = argv[i + 1]
            i += 2
        else:
            files.append(argv[i])
            i += 1
    problems, ids, n = [], set(), 0
    for f in files:
        for lineno, line in enumerate(Path(f).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{f}:{lineno}: not JSON: {e}")
                continue
            n += 1
            if rec.get("id") in ids:
                problems.append(f"{f}:{lineno}: duplicate id {rec.get('id')}")
            ids.add(rec.get("id"))
            check(rec, src_dir, problems)
    for p in problems:
        print(p)
    print(f"{n} records, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
