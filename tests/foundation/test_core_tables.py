"""The Core views of `db.tables` name columns of `db.models` with the same types, so what the
quick ways write through them is what the ORM writes."""

from __future__ import annotations

import pytest
from sqlalchemy.sql import TableClause

from knowreply.db import tables
from knowreply.db.models import Base

VIEWS = [v for v in vars(tables).values() if isinstance(v, TableClause)]


def test_every_table_of_the_module_is_checked() -> None:
    assert {view.name for view in VIEWS} == {
        "meta",
        "workspaces",
        "messages",
        "inbound_addresses",
        "mailboxes",
        "smtp_accounts",
    }


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.name)
def test_each_column_is_the_models_column_with_its_type(view: TableClause) -> None:
    model = Base.metadata.tables[view.name]
    for column in view.columns:
        assert column.name in model.columns, column.name
        assert type(column.type) is type(model.columns[column.name].type), column.name
