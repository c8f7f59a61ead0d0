"""Running `graphkit` in a child process, as a user would (shared by the hostile-input tests)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAPHKIT = [sys.executable, "-m", "graphkit.cli"]


def without_root_privileges() -> list[str]:
    """A command prefix that keeps root from reading files it has no permission for
    (root ignores file modes: drop CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH), or [] when not
    root. None when running as root without `setpriv` (the permission test cannot work)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        return None
    return prefix


def cli_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    env.pop("COLUMNS", None)
    return env


def run_cli(*args: str, prefix: list[str] | None = None, timeout: float = 300,
            **kwargs) -> subprocess.CompletedProcess:
    """`graphkit ARGS...` to completion; text output captured."""
    return subprocess.run([*(prefix or []), *GRAPHKIT, *args], capture_output=True, text=True,
                          env=cli_env(), cwd=ROOT, timeout=timeout, stdin=subprocess.DEVNULL,
                          **kwargs)


def start_cli(*args: str) -> subprocess.Popen:
    """`graphkit ARGS...` started in the background (stdout and stderr piped)."""
    return subprocess.Popen([*GRAPHKIT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True, env=cli_env(), cwd=ROOT)
