"""Reading a file's bytes without ever holding more than the limit allows."""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

from graphkit.io.limits import Limits
from graphkit.io.problems import Rejected

SNIFF_BYTES = 8192


def read_limited_file(path: str, limits: Limits) -> bytes:
    """The bytes of path; Rejected if it is larger than limits allow (checked before reading).

    OSError (missing, permission denied, is a directory) propagates to the caller.
    """
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", path)
        if stat.S_ISREG(info.st_mode) and info.st_size > limits.max_document_bytes:
            raise Rejected(limits.too_big(info.st_size))
        return read_limited_stream(handle, limits)


def read_limited_stream(stream: BinaryIO, limits: Limits) -> bytes:
    """Read a stream (stdin, a pipe) up to the byte limit; Rejected past it."""
    cap = limits.max_document_bytes
    data = stream.read(cap + 1)
    if data is None:  # non-blocking stream with nothing yet
        data = b""
    if len(data) > cap:
        raise Rejected(f"document has more than {cap:,} bytes, more than the limit of "
                       f"{limits.max_document_chars:,} characters can take (--max-doc-chars)")
    return data
