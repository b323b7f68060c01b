"""The JSON API under /api/v1 (its OpenAPI schema: /api/v1/openapi.json)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from knowreply.web.security import ApiPrincipal

router = APIRouter(prefix="/api/v1", tags=["workspace"])


class WorkspaceOut(BaseModel):
    name: str
    plan: str
    actor: str


@router.get("/workspace")
def workspace(principal: ApiPrincipal) -> WorkspaceOut:
    """The caller's workspace and who the caller is."""
    return WorkspaceOut(name=principal.workspace_name, plan=principal.plan, actor=principal.actor)
