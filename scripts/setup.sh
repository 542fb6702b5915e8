#!/usr/bin/env bash
# Installs what sopdoc needs on a fresh machine: the Python virtual environment (sopdoc itself
# needs nothing else: its template and fonts are in the package) and, for the tests, system
# packages when missing. Usage: scripts/setup.sh [--test] [--bench]
#   --test   also installs what the test suite needs (Graphviz for SVG, the Liberation and
#            DejaVu fonts LibreOffice renders DOCX with, LibreOffice Writer, Calc and Impress
#            25.2 or later (from bookworm-backports on Debian 12),
#            poppler-utils, Chromium and its driver, unshare to hide the fonts);
#   --bench  also what the benchmark compares against (LibreOffice, PlantUML).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
want_libreoffice=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --bench) want_bench=1 ;;
    *) echo "sopdoc: pilihan setup tidak dikenal: $arg (pilihan: --test, --bench)" >&2; exit 2 ;;
  esac
done

python=${PYTHON:-python3}
missing=()
# Debian's python3 makes virtual environments only with python3-venv (ensurepip).
"$python" -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
if [ "$want_test" = 1 ]; then
  command -v dot >/dev/null 2>&1 || missing+=(graphviz)
  # LibreOffice lays out the DOCX with Arial's metric twin, as sopdoc's PDF does.
  [ -e /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation2)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  # The installed-wheel test hides the system's fonts in a private mount namespace.
  command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
  # LibreOffice 25.2 or later: it places drawings anchored in table cells, and sizes rows
  # and lines of exact spacing, as Word does (7.4 did not). Debian 12 has it in backports.
  lo_major=$(soffice --version 2>/dev/null | awk '{split($2, v, "."); print v[1]}' || true)
  if [ -z "$lo_major" ] || [ "$lo_major" -lt 25 ] \
    || [ ! -e /usr/lib/libreoffice/program/libsclo.so ] \
    || [ ! -e /usr/lib/libreoffice/program/libsdlo.so ]; then
    # Writer converts the DOCX; Calc opens the workbooks sopdoc revise edits; Impress renders
    # the slide deck, to prove its shapes land where the slides' PDF draws them.
    want_libreoffice=1
  fi
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # The preview's end-to-end test drives a real headless Chromium through its driver.
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fi
if [ "$want_bench" = 1 ]; then
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  [ -e /usr/share/plantuml/plantuml.jar ] || missing+=(plantuml)
fi

if [ "${#missing[@]}" -gt 0 ] || [ "$want_libreoffice" = 1 ]; then
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "sopdoc: memasang paket sistem: ${missing[*]}"
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "sopdoc: apt-get tidak ada; pasang paket ini dengan pengelola paket sistem Anda: ${missing[*]}" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "$want_libreoffice" = 1 ]; then
    echo "sopdoc: memasang LibreOffice 25.2 atau lebih baru"
    release=""
    if grep -q '^12' /etc/debian_version 2>/dev/null; then
      release="-t bookworm-backports"
      echo "deb http://deb.debian.org/debian bookworm-backports main" \
        | $sudo tee /etc/apt/sources.list.d/sopdoc-bookworm-backports.list >/dev/null
    fi
  fi
  $sudo apt-get update -qq
  if [ "${#missing[@]}" -gt 0 ]; then
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ "$want_libreoffice" = 1 ]; then
    # shellcheck disable=SC2086  # $release is empty or two words
    $sudo apt-get install -y -qq --no-install-recommends $release \
      libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.sopdoc-installed
if [ ! -e "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  touch "$stamp"
fi
