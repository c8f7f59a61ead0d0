"""`graphkit push DIR --endpoint URL`, and the `--push URL` options of `graphkit build`.

The CLI calls `register(subparsers)`. The build command adds its options with
`add_build_options(parser)`, resolves them before building with `build_push_settings(args)`
(bad options fail fast, exit 2) and pushes after writing with `push_built_graph(graph, settings)`.

Exit codes: 0 pushed (or nothing to send), 1 the store refused or could not be reached (one
line on standard error; what was sent stays sent), 2 usage errors.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field

from ..commands.argtypes import whole_number
from ..errors import GraphkitError, UsageError
from .client import DEFAULT_TIMEOUT_S, PushError, check_http_url
from .pusher import DEFAULT_BATCH_SIZE, ONTOLOGY_GRAPH, PushReport, push_graph


def _endpoint_url(text: str) -> str:
    try:
        check_http_url(text.strip(), "URL")
    except PushError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("URL: ").removeprefix("URL ")) from None
    return text.strip()


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


def _graph_iri(text: str) -> str:
    from .sparql import check_iri
    try:
        check_iri(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("graph IRI ")) from None
    return text


def _env_name(text: str) -> str:
    if not text or "=" in text:
        raise argparse.ArgumentTypeError(f"expected the name of an environment variable, got {text!r}")
    return text


def _add_connection_options(group, prefix: str = "") -> None:
    """--graph, --user, --password-env... (with a prefix for `build`: --push-graph...)."""
    opt = (lambda name: f"--{prefix}{name}")
    group.add_argument(opt("graph"), metavar="IRI", type=_graph_iri, default=None,
                       help="named graph to push into (default: the store's default graph)")
    group.add_argument(opt("user"), metavar="USER", default=None,
                       help="user name for HTTP Basic authentication")
    group.add_argument(opt("password-env"), metavar="VAR", type=_env_name, default=None,
                       help="name of the environment variable that holds the password "
                            "(never give the password itself on the command line)")
    group.add_argument(opt("batch-size"), type=whole_number(1), default=DEFAULT_BATCH_SIZE, metavar="N",
                       help=f"entities, statements or articles per request (default {DEFAULT_BATCH_SIZE})")
    group.add_argument(opt("timeout"), type=_positive_seconds, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                       help=f"longest wait for one request (default {DEFAULT_TIMEOUT_S:g})")
    group.add_argument(opt("query-url"), type=_endpoint_url, metavar="URL", default=None,
                       help="the store's SPARQL query endpoint, when not ENDPOINT/query")
    group.add_argument(opt("update-url"), type=_endpoint_url, metavar="URL", default=None,
                       help="the store's SPARQL update endpoint, when not ENDPOINT/update")
    group.add_argument(opt("gsp-url"), type=_endpoint_url, metavar="URL", default=None,
                       help="the store's Graph Store Protocol endpoint, when not ENDPOINT/store")
    group.add_argument(opt("no-gsp"), action="store_true",
                       help="send everything as SPARQL Update (INSERT DATA), not through the Graph "
                            "Store Protocol")
    group.add_argument(opt("no-ontology"), action="store_true",
                       help="do not put the graphkit ontology into its named graph")
    group.add_argument(opt("ontology-graph"), metavar="IRI", type=_graph_iri, default=ONTOLOGY_GRAPH,
                       help=f"named graph for the ontology (default {ONTOLOGY_GRAPH})")


def register(subparsers) -> None:
    """Add `push` to the CLI's subparsers."""
    p = subparsers.add_parser(
        "push", help="push a built graph to a SPARQL 1.1 store, sending only what it lacks",
        description="Upload the graph in DIR to a SPARQL 1.1 store (Graph Store Protocol, or "
                    "SPARQL Update) in batches. Pushing again after `graphkit build --update` "
                    "sends only the statements and articles the store does not have and the "
                    "entities that changed; an interrupted push can simply be run again. "
                    "Exit status: 0 pushed, 1 the store failed or refused, 2 usage error.",
        epilog="example: GK_PASSWORD=... graphkit push out --endpoint http://127.0.0.1:7878 "
               "--graph https://example.org/news --user alice --password-env GK_PASSWORD")
    p.add_argument("source", metavar="DIR", help="a build folder (or its graph.json)")
    p.add_argument("--endpoint", required=True, type=_endpoint_url, metavar="URL",
                   help="the store: its base URL (http://127.0.0.1:7878 for Oxigraph) or its "
                        "query endpoint (.../query, .../sparql)")
    _add_connection_options(p)
    p.add_argument("--quiet", action="store_true", help="print nothing but errors (no progress bar)")
    p.set_defaults(func=run, _parser=p)


@dataclass
class PushSettings:
    """Resolved push options (the password already read from its variable)."""
    endpoint: str
    graph: str | None = None
    auth: tuple[str, str] | None = field(default=None, repr=False)
    batch_size: int = DEFAULT_BATCH_SIZE
    timeout_s: float = DEFAULT_TIMEOUT_S
    query_url: str | None = None
    update_url: str | None = None
    gsp_url: str | None = None
    use_gsp: bool = True
    ontology: bool = True
    ontology_graph: str = ONTOLOGY_GRAPH

    def push(self, source, *, progress: bool) -> PushReport:
        return push_graph(source, self.endpoint, self.graph, self.auth, self.batch_size,
                          ontology=self.ontology, ontology_graph=self.ontology_graph,
                          timeout_s=self.timeout_s, query_url=self.query_url,
                          update_url=self.update_url, gsp_url=self.gsp_url, use_gsp=self.use_gsp,
                          progress=progress)


def settings_from_args(args, endpoint: str, prefix: str = "") -> PushSettings:
    """PushSettings from parsed options; UsageError when --user and --password-env do not pair."""
    get = (lambda name: getattr(args, prefix + name))
    opt = (lambda name: f"--{prefix}{name}".replace("_", "-"))
    user, variable = get("user"), get("password_env")
    auth = None
    if user is not None or variable is not None:
        if user is None or variable is None:
            raise UsageError(f"{opt('user')} and {opt('password_env')} go together: the user name, "
                             "and the environment variable that holds the password")
        password = os.environ.get(variable)
        if password is None:
            raise UsageError(f"the environment variable {variable} ({opt('password_env')}) is not set")
        auth = (user, password)
    return PushSettings(endpoint=endpoint, graph=get("graph"), auth=auth,
                        batch_size=get("batch_size"), timeout_s=get("timeout"),
                        query_url=get("query_url"), update_url=get("update_url"),
                        gsp_url=get("gsp_url"), use_gsp=not get("no_gsp"),
                        ontology=not get("no_ontology"), ontology_graph=get("ontology_graph"))


def run(args) -> int:
    try:
        settings = settings_from_args(args, args.endpoint)
    except UsageError as exc:
        return _fail(exc, None, code=2)
    return _push_and_report(settings, args.source, quiet=args.quiet)


def _push_and_report(settings: PushSettings, source, *, quiet: bool, label: str | None = None,
                     options: str = "push") -> int:
    warning = plain_http_warning(settings)
    if warning:
        print(f"graphkit: warning: {warning}", file=sys.stderr)
    try:
        report = settings.push(source, progress=not quiet)
    except GraphkitError as exc:
        return _fail(exc, settings, options=options)
    except KeyboardInterrupt:
        print("graphkit: push interrupted; the batches already sent stay in the store: run the "
              "push again to send the rest", file=sys.stderr)
        return 130
    if not quiet:
        print(describe_report(report, label or str(source)))
    return 0


def plain_http_warning(settings: PushSettings) -> str | None:
    """A warning when a password would cross the network unencrypted (http to another host)."""
    from urllib.parse import urlsplit

    if not settings.auth and "@" not in urlsplit(settings.endpoint).netloc:
        return None
    urls = [settings.endpoint, settings.query_url, settings.update_url,
            None if not settings.use_gsp else settings.gsp_url]
    for url in filter(None, urls):
        parts = urlsplit(url)
        if parts.scheme == "http" and (parts.hostname or "") not in _LOOPBACK:
            return (f"the password goes unencrypted over http to {parts.hostname}: "
                    "use an https URL for the store")
    return None


_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


_OPTION = re.compile(r"--(endpoint|user|password-env|batch-size|timeout|query-url|update-url|gsp-url)\b")


def _fail(exc: BaseException, settings: PushSettings | None, code: int = 1, options: str = "push") -> int:
    message = " ".join(str(exc).split())
    if options == "build":  # name the options as `graphkit build` spells them
        message = _OPTION.sub(lambda m: "--push" if m[1] == "endpoint" else f"--push-{m[1]}", message)
    if settings is not None and settings.auth and len(settings.auth[1]) >= 4:
        message = message.replace(settings.auth[1], "***")  # never there: a last guard
    print(f"graphkit: error: {message}", file=sys.stderr)
    return code


def describe_report(report: PushReport, source: str) -> str:
    """The summary printed after a push."""
    where = f"graph <{report.graph}>" if report.graph else "the default graph"
    lines = [f"pushed {source} to {report.endpoint} ({where}, {report.protocol}) "
             f"in {report.seconds:.1f} s"]
    if report.up_to_date:
        lines.append("  the store already had every entity, statement and article: nothing new sent")
    lines += [
        f"  entities:   {report.entities:,} ({report.entities_changed:,} new or changed)",
        f"  statements: {report.statements:,} ({report.statements_sent:,} new)",
        f"  articles:   {report.articles:,} ({report.articles_sent:,} new)",
        f"  triples:    {report.triples_inserted:,} sent, {report.triples_deleted:,} replaced",
    ]
    if report.ontology_graph:
        lines.append(f"  ontology:   {report.ontology_triples:,} triples in <{report.ontology_graph}>")
    return "\n".join(lines)


# ---------------------------------------------------------------- graphkit build --push

def add_build_options(parser: argparse.ArgumentParser) -> None:
    """`graphkit build ... --push URL` and its --push-graph, --push-user... options."""
    group = parser.add_argument_group(
        "push", "after building, push the graph to a SPARQL 1.1 store (as `graphkit push` does)")
    group.add_argument("--push", metavar="URL", type=_endpoint_url, default=None,
                       help="the store's base URL (http://127.0.0.1:7878 for Oxigraph) or query endpoint")
    _add_connection_options(group, prefix="push-")


def build_push_settings(args, parser: argparse.ArgumentParser | None = None) -> PushSettings | None:
    """The push options of `build`, checked before the build starts; None without --push.
    A usage error exits with status 2 through `parser` (or raises UsageError without one)."""
    given = [name for name in ("push_user", "push_password_env", "push_graph")
             if getattr(args, name, None) is not None]
    if getattr(args, "push", None) is None:
        if given:
            _usage(parser, f"--{given[0].replace('_', '-')} only goes with --push URL")
        return None
    try:
        return settings_from_args(args, args.push, prefix="push_")
    except UsageError as exc:
        _usage(parser, str(exc))


def push_built_graph(graph, settings: PushSettings | None, *, quiet: bool = False,
                     out_dir=None) -> int:
    """Push a just-built graph (KnowledgeGraph or MultiDiGraph); 0, or 1 with one line on stderr."""
    if settings is None:
        return 0
    label = str(out_dir) if out_dir is not None else "the graph"
    code = _push_and_report(settings, graph, quiet=quiet, label=label, options="build")
    if code == 1 and out_dir is not None:
        print(f"graphkit: the graph is written in {out_dir}; push it later with "
              f"`graphkit push {out_dir} --endpoint URL`", file=sys.stderr)
    return code


def _usage(parser, message: str):
    if parser is not None:
        parser.error(message)  # exits with status 2
    raise UsageError(message)
