"""DOCX with python-docx: the SOP document and the Buku SOP as editable Word tables."""
