"""Writing files whole: every file kg writes goes through :class:`replacing`.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with replacing(target) as tmp:
...     _ = tmp.write_text("whole")
>>> target.read_text(), [p.name for p in target.parent.iterdir()]
('whole', ['out.txt'])
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class replacing:
    """A temporary path beside ``path``, renamed onto it when the block ends without error
    (else deleted): readers see the old file or the new one, never half of one."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}.tmp")

    def __enter__(self) -> Path:
        return self.tmp

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        try:
            if kind is None:
                os.replace(self.tmp, self.path)
        finally:
            self.tmp.unlink(missing_ok=True)
