"""The public API says what it takes and gives, and each package says what belongs in it.

As sqlite-utils' ``db.py`` documents every parameter, each public function and method of the
covered modules carries a docstring with Google-style sections: ``Args:`` naming every argument
besides ``self``/``cls``, and ``Returns:`` (or ``Yields:``) when it gives something back. The
files are listed one by one: a module being rewritten elsewhere joins the list once it lands.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

import pytest

from tests.conftest import ROOT

COVERED = [
    "store/store.py",
    "store/articles.py",
    "store/channels.py",
    "store/claims.py",
    "store/corrections.py",
    "store/digests.py",
    "store/entities.py",
    "store/export.py",
    "store/key_history.py",
    "store/rebuild.py",
    "store/rebuilding.py",
    "store/watches.py",
    "store/db.py",
    "store/errors.py",
    "store/migrations.py",
    "store/records.py",
    "store/profiles.py",
    "store/settle.py",
    "store/verdicts.py",
    "handlers/alerts.py",
    "handlers/analyze.py",
    "handlers/candidates.py",
    "handlers/channel_settings.py",
    "handlers/coalesce.py",
    "handlers/commands.py",
    "handlers/compare.py",
    "handlers/compare_reply.py",
    "handlers/comparison.py",
    "handlers/context.py",
    "handlers/entity.py",
    "handlers/export.py",
    "handlers/ingest.py",
    "handlers/names_query.py",
    "handlers/outlet_names.py",
    "handlers/posted.py",
    "handlers/profile.py",
    "handlers/rebuild.py",
    "handlers/reply.py",
    "handlers/resolution.py",
    "handlers/schedules.py",
    "handlers/statements.py",
    "handlers/values.py",
    "handlers/watch.py",
    "handlers/wording.py",
    "handlers/budget.py",
    "handlers/co_naming.py",
    "handlers/descriptors.py",
    "handlers/digest.py",
    "handlers/digest_commands.py",
    "handlers/digest_grid.py",
    "handlers/disputes.py",
    "handlers/errors.py",
    "handlers/sources.py",
    "handlers/story.py",
    "handlers/who.py",
]

PACKAGES = ["domain", "nlp", "ingest", "store", "judge", "handlers", "bot", "bot/slack", "bot/discord"]

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
FunctionDef = (ast.FunctionDef, ast.AsyncFunctionDef)


def public_functions(tree: ast.Module) -> Iterator[tuple[str, FunctionNode]]:
    """Yield the module's public functions and the public methods of its public classes.

    Args:
        tree: the parsed module.

    Yields:
        ``(qualified name, node)`` for each function whose name (and class name) has no leading "_".
    """
    for node in tree.body:
        if isinstance(node, FunctionDef) and not node.name.startswith("_"):
            yield node.name, node
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for member in node.body:
                if isinstance(member, FunctionDef) and not member.name.startswith("_"):
                    yield f"{node.name}.{member.name}", member


def decorator_names(node: FunctionNode) -> set[str]:
    """The bare names of a function's decorators (``property``, ``setter``, ``overload``...)."""
    names = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute):
            names.add(target.attr)
        elif isinstance(target, ast.Name):
            names.add(target.id)
    return names


def arguments(node: FunctionNode) -> list[str]:
    """The names an ``Args:`` section must list: every parameter but ``self`` and ``cls``."""
    args = node.args
    names = [a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]]
    if args.vararg:
        names.append(args.vararg.arg)
    if args.kwarg:
        names.append(args.kwarg.arg)
    return [name for name in names if name not in ("self", "cls")]


def own_nodes(node: FunctionNode) -> Iterator[ast.AST]:
    """Walk a function's body without descending into the functions and classes nested in it."""
    stack: list[ast.AST] = list(node.body)
    while stack:
        child = stack.pop()
        yield child
        if not isinstance(child, (*FunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(child))


def gives_something(node: FunctionNode) -> bool:
    """Whether a function returns or yields a value: by its annotation, or by a ``return x``."""
    returns = node.returns
    if returns is not None:
        none = isinstance(returns, ast.Constant) and returns.value is None
        if not none and not (isinstance(returns, ast.Name) and returns.id == "NoReturn"):
            return True
    for child in own_nodes(node):
        if isinstance(child, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(child, ast.Return) and child.value is not None:
            if not (isinstance(child.value, ast.Constant) and child.value.value is None):
                return True
    return False


def section(docstring: str, title: str) -> str | None:
    """The indented body of one Google-style section (``Args:``...), or None when it is absent."""
    match = re.search(rf"^{title}:\n((?:[ \t]+\S.*\n?|[ \t]*\n)+)", docstring, re.MULTILINE)
    return match.group(1) if match else None


def faults(tree: ast.Module, path: str) -> Iterator[str]:
    """Yield one line per public function of a module whose docstring falls short of the rules."""
    for name, node in public_functions(tree):
        where = f"{path}: {name}"
        docstring = ast.get_docstring(node)
        if not docstring:
            yield f"{where} has no docstring"
            continue
        decorators = decorator_names(node)
        if "overload" in decorators:
            continue
        names = arguments(node)
        if names:
            listed = section(docstring, "Args")
            if listed is None:
                yield f"{where} has arguments but no Args: section"
            else:
                for argument in names:
                    if not re.search(rf"^[ \t]+\*{{0,2}}{argument}(?: \([^)]*\))?:", listed, re.MULTILINE):
                        yield f"{where} does not document the argument {argument!r}"
        # A property reads as an attribute (Google style): its docstring says what it is, no Returns.
        if "property" in decorators or "cached_property" in decorators:
            continue
        if gives_something(node) and section(docstring, "Returns") is None and section(docstring, "Yields") is None:
            yield f"{where} returns a value but has no Returns: section"


@pytest.mark.parametrize("path", COVERED)
def test_every_public_function_documents_its_arguments_and_result(path: str):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    assert list(faults(tree, path)) == []


def test_the_covered_files_exist():
    missing = [path for path in COVERED if not (ROOT / path).is_file()]
    assert missing == []


def test_the_rules_catch_a_function_that_does_not_say_what_it_takes():
    tree = ast.parse(
        "def undocumented(x): return x\n"
        'def no_args(x):\n    """Say.\n\n    Returns:\n        x.\n    """\n    return x\n'
        'def no_returns(x):\n    """Say.\n\n    Args:\n        x: a thing.\n    """\n    return x\n'
        'def fine(x, *rest):\n    """Say.\n\n    Args:\n        x: a thing.\n        *rest: more.\n\n'
        '    Returns:\n        x.\n    """\n    return x\n'
        "class _Hidden:\n    def shown(self, y): return y\n"
        'def partly(x, y):\n    """Say.\n\n    Args:\n        x: a thing.\n        y.x: not y.\n    """\n'
        'def rows(n):\n    """Say.\n\n    Args:\n        n (int): how many.\n\n    Yields:\n        rows.\n    """\n'
        "    yield n\n"
        'class Shown:\n    @property\n    def size(self) -> int:\n        """How big."""\n        return 1\n'
        "    def bare(self) -> int:\n        return 1\n"
    )
    assert list(faults(tree, "sample.py")) == [
        "sample.py: undocumented has no docstring",
        "sample.py: no_args has arguments but no Args: section",
        "sample.py: no_returns returns a value but has no Returns: section",
        "sample.py: partly does not document the argument 'y'",
        "sample.py: Shown.bare has no docstring",
    ]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_says_what_belongs_in_it(package: str):
    tree = ast.parse((ROOT / package / "__init__.py").read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring, f"{package}/__init__.py opens with no docstring"
    # What must not be in the package is half of the answer: each says what it leaves out.
    assert re.search(r"\b(never|no|not|nothing)\b", docstring, re.IGNORECASE), package


def test_every_package_is_listed():
    packages = {str(p.parent.relative_to(ROOT)) for p in ROOT.glob("*/__init__.py")}
    packages |= {str(p.parent.relative_to(ROOT)) for p in ROOT.glob("bot/*/__init__.py")}
    packages -= {"tests", "bench", "examples"}
    assert packages == set(PACKAGES)
