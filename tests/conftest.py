"""The suite's per-user cache folder (prepared templates, the ledger's index) is a
temporary one, for this process and the `minutes` processes it starts, so that
running the tests neither reads nor fills the developer's own cache."""

from __future__ import annotations

import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="minutes-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
os.environ["LOCALAPPDATA"] = _CACHE


def pytest_unconfigure() -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)
