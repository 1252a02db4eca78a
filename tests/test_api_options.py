"""parse(page, ner=False): rules only, the NER model neither loaded nor used."""
from __future__ import annotations

import subprocess
import sys

import policyextract
from policyextract.extract import common
from test_model_organs import JOINT


def test_ner_false_uses_rules_only():
    # 共青团中央 / 全国妇联 are found by the model's ORG entities only (tests/test_model_organs.py)
    assert [o.name for o in policyextract.parse(JOINT).documents[0].issuers] == ["共青团中央", "全国妇联"]
    assert policyextract.parse(JOINT, ner=False).documents[0].issuers == []


def test_ner_false_does_not_stick():
    policyextract.parse(JOINT, ner=False)
    assert common.ner_available()
    assert len(policyextract.parse(JOINT).documents[0].issuers) == 2


def test_ner_false_loads_neither_spacy_nor_pkuseg():
    code = ("import sys, policyextract; "
            "r = policyextract.parse(open(sys.argv[1], encoding='utf-8').read(), ner=False); "
            "print(len(r.documents[0].officials), 'spacy' in sys.modules, 'pkuseg' in sys.modules)")
    from conftest import SEEDS, seed_name

    page = SEEDS / f"{seed_name('002')}.txt"
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True)
    n, spacy_loaded, pkuseg_loaded = out.stdout.split()
    assert int(n) > 5 and spacy_loaded == "False" and pkuseg_loaded == "False"


def test_cli_no_ner_flag(tmp_path, capsys):
    import json

    from policyextract.cli import main

    page = tmp_path / "joint.txt"
    page.write_text(JOINT, encoding="utf-8")
    assert main(["parse", str(page), "--no-ner", "--no-progress", "-q"]) == 0
    rec = json.loads(capsys.readouterr().out.splitlines()[0])
    assert rec["documents"][0]["issuers"] == []
    assert main(["parse", str(page), "--no-progress", "-q"]) == 0
    rec = json.loads(capsys.readouterr().out.splitlines()[0])
    assert [o["name"] for o in rec["documents"][0]["issuers"]] == ["共青团中央", "全国妇联"]
