"""Preview a few partnerships: a site with only them and the partnerships they link to.

Why: `mkdocs serve` rebuilds the whole site on every save. For a regional
site that is two seconds; for a national directory of 150 partnerships it
is half a minute. A communications officer checking a change to one
partnership needs its pages, and those of the partnerships it is linked
with (a multi-area arrangement and its members, another partnership's
group it reports to), not every other partnership's.

The whole data folder is still loaded and checked first, so a preview
reports exactly the problems the published build would.
"""

from __future__ import annotations

from collections.abc import Iterable

from arrangements.data.dataset import Dataset
from arrangements.data.model import Arrangements
from arrangements.data.problems import did_you_mean


def links(arrangements: Arrangements) -> set[str]:
    """Ids of the other partnerships these arrangements name."""
    named = set(arrangements.multi_area)
    named.update(member.partnership for member in arrangements.members if member.partnership)
    refs = [ref for group in arrangements.groups
            for ref in (*group.reports_to, *group.accountable_to, *group.links_with)]
    refs += [ref for agency in arrangements.agencies for ref in agency.groups]
    named.update(ref.rpartition("/")[0] for ref in refs if "/" in ref)
    return named


def preview(dataset: Dataset, ids: Iterable[str]) -> Dataset:
    """A dataset of the partnerships asked for and, following links both ways, those linked to them.

    Raises ValueError, in words for the person who typed the id, if one is unknown.
    """
    ids = list(ids)
    unknown = [pid for pid in ids if pid not in dataset.partnerships]
    if unknown:
        hints = "; ".join(filter(None, (did_you_mean(pid, dataset.partnerships) for pid in unknown)))
        raise ValueError(f"no partnership called {', '.join(repr(u) for u in unknown)} in the data"
                         f"{' (' + hints + ')' if hints else ''}: use a folder name under data/partnerships/, "
                         f"e.g. ONLY={next(iter(dataset.partnerships), 'north-somerset')}")
    # Why both ways: a local partnership names its multi-area arrangement, and
    # the arrangement's pages list its members; either side must find the other.
    neighbours: dict[str, set[str]] = {pid: set() for pid in dataset.partnerships}
    for pid, partnership in dataset.partnerships.items():
        for version in partnership.versions:
            for other in links(version.arrangements) & neighbours.keys():
                neighbours[pid].add(other)
                neighbours[other].add(pid)
    keep, todo = set(ids), list(ids)
    while todo:
        for other in neighbours[todo.pop()] - keep:
            keep.add(other)
            todo.append(other)
    return Dataset(
        root=dataset.root,
        partnerships={pid: p for pid, p in dataset.partnerships.items() if pid in keep},
        schedule=dataset.schedule,
        checklists=dataset.checklists,
        problems=dataset.problems,
        unloaded=dataset.unloaded,
    )
