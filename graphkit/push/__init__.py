"""Push a graph to any SPARQL 1.1 store, incrementally (`graphkit push`, `build --push`).

    from graphkit.push import push_graph
    report = push_graph("out", "http://127.0.0.1:7878", graph_iri="https://example.org/news")
"""
from .client import PushError
from .pusher import DEFAULT_BATCH_SIZE, ONTOLOGY_GRAPH, PushReport, push_graph

__all__ = ["push_graph", "PushReport", "PushError", "DEFAULT_BATCH_SIZE", "ONTOLOGY_GRAPH"]
