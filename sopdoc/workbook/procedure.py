"""Reading the procedure table: header rows, actor lanes, step rows, marks and flow targets."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from sopdoc import messages as msg
from sopdoc.model import (
    MAX_ACTORS,
    MAX_STEPS,
    Actor,
    Branch,
    CellRef,
    End,
    Step,
    StepKind,
    Target,
    column_letter,
    frozen_cells,
)
from sopdoc.workbook import labels
from sopdoc.workbook.grid import Grid
from sopdoc.workbook.problems import Problems
from sopdoc.workbook.text import cell_text, plain_text, remove_control_chars, split_items

_STEP_NUMBER: Final = re.compile(r"^(\d+)\s*\.?$")
#: A flow cell that says the flow ends here.
#: The role of a flow column -> the branch its target is.
_BRANCH_OF: Final = {"lanjut": Branch.NEXT, "ya": Branch.YES, "tidak": Branch.NO}


@dataclass(frozen=True)
class _EndMark:
    """A flow cell that ends the flow: ``selesai``, maybe ``di <pelaksana>`` and ``: label``."""

    label: str = ""
    #: The actor's name as written after ``di``; empty: the layout chooses the lane.
    lane: str = ""


# Header row 1 labels, by role.
_ROW1: Final[dict[str, tuple[str, ...]]] = {
    "no": labels.NO,
    "kegiatan": labels.KEGIATAN,
    "pelaksana": labels.PELAKSANA,
    "mutu": labels.MUTU_BAKU,
    "keterangan": labels.KETERANGAN,
    "lanjut": labels.LANJUT_KE,
    "ya": labels.YA,
    "tidak": labels.TIDAK,
}
_MUTU: Final[dict[str, tuple[str, ...]]] = {
    "kelengkapan": labels.KELENGKAPAN,
    "waktu": labels.WAKTU,
    "output": labels.OUTPUT,
}
_FLOW: Final = ("lanjut", "ya", "tidak")


@dataclass(frozen=True)
class Procedure:
    """What the procedure table holds."""

    actors: tuple[Actor, ...] = ()
    steps: tuple[Step, ...] = ()
    has_keterangan: bool = False


@dataclass
class _Columns:
    """Which column holds what, found from the two header rows."""

    header_row: int
    roles: dict[str, int] = field(default_factory=dict)
    actors: list[tuple[int, str]] = field(default_factory=list)
    #: Columns under PELAKSANA that have no actor name.
    unnamed: list[int] = field(default_factory=list)


@dataclass
class _RawStep:
    """A step row before its flow is resolved."""

    number: int
    row: int
    kegiatan: tuple[str, ...]
    lanes: tuple[int, ...]
    kind: StepKind
    values: dict[str, object]
    cells: dict[str, CellRef]
    flow: dict[str, int | _EndMark]  # role -> step number or end; absent: the default


def read_procedure(
    grid: Grid, *, first: int, last: int, problems: Problems, anchor: CellRef
) -> Procedure:
    """Read the procedure table found between rows ``first`` and ``last`` of ``grid``."""
    columns = _find_columns(grid, first=first, last=last, problems=problems, anchor=anchor)
    if columns is None:
        return Procedure()
    actors = tuple(
        Actor(name, grid.ref(columns.header_row + 1, col)) for col, name in columns.actors
    )
    raw = _read_steps(grid, columns, last=last, problems=problems)
    if not raw:
        problems.error(grid.ref(columns.header_row + 2, columns.roles["no"]), msg.NO_STEPS)
        return Procedure(actors=actors, has_keterangan="keterangan" in columns.roles)
    steps = _resolve_flow(raw, columns, grid=grid, problems=problems)
    return Procedure(actors=actors, steps=steps, has_keterangan="keterangan" in columns.roles)


# --- header rows -------------------------------------------------------------------------------


def _role(value: object, table: Mapping[str, tuple[str, ...]]) -> str | None:
    key = labels.normalize(value)
    return next((role for role, spellings in table.items() if key in spellings), None)


def _find_columns(
    grid: Grid, *, first: int, last: int, problems: Problems, anchor: CellRef
) -> _Columns | None:
    header_row = next(
        (
            row
            for row in range(first, last + 1)
            if {"no", "kegiatan"} <= {_role(v, _ROW1) for _, v in grid.row(row)}
        ),
        None,
    )
    if header_row is None:
        problems.error(anchor, msg.PROCEDURE_MISSING)
        return None
    columns = _Columns(header_row)
    for column, value in grid.row(header_row):
        role = _role(value, _ROW1)
        if role is not None and role not in columns.roles:
            columns.roles[role] = column
    second = header_row + 1
    for column, value in grid.row(second):
        role = _role(value, _ROW1)
        if role in _FLOW and role not in columns.roles:
            columns.roles[role] = column  # flow headers written on the second row
    if "pelaksana" not in columns.roles:
        problems.error(grid.ref(header_row, columns.roles["kegiatan"]), msg.PELAKSANA_MISSING)
        return None
    label_columns = sorted(columns.roles.values())
    pelaksana = columns.roles["pelaksana"]
    actor_end = next((c for c in label_columns if c > pelaksana), None)
    row2 = dict(grid.row(second))
    if actor_end is None:
        actor_end = max(row2, default=pelaksana) + 1
    for column in range(pelaksana, actor_end):
        name = " ".join(cell_text(row2.get(column)).split())
        if name:
            columns.actors.append((column, name))
        else:
            columns.unnamed.append(column)
    _check_actors(grid, columns, problems)
    _find_mutu(grid, columns, row2=row2, label_columns=label_columns, problems=problems)
    return columns


def _check_actors(grid: Grid, columns: _Columns, problems: Problems) -> None:
    second = columns.header_row + 1
    if not columns.actors:
        problems.error(grid.ref(second, columns.roles["pelaksana"]), msg.ACTORS_MISSING)
        return
    if len(columns.actors) > MAX_ACTORS:
        column, _ = columns.actors[MAX_ACTORS]
        problems.error(
            grid.ref(second, column),
            msg.ACTORS_TOO_MANY.format(count=len(columns.actors), limit=MAX_ACTORS),
        )
    seen: dict[str, int] = {}
    for column, name in columns.actors:
        key = name.casefold()
        if key in seen:
            problems.warning(grid.ref(second, column), msg.ACTOR_DUPLICATE.format(name=name))
        seen[key] = column


def _find_mutu(
    grid: Grid,
    columns: _Columns,
    *,
    row2: dict[int, object],
    label_columns: list[int],
    problems: Problems,
) -> None:
    mutu = columns.roles.get("mutu")
    if mutu is None:
        problems.warning(grid.ref(columns.header_row, columns.roles["pelaksana"]), msg.MUTU_MISSING)
        return
    end = next((c for c in label_columns if c > mutu), max(row2, default=mutu) + 1)
    for column in range(mutu, max(end, mutu + 1)):
        role = _role(row2.get(column), _MUTU)
        if role is not None and role not in columns.roles:
            columns.roles[role] = column
    missing = [spellings[0] for role, spellings in _MUTU.items() if role not in columns.roles]
    if missing:
        problems.warning(
            grid.ref(columns.header_row + 1, mutu),
            msg.MUTU_COLUMNS_MISSING.format(labels=", ".join(missing)),
        )


# --- step rows ---------------------------------------------------------------------------------


def _read_steps(grid: Grid, columns: _Columns, *, last: int, problems: Problems) -> list[_RawStep]:
    no_col, keg_col = columns.roles["no"], columns.roles["kegiatan"]
    steps: list[_RawStep] = []
    row = columns.header_row + 2
    while row <= last and not (grid.get(row, no_col) is None and grid.get(row, keg_col) is None):
        if len(steps) == MAX_STEPS:
            count = row - columns.header_row - 2
            while row <= last and not grid.is_empty_row(row):
                row += 1
                count += 1
            problems.error(
                grid.ref(columns.header_row + 2 + MAX_STEPS, no_col),
                msg.STEPS_TOO_MANY.format(count=count, limit=MAX_STEPS),
            )
            return steps
        steps.append(_read_step(grid, columns, row=row, expected=len(steps) + 1, problems=problems))
        row += 1
    leftover = next((r for r in range(row, last + 1) if not grid.is_empty_row(r)), None)
    if leftover is not None:
        problems.warning(grid.ref(leftover, grid.row(leftover)[0][0]), msg.ROWS_AFTER_TABLE)
    return steps


def _text(grid: Grid, row: int, column: int | None, problems: Problems) -> str:
    if column is None:
        return ""
    text, changed = remove_control_chars(grid.text(row, column))
    if changed:
        problems.warning(grid.ref(row, column), msg.CONTROL_CHARS_REMOVED)
    return text


def _read_step(
    grid: Grid, columns: _Columns, *, row: int, expected: int, problems: Problems
) -> _RawStep:
    roles = columns.roles
    cells = {role: grid.ref(row, column) for role, column in roles.items()}
    number_ref = cells["no"]
    written = _step_number(grid.get(row, roles["no"]))
    if written is None:
        problems.error(
            number_ref,
            msg.STEP_NUMBER_INVALID.format(value=grid.text(row, roles["no"]), expected=expected),
        )
    elif written != expected:
        problems.error(number_ref, msg.STEP_NUMBER_ORDER.format(value=written, expected=expected))
    kegiatan = split_items(_text(grid, row, roles["kegiatan"], problems))
    if not kegiatan:
        problems.error(cells["kegiatan"], msg.KEGIATAN_EMPTY.format(number=expected))
    lanes, kind = _read_marks(grid, columns, row=row, number=expected, problems=problems)
    values: dict[str, object] = {
        "kelengkapan": split_items(_text(grid, row, roles.get("kelengkapan"), problems)),
        "waktu": plain_text(_text(grid, row, roles.get("waktu"), problems)),
        "output": split_items(_text(grid, row, roles.get("output"), problems)),
        "keterangan": plain_text(_text(grid, row, roles.get("keterangan"), problems)),
    }
    flow: dict[str, int | _EndMark] = {}
    for role in _FLOW:
        if role in roles and grid.get(row, roles[role]) is not None:
            target = _target(grid.get(row, roles[role]))
            if target is None:
                problems.error(
                    cells[role],
                    msg.TARGET_INVALID.format(
                        value=grid.text(row, roles[role]), label=_ROW1[role][0]
                    ),
                )
            else:
                flow[role] = target
    for lane, (column, _) in enumerate(columns.actors):
        if lane in lanes:
            cells[f"actor:{lane}"] = grid.ref(row, column)
    return _RawStep(expected, row, kegiatan, lanes, kind, values, cells, flow)


def _step_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    match = _STEP_NUMBER.match(cell_text(value))
    return int(match.group(1)) if match else None


def _target(value: object) -> int | _EndMark | None:
    """A flow cell as a step number or an end (``selesai``, ``selesai: Permohonan ditolak``,
    ``selesai di Pemohon: Permohonan ditolak``); None when it is neither."""
    number = _step_number(value)
    if number is not None:
        return number
    head, _, label = cell_text(value).partition(":")
    words = head.split()
    if not words or labels.normalize(words[0]) not in labels.SELESAI:
        return None
    if len(words) == 1:
        return _EndMark(label.strip())
    if labels.normalize(words[1]) not in labels.END_LANE or len(words) < 3:
        return None
    return _EndMark(label.strip(), " ".join(words[2:]))


def _read_marks(
    grid: Grid, columns: _Columns, *, row: int, number: int, problems: Problems
) -> tuple[tuple[int, ...], StepKind]:
    lanes: list[int] = []
    decision = False
    for lane, (column, _) in enumerate(columns.actors):
        mark = labels.normalize(grid.text(row, column))
        if not mark:
            continue
        if mark in labels.DECISION_MARKS:
            decision = True
        elif mark not in labels.ACTIVITY_MARKS:
            problems.error(
                grid.ref(row, column), msg.MARK_UNKNOWN.format(value=grid.text(row, column))
            )
            continue
        lanes.append(lane)
    for column in columns.unnamed:
        if grid.get(row, column) is not None:
            problems.error(grid.ref(row, column), msg.MARK_UNNAMED_COLUMN)
    if lanes and lanes[-1] - lanes[0] + 1 != len(lanes):
        marked = [columns.actors[lane][0] for lane in lanes]
        between = [
            name
            for lane, (_, name) in enumerate(columns.actors)
            if lanes[0] < lane < lanes[-1] and lane not in lanes
        ]
        problems.warning(
            grid.ref(row, marked[0]),
            msg.STEP_LANES_APART.format(
                number=number, columns=describe_columns(marked), between=", ".join(between)
            ),
        )
    if not lanes and columns.actors:
        actor_columns = [column for column, _ in columns.actors]
        problems.error(
            grid.ref(row, actor_columns[0]),
            msg.STEP_NO_ACTOR.format(
                number=number,
                row=row,
                columns=describe_columns(actor_columns),
                names=", ".join(name for _, name in columns.actors),
            ),
        )
    return tuple(lanes), StepKind.DECISION if decision else StepKind.ACTIVITY


def describe_columns(columns: list[int]) -> str:
    """``C–F`` for a run of three or more adjacent columns, ``C, E`` otherwise."""
    letters = [column_letter(c) for c in columns]
    contiguous = columns == list(range(columns[0], columns[0] + len(columns)))
    if contiguous and len(columns) > 2:
        return f"{letters[0]}–{letters[-1]}"
    return ", ".join(letters)


# --- flow --------------------------------------------------------------------------------------


def _resolve_flow(
    raw: list[_RawStep], columns: _Columns, *, grid: Grid, problems: Problems
) -> tuple[Step, ...]:
    count = len(raw)
    steps: list[Step] = []
    for step in raw:
        default: Target = step.number + 1 if step.number < count else None
        next_: Target = default
        yes: Target = None
        no: Target = None
        if step.kind is StepKind.DECISION:
            yes = _checked(step, "ya", default, count=count, problems=problems)
            if "tidak" in step.flow:
                no = _checked(step, "tidak", None, count=count, problems=problems)
            else:
                if "tidak" in columns.roles:  # the column is there, its cell is empty
                    cell = grid.ref(step.row, columns.roles["tidak"])
                    problems.error(cell, msg.DECISION_TIDAK_EMPTY.format(number=step.number))
                else:
                    cell = step.cells.get("tidak") or next(
                        (ref for key, ref in step.cells.items() if key.startswith("actor:")),
                        step.cells["no"],
                    )
                    problems.error(cell, msg.DECISION_NO_TIDAK.format(number=step.number))
            named = "tidak" in step.flow and (
                no is not None or isinstance(step.flow["tidak"], _EndMark)
            )
            if named and yes == no:
                target = "selesai" if yes is None else f"langkah {yes}"
                problems.warning(
                    step.cells["tidak"],
                    msg.DECISION_SAME_TARGETS.format(number=step.number, target=target),
                )
            if "lanjut" in step.flow:
                problems.warning(
                    step.cells["lanjut"], msg.LANJUT_ON_DECISION.format(number=step.number)
                )
            next_ = yes
        else:
            last_goes_on = not isinstance(step.flow.get("lanjut", _EndMark()), _EndMark)
            if step.number == count and last_goes_on:
                problems.warning(step.cells["lanjut"], msg.LAST_STEP_ENDS)
            elif "lanjut" in step.flow:
                next_ = _checked(step, "lanjut", default, count=count, problems=problems)
            for role in ("ya", "tidak"):
                if role in step.flow:
                    problems.warning(
                        step.cells[role],
                        msg.FLOW_ON_ACTIVITY.format(number=step.number, label=_ROW1[role][0]),
                    )
        steps.append(
            Step(
                number=step.number,
                kegiatan=step.kegiatan,
                actors=step.lanes,
                kind=step.kind,
                kelengkapan=_items(step.values["kelengkapan"]),
                waktu=str(step.values["waktu"]),
                output=_items(step.values["output"]),
                keterangan=str(step.values["keterangan"]),
                next=next_,
                yes=yes,
                no=no,
                endings=_endings(step, columns, problems=problems),
                row=step.row,
                cells=frozen_cells(step.cells),
            )
        )
    _check_reachable(steps, problems)
    return tuple(steps)


def _items(value: object) -> tuple[str, ...]:
    return tuple(str(x) for x in value) if isinstance(value, tuple) else ()


def _checked(
    step: _RawStep, role: str, default: Target, *, count: int, problems: Problems
) -> Target:
    if role not in step.flow:
        return default
    target = step.flow[role]
    if isinstance(target, _EndMark):
        return None
    if not 1 <= target <= count:
        problems.error(step.cells[role], msg.TARGET_MISSING.format(value=target, count=count))
        return default
    if target == step.number:
        problems.error(step.cells[role], msg.TARGET_SELF.format(number=step.number))
        return default
    return target


def _endings(step: _RawStep, columns: _Columns, *, problems: Problems) -> tuple[End, ...]:
    """The ends this row writes with a label or a lane, each lane named by its actor."""
    names = {labels.normalize(name): lane for lane, (_, name) in enumerate(columns.actors)}
    endings = []
    roles = ("ya", "tidak") if step.kind is StepKind.DECISION else ("lanjut",)
    for role in roles:
        branch = _BRANCH_OF[role]
        mark = step.flow.get(role)
        if not isinstance(mark, _EndMark) or not (mark.label or mark.lane):
            continue
        lane = names.get(labels.normalize(mark.lane)) if mark.lane else None
        if mark.lane and lane is None:
            choices = ", ".join(name for _, name in columns.actors)
            problems.error(
                step.cells[role], msg.END_LANE_UNKNOWN.format(name=mark.lane, choices=choices)
            )
        endings.append(End(branch, mark.label, lane))
    return tuple(endings)


def _check_reachable(steps: list[Step], problems: Problems) -> None:
    by_number = {step.number: step for step in steps}
    seen = {steps[0].number}
    queue = deque([steps[0].number])
    while queue:
        for target, _ in by_number[queue.popleft()].targets:
            if target is not None and target in by_number and target not in seen:
                seen.add(target)
                queue.append(target)
    for step in steps:
        if step.number not in seen:
            problems.error(step.cells["no"], msg.STEP_UNREACHABLE.format(number=step.number))
