"""Business errors, each with its HTTP status and a stable code; one handler renders them.

SyncError
 ├── MalformedRequest          400 malformed_request   body not gzip/JSON, bad envelope
 ├── Unauthenticated           401 unsigned | bad_signature | unknown_device
 ├── TokenInvalid              401 token_invalid
 ├── DeviceRevoked             403 device_revoked
 ├── NotFound                  404 not_found
 ├── TokenUsed                 409 token_used
 ├── PostMismatch              409 post_mismatch
 ├── Replayed                  409 replayed
 ├── TokenExpired              410 token_expired
 ├── ClockSkew                 412 clock_skew          (body carries server_time)
 ├── TooLarge                  413 batch_too_large
 ├── UnsupportedMediaType      415 unsupported_media_type
 └── UnsupportedProtocol       426 unsupported_protocol (body carries supported versions)
"""

from __future__ import annotations

from typing import Any, ClassVar


class SyncError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "error"

    def __init__(self, message: str, *, code: str | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.instance_code = code or self.code
        self.extra = extra

    def to_json(self) -> dict[str, Any]:
        return {"error": self.instance_code, "message": self.message, **self.extra}


class MalformedRequest(SyncError):
    status = 400
    code = "malformed_request"


class Unauthenticated(SyncError):
    status = 401
    code = "bad_signature"


class TokenInvalid(SyncError):
    status = 401
    code = "token_invalid"


class DeviceRevoked(SyncError):
    status = 403
    code = "device_revoked"


class NotFound(SyncError):
    status = 404
    code = "not_found"


class TokenUsed(SyncError):
    status = 409
    code = "token_used"


class PostMismatch(SyncError):
    status = 409
    code = "post_mismatch"


class Replayed(SyncError):
    status = 409
    code = "replayed"


class TokenExpired(SyncError):
    status = 410
    code = "token_expired"


class ClockSkew(SyncError):
    status = 412
    code = "clock_skew"


class TooLarge(SyncError):
    status = 413
    code = "batch_too_large"


class UnsupportedMediaType(SyncError):
    status = 415
    code = "unsupported_media_type"


class UnsupportedProtocol(SyncError):
    status = 426
    code = "unsupported_protocol"
