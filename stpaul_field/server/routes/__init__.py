"""The API's routes, one module per resource; `create_app` includes every router."""

from __future__ import annotations

from fastapi import APIRouter

from stpaul_field.server.routes import advisors, devices, health, sync

ROUTERS: tuple[APIRouter, ...] = (health.router, sync.router, devices.router, advisors.router)
