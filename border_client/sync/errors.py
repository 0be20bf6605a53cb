"""Why a sync did not go through, in words an inspector or post chief can act on.

SyncFailure                      (message: plain words; retryable: try again later by itself)
 ├── NetworkFailure              retryable: no route, timeout, connection reset, proxy down
 ├── TlsFailure                  the server's certificate is not trusted (CA bundle, clock)
 ├── ServerFailure               retryable: the server answered 5xx or garbage
 ├── NotEnrolled                 this post has no device identity yet
 ├── ServerIdentityMismatch      the answer is not signed by the server pinned at enrollment
 └── Refused                     the server refused (status and code from its answer)
      ├── DeviceRevoked          403 device_revoked
      ├── TokenExpired           410 token_expired
      ├── ClockSkew              412 clock_skew
      └── UnsupportedProtocol    426 unsupported_protocol
"""

from __future__ import annotations

from typing import Any


class SyncFailure(Exception):
    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NetworkFailure(SyncFailure):
    retryable = True


class TlsFailure(SyncFailure):
    # Retried (a captive portal or a clock fixed later can clear it), but said plainly.
    retryable = True


class ServerFailure(SyncFailure):
    retryable = True


class NotEnrolled(SyncFailure):
    pass


class ServerIdentityMismatch(SyncFailure):
    pass


class Refused(SyncFailure):
    def __init__(self, message: str, *, status: int, code: str, body: dict[str, Any]) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.body = body


class DeviceRevoked(Refused):
    pass


class TokenExpired(Refused):
    pass


class ClockSkew(Refused):
    # The post's clock may be corrected while the app runs: retry, slowly.
    retryable = True


class UnsupportedProtocol(Refused):
    pass


REFUSALS: dict[str, type[Refused]] = {
    "device_revoked": DeviceRevoked,
    "token_expired": TokenExpired,
    "clock_skew": ClockSkew,
    "unsupported_protocol": UnsupportedProtocol,
}
