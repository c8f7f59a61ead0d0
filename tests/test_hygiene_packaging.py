"""The ontology travels with the package: found through the package, not the checkout."""
from __future__ import annotations

import fnmatch
import importlib.resources
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from graphkit import ontology

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_FILES = ("graphkit.ttl", "shapes.ttl")


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_the_ontology_is_package_data(name):
    resource = importlib.resources.files("graphkit").joinpath("ontologies", name)
    assert resource.is_file()
    assert Path(str(resource)) == ontology.ONTOLOGY_DIR / name


def test_the_paths_the_code_reads_are_inside_the_package():
    package = Path(ontology.__file__).resolve().parent
    for path in (ontology.ONTOLOGY_PATH, ontology.SHAPES_PATH):
        assert path.parent == package / "ontologies" and path.is_file()


def test_the_top_level_folder_stays_the_one_source():
    """graphkit/ontologies is a link to ontologies/, never a copy that could drift."""
    top = ROOT / "ontologies"
    assert (ROOT / "graphkit" / "ontologies").resolve() == top.resolve()
    assert sorted(p.name for p in top.glob("*.ttl")) == sorted(ONTOLOGY_FILES)


def test_pyproject_ships_every_ontology_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["graphkit"]
    for name in ONTOLOGY_FILES:
        assert any(fnmatch.fnmatch(f"ontologies/{name}", p) for p in patterns), name


@pytest.mark.slow
def test_a_build_copies_the_ontology_files_into_the_package(tmp_path):
    """What goes into a wheel: setuptools' build_py, offline, nothing written in the checkout."""
    lib = tmp_path / "lib"
    subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q",
                    "egg_info", "--egg-base", str(tmp_path), "build_py", "--build-lib", str(lib)],
                   cwd=ROOT, check=True, capture_output=True)
    for name in ONTOLOGY_FILES:
        built = lib / "graphkit" / "ontologies" / name
        assert not built.is_symlink()
        assert built.read_bytes() == (ROOT / "ontologies" / name).read_bytes()
    found = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "import graphkit.ontology as o; print(o.ONTOLOGY_PATH)", str(lib)],
        cwd=tmp_path, check=True, capture_output=True, text=True).stdout.strip()
    assert Path(found) == lib / "graphkit" / "ontologies" / "graphkit.ttl"
