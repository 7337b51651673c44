"""A local SMTP server (aiosmtpd) that records who received what, for worker tests and the bench."""

import asyncio
import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, sink: "SmtpSink"):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        with self.sink.lock:
            self.sink.recipients.update(envelope.rcpt_tos)
            self.sink.messages += 1
            if self.sink.keep:
                self.sink.contents.append(envelope.content)
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self, *, delay: float = 0.0, keep: bool = False):
        self.delay = delay
        self.keep = keep
        self.lock = threading.Lock()
        self.recipients: Counter = Counter()
        self.contents: list[bytes] = []
        self.messages = 0
        self.port = free_port()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def __enter__(self) -> "SmtpSink":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
