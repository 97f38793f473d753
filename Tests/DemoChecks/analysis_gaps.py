#!/usr/bin/env python3
"""Recomputes the August 2026 analysis by subject from the demo's CSV files
and the targets in its store, independently of aspire: for the 2025-26
courses of S4 to S6 not withdrawn that have a result at their level, the
number of results, how many have a target on the result's scale, and the
mean gap (target minus result, in grade steps).

usage: analysis_gaps.py DEMO_DATA STORE
Prints one JSON object: {subject: [results, with_target, mean_gap or null]}."""

import csv
import json
import os
import sqlite3
import sys

SCALES = {
    "SQA": ["No Award", "D", "C", "B", "A"],
    "Pass/Fail": ["Fail", "Pass"],
    "Curriculum": ["Early", "First", "Second", "Third", "Fourth"],
}
LEVELS = {"N3": "Pass/Fail", "N4": "Pass/Fail", "N5": "SQA", "H": "SQA", "AH": "SQA"}


def rows(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def main():
    folder, store = sys.argv[1:3]
    stage = {row["id"]: row["stage"] for row in rows(folder, "learners-2025-26.csv")}
    results = {
        (row["learner_id"], row["subject"], row["level"]): row["grade"]
        for row in rows(folder, "results-2026.csv")
        if row["year"] == "2026"
    }
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    targets = {
        (learner, subject): target
        for learner, subject, target in db.execute(
            "SELECT learner_id, subject, target FROM targets "
            "WHERE session = '2025-26' AND closed_at IS NULL"
        )
    }
    totals = {}
    for course in rows(folder, "enrolments-2025-26.csv"):
        learner, subject, level = course["learner_id"], course["subject"], course["level"]
        if course["withdrawn"] == "true" or stage.get(learner) not in ("S4", "S5", "S6"):
            continue
        grade = results.get((learner, subject, level))
        if grade is None:
            continue
        total = totals.setdefault(subject, [0, 0, 0])
        total[0] += 1
        scale = SCALES[LEVELS[level]]
        target = targets.get((learner, subject))
        if target in scale and grade in scale:
            total[1] += 1
            total[2] += scale.index(target) - scale.index(grade)
    print(
        json.dumps(
            {
                subject: [count, with_target, gap / with_target if with_target else None]
                for subject, (count, with_target, gap) in sorted(totals.items())
            }
        )
    )


main()
