"""The package builds without a warning, and its extras say what the README says."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_dev_extra_installs_the_spacy_path_so_ci_runs_it() -> None:
    dev = " ".join(PROJECT["project"]["optional-dependencies"]["dev"])
    assert "ner" in dev.split("[", 1)[1].split("]", 1)[0].split(",")


def test_license_is_an_spdx_string() -> None:
    assert PROJECT["project"]["license"] == "MIT"


def test_building_the_package_prints_no_warning(tmp_path: Path) -> None:
    import setuptools

    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip("setuptools older than the build requires")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # This machine's pip configuration names package folders that may be missing; those
    # lines are about the machine, not the package.
    lines = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "is ignored: it is neither a file nor a directory" not in line
    ]
    noisy = [line for line in lines if "warning" in line.lower() or "deprecat" in line.lower()]
    assert not noisy, noisy
