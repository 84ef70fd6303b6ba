"""cleaner: turn scraped web pages (HTML or plain text) into clean article text.

>>> import cleaner
>>> r = cleaner.clean(open("seeds/004_3f0df3139474a3af.txt").read())  # doctest: +SKIP
>>> r.title, r.date  # doctest: +SKIP
"""

from cleaner.api import Cleaner, clean
from cleaner.config import Config
from cleaner.errors import CleanerError, ConfigError, InputError, LimitExceeded, RulePackError
from cleaner.model import Removed, Result, Segment

__all__ = [
    "Cleaner",
    "CleanerError",
    "Config",
    "ConfigError",
    "InputError",
    "LimitExceeded",
    "Removed",
    "Result",
    "RulePackError",
    "Segment",
    "clean",
]
__version__ = "0.1.0"
