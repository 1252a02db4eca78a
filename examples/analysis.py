#!/usr/bin/env python
"""Notebook-style analysis of meetings: how many per week, who attended with whom, one PNG chart.

    python examples/analysis.py TABLES_DIR OUT_DIR      # TABLES_DIR: the output of etl_to_parquet.py
    python examples/analysis.py PAGES_DIR OUT_DIR       # or a directory of pages, parsed here

Writes OUT_DIR/meetings_per_week.csv, OUT_DIR/coattendance.csv and OUT_DIR/meetings.png. Cells are
marked ``# %%`` so the file opens as a notebook in VS Code / Jupytext / Spyder.

Needs: pip install 'policyextract[pandas]' matplotlib. Chinese names need a CJK font that
matplotlib can find (e.g. Noto Sans CJK); without one the chart labels people P1, P2, … and
writes the key to OUT_DIR/people.csv.
"""
# %% Setup
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import policyextract  # noqa: E402

if len(sys.argv) != 3:
    sys.exit(__doc__)
SOURCE, OUT = Path(sys.argv[1]), Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)

# %% Load the meetings and attendees tables
if (SOURCE / "meetings.parquet").exists():
    meetings = pd.read_parquet(SOURCE / "meetings.parquet")
    attendees = pd.read_parquet(SOURCE / "attendees.parquet")
else:
    files = sorted(p for p in SOURCE.rglob("*") if p.suffix.lower() in {".txt", ".html", ".htm"})
    results = [r for r in policyextract.parse_many((str(p.relative_to(SOURCE)), p.read_bytes()) for p in files)
               if r.ok]
    meetings = policyextract.to_dataframe(results, table="meetings")
    attendees = policyextract.to_dataframe(results, table="attendees")
print(f"{len(meetings)} meeting mentions, {len(attendees)} attendee mentions")

# %% One row per meeting: the same meeting is often reported on several pages (under varying
# names), so a meeting is its day and its chair, or its day and its name when nobody chairs it
meetings = meetings.assign(date=pd.to_datetime(meetings["date"], errors="coerce"))
dated = meetings.dropna(subset=["date"]).copy()
dated["who"] = [c if isinstance(c, str) and c else f"name:{n}" for c, n in zip(dated["chair"], dated["name"])]
distinct = dated.drop_duplicates(subset=["date", "who"])
print(f"{len(distinct)} distinct dated meetings")

# %% Meetings per week (weeks start on Monday)
per_week = (distinct.assign(week=distinct["date"].dt.to_period("W-SUN").dt.start_time)
            .groupby("week").size().rename("meetings").reset_index())
if len(per_week):  # show the empty weeks too
    weeks = pd.date_range(per_week["week"].min(), per_week["week"].max(), freq="7D")
    per_week = per_week.set_index("week").reindex(weeks, fill_value=0).rename_axis("week").reset_index()
per_week.to_csv(OUT / "meetings_per_week.csv", index=False)
print(per_week.to_string(index=False))

# %% Who attended with whom: chair + attendees of each distinct meeting, every pair counted once per meeting
key = ["page_id", "doc_index", "meeting_index"]
people = (attendees.groupby(key)["name"].apply(lambda s: sorted(set(s.dropna()))).rename("names").reset_index())
merged = dated.merge(people, on=key, how="left")
merged["names"] = merged["names"].apply(lambda v: v if isinstance(v, list) else [])
pairs: dict = {}
seen_meetings = set()
for row in merged.itertuples():
    group = sorted(set(row.names) | ({row.chair} if isinstance(row.chair, str) and row.chair else set()))
    ident = (row.date, tuple(group))
    if ident in seen_meetings:
        continue
    seen_meetings.add(ident)
    for a, b in itertools.combinations(group, 2):
        pairs[(a, b)] = pairs.get((a, b), 0) + 1
co = pd.DataFrame([(a, b, n) for (a, b), n in pairs.items()], columns=["a", "b", "meetings"])
co = co.sort_values(["meetings", "a", "b"], ascending=[False, True, True]).reset_index(drop=True)
co.to_csv(OUT / "coattendance.csv", index=False)
print(co.head(15).to_string(index=False))

# %% A font for Chinese names, or numbered labels
cjk = next((f.name for f in font_manager.fontManager.ttflist
            if any(k in f.name for k in ("CJK", "Hei", "Song", "Kai", "WenQuanYi", "Ming", "Han Sans"))), None)
if cjk:
    plt.rcParams["font.sans-serif"] = [cjk] + plt.rcParams["font.sans-serif"]
top = (pd.concat([co[["a", "meetings"]].rename(columns={"a": "p"}), co[["b", "meetings"]].rename(columns={"b": "p"})])
       .groupby("p")["meetings"].sum().sort_values(ascending=False).head(12).index.tolist())
labels = {p: p if cjk else f"P{i + 1}" for i, p in enumerate(top)}
if not cjk:
    pd.DataFrame({"label": [labels[p] for p in top], "name": top}).to_csv(OUT / "people.csv", index=False)

# %% The chart: meetings per week, and the co-attendance matrix of the most connected people
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 5.5), gridspec_kw={"width_ratios": [1.2, 1]})
if len(per_week):
    ax1.bar(per_week["week"].dt.strftime("%Y-%m-%d"), per_week["meetings"], color="#3b6ea5")
    ax1.tick_params(axis="x", rotation=45)
else:
    ax1.text(0.5, 0.5, "no dated meetings found", ha="center", va="center", transform=ax1.transAxes)
ax1.set_title("Meetings per week")
ax1.set_ylabel("distinct meetings")
matrix = pd.DataFrame(0, index=top, columns=top)
for (a, b), n in pairs.items():
    if a in matrix.index and b in matrix.index:
        matrix.loc[a, b] = matrix.loc[b, a] = n
if top:
    im = ax2.imshow(matrix.values, cmap="Blues")
    ax2.set_xticks(range(len(top)), [labels[p] for p in top], rotation=90)
    ax2.set_yticks(range(len(top)), [labels[p] for p in top])
    fig.colorbar(im, ax=ax2, label="meetings together")
else:
    ax2.text(0.5, 0.5, "no attendees found", ha="center", va="center", transform=ax2.transAxes)
    ax2.set_axis_off()
ax2.set_title("Who attended with whom")
fig.tight_layout()
fig.savefig(OUT / "meetings.png", dpi=110)
print(f"wrote {OUT / 'meetings.png'}")
