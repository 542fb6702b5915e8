"""PDF with reportlab: the SOP document, the Buku SOP, the slides, and the flowchart alone."""
