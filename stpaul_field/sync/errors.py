"""Why a sync or an enrolment did not go through, in words an advisor understands.

Every error carries a French `message`, shown as it is in the status bar, the sync view
and the terminal. `retryable` says whether trying again later may succeed on its own.
"""

from __future__ import annotations


class SyncError(Exception):
    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OfflineError(SyncError):
    """The server could not be reached, or the connection dropped: try again later."""

    retryable = True


class InsecureServerError(SyncError):
    """The address would send personal data unprotected (plain HTTP to another machine)."""


class AuthError(SyncError):
    """Wrong login or password, unknown or revoked device: an advisor or coordinator must act."""


class NotEnrolledError(SyncError):
    """This laptop has not been enrolled with the central record yet."""


class ProtocolError(SyncError):
    """The server does not serve this version of the app (or answered something unreadable)."""


class ServerError(SyncError):
    """The server failed (5xx) or refused the request for a reason given in `message`."""

    retryable = True
