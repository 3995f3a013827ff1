"""Word lists of the extraction rules: victims, outcomes, and words that make a figure not a casualty."""
from __future__ import annotations

import re

from ..vocab import vocabulary

# Head nouns of a victim noun phrase -> victim group.
VICTIM_NOUNS: dict[str, str] = {}
for group, words in {
    "people": "people persons person others individuals victims lives souls bodies body dead casualties "
              "corpses family families relatives members sons son daughters daughter brothers brother sisters "
              "sister siblings cousins cousin kurds yazidis christians alawites druze sunnis shiites arabs "
              "turkmen assyrians",
    "civilians": "civilians civilian residents resident inhabitants villagers teachers teacher doctors doctor "
                 "nurses nurse medics medic paramedics rescuers rescuer journalists journalist reporters "
                 "volunteers volunteer patients patient employees employee workers worker shoppers farmers "
                 "farmer staff crew crews refugees refugee citizens citizen civilains non-combatants non-fighters "
                 "noncombatants bystanders officials official commissioners commissioner governor mayor mayors "
                 "councillors councillor lawmakers lawmaker judges judge diplomats diplomat engineers engineer "
                 "drivers driver shepherds shepherd fishermen fisherman traders trader merchants merchant vendors "
                 "imams imam priests priest worshipper worshippers passengers passenger pilgrims pilgrim "
                 "activists activist protesters protester demonstrators demonstrator",
    "children": "children child kids kid minors minor boys boy girls girl infants infant babies baby "
                "students student pupils pupil schoolchildren toddlers toddler teenagers teenager",
    "women": "women woman mothers mother wives wife grandmother grandmothers aunts aunt widow widows",
    "men": "men man fathers father husbands husband grandfather grandfathers uncles uncle",
    "combatants": "fighters fighter militants militant rebels rebel jihadists jihadist terrorists terrorist "
                  "insurgents insurgent gunmen gunman militiamen militiaman extremists extremist islamists "
                  "islamist mercenaries mercenary attackers attacker bombers bomber commanders commander "
                  "leaders leader operatives operative combatants combatant snipers sniper heads head "
                  "defectors opposition",
    "security_forces": "soldiers soldier troops trooper troopers police policemen policeman officers officer "
                       "servicemen serviceman personnel guards guard conscripts conscript army forces "
                       "recruits marines airmen pilots pilot gendarmes",
}.items():
    for w in words.split():
        VICTIM_NOUNS[w] = group

# Modifiers that may stand between a figure and its head noun (and every nationality of the
# vocabulary, added below: "two Iraqi policemen", "four Yemeni fishermen").
NOUN_MODIFIERS = {
    "other", "more", "additional", "further", "of", "the", "them", "their", "its", "his", "her",
    "innocent", "unarmed", "local", "young", "old", "elderly", "foreign", "kurdish",
    "is", "isis", "isil", "daesh", "nusra", "al-nusra", "jihadist", "rebel", "regime", "pro-regime",
    "pro-government", "government", "army", "opposition", "islamic", "state", "militant", "allied",
    "armed", "alleged", "suspected", "top", "senior", "jordanian", "lebanese", "hezbollah", "security",
    "police", "military", "civil", "defence", "defense", "aid", "medical", "health", "school", "family",
    "pro-assad", "assad", "loyalist", "loyal", "kurdish-led", "us-backed", "us-trained", "turkish-backed",
    "said", "reportedly", "ypg", "sdf", "fsa", "al-qaeda", "qaeda", "foreigner", "non-syrian", "non-syrians",
    "ambulance", "hospital", "un", "red", "crescent", "white", "helmets", "ordinary", "female", "male",
    "newborn", "unborn", "tribal", "sunni", "shia", "shiite", "christian", "yazidi", "ethnic", "arab",
    "tunisian", "chechen", "egyptian", "moroccan", "european", "western",
}
NOUN_MODIFIERS |= {d.lower() for c in vocabulary().countries.values() for d in c.demonyms}

# Outcome cues. Participles/adjectives that follow the victims ("were killed", "dead").
KILLED_AFTER = {
    "killed", "dead", "died", "die", "dies", "executed", "slain", "massacred", "murdered", "perished",
    "beheaded", "shot", "lost", "succumbed", "martyred", "gassed", "eliminated", "neutralised", "neutralized",
}
INJURED_AFTER = {"wounded", "injured", "hurt", "maimed", "injuries", "wounds", "suffocated", "asphyxiated"}
# Verbs that precede the victims ("killing 15", "wounded 25").
KILLED_BEFORE = {
    "killed", "killing", "kill", "kills", "executed", "executing", "massacred", "murdered", "slew",
    "slaying", "left", "leaving", "claimed", "claiming", "lives", "deaths", "death", "toll", "dead",
    "of",
}
INJURED_BEFORE = {"wounded", "wounding", "injured", "injuring", "wound", "injure", "injuries", "injury", "hurt", "hurting", "maiming", "maimed"}

# an age that stands before a noun: "a six-year-old boy", "a 27-year-old woman"
AGE = re.compile(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week)s?-old$")
# Adjectives before a victim noun that say the outcome ("two dead soldiers", "a wounded child").
OUTCOME_ADJECTIVES = {"dead": "killed", "slain": "killed", "wounded": "injured", "injured": "injured"}
# Verbs that, with "hospital" or "treatment" after them, say the people were injured ("taken to hospital").
TO_HOSPITAL = {"came", "arrived", "taken", "rushed", "transferred", "transported", "admitted", "airlifted", "evacuated", "brought",
               "flown", "sent", "moved", "remained", "remain", "remains", "are", "were", "being", "treated"}
HOSPITALISED = {"hospitalised", "hospitalized", "hospitalised,", "hospitalized,"}

# Head nouns after a figure that mean the figure is not a count of people harmed.
NON_VICTIM = set(
    """strikes strike airstrikes airstrike raids raid rockets rocket shells shell missiles missile bombs bomb
    barrel barrels buildings building houses house homes vehicles vehicle tanks tank cars car km kilometres
    kilometers miles mile metres meters years year days day months month hours hour weeks week minutes
    percent per cent times villages village towns town districts district neighbourhoods neighborhoods
    attacks attack sorties targets target positions position points checkpoints dollars million billion
    tonnes tons litres mortar mortars rounds shots explosions blasts car-bombs suicide hospitals hospital
    schools school mosques mosque markets market trucks truck aircraft jets planes helicopters drones
    cannons cannon weapons sites facilities camps camp hectares acres families-displaced
    """.split()
)

# Stems of casualty words: a sentence with none of them holds no casualty figure (a cheap first look).
_CASUALTY_STEMS = ("kill", "dead", "died", "dies", "death", "toll", "live", "wound", "injur", "hurt", "casualt",
                   "execut", "massacr", "slain", "slew", "maim", "murder", "perish", "behead", "bod", "victim",
                   "succumb", "lost ", "harm", "fatalit", "hospital", "treatment", "corpse", "deceased",
                   "remains", "airlift", "martyr", "gassed", "eliminat", "neutrali", "suffer", "asphyxia", "die ",
                   "life", "suffocat")


class _Hint:
    """``CASUALTY_HINT.search(text)``: whether a casualty stem occurs (substring tests, no regex)."""

    @staticmethod
    def search(text: str) -> bool:
        low = text.lower()
        return any(stem in low for stem in _CASUALTY_STEMS)


CASUALTY_HINT = _Hint()

# An office's title, singular, as it stands before its holder's name ("Governor Talal Barazi said"); one
# person named by it is no count ("killed the head of the local council and 12 civilians")
OFFICE_TITLES = frozenset(("governor", "mayor", "minister", "official", "spokesman", "spokesperson", "spokeswoman",
                           "commander", "director", "chief", "head", "president", "general", "colonel", "prosecutor"))

# Words that end a clause for the purpose of attaching an outcome to a figure.
CLAUSE_BREAKS = {";", ":", "(", ")", "while", "whereas", "but", "although", "though", "after", "before", "since", "when", "as"}
AUX = {
    "were", "was", "have", "has", "had", "been", "be", "being", "are", "is", "also", "reportedly",
    "later", "all", "both", "allegedly", "confirmed", "reported", "now", "so", "far", "either",
    "subsequently", "since", "initially", "previously", "earlier", "already", "among", "found", "believed",
    "feared", "thought", "said", "to", "in", "the", "attack", "strike", "blast", "bombing", "explosion",
    "raid", "shelling", "critically", "seriously", "severely", "slightly", "lightly", "fatally", "mortally",
}
