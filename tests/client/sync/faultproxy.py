"""A loopback TCP proxy that breaks HTTP exchanges on purpose: the link a border post really has.

Per request it picks a fault: pass, drop the request, drop the response (the server did the
work, the post never hears), delay the response past the client's timeout, truncate the
request body, send the request twice, reset the connection in the middle of the answer, or
hold the request back so that the post's next one (two batches are in flight) overtakes it.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable

FAULTS = ("pass", "drop_request", "drop_response", "delay", "truncate", "duplicate", "reset", "late")


def _read_http_message(sock: socket.socket) -> bytes | None:
    """One HTTP/1.1 message (head + Content-Length body); None if the peer closed first."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return buf or None
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while not rest.endswith(b"0\r\n\r\n"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
        return head + b"\r\n\r\n" + rest
    while len(rest) < length:
        chunk = sock.recv(min(1 << 20, length - len(rest)))
        if not chunk:
            break
        rest += chunk
    return head + b"\r\n\r\n" + rest


def _reset(sock: socket.socket) -> None:
    # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        choose: Callable[[], str] | None = None,
        fault_rate: float = 0.5,
        delay_s: float = 4.0,
        late_s: float = 0.5,
        seed: int = 1,
    ) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.rng = random.Random(seed)
        self.fault_rate = fault_rate
        self.delay_s = delay_s
        self.late_s = late_s
        self.choose = choose or self._random_fault
        self.counts: Counter[str] = Counter()
        self.bytes_up = 0  # post -> server, as on the wire (HTTP head and body)
        self.bytes_down = 0
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _random_fault(self) -> str:
        with self._lock:
            if self.rng.random() >= self.fault_rate:
                return "pass"
            return self.rng.choice(FAULTS[1:])

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        self._listener.close()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _exchange(self, request: bytes) -> bytes | None:
        with socket.create_connection(self.upstream, timeout=60) as up:
            up.sendall(request)
            return _read_http_message(up)

    def _handle(self, client: socket.socket) -> None:
        try:
            while True:
                request = _read_http_message(client)
                if not request:
                    client.close()
                    return
                fault = self.choose()
                with self._lock:
                    self.counts[fault] += 1
                    self.bytes_up += len(request)
                if fault == "drop_request":
                    client.close()
                    return
                if fault == "truncate":
                    with socket.create_connection(self.upstream, timeout=10) as up:
                        up.sendall(request[: max(1, len(request) * 2 // 3)])
                    _reset(client)
                    return
                if fault == "late":
                    time.sleep(self.late_s)
                response = self._exchange(request)
                if fault == "duplicate":
                    self._exchange(request)  # the same bytes again (same nonce): a replay
                if response is None:
                    client.close()
                    return
                if fault == "drop_response":
                    client.close()
                    return
                if fault == "reset":
                    client.sendall(response[: len(response) // 2])
                    _reset(client)
                    return
                if fault == "delay":
                    time.sleep(self.delay_s)
                with self._lock:
                    self.bytes_down += len(response)
                client.sendall(response)
        except OSError:
            with contextlib.suppress(OSError):
                client.close()
