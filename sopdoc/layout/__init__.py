"""Layout: the geometry of every page (identity, procedure, slides), computed once."""

from sopdoc.layout.geometry import (
    ArrowSpec,
    Box,
    Column,
    Connector,
    LayoutStyle,
    PlacedLine,
    ProcedureLayout,
    ProcedurePage,
    StepRow,
    SymbolBox,
    TextCell,
)
from sopdoc.layout.identity import layout_identity
from sopdoc.layout.identity_geometry import IdentityLayout, IdentityPage, IdentityRow
from sopdoc.layout.procedure import connector_letter, layout_procedure
from sopdoc.layout.slides import layout_swimlane

__all__ = [
    "ArrowSpec",
    "Box",
    "Column",
    "Connector",
    "IdentityLayout",
    "IdentityPage",
    "IdentityRow",
    "LayoutStyle",
    "PlacedLine",
    "ProcedureLayout",
    "ProcedurePage",
    "StepRow",
    "SymbolBox",
    "TextCell",
    "connector_letter",
    "layout_identity",
    "layout_procedure",
    "layout_swimlane",
]
