"""A small memory of each process in front of the shared cache, for the page cache's entries.

A hit in the shared cache (files by default, Redis with CACHE_URL) reads and decompresses the
whole page every time: for a large feed that costs more than the rest of the answer. An entry
read once is also kept in the process's memory, up to a total size (least recently used out
first), until the time the entry itself expires. Its key carries the publication generation, so
a kept entry can never be stale: a publication changes the key every process asks for.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

DEFAULT_BYTES = 32 * 1024 * 1024


class ProcessMemory:
    def __init__(self):
        self._entries = OrderedDict()  # key -> (expires at, size, value)
        self._size = 0
        self._lock = threading.Lock()

    @property
    def max_bytes(self):
        return getattr(settings, "PASSERELLES_PAGE_CACHE_MEMORY_BYTES", DEFAULT_BYTES)

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] <= time.time():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return found[2]

    def set(self, key, value, size, expires):
        """Keeps `value` (`size` bytes) until the time `expires`, if it fits."""
        if size > self.max_bytes or expires <= time.time():
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (expires, size, value)
            self._size += size
            while self._size > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._size = 0

    def _drop(self, key):
        _expires, size, _value = self._entries.pop(key)
        self._size -= size


pages = ProcessMemory()
