"""The guard of `graphkit serve` on its own: which queries reach Oxigraph, and what clients see
when a query overruns or Oxigraph is restarted under it (a scripted stand-in for Oxigraph, so
each case is exact and fast)."""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graphkit.query.guard import SERVICE_REFUSED, QueryGuard, queries_in, service_refusal

LIMIT_S = 0.6  # the guard's wall-clock limit in these tests


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <http://x/> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "SELECT * WHERE { GRAPH ?g { { } UNION { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "ASK { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "DESCRIBE ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
])
def test_a_service_clause_is_refused(query):
    assert service_refusal(query) == SERVICE_REFUSED


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p ?o # a comment\r SERVICE <http://x/> { ?s ?p ?o } }",  # Oxigraph ends it at CR
    "SELECT * WHERE { SERVICE <http://x/> { ?s ?p } }",
    "SELECT * WHERE " + "{ " * 300 + "SERVICE <http://x/> { }" + " }" * 300,
])
def test_a_query_with_the_word_that_cannot_be_parsed_is_refused(query):
    refusal = service_refusal(query)
    assert refusal.startswith("the query mentions SERVICE and could not be checked (")
    assert refusal.endswith(SERVICE_REFUSED)


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "customer SERVICE <http://x/> { ?s ?p ?o }" }',
    "SELECT * WHERE { <http://service.example/SERVICE> ?p ?o }",
    "PREFIX service: <http://service.example/> SELECT * WHERE { ?s service:desk ?o }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }",
    "SELECT * WHERE { ?s ?p }",  # no such word: Oxigraph gives its own syntax error
    "SELECT * WHERE { ?s ?p ?o } LATERAL",
    "SELECT * WHERE { " + " ".join(f"?s <urn:p{i}> ?o{i} ." for i in range(300)) + " }",
])
def test_other_queries_go_through(query):
    assert service_refusal(query) is None


def test_a_long_query_with_the_word_is_refused_unparsed():
    values = " ".join(f'"item {i}"' for i in range(1200))
    query = "SELECT * WHERE { VALUES ?x { " + values + " } } # service"
    started = time.monotonic()
    assert "too long to check" in service_refusal(query)
    assert time.monotonic() - started < 0.5
    assert service_refusal(query.replace("service", "")) is None  # the word alone makes it checked


def test_every_query_a_request_carries_is_found():
    url = urllib.parse.urlencode([("query", "ASK {}"), ("default-graph-uri", "urn:g"), ("query", "ASK { }")])
    assert queries_in(url, b"", None) == ["ASK {}", "ASK { }"]
    assert queries_in("", "ASK {}".encode(), "application/sparql-query") == ["ASK {}"]
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p 'é' }"}).encode()
    assert queries_in("query=1", form, "application/x-www-form-urlencoded") == ["1", "ASK { ?s ?p 'é' }"]
    with pytest.raises(UnicodeError):
        queries_in("query=%FF", b"", None)
    with pytest.raises(UnicodeError):
        queries_in("", b"ASK \xff", "application/sparql-query")


# ---------------------------------------------------------------- a scripted Oxigraph

class _Script(BaseHTTPRequestHandler):
    """Answers by the query text: `stream` (a chunk, then nothing more), `stream-all` (a chunk,
    then the rest), `hang` (nothing), `hang-once` (nothing in generation 0, echo after a
    restart), anything else: echo what it was sent, as JSON."""
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.live.add(self.connection)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("query", [""])[0]
        if query == "hang" or (query == "hang-once" and self.server.generation == 0):
            self.server.killed.wait(10)
            return
        if query.startswith("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"b\r\nfirst part\n\r\n")
            self.wfile.flush()
            if self.server.killed.wait(0.05 if query == "stream-all" else 10):
                return
            self.wfile.write(b"5\r\nrest\n\r\n0\r\n\r\n")
            return
        body = json.dumps({"generation": self.server.generation, "path": self.path,
                           "headers": dict(self.headers)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Length", "7")
        self.end_headers()

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        body = json.dumps({"body": self.rfile.read(length).decode(),
                           "content-type": self.headers["Content-Type"]}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class FakeOxigraph:
    """The guard's upstream: a scripted server per generation; restart() kills the running
    one (its open connections are cut) and starts the next."""

    def __init__(self):
        self.generation, self.restarts, self.stopping = 0, [], False
        self._lock = threading.Lock()
        self._start()

    def _start(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Script)
        self.httpd.daemon_threads = True
        self.httpd.generation, self.httpd.live, self.httpd.killed = self.generation, set(), threading.Event()
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def _kill(self):
        self.httpd.killed.set()
        for connection in list(self.httpd.live):
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.httpd.shutdown()
        self.httpd.server_close()

    def address(self):
        with self._lock:
            return "127.0.0.1", self.httpd.server_address[1], self.generation

    def restart(self, generation):
        with self._lock:
            if generation != self.generation or self.stopping:
                return False
            self.restarts.append(generation)
            self.generation += 1
            self._kill()
            self._start()
            return True

    def stop(self):
        with self._lock:
            self.stopping = True
            self._kill()


@pytest.fixture
def guarded():
    upstream = FakeOxigraph()
    guard = QueryGuard("127.0.0.1", 0, upstream, timeout_s=1)
    guard.limit_s = LIMIT_S
    guard.start()
    yield guard, upstream
    guard.close()
    upstream.stop()


def ask(guard, query: str = "", *, method: str = "GET", path: str = "/query", body: bytes | None = None,
        headers: dict | None = None, connection: http.client.HTTPConnection | None = None):
    """(status, body, complete): complete is False when the chunked body was cut."""
    connection = connection or http.client.HTTPConnection("127.0.0.1", guard.httpd.server_address[1], timeout=10)
    target = path + ("?" + urllib.parse.urlencode({"query": query}) if query else "")
    connection.request(method, target, body=body, headers=headers or {})
    reply = connection.getresponse()
    try:
        return reply.status, reply.read(), True
    except http.client.IncompleteRead as cut:
        return reply.status, cut.partial, False


def test_answers_are_relayed_with_their_headers_on_a_kept_connection(guarded):
    guard, _ = guarded
    connection = http.client.HTTPConnection("127.0.0.1", guard.httpd.server_address[1], timeout=10)
    status, body, _ = ask(guard, "echo", headers={"Accept": "text/csv", "Cookie": "c=1"}, connection=connection)
    seen = json.loads(body)
    assert status == 200 and seen["headers"]["Accept"] == "text/csv" and "Cookie" not in seen["headers"]
    assert seen["path"] == "/query?query=echo"
    assert ask(guard, "stream-all", connection=connection) == (200, b"first part\nrest\n", True)
    status, body, _ = ask(guard, method="POST", body=b"ASK {}", connection=connection,
                          headers={"Content-Type": "application/sparql-query; charset=utf-8"})
    assert json.loads(body) == {"body": "ASK {}", "content-type": "application/sparql-query"}
    status, body, _ = ask(guard, "echo", method="HEAD", connection=connection)
    assert (status, body) == (200, b"")
    assert json.loads(ask(guard, "echo", connection=connection)[1])["generation"] == 0


@pytest.mark.parametrize("method, path, body, content_type, status", [
    ("POST", "/update", b"DROP ALL", "application/sparql-update", 403),
    ("GET", "/update?update=DROP%20ALL", None, None, 403),
    ("PUT", "/store?default", b"", "application/n-triples", 403),
    ("DELETE", "/store?default", None, None, 403),
    ("POST", "/store?default", b"<urn:a> <urn:b> <urn:c> .", "application/n-triples", 403),
    ("POST", "/query", b"ASK {}", "text/plain", 415),
    ("POST", "/query", b"ASK \xff", "application/sparql-query", 400),
])
def test_writes_and_odd_requests_are_refused_by_the_guard(guarded, method, path, body, content_type, status):
    guard, upstream = guarded
    headers = {"Content-Type": content_type} if content_type else {}
    answer = ask(guard, method=method, path=path, body=body, headers=headers)
    assert answer[0] == status and answer[1].startswith(b"graphkit serve: "), answer


def test_a_query_that_does_not_answer_in_time_gets_503_and_a_restart(guarded):
    guard, upstream = guarded
    started = time.monotonic()
    status, body, _ = ask(guard, "hang")
    assert time.monotonic() - started < LIMIT_S + 1
    assert (status, body) == (503, b"graphkit serve: the query exceeded the 1 s time limit and was stopped\n")
    assert upstream.restarts == [0]
    assert json.loads(ask(guard, "echo")[1])["generation"] == 1


def test_an_answer_still_streaming_at_the_limit_is_cut_and_marked(guarded):
    guard, upstream = guarded
    status, body, complete = ask(guard, "stream")  # its rest never comes
    assert status == 200 and not complete
    assert body == b"first part\n\ngraphkit serve: the query exceeded the 1 s time limit and was stopped\n"
    assert upstream.restarts == [0]


def beside_a_hung_query(guard, action):
    """Run action() while a query Oxigraph never answers is in flight; both outcomes."""
    answers = []
    hung = threading.Thread(target=lambda: answers.append(ask(guard, "hang")))
    hung.start()
    time.sleep(LIMIT_S / 3)
    done = action()
    hung.join()
    return answers[0], done


def test_a_query_cut_by_a_restart_before_answering_is_sent_again(guarded):
    guard, upstream = guarded
    runaway, meanwhile = beside_a_hung_query(guard, lambda: ask(guard, "hang-once"))
    assert runaway[0] == 503
    status, body, complete = meanwhile  # cut by the runaway's restart, then sent again
    assert status == 200 and complete and json.loads(body)["generation"] == 1
    assert upstream.restarts == [0]


def test_an_answer_streaming_when_another_query_restarts_the_server_is_cut_and_says_why(guarded):
    guard, upstream = guarded
    runaway, (status, body, complete) = beside_a_hung_query(guard, lambda: ask(guard, "stream"))
    assert runaway[0] == 503
    assert status == 200 and not complete
    assert body.startswith(b"first part\n\ngraphkit serve: the answer was interrupted: the SPARQL server "
                           b"was restarted")
    assert upstream.restarts == [0]


def test_a_client_that_leaves_does_not_stop_the_clock(guarded):
    guard, upstream = guarded
    connection = http.client.HTTPConnection("127.0.0.1", guard.httpd.server_address[1], timeout=10)
    connection.request("GET", "/query?query=hang")
    connection.close()
    deadline = time.monotonic() + LIMIT_S + 2
    while not upstream.restarts and time.monotonic() < deadline:
        time.sleep(0.05)
    assert upstream.restarts == [0]


def test_a_query_running_when_serve_stops_is_told_so(guarded):
    guard, upstream = guarded
    hung, _ = beside_a_hung_query(guard, upstream.stop)
    assert hung == (503, b"graphkit serve: the server is stopping\n", True)
    assert upstream.restarts == []
