"""HTTP errors of the API: a status, a French `detail` an advisor understands, a stable `code`."""

from __future__ import annotations


class ApiError(Exception):
    def __init__(self, status: int, detail: str, code: str = "error", headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.code = code
        self.headers = headers or {}


def not_enrolled() -> ApiError:
    return ApiError(
        401,
        "Ce poste n'est pas reconnu par le serveur : inscrivez-le à nouveau avec votre identifiant.",
        "not_enrolled",
        {"WWW-Authenticate": "Bearer"},
    )
