"""The benchmark's workbook generator and its PlantUML rendering of a flow."""

from __future__ import annotations

import re
from pathlib import Path

from bench.generate import generate, workbook_data
from bench.plantuml import plantuml_text
from sopdoc.model import Sop
from sopdoc.workbook import read_workbook


def _read(tmp_path: Path, *, sops: int, seed: int = 2026) -> tuple[Sop, ...]:
    path = generate(tmp_path / f"wb-{sops}-{seed}.xlsx", sops=sops, seed=seed)
    workbook = read_workbook(path)
    assert workbook.problems == ()
    return workbook.sops


def test_generated_sops_are_clean_and_as_varied_as_promised(tmp_path: Path) -> None:
    sops = _read(tmp_path, sops=40)
    assert len(sops) == 40
    assert all(8 <= len(s.steps) <= 20 for s in sops)
    assert all(3 <= len(s.actors) <= 7 for s in sops)
    decisions = [[st for st in s.steps if st.is_decision] for s in sops]
    assert all(len(d) <= 3 for d in decisions)
    assert {len(d) for d in decisions} == {0, 1, 2, 3}
    jumps = [(st.number, st.no) for d in decisions for st in d if st.no is not None]
    assert any(target < source for source, target in jumps)  # backward
    assert any(target > source + 1 for source, target in jumps)  # forward, skipping
    assert any(len(st.actors) == 2 for s in sops for st in s.steps)
    lengths = [len(" ".join(st.kegiatan)) for s in sops for st in s.steps]
    assert min(lengths) < 40 < 120 < max(lengths)
    assert all(len(s.sections.dasar_hukum) >= 2 for s in sops)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not() -> None:
    first = workbook_data(sops=3, seed=5)
    assert workbook_data(sops=3, seed=5) == first
    assert workbook_data(sops=3, seed=6) != first


def test_plantuml_has_a_lane_per_actor_a_branch_per_decision_and_lettered_jumps(
    tmp_path: Path,
) -> None:
    for sop in _read(tmp_path, sops=12):
        text = plantuml_text(sop)
        assert text.startswith("@startuml\n")
        assert text.endswith("@enduml\n")
        for actor in sop.actors:
            assert f"|{actor.name}|" in text
        decisions = sum(1 for s in sop.steps if s.is_decision)
        assert text.count("\nif (") == decisions == text.count("\nendif")
        assert text.count("\nstart\n") == 1
        connectors = re.findall(r"^\(([A-Z])\)$", text, flags=re.MULTILINE)
        jumped = {t for s in sop.steps for t, _ in s.targets if t is not None and t != s.number + 1}
        # each jump target is one letter, written once where the flow arrives and once
        # per branch that goes there
        assert len(set(connectors)) == len(jumped)
        for line in text.splitlines():
            if line.startswith(":"):
                assert line.endswith(";")
                assert ";" not in line[1:-1]


def test_a_shape_gives_every_sop_those_steps_and_actors(tmp_path: Path) -> None:
    path = generate(tmp_path / "shaped.xlsx", sops=3, shape=(30, 8))
    workbook = read_workbook(path)
    assert workbook.problems == ()
    assert [(len(s.steps), len(s.actors)) for s in workbook.sops] == [(30, 8)] * 3
