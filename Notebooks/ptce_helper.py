"""Finds and runs the built `ptce` binary for the notebooks.

The binary is, in order: $PTCE_BIN, the release build, the debug build, `ptce` on the PATH. Build it with
`make demo` (release) or `swift build` (debug) at the root of the repository.
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def binary() -> str:
    candidates = [os.environ.get("PTCE_BIN"), REPO / ".build" / "release" / "ptce", REPO / ".build" / "debug" / "ptce", shutil.which("ptce")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise FileNotFoundError("ptce is not built: run `make demo` (or `swift build`) at the root of the repository")


def run(*arguments: str) -> str:
    """Runs ptce from the repository root and returns its standard output; raises with ptce's message on failure."""
    result = subprocess.run([binary(), *map(str, arguments)], cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"ptce {' '.join(map(str, arguments))} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def run_json(*arguments: str):
    """Runs ptce with --format json and parses the output."""
    return json.loads(run(*arguments, "--format", "json"))


def path(relative: str) -> str:
    """A path in the repository (datasets are given relative to its root)."""
    return str(REPO / relative)
