"""Ctrl-C that no import can swallow.

A KeyboardInterrupt raised while a C extension initialises may be cleared by it, and the
build would then run to its end as if Ctrl-C had never been pressed. The command line
installs `remember_sigint`, which notes the signal before raising as usual; the build loop
calls `check()` between documents to raise it again if it was lost.
"""
from __future__ import annotations

import signal
import sys

_received = False
_previous_hook = sys.unraisablehook   # the hook in place before ours (see remember_sigint)


def remember_sigint() -> None:
    """Install a SIGINT handler that raises KeyboardInterrupt and remembers that it did, and a
    hook that keeps quiet when Python has to drop that KeyboardInterrupt: a signal landing in a
    weakref callback or a finaliser (importlib's module-lock callback during start-up) cannot
    propagate, and Python would print "Exception ignored in ..." with a traceback; `check()`
    raises it again at the next document."""
    signal.signal(signal.SIGINT, _on_sigint)
    if sys.unraisablehook is not _quiet_about_interrupts:
        global _previous_hook
        _previous_hook = sys.unraisablehook
        sys.unraisablehook = _quiet_about_interrupts


def _quiet_about_interrupts(unraisable) -> None:
    if isinstance(unraisable.exc_value, KeyboardInterrupt) and _received:
        return   # ours, remembered: check() raises it again
    _previous_hook(unraisable)


def _on_sigint(signum, frame):
    global _received
    _received = True
    raise KeyboardInterrupt


def check() -> None:
    """Raise KeyboardInterrupt if SIGINT arrived and was swallowed on the way."""
    if _received:
        raise KeyboardInterrupt
