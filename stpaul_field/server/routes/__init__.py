"""The API's routes, one module per resource; `create_app` includes every router."""

from __future__ import annotations

from fastapi import APIRouter

from stpaul_field.server.routes import advisors, devices, health, sync, sync_files

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    sync.router,
    sync_files.router,
    devices.router,
    advisors.router,
)
