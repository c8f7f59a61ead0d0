"""The command line: thin argument parsing over the library (`graphkit --help`)."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading

from . import interrupts
from . import __version__
from .errors import GraphkitError


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="graphkit", description="Build knowledge graphs from news articles.")
    parser.add_argument("--version", action="version", version=f"graphkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    from .commands import build
    build.register(sub)
    from .push import commands as push_commands
    from .query import commands as query_commands
    query_commands.register(sub)
    push_commands.register(sub)
    return parser


INTERRUPTED = "graphkit: interrupted; earlier outputs are left as they were"


def main(argv: list[str] | None = None) -> int:
    previous = _stop_on_sigterm()
    try:
        parser = _build_parser()
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except GraphkitError as exc:
        print(f"graphkit: error: {exc}", file=sys.stderr)
        return 2 if exc.__class__.__name__ in ("UsageError", "ModelNotFoundError") else 1
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if previous is not _NOT_SET:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


_NOT_SET = object()


def _stop_on_sigterm():
    """Make SIGTERM (kill, a service manager, a CI timeout) stop a command like Ctrl-C does:
    temporary files are removed and finished outputs stay whole. Returns the old handler
    (_NOT_SET where handlers cannot be set: outside the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return _NOT_SET
    return signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def run() -> None:
    """The `graphkit` command: main(), then exit with its status.

    After Ctrl-C the status is set with os._exit: CPython remembers a KeyboardInterrupt that
    arrived while a C extension was being imported, even once main() has handled it, and
    would otherwise end the process by SIGINT instead of the documented status 130."""
    interrupts.remember_sigint()
    code = None
    try:
        code = main()
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # the work is done: a late Ctrl-C changes nothing
    except KeyboardInterrupt:
        # Ctrl-C landed after main() had handled its own (or in its last steps): outputs are
        # whole either way; report it once, unless the build had already finished
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if code is None:
            print(INTERRUPTED, file=sys.stderr)
            code = 130
    if code == 130:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
