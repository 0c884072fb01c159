"""The notebooks in ``notebooks/`` run top to bottom in a real Jupyter kernel.

Each notebook is executed with nbclient (kernel ``python3``, 300 s a cell) in
a temporary working directory, and must not raise. Cells can be checked by tag:

* ``graph-html``: its output embeds the graph page (an ``<iframe srcdoc=...>``);
* ``organisations``: its output lists organisations from the sample corpus;
* ``path``: its output shows how Satya Nadella connects to OpenAI, hop by hop.
* ``serve``: it queries ``kg serve``'s endpoint (SPARQLWrapper, rdflib's SPARQLStore) and shows answers.

``quickstart.ipynb`` must carry these tags, so the checks cannot pass vacuously.

The kernel is a separate process: it imports ``kg`` from the repository root,
which the test puts first on its ``PYTHONPATH`` (in CI ``kg`` is also
pip-installed, so either way it finds the package).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REQUIRED_TAGS = {"quickstart.ipynb": {"graph-html", "organisations", "path", "serve"}}


def _text(cell) -> str:  # type: ignore[no-untyped-def]
    """Everything a code cell showed: streams, results and displays (text and HTML)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") in {"execute_result", "display_data"}:
            data = output.get("data", {})
            parts += [data.get("text/plain", ""), data.get("text/html", "")]
        elif output.get("output_type") == "error":
            parts.append("\n".join(output.get("traceback", [])))
    return "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)


def _tags(cell) -> set[str]:  # type: ignore[no-untyped-def]
    return set(cell.get("metadata", {}).get("tags", []))


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no notebooks found in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The kernel inherits this process's environment: make it import this checkout's kg.
    paths = [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))

    nb = nbformat.read(path, as_version=4)
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for cell in code_cells:
        assert not cell.get("outputs"), f"{path.name}: stored outputs; clear them before committing"

    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},  # the kernel's working directory
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on the first error

    errors = [c for c in code_cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    assert not errors, f"{path.name}: cells errored:\n" + "\n\n".join(_text(c) for c in errors)

    tagged = set().union(*(_tags(c) for c in code_cells)) if code_cells else set()
    missing = REQUIRED_TAGS.get(path.name, set()) - tagged
    assert not missing, f"{path.name}: no cell tagged {sorted(missing)}"

    for cell in code_cells:
        shown = _text(cell)
        if "graph-html" in _tags(cell):
            assert "<iframe" in shown and "srcdoc" in shown, f"{path.name}: the graph is not embedded"
        if "organisations" in _tags(cell):
            assert "Microsoft" in shown and "NVIDIA" in shown, (
                f"{path.name}: no organisations listed:\n{shown}")
        if "serve" in _tags(cell):
            assert "Satya Nadella leads Microsoft" in shown or "kg/ontology#Organization" in shown, (
                f"{path.name}: no answer from the endpoint:\n{shown}")
        if "path" in _tags(cell):
            assert "Satya Nadella (Person) -> OpenAI" in shown and "--leads--> Microsoft" in shown, (
                f"{path.name}: no path shown:\n{shown}")
