"""The rows of the vocabulary: actors, sources, countries and place kinds (frozen dataclasses)."""
from __future__ import annotations

from dataclasses import dataclass, field

# What kind of voice a source is. Assessment and the gap read these: only a `belligerent` (or the
# `state_media` that speaks for one) acknowledges or denies harm; `monitor`, `un_ngo`, `medical` and
# `civil_defence` are the independent side; a `news_outlet` relays others and is no independent
# source of its own.
SOURCE_KINDS = ("monitor", "un_ngo", "medical", "civil_defence", "state_media", "belligerent", "official",
                "news_outlet", "local", "activists", "reporter")
INDEPENDENT_KINDS = frozenset({"monitor", "un_ngo", "medical", "civil_defence"})
ACTOR_KINDS = ("state", "coalition", "armed_group", "militia", "generic")


@dataclass(frozen=True)
class Actor:
    """A belligerent: who can cause harm (actors.toml)."""

    id: str
    label: str
    kind: str
    parent: str | None = None
    allies: tuple[str, ...] = ()
    voices: tuple[str, ...] = ()  # source ids that speak for it
    spellings: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    theatre: tuple[str, ...] = ()  # ISO codes where `local` spellings mean it
    local: tuple[str, ...] = ()
    resolve: tuple[tuple[str, str], ...] = ()  # generic rows: (country, actor id)
    ar: tuple[str, ...] = ()
    example: str = ""
    carried: bool = True  # False: a term for one attack's attacker ("a suicide bomber"), never carried to other harm
    air: bool = False  # strikes from the air (warplanes, helicopters): no air strike is charged to one that cannot


@dataclass(frozen=True)
class Source:
    """Who asserts figures (sources.toml)."""

    id: str
    label: str
    kind: str
    speaks_for: str | None = None  # actor id
    national: str | None = None  # a field of Country whose value names it in a report about that country
    generic: bool = False  # a kind of voice, not a body ("officials"): a nationality before it stays ("Iraqi officials")
    spellings: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    theatre: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    ar: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class Country:
    """A country or territory (countries.toml)."""

    code: str
    name: str
    spellings: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    army: str | None = None  # actor id
    state_media: str | None = None  # source id
    health: str | None = None  # label of its health ministry
    ar: tuple[str, ...] = ()
    ar_demonym: str | None = None  # "سوري": its forms ("السورية", "السوريين") name the country's side
    example: str = ""
    capital: str | None = None  # its capital's English name: what "the Syrian capital" names


@dataclass(frozen=True)
class Means:
    """A means of attack and the words that name it (attacks.toml); ``rare``: two attacks by it at
    one place on one day are not to be expected."""

    id: str
    words: tuple[str, ...]
    rare: bool = False
    ar: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class PlaceKind:
    """A kind of place and the words that name it (places.toml)."""

    id: str
    rank: int
    words: tuple[str, ...]
    refer: str | None = None
    building: bool = False
    ar: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class Mention:
    """A vocabulary row named in a text: where, which row, and the name it stands for there.

    ``label`` is the row's canonical name, or for a generic term the actor it means in the
    report's country; ``local`` says whether the spelling names the row only in its theatre.
    """

    start: int
    end: int
    id: str
    label: str
    local: bool = False

    def __init__(self, start: int, end: int, id: str, label: str, local: bool = False) -> None:
        # (faster than the frozen dataclass's object.__setattr__ per field: every sentence names some)
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["id"] = id
        d["label"] = label
        d["local"] = local


@dataclass(frozen=True)
class KindWord:
    """A word in a source's name that tells its kind when the source is not a row ("hospital")."""

    word: str
    kind: str


@dataclass(frozen=True)
class Tables:
    """Every row, by id."""

    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    place_kinds: tuple[PlaceKind, ...] = ()
    kind_words: tuple[KindWord, ...] = ()
    prefixes: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()  # offices a place can head ("the Anbar governor")
    means: tuple[Means, ...] = ()  # means of attack (attacks.toml)
