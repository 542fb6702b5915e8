"""Drawing: arrows routed between the laid-out symbols; the format-free drawing of each page."""
