"""Every clearance and tolerance the router and the label placement keep, in points, in one
place (libavoid keeps its routing parameters so): what each keeps apart, and why so much."""

from __future__ import annotations

from typing import Final

from sopdoc.layout.geometry import ARROWHEAD_LENGTH, LOOP_INSET
from sopdoc.layout.geometry import LABEL_PAD as LAYOUT_LABEL_PAD

# --- arrows ------------------------------------------------------------------------------------

#: Arrowhead length and half width.
HEAD_LENGTH: Final = ARROWHEAD_LENGTH
HEAD_HALF_WIDTH: Final = 2.5
#: The least distance between parallel arrows is the page style's ``arrow_track`` (more
#: than 3 pt on a page, 6 pt on a slide). A vertical leg keeps at least LINE_CLEARANCE from
#: a lane's line (the table's column line in the document).
LINE_CLEARANCE: Final = 3.0
#: Parallel tracks are set this many times the least separation apart where their free
#: space has room (the nudging pass; down to the least where it has not).
IDEAL_TRACK_FACTOR: Final = 2.0
#: How far, in least separations, the nudging pass looks for a track's free space each way:
#: a track whose free space runs on beyond stays where routing put it (a loop keeps to the
#: outer edge), one whose space ends within it is centred there.
NUDGE_REACH: Final = 16
#: Space kept between a channel and any symbol.
CLEARANCE: Final = 1.5
#: Where no channel or band on the track grid is free, any place this fine a step apart is
#: tried.
FINE_STEP: Final = 0.5
#: How far inside the flow area the outer channels run (the layout keeps symbols further in).
OUTER_INSET: Final = LOOP_INSET
#: How far a connector's first (last) leg is kept free of channels below (above) it.
STUB: Final = 6.0
#: How far a horizontal leg runs from a row's limits and from the box it goes over or into.
BAND_MARGIN: Final = 3.0
#: A channel beside a box stands at least this far beyond the box's side.
SIDE_MARGIN: Final = 2.0
#: A straight drop into (out of) a box lands at least this far inside the box's sides, so
#: that it never reads as running down the box's edge.
EDGE_INSET: Final = 4.0
#: Space other arrows keep round an arrowhead; and how far past its ends two legs must meet
#: to count as crossing (nearer, they only touch: one ends on the other, as a merge does).
HEAD_PAD: Final = 0.5
TOUCH: Final = 0.5
#: Two ends this near across are one straight line (no jog).
SAME_LINE: Final = 0.5

# --- Ya/Tidak labels ---------------------------------------------------------------------------

#: The labels' text size.
LABEL_SIZE: Final = 7.0
#: Space kept around a label's glyph box; where there is no such room (a narrow lane), the
#: least kept: its glyphs still clear every line by more than a point.
LABEL_PAD: Final = LAYOUT_LABEL_PAD
TIGHT_PAD: Final = 0.6
#: How far from its arrow's start a label's centre may be, across and along the page.
NEAR_X: Final = 36.0
NEAR_Y: Final = 24.0
#: A label names its own arrow at a glance when every other arrow is at least AMBIGUOUS_GAP
#: farther from its glyph box than its own, or GLYPH_SLACK farther and at least
#: UNAMBIGUOUS_FAR away (a reader takes the nearest line within about 10 pt, and cannot tell
#: two within 2 pt of each other apart; a point more each way for the glyph box each
#: application measures).
AMBIGUOUS_GAP: Final = 3.0
UNAMBIGUOUS_FAR: Final = 11.0
GLYPH_SLACK: Final = 1.0
