"""A local SMTP server (aiosmtpd) that records who received what, for worker tests and the bench."""

import asyncio
import socket
import threading
import time
from collections import Counter

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

END_OF_DATA = b"\r\n.\r\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, sink: "SmtpSink"):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.sink.refused_recipients:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        if (
            self.sink.refuse_data_after is not None
            and self.sink.messages >= self.sink.refuse_data_after
        ):
            return "421 4.3.2 Service shutting down, try again later"
        with self.sink.lock:
            self.sink.recipients.update(envelope.rcpt_tos)
            self.sink.connections.add(session.peer)
            self.sink.messages += 1
            if self.sink.keep and len(self.sink.contents) < self.sink.keep_max:
                self.sink.contents.append(envelope.content)
        return "250 Message accepted for delivery"


class _BulkDataSMTP(SMTP):
    """aiosmtpd reading DATA in large chunks instead of line by line.

    aiosmtpd's own DATA loop awaits once per line, which makes the sink, not the portal, the
    bottleneck of a benchmark. Clients wait for the reply after the final dot (no pipelining),
    so the terminator is always at the end of what has arrived.
    """

    async def _handle_client(self) -> None:
        sink = self.event_handler.sink
        sink.connects.append(time.monotonic())
        if sink.refuse_connections:  # a server out of service answers 421 and hangs up
            await self.push("421 sink.local Service not available, try again later")
            self.transport.close()
            return
        await super()._handle_client()

    async def smtp_DATA(self, arg: str) -> None:
        if await self.check_helo_needed() or await self.check_auth_needed("DATA"):
            return
        if not self.envelope.rcpt_tos:
            await self.push("503 Error: need RCPT command")
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        buffer = bytearray(b"\r\n")  # so that an empty message also ends with the terminator
        while not buffer.endswith(END_OF_DATA):
            chunk = await self._reader.read(1 << 16)
            if not chunk:
                return
            buffer += chunk
        content = bytes(buffer[2:-3]).replace(b"\r\n..", b"\r\n.")
        if content.startswith(b".."):
            content = content[1:]
        self.envelope.content = self.envelope.original_content = content
        status = await self._call_handler_hook("DATA")
        self._set_post_data_state()
        await self.push(status)


class _BulkController(Controller):
    def factory(self):
        return _BulkDataSMTP(self.handler, **self.SMTP_kwargs)


class SmtpSink:
    def __init__(self, *, delay: float = 0.0, keep: bool = False, keep_max: int = 10**9):
        self.delay = delay
        self.keep = keep
        self.keep_max = keep_max
        self.lock = threading.Lock()
        self.recipients: Counter = Counter()
        self.connections: set = set()  # the client's (host, port) of each SMTP session
        self.contents: list[bytes] = []
        self.messages = 0
        # faults: refuse every connection (421), refuse DATA after this many messages (421),
        # refuse these recipients (550); `connects` times every connection the server saw
        self.refuse_connections = False
        self.refuse_data_after: int | None = None
        self.refused_recipients: set[str] = set()
        self.connects: list[float] = []
        self.port = free_port()
        self.controller = _BulkController(
            _Handler(self), hostname="127.0.0.1", port=self.port, server_hostname="sink.local"
        )

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def __enter__(self) -> "SmtpSink":
        self.controller.start()
        self.connects.clear()  # the controller's own connection to check the server is up
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
