"""An in-process LRU of rendered bytes, invalidated when ``store.data_version()`` changes.

Keys carry the data version, so entries of older data are never served; the version is
read from the database at most once per ``check_every`` seconds, which keeps a cache hit
free of any query.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class VersionedLRU(Generic[V]):
    def __init__(self, size: int, version: Callable[[], int], *,
                 check_every: float = 1.0) -> None:
        self.size = max(0, size)  # 0: nothing is kept (benchmarks of the uncached paths)
        self._version_of = version
        self._check_every = check_every
        self._version = -1
        self._checked = 0.0
        self._items: OrderedDict[tuple[Hashable, ...], V] = OrderedDict()
        self._lock = threading.Lock()

    def version(self) -> int:
        """The data version, re-read at most once per ``check_every`` seconds."""
        now = time.monotonic()
        if now - self._checked >= self._check_every:
            current = self._version_of()
            with self._lock:
                if current != self._version:
                    self._items.clear()
                self._version, self._checked = current, now
        return self._version

    def expire(self) -> None:
        """Re-read the version at the next lookup (this process just wrote new data)."""
        self._checked = float("-inf")

    def get(self, key: tuple[Hashable, ...]) -> V | None:
        full = (*key, self.version())
        with self._lock:
            value = self._items.get(full)
            if value is not None:
                self._items.move_to_end(full)
            return value

    def put(self, key: tuple[Hashable, ...], value: V) -> V:
        if self.size == 0:
            return value
        full = (*key, self.version())
        with self._lock:
            self._items[full] = value
            self._items.move_to_end(full)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def get_or_make(self, key: tuple[Hashable, ...], make: Callable[[], V]) -> V:
        found = self.get(key)
        return found if found is not None else self.put(key, make())

    def __len__(self) -> int:
        return len(self._items)
