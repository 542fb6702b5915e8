"""Backends: each draws the same layout and drawing in one format; none computes geometry."""
