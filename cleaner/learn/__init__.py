"""Learning boilerplate from a corpus: ``cleaner learn DIR... --out rules/learned.toml``.

Lines and short blocks that repeat across many documents of one source
(grouped by directory, URL host or a shared first line) become rules of an
ordinary rule pack, each with its support, corpus examples and a generated
summary, checked like every other pack by ``cleaner rules test``.
"""

from cleaner.learn.learner import LearnReport, learn_corpus
from cleaner.learn.mine import MineOptions

__all__ = ["LearnReport", "MineOptions", "learn_corpus"]
