"""Errors in words an inspector understands; the technical detail goes to the log."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

__all__ = ["describe_error"]

log = logging.getLogger(__name__)


def describe_error(exc: BaseException, action: str = "") -> str:
    """A short, plain message for *exc*; logs the detail (never personal data: type + message)."""
    from border_client.storage import errors as store_errors

    log.warning("%s failed: %s: %s", action or "operation", type(exc).__name__, exc)
    if isinstance(exc, store_errors.WrongPassword | store_errors.UnknownAccount):
        return QCoreApplication.translate("Errors", "Wrong user name or password.")
    if isinstance(exc, store_errors.AccountDisabled):
        return QCoreApplication.translate(
            "Errors", "This account is disabled. Ask the post's administrator."
        )
    if isinstance(exc, store_errors.KeySlotsDamaged | store_errors.DatabaseDamaged):
        return QCoreApplication.translate(
            "Errors", "The post's data files are damaged and cannot be opened: {detail}"
        ).format(detail=str(exc))
    try:
        from border_client.services.common import PermissionDenied, ServiceError, ValidationError
    except ImportError:  # pragma: no cover - services are part of the package
        ServiceError = PermissionDenied = ValidationError = ()  # type: ignore[misc,assignment]  # noqa: N806
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate(
            "Errors", "Your role does not allow this. A supervisor must do it: {detail}"
        ).format(detail=str(exc))
    if isinstance(exc, ValidationError | ServiceError | store_errors.StoreError):
        return str(exc)
    if isinstance(exc, OSError):
        if getattr(exc, "errno", None) == 28:
            return QCoreApplication.translate(
                "Errors", "The disk is full. Nothing was saved; free some space and try again."
            )
        return QCoreApplication.translate(
            "Errors", "The computer could not read or write a file: {detail}"
        ).format(detail=exc.strerror or str(exc))
    return QCoreApplication.translate(
        "Errors", "Something went wrong ({kind}). The details are in the log."
    ).format(kind=type(exc).__name__)
