"""The symbols and connectors of a page as the router sees them: ranks, rows, free bands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopdoc.drawing.clearances import CLEARANCE, LINE_CLEARANCE
from sopdoc.layout import Box, Column, ColumnId, NodeId, ProcedurePage, StepRow
from sopdoc.layout.room import Side
from sopdoc.model import Symbol
from sopdoc.units import Pt


@dataclass(frozen=True)
class Node:
    """A symbol or connector with its place in the page's vertical order."""

    name: NodeId
    box: Box
    #: Vertical order: 2r+1 for the symbol of row r, 0 for incoming, 2n for outgoing connectors.
    rank: int
    row: int
    diamond: bool = False

    @property
    def is_symbol(self) -> bool:
        """A step's own symbol (or the end beside it), not a connector."""
        return self.rank % 2 == 1


class PageNodes:
    """The nodes of one page, with the rows and lanes that bound the legs around them."""

    def __init__(self, page: ProcedurePage, lanes: Sequence[Column[ColumnId]]) -> None:
        self.area: Box = page.flow_area
        self.rows: tuple[StepRow, ...] = page.rows
        self.lanes = lanes
        self.nodes: dict[NodeId, Node] = {}
        row_of = {row.number: i for i, row in enumerate(page.rows)}
        last = len(page.rows) - 1
        for symbol in page.symbols:
            r = row_of[symbol.step]
            diamond = symbol.symbol is Symbol.DECISION
            self.nodes[symbol.node] = Node(symbol.node, symbol.box, 2 * r + 1, r, diamond)
        for connector in page.connectors:
            r = row_of[connector.step]
            row = page.rows[r]
            zone_top, zone_bottom = row.box.y + row.top_strip, row.box.bottom - row.bottom_strip
            if zone_top <= connector.box.center_y <= zone_bottom:  # beside its step's symbol
                self.nodes[connector.node] = Node(connector.node, connector.box, 2 * r + 1, r)
            elif connector.direction == "in":
                self.nodes[connector.node] = Node(connector.node, connector.box, 0, 0)
            else:
                self.nodes[connector.node] = Node(connector.node, connector.box, 2 * last + 2, last)

    def __getitem__(self, name: NodeId) -> Node:
        return self.nodes[name]

    @property
    def last_rank(self) -> int:
        """The rank of outgoing connectors, below every row."""
        return 2 * len(self.rows)

    def gap_below(self, node: Node) -> Pt:
        """The y of the free band under a node, midway to whatever comes next.

        Never the row boundary itself: in the document that is a table grid line, and an
        arrow leg drawn on it would disappear into it.
        """
        if node.rank == 0:  # incoming connector: between it and the first symbol's zone
            row = self.rows[0]
            return (node.box.bottom + row.box.y + row.top_strip) / 2
        row = self.rows[node.row]
        if node.rank == self.last_rank:  # outgoing connector: nothing below it
            return node.box.bottom
        limit = (
            row.box.bottom - row.bottom_strip if node.row == len(self.rows) - 1 else row.box.bottom
        )
        return round((node.box.bottom + limit) / 2)

    def above(self, node: Node) -> Node | None:
        """The node standing above ``node`` in its own row (a start over a deciding step 1)."""
        for other in self.nodes.values():
            if other.rank == node.rank and other.row == node.row and other.box.bottom <= node.box.y:
                return other
        return None

    def gap_above(self, node: Node) -> Pt:
        """The y of the free band over a node, midway from whatever comes before."""
        over = self.above(node)
        if over is not None:
            return (over.box.bottom + node.box.y) / 2
        if node.rank == 0:
            return node.box.y
        row = self.rows[node.row]
        if node.rank == self.last_rank:  # outgoing connector, in the last row's strip
            return (row.box.bottom - row.bottom_strip + node.box.y) / 2
        limit = row.box.y + row.top_strip if node.row == 0 else row.box.y
        return round((limit + node.box.y) / 2)

    def anchor_x(self, node: Node) -> Pt:
        """Where arrows meet a node's top or bottom: its centre, moved off a lane boundary.

        A symbol spanning two lanes is centred on the table's column line between them; an
        arrow leg there would run along the line.
        """
        x = node.box.center_x
        for lane in self.lanes[:-1]:
            if abs(lane.right - x) < LINE_CLEARANCE:
                shifted = lane.right - 2 * LINE_CLEARANCE
                return shifted if shifted > node.box.x + 2 else lane.right + 2 * LINE_CLEARANCE
        return x

    def off_lines(self, x: Pt) -> bool:
        """True when a vertical leg at ``x`` keeps a millimetre off every lane line."""
        return all(
            abs(x - lane.x) >= LINE_CLEARANCE and abs(x - lane.right) >= LINE_CLEARANCE
            for lane in self.lanes
        )

    def bottom_limit(self, node: Node) -> Pt:
        """The lowest y a leg below ``node`` may use: the bottom of its row (or strip); under
        an incoming connector, down to the first row's symbols (the strip has room for none)."""
        if node.rank == 0:
            row = self.rows[0]
            first = [n.box.y for n in self.nodes.values() if n.rank == 1]
            return max(row.box.y + row.top_strip, min(first, default=0.0) - CLEARANCE)
        row = self.rows[node.row]
        if node.row == len(self.rows) - 1 and node.rank != self.last_rank:
            return row.box.bottom - row.bottom_strip
        return row.box.bottom

    def top_limit(self, node: Node) -> Pt:
        """The highest y a leg above ``node`` may use: the top of its row (or strip)."""
        over = self.above(node)
        if over is not None:
            return over.box.bottom
        if node.rank == 0:
            return node.box.y
        row = self.rows[node.row]
        if node.rank == self.last_rank:  # in the strip, or in the last row under its symbols
            above = [n.box.bottom for n in self.nodes.values() if n.rank == node.rank - 1]
            return max(above, default=row.box.bottom - row.bottom_strip) + CLEARANCE
        return row.box.y + row.top_strip if node.row == 0 else row.box.y

    def clear_of_nodes(self, x: Pt, y0: Pt, y1: Pt, *, ends: tuple[NodeId, NodeId]) -> bool:
        """True when a vertical leg at ``x`` from y0 to y1 stays inside the flow area and clear
        of every node; the arrow's own ends may be touched at their top or bottom edge."""
        lo, hi = sorted((y0, y1))
        if not self.area.x + 0.5 <= x <= self.area.right - 0.5:
            return False
        for name, node in self.nodes.items():
            box = node.box
            if name in ends and not (box.x - CLEARANCE < x < box.right + CLEARANCE):
                continue
            if (
                box.x - CLEARANCE < x < box.right + CLEARANCE
                and box.y - CLEARANCE < hi
                and box.bottom + CLEARANCE > lo
            ):
                if name in ends and (abs(lo - box.bottom) < 1e-6 or abs(hi - box.y) < 1e-6):
                    continue
                return False
        return True

    def band_clear(self, y: Pt, x0: Pt, x1: Pt) -> bool:
        """True when a horizontal leg at ``y`` from x0 to x1 keeps CLEARANCE from every node
        (a tall end beside a decision reaches below it, into the band under it)."""
        lo, hi = sorted((x0, x1))
        return not any(
            box.y - CLEARANCE < y < box.bottom + CLEARANCE
            and box.x - CLEARANCE < hi
            and lo < box.right + CLEARANCE
            for box in (node.box for node in self.nodes.values())
        )

    def free_side(self, node: Node) -> Side:
        """The side of a node with nothing beside it in its row (end terminators sit right)."""
        return "right" if self.side_free(node, "right") else "left"

    def side_free(self, node: Node, side: Side) -> bool:
        """True when nothing stands beside ``node`` in its row on ``side``."""
        for other in self.nodes.values():
            if other is node or other.row != node.row or other.rank != node.rank:
                continue
            if other.box.bottom <= node.box.y or other.box.y >= node.box.bottom:
                continue  # above or below it (a start over a deciding step 1)
            if (other.box.x >= node.box.right) == (side == "right"):
                return False
        return True
