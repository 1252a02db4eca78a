"""Load policyextract/nlp.py as a standalone module (it needs only spaCy at import time), so the
training and evaluation scripts do not depend on the rest of the package importing cleanly.
Also usable as ``spacy train --code training/nlpmod.py`` (registers the tokenizer and reader)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "policyextract" / "nlp.py"


def get():
    try:
        import policyextract.nlp as mod  # the installed package, when it imports cleanly
        return mod
    except Exception:
        pass
    name = "policyextract_nlp_standalone"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _PATH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


nlp_module = get()
