"""The gap and tallies page of the review app (``/gap``): the admitted series against the
monitors', the latest gap with its rule, every tally; filtered by belligerent; login required."""
from __future__ import annotations

import re

from civcas import api
from store.test_cli_gap import seeded

from .conftest import PASSWORD, login, make_client


def test_the_gap_page_shows_both_series_the_gap_and_every_tally(tmp_path):
    url = seeded(f"sqlite:///{tmp_path / 'gap.db'}")
    api.add_user("vic", "viewer", PASSWORD, db=url)
    with make_client(url) as client:
        assert client.get("/gap").status_code in (303, 401)  # no anonymous reader
        login(client, "vic")
        page = client.get("/gap")
        assert page.status_code == 200
        html = page.text
        section = re.search(r'<section class="gap" data-belligerent="US-led coalition" '
                            r'data-victims="civilians" data-outcome="killed">(.*?)</section>', html, re.S)
        assert section, html[:2000]
        body = section.group(1)
        assert f"<strong>{6200 - 883}–" in body  # the latest monitor figure minus the latest admitted
        admitted = re.findall(r'<tr class="tally admitted">.*?<td class="num">([^<]+)</td>', body, re.S)
        monitors = re.findall(r'<tr class="tally monitors">.*?<td class="num">([^<]+)</td>', body, re.S)
        assert admitted == ["173–173", "883–883"]
        assert monitors == ["1500–1500", "5100–5100", "6200–6200"]
        assert html.count('class="tally-row"') == len(api.tallies(url))
        only = client.get("/gap", params={"belligerent": "Russia"}).text
        assert 'data-belligerent="US-led coalition"' not in only
        assert "<script>alert(1)</script>" not in client.get(
            "/gap", params={"belligerent": "<script>alert(1)</script>"}).text  # escaped
