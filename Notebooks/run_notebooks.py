"""Executes every notebook of this folder headless, top to bottom, and fails on the first error.

Usage (what `make notebooks` does): .venv-notebooks/bin/python Notebooks/run_notebooks.py [OUT_DIR]
Executed copies (with outputs) go to OUT_DIR (default out/notebooks); the committed notebooks stay without outputs.
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "out" / "notebooks"
OUT.mkdir(parents=True, exist_ok=True)
failed = []
for notebook_path in sorted(HERE.glob("*.ipynb")):
    notebook = nbformat.read(notebook_path, as_version=4)
    start = time.time()
    try:
        NotebookClient(notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
        print(f"ok    {notebook_path.name} ({time.time() - start:.1f} s)")
    except Exception as error:  # the cell's traceback is in the error
        print(f"FAIL  {notebook_path.name}: {error}")
        failed.append(notebook_path.name)
    nbformat.write(notebook, OUT / notebook_path.name)
if failed:
    sys.exit(f"{len(failed)} notebook(s) failed: {', '.join(failed)}")
print(f"every notebook ran; executed copies in {OUT}")
