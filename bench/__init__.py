"""Benchmarks: realistic workbooks, and sopdoc measured against the routes users would take."""
