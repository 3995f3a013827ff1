"""The Arabic reader: Arabic reports read into the same drafts, places, times, actors and speakers as
English ones (see :mod:`.reader`); importing this package registers it as ``READERS["ar"]``."""
from .reader import Arabic

__all__ = ["Arabic"]
