"""Layout: the geometry of every page (identity, procedure, slides), computed once."""

from sopdoc.layout.geometry import (
    ArrowSpec,
    Box,
    Column,
    ColumnId,
    ColumnKind,
    Connector,
    HeaderId,
    LayoutStyle,
    NodeId,
    PlacedLine,
    ProcedureLayout,
    ProcedurePage,
    Span,
    StepRow,
    SymbolBox,
    TextCell,
)
from sopdoc.layout.identity import layout_identity
from sopdoc.layout.identity_geometry import IdentityLayout, IdentityPage, IdentityRow
from sopdoc.layout.pagination import connector_letter
from sopdoc.layout.procedure import layout_procedure
from sopdoc.layout.slides import layout_swimlane

__all__ = [
    "ArrowSpec",
    "Box",
    "Column",
    "ColumnId",
    "ColumnKind",
    "Connector",
    "HeaderId",
    "IdentityLayout",
    "IdentityPage",
    "IdentityRow",
    "LayoutStyle",
    "NodeId",
    "PlacedLine",
    "ProcedureLayout",
    "ProcedurePage",
    "Span",
    "StepRow",
    "SymbolBox",
    "TextCell",
    "connector_letter",
    "layout_identity",
    "layout_procedure",
    "layout_swimlane",
]
