"""The SOP as frozen dataclasses: what the reader produces and every later stage consumes."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath
from typing import Final

#: Upper bound on actor columns (lanes) of one procedure table.
MAX_ACTORS: Final = 15
#: Upper bound on the steps of one SOP: real SOPs have tens; more is a table gone wrong, and
#: drawing it would take minutes and hundreds of pages.
MAX_STEPS: Final = 500


def column_letter(column: int) -> str:
    """Return the spreadsheet letters of a 1-based column number (1 -> ``A``, 28 -> ``AB``)."""
    if column < 1:
        raise ValueError(f"column must be >= 1, got {column}")
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, order=True)
class CellRef:
    """Where a value came from: a sheet and a 1-based row and column."""

    sheet: str
    row: int
    column: int

    @property
    def coordinate(self) -> str:
        """The cell's A1 name without the sheet, e.g. ``C40``."""
        return f"{column_letter(self.column)}{self.row}"

    def __str__(self) -> str:
        return f"{self.sheet}!{self.coordinate}"


class FrozenCells(Mapping[str, CellRef]):
    """A read-only field-name -> cell mapping that, unlike MappingProxyType, pickles
    (SOPs travel to worker processes when documents are built in parallel)."""

    __slots__ = ("_cells",)

    def __init__(self, cells: Mapping[str, CellRef] | None = None) -> None:
        self._cells = dict(cells or {})

    def __getitem__(self, key: str) -> CellRef:
        return self._cells[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cells)

    def __len__(self) -> int:
        return len(self._cells)

    def __repr__(self) -> str:
        return f"FrozenCells({self._cells!r})"

    def __reduce__(self) -> tuple[type[FrozenCells], tuple[dict[str, CellRef]]]:
        return (FrozenCells, (self._cells,))


#: Field name -> the cell the field's value was read from. Absent: the value was defaulted.
Cells = Mapping[str, CellRef]


def _no_cells() -> Cells:
    return FrozenCells()


class Paper(enum.Enum):
    """Paper sizes, portrait width x height in millimetres; pages are printed landscape."""

    F4 = ("F4", 215.0, 330.0)
    A4 = ("A4", 210.0, 297.0)
    LETTER = ("LETTER", 215.9, 279.4)

    def __init__(self, label: str, width_mm: float, height_mm: float) -> None:
        self.label = label
        self.width_mm = width_mm
        self.height_mm = height_mm

    @property
    def landscape_mm(self) -> tuple[float, float]:
        """(width, height) in millimetres of the landscape page."""
        return (self.height_mm, self.width_mm)

    @classmethod
    def from_name(cls, name: str) -> Paper:
        """Look up a paper by name, ignoring case and spaces; raises ValueError naming choices."""
        key = "".join(name.split()).upper()
        for paper in cls:
            if paper.label == key:
                return paper
        choices = ", ".join(p.label for p in cls)
        raise ValueError(f"unknown paper {name!r}; choose one of {choices}")


class Severity(enum.Enum):
    """How bad a problem is: an error stops its SOP from being drawn, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a workbook, in Bahasa Indonesia, with the cell it concerns."""

    severity: Severity
    message: str
    cell: CellRef | None = None
    sheet: str | None = None
    #: The NOMOR SOP label cell of the SOP this problem belongs to, if any.
    sop: CellRef | None = None

    @property
    def where(self) -> str:
        """``Sheet!C40``, the sheet alone, or an empty string."""
        if self.cell is not None:
            return str(self.cell)
        return self.sheet or ""

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class Signatory:
    """Who signs (mengesahkan) an SOP."""

    jabatan: str
    nama: str
    nip: str = ""
    pangkat: str = ""
    cells: Cells = field(default_factory=_no_cells, compare=False, repr=False)

    @property
    def lines(self) -> tuple[str, ...]:
        """The non-empty lines as printed: jabatan, nama, pangkat, NIP."""
        return tuple(x for x in (self.jabatan, self.nama, self.pangkat, self.nip) if x)


@dataclass(frozen=True)
class Agency:
    """Settings of the ``Instansi`` sheet, shared by every SOP of a workbook."""

    pemerintah: str = ""
    unit: str = ""
    alamat: str = ""
    #: The logo file as written in the workbook, resolved against the workbook's folder.
    logo: PurePath | None = None
    #: The logo's (width, height) in pixels, read by the workbook reader with the file: the
    #: layout sizes the logo from it without opening the file.
    logo_pixels: tuple[int, int] | None = None
    paper: Paper = Paper.F4
    font: str = "Arial"
    signatory: Signatory | None = None
    cells: Cells = field(default_factory=_no_cells, compare=False, repr=False)
    #: The kop lines of the ``Instansi`` sheet (KOP BARIS 1..4); empty: PEMERINTAH, UNIT KERJA.
    kop_lines: tuple[str, ...] = ()
    #: FORMAT TANGGAL: True ``03 Januari 2017``, False ``3 Januari 2017``, None as written.
    two_digit_day: bool | None = None
    #: JUDUL HALAMAN: each procedure page names its SOP above the table.
    running_title: bool = True

    @property
    def kop(self) -> tuple[str, ...]:
        """The kop printed for an SOP that has none of its own: 1 to 4 lines."""
        return self.kop_lines or tuple(x for x in (self.pemerintah, self.unit) if x)


@dataclass(frozen=True)
class Identity:
    """The identity rows of one SOP."""

    nomor: str
    nama: str
    tanggal_pembuatan: date | None
    tanggal_revisi: date | None
    tanggal_efektif: date | None
    disahkan: Signatory | None
    cells: Cells = field(default_factory=_no_cells, compare=False, repr=False)
    #: The revision number (``rev 01`` with the date, or a REVISI KE row); None: not given.
    revisi: int | None = None
    #: Print days with two digits (``03 Januari 2017``), as the workbook writes its dates.
    two_digit_day: bool = False


@dataclass(frozen=True)
class Section:
    """One of the six text sections, as list items with the markers the user wrote."""

    items: tuple[str, ...] = ()
    cell: CellRef | None = None

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Sections:
    """The three section pairs of the identity page."""

    dasar_hukum: Section = Section()
    kualifikasi: Section = Section()
    keterkaitan: Section = Section()
    peralatan: Section = Section()
    peringatan: Section = Section()
    pencatatan: Section = Section()


@dataclass(frozen=True)
class Actor:
    """One actor (pelaksana) column of the procedure table, i.e. one swimlane."""

    name: str
    cell: CellRef | None = None


class StepKind(enum.Enum):
    """What the user marked in the actor cells."""

    ACTIVITY = "activity"
    DECISION = "decision"


class Symbol(enum.Enum):
    """The five flowchart symbols of the regulation (the connector is drawn by the layout)."""

    START = "start"
    END = "end"
    PROCESS = "process"
    DECISION = "decision"
    CONNECTOR = "connector"


class Branch(enum.Enum):
    """Which way an arrow leaves its step: a decision's yes or no, or an activity's next."""

    NEXT = "next"
    YES = "yes"
    NO = "no"


#: A flow target: a step number, or None for "selesai" (the flow ends there).
Target = int | None


@dataclass(frozen=True)
class End:
    """How a branch that ends the flow ends, as the workbook says: the words in its end
    capsule (empty: the document's own "Selesai") and the lane it stands in (None: the
    layout chooses, next to the step)."""

    branch: Branch
    label: str = ""
    lane: int | None = None


@dataclass(frozen=True)
class Step:
    """One row of the procedure table, with its flow targets resolved."""

    number: int
    kegiatan: tuple[str, ...]
    #: Indices into ``Sop.actors`` of the lanes this step's symbol spans, ascending.
    actors: tuple[int, ...]
    kind: StepKind
    kelengkapan: tuple[str, ...] = ()
    waktu: str = ""
    output: tuple[str, ...] = ()
    keterangan: str = ""
    #: Where an activity goes next (ignored for decisions); None ends the flow.
    next: Target = None
    #: Where a decision goes on yes and on no; None ends the flow.
    yes: Target = None
    no: Target = None
    #: The ends written with a label or a lane (``selesai di Pemohon: Permohonan ditolak``).
    endings: tuple[End, ...] = ()
    row: int = 0
    cells: Cells = field(default_factory=_no_cells, compare=False, repr=False)

    @property
    def is_decision(self) -> bool:
        return self.kind is StepKind.DECISION

    @property
    def targets(self) -> tuple[tuple[Target, Branch], ...]:
        """The outgoing flow as (target, branch) pairs: yes then no, or next."""
        if self.is_decision:
            return ((self.yes, Branch.YES), (self.no, Branch.NO))
        return ((self.next, Branch.NEXT),)

    @property
    def ends(self) -> bool:
        """True when at least one outgoing flow of this step is "selesai"."""
        return any(target is None for target, _ in self.targets)

    def end_of(self, branch: Branch) -> End:
        """How the ``branch`` ends (its label and lane, when the workbook gives them)."""
        return next((e for e in self.endings if e.branch is branch), End(branch))

    def ending(self) -> End | None:
        """How this step's first branch that ends the flow ends; None when none does."""
        return next((self.end_of(b) for target, b in self.targets if target is None), None)


@dataclass(frozen=True)
class Edge:
    """One arrow of the flowchart, from step to step; ``target`` None means the end."""

    source: int
    target: Target
    branch: Branch = Branch.NEXT


@dataclass(frozen=True)
class Sop:
    """One SOP: header, identity, sections, actors and steps, with the cell of every value."""

    sheet: str
    #: The NOMOR SOP label cell: identifies the block within its workbook.
    key: CellRef
    #: Header lines above the table, e.g. PEMERINTAH KABUPATEN LUMAJANG / KECAMATAN RANUYOSO.
    header: tuple[str, ...]
    identity: Identity
    sections: Sections
    actors: tuple[Actor, ...]
    steps: tuple[Step, ...]
    agency: Agency = Agency()
    #: True when the procedure table has a KETERANGAN column.
    has_keterangan: bool = False

    @property
    def unit(self) -> str:
        """The unit this SOP belongs to, as its kop prints it: the kop's last line, else the
        Instansi sheet's UNIT KERJA (the author of its files)."""
        return self.header[-1] if self.header else self.agency.unit

    @property
    def issuer(self) -> tuple[str, ...]:
        """Who issues this SOP, as its kop names it below the government's line: ``DINAS
        KESEHATAN``; ``KANTOR KEMENTERIAN AGAMA KAB. X`` / ``SEKSI PENDIDIKAN AGAMA ISLAM``
        (the agency, then its unit). A one-line kop is the issuer itself."""
        kop = self.header or self.agency.kop
        return tuple(kop[1:] if len(kop) > 1 else kop)

    def step(self, number: int) -> Step:
        """The step numbered ``number``; raises KeyError naming the valid range."""
        for step in self.steps:
            if step.number == number:
                return step
        raise KeyError(f"no step {number}; steps run 1..{len(self.steps)}")

    def edges(self) -> tuple[Edge, ...]:
        """Every arrow of the flow, in step order, a decision's yes before its no."""
        return self._edges

    @functools.cached_property
    def _edges(self) -> tuple[Edge, ...]:
        # Asked for by every trial pagination of the slides: worked out once per SOP.
        return tuple(
            Edge(step.number, target, branch)
            for step in self.steps
            for target, branch in step.targets
        )

    def symbol(self, step: Step) -> Symbol:
        """The regulation's symbol for a step: start, end, decision or process."""
        if step.is_decision:
            return Symbol.DECISION
        if step.number == self.steps[0].number:
            return Symbol.START
        if step.next is None:
            return Symbol.END
        return Symbol.PROCESS


@dataclass(frozen=True)
class Workbook:
    """Everything read from one workbook: its settings, its SOPs and its problems."""

    path: PurePath
    agency: Agency
    sops: tuple[Sop, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def strict(self) -> Workbook:
        """The same workbook with every warning counted as an error (``--strict``)."""
        return replace(
            self,
            problems=tuple(replace(p, severity=Severity.ERROR) for p in self.problems),
        )

    def problems_of(self, sop: Sop) -> tuple[Problem, ...]:
        """The problems that belong to one SOP."""
        return tuple(p for p in self.problems if p.sop == sop.key)

    def first_error(self, sop: Sop) -> Problem | None:
        """Why an SOP cannot be drawn: its own first error, else the workbook's first one."""
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        own = (p for p in errors if p.sop == sop.key)
        general = (p for p in errors if p.sop is None)
        return next(own, None) or next(general, None)

    def is_drawable(self, sop: Sop) -> bool:
        """True when no error belongs to this SOP, nor to the workbook as a whole."""
        return self.first_error(sop) is None

    def drawable(self) -> tuple[Sop, ...]:
        """The SOPs that can be drawn: the others have errors."""
        return tuple(s for s in self.sops if self.is_drawable(s))


def frozen_cells(cells: Mapping[str, CellRef]) -> Cells:
    """A read-only copy of a field-name -> cell mapping, for the ``cells`` fields."""
    return FrozenCells(cells)
