"""Renderers: one per output format, each drawing from the same layout."""
