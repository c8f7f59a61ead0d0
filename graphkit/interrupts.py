"""Ctrl-C that no import can swallow.

A KeyboardInterrupt raised while a C extension initialises may be cleared by it, and the
build would then run to its end as if Ctrl-C had never been pressed. The command line
installs `remember_sigint`, which notes the signal before raising as usual; the build loop
calls `check()` between documents to raise it again if it was lost.
"""
from __future__ import annotations

import signal

_received = False


def remember_sigint() -> None:
    """Install a SIGINT handler that raises KeyboardInterrupt and remembers that it did."""
    signal.signal(signal.SIGINT, _on_sigint)


def _on_sigint(signum, frame):
    global _received
    _received = True
    raise KeyboardInterrupt


def check() -> None:
    """Raise KeyboardInterrupt if SIGINT arrived and was swallowed on the way."""
    if _received:
        raise KeyboardInterrupt
