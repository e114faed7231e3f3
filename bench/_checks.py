"""Printing named pass/fail checks by section, ending with a key=value line (the eval scripts)."""

from __future__ import annotations

Check = tuple[str, bool, str]  # (what is checked, passed, what was found)


def report(sections: dict[str, list[Check]], extra: list[str] = ()) -> None:
    figures = []
    for section, checks in sections.items():
        print(f"== {section}")
        for name, ok, found in checks:
            print(f"  {'PASS' if ok else 'FAIL'}  {name}  [{found}]")
        passed = sum(ok for _, ok, _ in checks)
        print(f"  {passed}/{len(checks)} passed")
        figures.append(f"{section}_passed={passed} {section}_checks={len(checks)}")
    print(" ".join(figures + list(extra)))
