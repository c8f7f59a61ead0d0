"""The examples in the public API's docstrings run and print what they show."""
from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module, at_least", [("graphkit.api", 8), ("graphkit.graph", 8)])
def test_docstring_examples(module, at_least):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted >= at_least  # the examples are really there (and not all skipped)
