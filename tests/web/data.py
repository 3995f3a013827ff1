"""Reports written for the web tests (invented places, outlets and figures)."""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place

KORVA = Place("Korva", 34.100, 38.200, "SY", "Homs", precision="village", geonames_id=901)
MELTA = Place("Melta", 34.130, 38.210, "SY", "Homs", precision="village", geonames_id=902)
DARIN = Place("Darin", 36.200, 43.100, "IQ", "Nineveh", precision="village", geonames_id=903)

HOSTILE = ('Shelling of Melta <script>window.pwned=1</script> killed 5 civilians '
           '<img src=x onerror="window.pwned=2">, a medic said.')


def reports():
    """Korva: one strike told twice; Melta: a strike the same day nearby (hostile markup in
    the text); Darin: a raid in another country."""
    t1 = ("Jets struck the bakery in Korva on Monday, killing 12 civilians, the Korva "
          "Relief Network said. The army said it hit only fighters.")
    t2 = ("At least 14 civilians died in Korva when the bakery was bombed on Monday, "
          "hospital staff said.")
    t4 = "A drone raid on Darin killed 3 civilians on Friday, the provincial council said."
    return [
        make_result("korva-wire", t1, [
            dict(phrase="killing 12 civilians", low=12, high=12,
                 source="Korva Relief Network", place="Korva", event_date="2021-03-01",
                 perpetrator="Syrian government forces", geo=KORVA),
            dict(phrase="hit only fighters", outcome="casualties", low=0, high=0,
                 qualifier="none", source="the army", place="Korva",
                 event_date="2021-03-01", perpetrator="Syrian government forces", geo=KORVA),
        ], published="2021-03-02", outlet="Wire Alpha", url="https://example.org/korva"),
        make_result("korva-daily", t2, [
            dict(phrase="At least 14 civilians died", low=14, qualifier="at_least",
                 source="hospital staff", place="Korva", event_date="2021-03-01",
                 perpetrator="Syrian government forces", geo=KORVA),
        ], published="2021-03-02", outlet="Daily Beta", url="javascript:alert(1)"),
        make_result("melta-post", HOSTILE, [
            dict(phrase="killed 5 civilians", low=5, high=5, source="a medic",
                 place="Melta", event_date="2021-03-01", geo=MELTA),
        ], published="2021-03-02", outlet="Post <b>Gamma</b>",
            title='Melta <script>alert("t")</script> shelled'),
        make_result("darin-news", t4, [
            dict(phrase="killed 3 civilians", low=3, high=3, source="provincial council",
                 place="Darin", event_date="2021-04-09", perpetrator="Islamic State",
                 geo=DARIN),
        ], published="2021-04-10", outlet="News Delta"),
    ]
