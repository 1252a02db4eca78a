"""Stand-in for pkuseg on the training machine, which has none (and no network to build it).

Training reads pre-tokenized DocBins (policyextract.PretokenizedCorpus.v1), but spaCy's
``Language.evaluate`` calls ``nlp.make_doc`` on the dev texts once, only to time tokenization.
This stub makes that call work (one token per character); it never shapes the model.
Only training/device_sweep.sh puts this folder on PYTHONPATH.
"""


class pkuseg:  # noqa: N801 - mirrors the real package's API
    def __init__(self, *args, **kwargs):
        pass

    def cut(self, text):
        return [c for c in text if not c.isspace()]
