#!/usr/bin/env python3
"""Checks the Live Reports an SMTP server received from `aspire send` after
`aspire demo`, against the demo's store, with Python's own email parser and
sqlite3 alone.

usage: check_live_reports.py MAILDIR STORE AS_OF

Each message must be multipart/alternative with a plain text and an HTML
part, have exactly one To address and no Cc or Bcc, go (in the envelope too)
to a contact of the learner it is about who receives reports, and carry that
learner's subjects and each subject's latest comment up to its round. The
learner and round come from the outbox row with the message's Message-ID.
Messages to staff (new flags, reminders) must be well formed and go to one
member of staff. Prints one JSON object: counts, and the problems found
(empty when all is well)."""

import email
import email.policy
import email.utils
import html
import json
import mailbox
import re
import sqlite3
import sys


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


def body(message, subtype):
    part = message.get_body(preferencelist=(subtype,))
    return None if part is None else part.get_content()


def expected_count(db, as_of):
    """Messages the report rule should queue: for each learner in S3 to S6,
    each round of their schedule closed by AS_OF, each receiving contact."""
    rows = db.execute(
        """
        SELECT count(*) FROM learner_stages AS s
        JOIN schedule_learners AS p ON p.session = s.session AND p.learner_id = s.learner_id
        JOIN rounds AS r ON r.session = p.session AND r.schedule = p.schedule AND r.end <= ?
        JOIN contacts AS c ON c.learner_id = s.learner_id AND c.receives_reports = 1
        WHERE s.session = '2026-27' AND s.stage IN ('S3', 'S4', 'S5', 'S6')
        """,
        (as_of,),
    )
    return rows.fetchone()[0]


def check(message, db, outbox, problems):
    def problem(text):
        problems.append(f"{message.get('Message-ID')}: {text}")

    if message.get_content_type() != "multipart/alternative":
        problem(f"content type {message.get_content_type()}")
    parts = [part.get_content_type() for part in message.iter_parts()]
    if parts != ["text/plain", "text/html"]:
        problem(f"parts {parts}")
    addresses = email.utils.getaddresses(message.get_all("To", []))
    if len(addresses) != 1 or message.get_all("Cc") or message.get_all("Bcc"):
        problem(f"not exactly one recipient: {addresses}")
        return None
    to = addresses[0][1].lower()
    if message.get("X-RcptTo", "").lower() != to:
        problem(f"envelope {message.get('X-RcptTo')} is not the To address {to}")

    message_id = message.get("Message-ID", "").strip("<>")
    row = outbox.get(message_id)
    if row is None:
        problem("no outbox row has this Message-ID")
        return None
    key, learner, recipient, state, kind = row
    if recipient.lower() != to:
        problem(f"outbox recipient {recipient} is not the To address {to}")
    if state != "sent":
        problem(f"outbox state {state}")
    if kind != "live-report":
        staff = {email.lower() for (email,) in db.execute("SELECT email FROM staff")}
        if to not in staff:
            problem(f"{kind} message to {to}, who is not on the staff")
        return None
    contacts = {
        email.lower()
        for (email,) in db.execute(
            "SELECT email FROM contacts WHERE learner_id = ? AND receives_reports = 1", (learner,)
        )
    }
    if to not in contacts:
        problem(f"{to} is not a receiving contact of {learner}")

    round_number = int(re.search(r"\|round (\d+)\|", key).group(1))
    (name,) = db.execute("SELECT name FROM learners WHERE id = ?", (learner,)).fetchone()
    if name not in message["Subject"] or f"round {round_number}" not in message["Subject"]:
        problem(f"subject {message['Subject']!r} is not about {name}, round {round_number}")
    text = squeeze(body(message, "plain") or "")
    page = squeeze(html.unescape(body(message, "html") or ""))
    subjects = db.execute(
        """
        SELECT subject FROM enrolments
        WHERE session = '2026-27' AND learner_id = ? AND withdrawn = 0
        """,
        (learner,),
    ).fetchall()
    if not subjects:
        problem(f"{learner} has no courses")
    for (subject,) in subjects:
        if subject not in text or subject not in page:
            problem(f"{subject} is missing from {learner}'s grid")
        latest = db.execute(
            """
            SELECT comment FROM assessments
            WHERE session = '2026-27' AND learner_id = ? AND subject = ? AND round <= ?
              AND comment IS NOT NULL AND comment != ''
            ORDER BY round DESC LIMIT 1
            """,
            (learner, subject, round_number),
        ).fetchone()
        if latest and (squeeze(latest[0]) not in text or squeeze(latest[0]) not in page):
            problem(f"{learner}'s latest comment in {subject} is missing: {latest[0]!r}")
    return learner


def main():
    folder, store, as_of = sys.argv[1:4]
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    outbox = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT message_id, key, learner_id, recipient, state, kind FROM outbox"
        )
    }
    problems = []
    learners = set()
    count = 0
    live = 0
    for message in mailbox.Maildir(folder, factory=None, create=False):
        raw = message.as_bytes()
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        if parsed.defects:
            problems.append(f"{parsed.get('Message-ID')}: defects {parsed.defects}")
        learner = check(parsed, db, outbox, problems)
        if learner:
            learners.add(learner)
            live += 1
        count += 1
    queued = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    queued_live = db.execute(
        "SELECT count(*) FROM outbox WHERE kind = 'live-report'"
    ).fetchone()[0]
    print(
        json.dumps(
            {
                "delivered": count,
                "queued": queued,
                "live_delivered": live,
                "live_queued": queued_live,
                "expected": expected_count(db, as_of),
                "learners": len(learners),
                "problems": problems[:50],
                "problem_count": len(problems),
            }
        )
    )


main()
