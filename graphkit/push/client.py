"""HTTP to a SPARQL 1.1 store: SELECT queries, updates and Graph Store Protocol writes.

`Endpoints.from_url` derives the three URLs from one (`http://host:7878` gives Oxigraph's
/query, /update and /store; overrides for other layouts). `StoreClient` sends each request
and turns every failure into a one-line PushError naming the status, the endpoint (without
userinfo or query string) and what to check. Credentials go only into the Authorization
header, never into a message.

Writes use the Graph Store Protocol (POST N-Triples to ?graph=IRI or ?default) and fall back
to SPARQL Update (INSERT DATA) for good when the store answers that it has no such service.
"""
from __future__ import annotations

import base64
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import pyoxigraph as ox
import requests

from ..errors import GraphkitError
from . import sparql

DEFAULT_TIMEOUT_S = 60.0
_LEAVES = ("query", "sparql", "update", "store")
_NO_SERVICE = {404, 405, 415, 501}   # a GSP answer that means "no Graph Store here"
_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"


class PushError(GraphkitError):
    """The store could not be reached or refused a request (one line, no credentials)."""


def public_url(url: str) -> str:
    """scheme://host:port/path: no userinfo, query or fragment (safe to print)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<invalid URL>"
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{port}" if port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def split_userinfo(url: str) -> tuple[str, tuple[str, str] | None]:
    """(the URL without user:password@, (user, password) or None)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = urlunsplit((parts.scheme, hostport, parts.path, parts.query, parts.fragment))
    return clean, (unquote(user), unquote(password))


def check_http_url(url: str, option: str = "the URL") -> str:
    """`url` when it is an http(s) URL with a host; PushError (naming `option`) otherwise."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise PushError(f"{option}: not a valid URL ({public_url(url)})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"{option} must be an http(s) URL such as http://127.0.0.1:7878, "
                        f"got {public_url(url)!r}")
    return url


@dataclass(frozen=True)
class Endpoints:
    """Where queries, updates and Graph Store Protocol requests go (gsp None: updates only)."""
    query: str
    update: str
    gsp: str | None

    @classmethod
    def from_url(cls, url: str, *, query_url: str | None = None, update_url: str | None = None,
                 gsp_url: str | None = None, use_gsp: bool = True
                 ) -> tuple["Endpoints", tuple[str, str] | None]:
        """The endpoints for a store URL, and the credentials its userinfo held (if any).

        `url` is the store's base (http://host:7878, Oxigraph) or one of its services
        (.../query, .../sparql, .../update, .../store): query, update and store are then its
        siblings. The overrides are for stores laid out otherwise.
        """
        url, auth = split_userinfo(check_http_url((url or "").strip(), "--endpoint"))
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        head, _, leaf = path.rpartition("/")
        base_path = head if leaf in _LEAVES else path
        base = urlunsplit((parts.scheme, parts.netloc, base_path, "", ""))
        query = url if leaf in ("query", "sparql") else base + "/query"
        given = {"--query-url": query_url, "--update-url": update_url, "--gsp-url": gsp_url}
        clean = {}
        for option, value in given.items():
            if value:
                value, extra = split_userinfo(check_http_url(value.strip(), option))
                auth = auth or extra
            clean[option] = value
        endpoints = cls(query=clean["--query-url"] or query,
                        update=clean["--update-url"] or base + "/update",
                        gsp=(clean["--gsp-url"] or base + "/store") if use_gsp else None)
        return endpoints, auth


def _with_param(url: str, param: str) -> str:
    return url + ("&" if urlsplit(url).query else "?") + param


def _graph_param(graph: ox.NamedNode | None) -> str:
    return "default" if graph is None else "graph=" + quote(graph.value, safe="")


class StoreClient:
    """Requests to one store; a context manager closing its HTTP session."""

    def __init__(self, endpoints: Endpoints, auth: tuple[str, str] | None = None,
                 timeout_s: float = DEFAULT_TIMEOUT_S, session: requests.Session | None = None):
        self.endpoints = endpoints
        self.timeout_s = float(timeout_s)
        self.session = session or requests.Session()
        self.session.auth = tuple(auth) if auth else None
        self._secrets = _secrets(auth)
        self.use_gsp = endpoints.gsp is not None
        self.requests_sent = 0

    def __enter__(self) -> "StoreClient":
        return self

    def __exit__(self, *exc) -> None:
        self.session.close()

    # ---------------------------------------------------------------- reading

    def select(self, query: str) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
        """The solutions of a SELECT query (variable -> term; unbound variables left out)."""
        answer = self._query(query)
        if not isinstance(answer, ox.QuerySolutions):
            raise self._not_results()
        names = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            row = {name: solution[name] for name in names}
            rows.append({name: term for name, term in row.items() if term is not None})
        return rows

    def ask(self, query: str) -> bool:
        answer = self._query(query)
        if not isinstance(answer, ox.QueryBoolean):
            raise self._not_results()
        return bool(answer)

    def _query(self, query: str):
        reply = self._send("POST", self.endpoints.query, "a SPARQL query", data={"query": query},
                           headers={"Accept": _RESULTS_ACCEPT})
        kind = (reply.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fmt = ox.QueryResultsFormat.from_media_type(kind) if kind else None
        try:
            return ox.parse_query_results(reply.content, format=fmt or ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError):
            raise self._not_results() from None

    def _not_results(self) -> PushError:
        return PushError(f"{public_url(self.endpoints.query)} did not answer with SPARQL results: "
                         "check that --endpoint (or --query-url) is a SPARQL query endpoint")

    # ---------------------------------------------------------------- writing

    def update(self, text: str) -> None:
        self._send("POST", self.endpoints.update, "a SPARQL update", data=text.encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def add_triples(self, triples: list[ox.Triple], graph: ox.NamedNode | None) -> None:
        """Add triples to `graph` (None: the default graph) in one request."""
        if not triples:
            return
        if self._gsp("POST", triples, graph):
            return
        self.update(sparql.insert_data(triples, graph))

    def replace_graph(self, triples: list[ox.Triple], graph: ox.NamedNode) -> None:
        """Make `graph` hold exactly `triples`, in one request."""
        if self._gsp("PUT", triples, graph):
            return
        self.update(sparql.replace_graph(triples, graph))

    def _gsp(self, method: str, triples, graph) -> bool:
        """Send through the Graph Store Protocol; False when the store has none (from then on
        every write is a SPARQL update)."""
        if not self.use_gsp:
            return False
        body = sparql.ntriples(triples).encode("utf-8")
        url = _with_param(self.endpoints.gsp, _graph_param(graph))
        reply = self._send(method, url, "a Graph Store write", data=body, accept=_NO_SERVICE,
                           headers={"Content-Type": "application/n-triples; charset=utf-8"})
        if reply.status_code in _NO_SERVICE:
            self.use_gsp = False
            return False
        return True

    # ---------------------------------------------------------------- transport

    def _send(self, method: str, url: str, what: str, *, accept=(), **kwargs) -> requests.Response:
        try:
            reply = self.session.request(method, url, timeout=self.timeout_s, **kwargs)
        except requests.RequestException as exc:
            raise PushError(_connection_message(exc, url, self.timeout_s)) from None
        self.requests_sent += 1
        if reply.ok or reply.status_code in accept:
            return reply
        raise PushError(_status_message(reply, what, url, self._redact))

    def _redact(self, text: str) -> str:
        """The store's own words with every credential masked ("" if one cannot be masked
        safely: a password so short that masking it would mangle the text)."""
        for secret in self._secrets:
            if secret in text:
                if len(secret) < 4:
                    return ""
                text = text.replace(secret, "***")
        return text


def _secrets(auth) -> list[str]:
    """The strings that must never be printed: the password, and the header that carries it."""
    if not auth or not auth[1]:
        return []
    user, password = auth
    token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    return sorted({password, token, quote(password, safe="")}, key=len, reverse=True)


_HINTS = {
    401: "check --user and the password in the variable --password-env names",
    403: "the account may not do this, or the store is read-only: check its access rights",
    404: "no such service: check --endpoint (or --query-url, --update-url, --gsp-url)",
    405: "this URL does not take this request: check --endpoint (or --query-url, --update-url)",
    413: "the request is too large for the store: try a smaller --batch-size",
    414: "the request is too large for the store: try a smaller --batch-size",
}


def _status_message(reply: requests.Response, what: str, url: str, redact) -> str:
    """One line: the status, the endpoint, and what to check (the store's own first line of
    explanation, credentials masked, where no fixed hint fits)."""
    status = reply.status_code
    head = f"the SPARQL store answered {status} {_printable(reply.reason or '')}".rstrip()
    head += f" to {what} at {public_url(url)}"
    hint = _HINTS.get(status)
    if hint is None:
        detail = _first_line(redact(_printable(reply.text)))
        if status >= 500:
            hint = "the store failed" + (f" ({detail})" if detail else "") + ": check its log"
        else:
            hint = "the store rejected it" + (f" ({detail})" if detail else "")
    return f"{head}: {hint}"


def _printable(text: str) -> str:
    """Text from the store without control characters (no terminal escapes from a reply)."""
    return "".join(c if c.isprintable() or c in "\n" else " " for c in text or "")


def _first_line(text: str, limit: int = 160) -> str:
    line = next((ln.strip() for ln in (text or "").splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"


def _connection_message(exc: requests.RequestException, url: str, timeout_s: float) -> str:
    where = public_url(url)
    if isinstance(exc, requests.Timeout):
        return (f"the SPARQL store at {where} did not answer within {timeout_s:g} s: check that it "
                "is running and not overloaded, or use a smaller --batch-size or a longer --timeout")
    if isinstance(exc, requests.exceptions.SSLError) or _caused_by(exc, ssl.SSLError):
        return f"TLS failed with {where}: check the store's certificate and the URL's scheme"
    if _caused_by(exc, ConnectionRefusedError):
        return (f"cannot connect to the SPARQL store at {where} (connection refused): check "
                "--endpoint and that the store is running")
    if _caused_by(exc, socket.gaierror):
        return f"cannot connect to the SPARQL store at {where} (unknown host): check --endpoint"
    if isinstance(exc, requests.ConnectionError):
        return (f"cannot connect to the SPARQL store at {where} (connection failed): check "
                "--endpoint and that the store is running")
    return f"the request to {where} failed ({type(exc).__name__}): check --endpoint"


def _caused_by(exc: BaseException, kind) -> bool:
    seen = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return True
        stack += [current.__cause__, current.__context__]
        stack += [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]
        stack.append(getattr(current, "reason", None) if isinstance(getattr(current, "reason", None), BaseException) else None)
    return False
