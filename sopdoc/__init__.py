"""sopdoc: official SOP AP documents (Permenpan-RB 35/2012) from an Excel workbook."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sopdoc")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
