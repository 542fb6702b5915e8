"""An SOP's flowchart as a PlantUML activity diagram with swimlanes, for the comparison."""

from __future__ import annotations

from collections.abc import Mapping

from sopdoc.model import Sop, Step, Target


def _label(lines: tuple[str, ...]) -> str:
    # ';' ends an action in PlantUML and parentheses end a condition: keep the text, not those.
    text = "\\n".join(lines)
    return text.replace(";", ",").replace("(", "[").replace(")", "]")


def _jump(target: Target, *, after: int, letters: Mapping[int, str]) -> list[str]:
    """What a branch does: nothing (the next step follows), a connector to a step, or stop."""
    if target is None:
        return ["stop"]
    if target == after + 1:
        return []
    return [f"({letters[target]})", "detach"]


def plantuml_text(sop: Sop, *, dpi: int = 300) -> str:
    """The PlantUML source of ``sop``'s flow: one lane per actor, connectors for jumps."""
    jumped_to = sorted(
        {
            target
            for step in sop.steps
            for target, _ in step.targets
            if target is not None and target != step.number + 1
        }
    )
    # PlantUML connectors hold one character: A, B, C... as on the paper's off-page connectors.
    letters = {target: chr(ord("A") + i) for i, target in enumerate(jumped_to)}
    lines = ["@startuml", f"skinparam dpi {dpi}", "skinparam defaultFontName Liberation Sans"]
    lines += [f"|{actor.name}|" for actor in sop.actors]
    last = sop.steps[-1].number
    for index, step in enumerate(sop.steps):
        lines.append(f"|{sop.actors[step.actors[0]].name}|")
        if index == 0:
            lines.append("start")
        if step.number in jumped_to:
            lines.append(f"({letters[step.number]})")
        lines += _step(step, last=last, letters=letters)
    lines.append("@enduml")
    return "\n".join(lines) + "\n"


def _step(step: Step, *, last: int, letters: Mapping[int, str]) -> list[str]:
    label = _label(step.kegiatan)
    if step.is_decision:
        return [
            f"if ({label}) then (Ya)",
            *_jump(step.yes, after=step.number, letters=letters),
            "else (Tidak)",
            *_jump(step.no, after=step.number, letters=letters),
            "endif",
            *(["stop"] if step.number == last else []),
        ]
    flow = ["stop"] if step.number == last else _jump(step.next, after=step.number, letters=letters)
    return [f":{label};", *flow]
