#!/usr/bin/env python3
"""A small SMTP server for aspire's end-to-end tests, from Python's standard
library alone. It listens on 127.0.0.1, prints "port N" once it is ready, and
saves each accepted message as NNNN.eml (the bytes of DATA, dot-stuffing
undone) with NNNN.json beside it (the envelope). It can refuse recipients
with 550, answer every DATA with a chosen code such as 451, and wait before
answering DATA, so a test can kill a client mid-run. With a certificate it
speaks TLS from the first byte (--smtps) or offers STARTTLS (--starttls)."""

import argparse
import json
import os
import signal
import socketserver
import ssl
import sys
import threading
import time

lock = threading.Lock()
counter = [0]


class Session(socketserver.StreamRequestHandler):
    def setup(self):
        if self.server.options.smtps:
            self.request = self.server.tls.wrap_socket(self.request, server_side=True)
        super().setup()

    def start_tls(self):
        self.wfile.flush()
        self.request = self.server.tls.wrap_socket(self.request, server_side=True)
        self.connection = self.request
        self.rfile = self.request.makefile("rb")
        self.wfile = self.request.makefile("wb")

    def reply(self, text):
        self.wfile.write(text.encode("ascii") + b"\r\n")
        self.wfile.flush()

    def handle(self):
        options = self.server.options
        self.reply("220 aspire-test-sink ESMTP")
        sender, recipients = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").rstrip("\r\n")
            verb = command.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250-aspire-test-sink")
                if options.starttls:
                    self.reply("250-STARTTLS")
                self.reply("250 8BITMIME")
            elif verb == "STARTTLS" and options.starttls:
                self.reply("220 ready for TLS")
                self.start_tls()
                sender, recipients = None, []
            elif verb == "HELO":
                self.reply("250 aspire-test-sink")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip(), []
                self.reply("250 sender ok")
            elif verb == "RCPT":
                address = command[8:].strip().strip("<>")
                if address.lower() in options.refuse:
                    self.reply("550 no such recipient")
                else:
                    recipients.append(address)
                    self.reply("250 recipient ok")
            elif verb == "DATA":
                if not recipients:
                    self.reply("503 no recipients")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                self.receive(sender, recipients)
                sender, recipients = None, []
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 reset")
            elif verb == "NOOP":
                self.reply("250 ok")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")

    def receive(self, sender, recipients):
        options = self.server.options
        data = bytearray()
        while True:
            line = self.rfile.readline()
            if not line:
                return
            if line == b".\r\n":
                break
            if line.startswith(b".."):
                line = line[1:]
            data += line
        if options.data_reply != 250:
            self.reply(f"{options.data_reply} not now")
            return
        with lock:
            counter[0] += 1
            name = os.path.join(options.dir, f"{counter[0]:04d}")
        with open(name + ".json", "w") as envelope:
            json.dump({"mail_from": sender, "rcpt_to": recipients}, envelope)
        with open(name + ".eml", "wb") as message:
            message.write(bytes(data))
        time.sleep(options.delay)
        self.reply("250 queued")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--data-reply", type=int, default=250)
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--smtps", action="store_true")
    parser.add_argument("--starttls", action="store_true")
    options = parser.parse_args()
    options.refuse = [address.lower() for address in options.refuse]
    # The test process may start us with signals blocked; let SIGTERM stop us.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    os.makedirs(options.dir, exist_ok=True)
    with Server(("127.0.0.1", options.port), Session) as server:
        server.options = options
        if options.cert:
            server.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            server.tls.load_cert_chain(options.cert, options.key)
        print(f"port {server.server_address[1]}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
