"""Bringing the SOPs an office already has as Word documents into the form."""
