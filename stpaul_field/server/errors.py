"""HTTP errors of the API: a status, a French `detail` an advisor understands, a stable `code`.

Every error answers an `ErrorBody` (`app.create_app` turns FastAPI's own errors into one).
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from stpaul_field.sync.protocol import ErrorBody

# What the routes may answer besides their success, for the OpenAPI.
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 409, 413, 415, 422, 426, 429)
}


INTERNAL = "Erreur interne du serveur : réessayez plus tard ou prévenez votre coordinateur."


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


def error_response(
    status: int, detail: str, code: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(ErrorBody(detail=detail, code=code).model_dump(), status_code=status, headers=headers)
