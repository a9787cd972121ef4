"""The layering is part of the design: ui -> services -> platform -> domain; sandbox -> domain."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency: pip install -e '.[test]'"
    done = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" in done.stdout and "0 broken" in done.stdout


def test_start_up_imports_stay_light():
    """`--version` and the workstation's entry must not pull in heavy modules before they are needed."""
    code = ("import sys, app.cli; heavy = [m for m in ('pyqtgraph', 'pydicom', 'dicomweb_client', 'PySide6', "
            "'app.sandbox.demo_data') if m in sys.modules]; print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_main_window_does_not_load_the_image_stack_until_images_are_opened():
    """pyqtgraph, pydicom, numpy and dicomweb-client cost seconds: only the viewer loads them
    (and pypdfium2 only a report's printed document)."""
    code = ("import sys, app.ui.application, app.ui.main_window; heavy = [m for m in ('pyqtgraph', 'pydicom', "
            "'numpy', 'dicomweb_client', 'PIL', 'pypdfium2') if m in sys.modules]; print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == ""


def _module_imports(root: Path, package: str) -> dict[str, set[str]]:
    """Every module of `package` -> the modules of `package` it imports, anywhere in its body.

    Function-level and TYPE_CHECKING imports count too: a cycle that is only lazy today is
    one careless move away from a circular import at start. `from a import b` names the
    module `a.b` when there is one, else the module `a`.
    """
    import ast

    modules: dict[str, Path] = {}
    for path in sorted((root / package.replace(".", "/")).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            for target in targets:
                resolved = known(target)
                if resolved and resolved != name:
                    edges.add(resolved)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as one cycle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)

    def path_back(start: str, members: set[str]) -> list[str]:
        """A shortest cycle from `start` through the component, for the failure message."""
        previous: dict[str, str] = {}
        frontier = [start]
        while frontier:
            nxt = []
            for v in frontier:
                for w in sorted(graph[v] & members):
                    if w == start:
                        cycle = [v]
                        while cycle[-1] != start:
                            cycle.append(previous[cycle[-1]])
                        return [start, *reversed(cycle[:-1]), start] if len(cycle) > 1 else [start, v, start]
                    if w not in previous:
                        previous[w] = v
                        nxt.append(w)
            frontier = nxt
        return sorted(members)

    return [path_back(min(c), set(c)) for c in components]


def test_the_import_graph_finder_sees_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_app_imports_itself_back():
    """No module imports another that (directly or through a chain) imports it back, lazy imports included."""
    cycles = _cycles(_module_imports(ROOT, "app"))
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)
