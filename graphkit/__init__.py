"""graphkit: build typed knowledge graphs (who did what to whom) from news articles.

    >>> import graphkit as gk
    >>> kg = gk.build(["examples/", "Germany condemned Russia."])   # doctest: +SKIP
    >>> kg.entities(); kg.relations(); kg.query("SELECT ...")      # doctest: +SKIP
    >>> kg.write("out"); kg2 = gk.load("out")                      # doctest: +SKIP

`build`, `load`, `KnowledgeGraph` and `Article` are imported on first use, so
`import graphkit` stays fast (the command line needs only the version).
"""
import sys
import types

__version__ = "0.1.0"

__all__ = ["__version__", "build", "load", "KnowledgeGraph", "Article", "ReadProblem",
           "Limits", "EntityNotFoundError", "GraphkitError", "SkippedInputWarning"]

_LAZY = {
    "load": "graphkit.api", "SkippedInputWarning": "graphkit.api",
    "KnowledgeGraph": "graphkit.graph", "EntityNotFoundError": "graphkit.graph",
    "Article": "graphkit.types", "ReadProblem": "graphkit.io.problems",
    "Limits": "graphkit.io.limits", "GraphkitError": "graphkit.errors",
}


class _Package(types.ModuleType):
    """graphkit's module type: `graphkit.build` is always the build() function.

    The submodule graphkit/build.py has the same name, and importing it would otherwise
    replace the function on this package (the import system sets the attribute). Import
    that module by its full name instead: `from graphkit.build import build_graph`.
    """

    @property
    def build(self):
        from .api import build
        return build

    @build.setter
    def build(self, module) -> None:
        pass  # the import system announcing graphkit/build.py: the function stays


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
