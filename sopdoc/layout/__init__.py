"""Layout: the geometry of every page (identity, procedure, slides), computed once."""

from sopdoc.layout.geometry import (
    ArrowSpec,
    Box,
    Column,
    Connector,
    LayoutStyle,
    NodeId,
    PlacedLine,
    ProcedureLayout,
    ProcedurePage,
    StepRow,
    SymbolBox,
    TextCell,
)
from sopdoc.layout.procedure import connector_letter, layout_procedure
from sopdoc.layout.slides import layout_swimlane

__all__ = [
    "ArrowSpec",
    "Box",
    "Column",
    "Connector",
    "LayoutStyle",
    "NodeId",
    "PlacedLine",
    "ProcedureLayout",
    "ProcedurePage",
    "StepRow",
    "SymbolBox",
    "TextCell",
    "connector_letter",
    "layout_procedure",
    "layout_swimlane",
]
