"""The pratinjau: a local web page that shows a workbook's SOPs and refreshes as it is saved."""
