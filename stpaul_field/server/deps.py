"""The routes' dependencies, declared once (`Annotated`) and reused by every route.

`DatabaseDep` and `SettingsDep` are the app's; `CoordinatorDep` is an authenticated device
of a coordinator. The sync route authenticates by hand (`caller_of`), inside its turn
(`sync_slots`), so that the check runs before the body is read.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Annotated

from fastapi import Depends, Request

from stpaul_field.server.auth import authenticate
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.errors import ApiError
from stpaul_field.server.settings import ServerSettings


# Async: a plain attribute read, not worth a trip to the thread pool.
async def database_of(request: Request) -> Database:
    return request.app.state.db


async def settings_of(request: Request) -> ServerSettings:
    return request.app.state.settings


DatabaseDep = Annotated[Database, Depends(database_of)]
SettingsDep = Annotated[ServerSettings, Depends(settings_of)]


def caller_of(request: Request, defer_seen: bool = False) -> Caller:
    """The authenticated device (a dependency: runs in the thread pool, it reads the database).

    `defer_seen`: the request's own write records that the device was seen (a sync)."""
    caller = authenticate(request.app.state.db, request.headers.get("authorization"), defer_seen)
    request.state.device_id = str(caller.device_id)
    return caller


def coordinator_of(request: Request) -> Caller:
    caller = caller_of(request)
    if not caller.is_coordinator:
        raise ApiError(403, "Réservé aux coordinateurs.", "forbidden")
    return caller


CoordinatorDep = Annotated[Caller, Depends(coordinator_of)]


class Slots:
    """How many requests of a kind a worker lets work at once: exchanges (docs/server.md,
    « Performance notes »), password checks (each takes `argon2_memory_kib`).

    One semaphore per event loop: tests run one app in several loops."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    def __call__(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if loop not in self._by_loop:
            self._by_loop[loop] = asyncio.Semaphore(self.size)
        return self._by_loop[loop]


async def sync_slots_of(request: Request) -> Slots:
    return request.app.state.sync_slots


async def password_slots_of(request: Request) -> Slots:
    return request.app.state.password_slots


SyncSlotsDep = Annotated[Slots, Depends(sync_slots_of)]
PasswordSlotsDep = Annotated[Slots, Depends(password_slots_of)]
