"""The Office Open XML namespaces sopdoc writes (the DOCX and PPTX backends, the workbook
form and revise) and reads (the workbook, ``sopdoc import``)."""

from __future__ import annotations

from typing import Final

#: WordprocessingML, and Word's drawings in it: anchors, shapes, groups.
W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP: Final = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS: Final = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG: Final = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
#: DrawingML, its pictures, and PresentationML.
A: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC: Final = "http://schemas.openxmlformats.org/drawingml/2006/picture"
P: Final = "http://schemas.openxmlformats.org/presentationml/2006/main"
#: SpreadsheetML (the workbook).
S: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#: Relationships: the attribute namespace (``r:embed``) and the package's .rels parts.
R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
#: Markup compatibility (``mc:AlternateContent``) and the VML of older Word drawings.
MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V: Final = "urn:schemas-microsoft-com:vml"
