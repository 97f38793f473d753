#!/usr/bin/env python3
"""Reads every message the test sink saved in a folder with Python's own
email parser and checks what aspire promises of each one. Prints one JSON
object: {"messages": [...]}, each message with what the tests compare and a
list of "problems" that should be empty."""

import email
import email.policy
import email.utils
import json
import os
import sys


def check(raw):
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("a line ends without CR LF")
    if not raw.endswith(b"\r\n"):
        problems.append("the message does not end with CR LF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 76:
            problems.append(f"line {number} is {len(line)} long")
        if any(byte > 127 for byte in line):
            problems.append(f"line {number} is not ASCII")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message.defects:
        problems.append(f"defects: {message.defects}")
    for name in ("Date", "From", "To", "Subject", "Message-ID", "MIME-Version"):
        if len(message.get_all(name, [])) != 1:
            problems.append(f"{name} appears {len(message.get_all(name, []))} times")
    for name in ("Cc", "Bcc"):
        if message.get_all(name):
            problems.append(f"has {name}")
    to = [address.addr_spec for address in message["To"].addresses] if message["To"] else []
    if len(to) != 1:
        problems.append(f"To holds {len(to)} addresses")
    try:
        email.utils.parsedate_to_datetime(message["Date"])
    except (TypeError, ValueError):
        problems.append("Date does not parse")
    if message["MIME-Version"] != "1.0":
        problems.append("MIME-Version is not 1.0")
    if message.get_content_type() != "multipart/alternative":
        problems.append(f"content type is {message.get_content_type()}")
    parts = list(message.iter_parts()) if message.is_multipart() else []
    types = [part.get_content_type() for part in parts]
    if types != ["text/plain", "text/html"]:
        problems.append(f"parts are {types}")
    for part in parts:
        if part.defects:
            problems.append(f"part defects: {part.defects}")
        if part.get_content_charset() != "utf-8":
            problems.append(f"charset is {part.get_content_charset()}")
    contents = [part.get_content() for part in parts]
    return {
        "to": to,
        "to_name": message["To"].addresses[0].display_name if message["To"] else None,
        "from": message["From"].addresses[0].addr_spec if message["From"] else None,
        "from_name": message["From"].addresses[0].display_name if message["From"] else None,
        "subject": str(message["Subject"]),
        "message_id": str(message["Message-ID"]),
        "text": contents[0] if len(contents) > 0 else None,
        "html": contents[1] if len(contents) > 1 else None,
        "problems": problems,
    }


def main():
    folder = sys.argv[1]
    messages = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(folder, name), "rb") as file:
            result = check(file.read())
        with open(os.path.join(folder, name[:-4] + ".json")) as file:
            result["envelope_to"] = json.load(file)["rcpt_to"]
        result["file"] = name
        messages.append(result)
    print(json.dumps({"messages": messages}))


if __name__ == "__main__":
    main()
