"""sopdoc: official SOP AP documents (Permenpan-RB 35/2012) from an Excel workbook."""

#: The one place of the version (pyproject.toml reads it here): a build's fingerprint and
#: every document name it, and looking it up in the installed metadata cost each start 25 ms.
__version__ = "0.1.0"
