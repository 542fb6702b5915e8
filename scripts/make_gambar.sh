#!/usr/bin/env bash
# Regenerates the pictures of docs/gambar/ from input/contoh.xlsx and the form of `sopdoc new`:
# our PDF pages through pdftoppm, the form through LibreOffice Calc (xlsx -> PDF) and pdftoppm.
# Usage: scripts/make_gambar.sh   (needs soffice with Calc, and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/docs/gambar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sopdoc() { PYTHONPATH="$root" "$root/.venv/bin/python" -m sopdoc "$@"; }
mkdir -p "$out"
cd "$work"
sopdoc new --contoh formulir.xlsx >/dev/null
sopdoc build "$root/input/contoh.xlsx" --format pdf --buku -o dokumen >/dev/null
sopdoc flowchart "$root/input/contoh.xlsx" --format pdf -o diagram >/dev/null
soffice --headless --norestore --convert-to pdf formulir.xlsx >/dev/null 2>&1
sop=dokumen/KEC-STDR-KIN-427.110-2020.pdf
# The form's SOP sheet is the last page LibreOffice prints.
page=$(pdfinfo formulir.pdf | awk '/^Pages:/ {print $2}')
pdftoppm -png -r 130 -f "$page" -l "$page" -x 60 -y 80 -W 900 -H 420 -singlefile formulir.pdf "$out/formulir-identitas"
pdftoppm -png -r 110 -f "$page" -l "$page" -x 45 -y 245 -W 1130 -H 150 -singlefile formulir.pdf "$out/formulir-tabel"
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$sop" "$out/halaman-identitas"
pdftoppm -png -r 70 -f 2 -l 2 -singlefile "$sop" "$out/halaman-prosedur"  # the first procedure page
pdftoppm -png -r 50 -f 1 -l 1 -singlefile diagram/KEC-STDR-KIN-427.110-2020.pdf "$out/diagram-alir"
pdftoppm -png -r 50 -f 1 -l 1 -singlefile dokumen/contoh-buku-sop.pdf "$out/buku-sampul"
pdftoppm -png -r 50 -f 2 -l 2 -singlefile dokumen/contoh-buku-sop.pdf "$out/buku-daftar-isi"
ls -l "$out"
