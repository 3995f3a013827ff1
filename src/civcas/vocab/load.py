"""Read the vocabulary's data files and check them: unique ids, known kinds, references that resolve.

A bad row is a :class:`VocabularyError` naming the file, the row (its id, else its number) and the
field; nothing half-read is ever used.
"""
from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from .model import ACTOR_KINDS, SOURCE_KINDS, Actor, Country, KindWord, Means, PlaceKind, Source, Tables


class VocabularyError(ValueError):
    """A data file of the vocabulary is malformed (file, row and field in the message)."""


def _read(name: str, texts: dict[str, str] | None = None) -> dict[str, Any]:
    if texts is not None and name in texts:
        text = texts[name]
    else:
        text = resources.files("civcas.vocab").joinpath(f"data/{name}").read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"vocab/data/{name}: {exc}") from None


def _strs(row: dict, key: str, where: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise VocabularyError(f"{where}: field {key!r} must be a list of non-empty strings")
    return tuple(value)


def _str(row: dict, key: str, where: str, required: bool = False) -> str | None:
    value = row.get(key)
    if value is None or value == "":
        if required:
            raise VocabularyError(f"{where}: field {key!r} is required")
        return None
    if not isinstance(value, str):
        raise VocabularyError(f"{where}: field {key!r} must be a string")
    return value


def _bool(row: dict, key: str, where: str, default: bool = False) -> bool:
    value = row.get(key, default)
    if not isinstance(value, bool):
        raise VocabularyError(f"{where}: field {key!r} must be true or false")
    return value


def _where(file: str, table: str, i: int, row: dict) -> str:
    return f"vocab/data/{file}: [[{table}]] {row.get('id') or row.get('code') or f'row {i + 1}'}"


def _actors(data: dict) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for i, row in enumerate(data.get("actor", [])):
        w = _where("actors.toml", "actor", i, row)
        resolve = row.get("resolve", {})
        if not isinstance(resolve, dict) or not all(isinstance(v, str) for v in resolve.values()):
            raise VocabularyError(f"{w}: field 'resolve' must map country codes to actor ids")
        actor = Actor(
            id=_str(row, "id", w, True) or "", label=_str(row, "label", w, True) or "",
            kind=_str(row, "kind", w, True) or "", parent=_str(row, "parent", w),
            allies=_strs(row, "allies", w), voices=_strs(row, "voices", w),
            spellings=_strs(row, "spellings", w), patterns=_strs(row, "patterns", w),
            theatre=_strs(row, "theatre", w), local=_strs(row, "local", w),
            resolve=tuple(sorted(resolve.items())), ar=_strs(row, "ar", w),
            example=_str(row, "example", w, True) or "", carried=_bool(row, "carried", w, default=True),
            air=_bool(row, "air", w, default=row.get("kind") in ("state", "coalition")))
        if actor.kind not in ACTOR_KINDS:
            raise VocabularyError(f"{w}: field 'kind' is {actor.kind!r}, not one of {', '.join(ACTOR_KINDS)}")
        if actor.id in out:
            raise VocabularyError(f"{w}: field 'id' repeats an earlier row")
        if actor.local and not actor.theatre:
            raise VocabularyError(f"{w}: field 'theatre' is required with 'local' spellings")
        out[actor.id] = actor
    return out


def _sources(data: dict) -> dict[str, Source]:
    out: dict[str, Source] = {}
    for i, row in enumerate(data.get("source", [])):
        w = _where("sources.toml", "source", i, row)
        source = Source(
            id=_str(row, "id", w, True) or "", label=_str(row, "label", w, True) or "",
            kind=_str(row, "kind", w, True) or "", speaks_for=_str(row, "speaks_for", w),
            national=_str(row, "national", w), generic=_bool(row, "generic", w),
            spellings=_strs(row, "spellings", w), patterns=_strs(row, "patterns", w),
            theatre=_strs(row, "theatre", w), local=_strs(row, "local", w), ar=_strs(row, "ar", w),
            example=_str(row, "example", w, True) or "")
        if source.kind not in SOURCE_KINDS:
            raise VocabularyError(f"{w}: field 'kind' is {source.kind!r}, not one of {', '.join(SOURCE_KINDS)}")
        if source.id in out:
            raise VocabularyError(f"{w}: field 'id' repeats an earlier row")
        if source.local and not source.theatre:
            raise VocabularyError(f"{w}: field 'theatre' is required with 'local' spellings")
        if source.national not in (None, "health"):
            raise VocabularyError(f"{w}: field 'national' must be 'health'")
        out[source.id] = source
    return out


def _kind_words(data: dict) -> tuple[KindWord, ...]:
    out = []
    for i, row in enumerate(data.get("kind_word", [])):
        w = f"vocab/data/sources.toml: [[kind_word]] row {i + 1}"
        kind = _str(row, "kind", w, True) or ""
        if kind not in SOURCE_KINDS:
            raise VocabularyError(f"{w}: field 'kind' is {kind!r}, not one of {', '.join(SOURCE_KINDS)}")
        out.extend(KindWord(word.lower(), kind) for word in _strs(row, "words", w))
    return tuple(out)


def _countries(data: dict) -> dict[str, Country]:
    out: dict[str, Country] = {}
    for i, row in enumerate(data.get("country", [])):
        w = _where("countries.toml", "country", i, row)
        country = Country(
            code=_str(row, "code", w, True) or "", name=_str(row, "name", w, True) or "",
            spellings=_strs(row, "spellings", w), demonyms=_strs(row, "demonyms", w),
            people=_strs(row, "people", w), cities=_strs(row, "cities", w), army=_str(row, "army", w),
            state_media=_str(row, "state_media", w), health=_str(row, "health", w), ar=_strs(row, "ar", w),
            ar_demonym=_str(row, "ar_demonym", w), capital=_str(row, "capital", w),
            example=_str(row, "example", w, True) or "")
        if len(country.code) != 2 or not country.code.isupper():
            raise VocabularyError(f"{w}: field 'code' must be an ISO 3166-1 alpha-2 code")
        if country.code in out:
            raise VocabularyError(f"{w}: field 'code' repeats an earlier row")
        out[country.code] = country
    return out


def _place_kinds(data: dict) -> tuple[PlaceKind, ...]:
    out = []
    for i, row in enumerate(data.get("kind", [])):
        w = _where("places.toml", "kind", i, row)
        rank = row.get("rank")
        if not isinstance(rank, int) or not 1 <= rank <= 6:
            raise VocabularyError(f"{w}: field 'rank' must be an integer from 1 to 6")
        out.append(PlaceKind(id=_str(row, "id", w, True) or "", rank=rank, words=_strs(row, "words", w),
                             refer=_str(row, "refer", w), building=bool(row.get("building", False)),
                             ar=_strs(row, "ar", w), example=_str(row, "example", w, True) or ""))
    return tuple(out)


def _words(data: dict, table: str) -> frozenset[str]:
    return frozenset(_strs(data.get(table, {}), "words", f"vocab/data/places.toml: [{table}]"))


def _means(data: dict) -> tuple[Means, ...]:
    out = []
    for i, row in enumerate(data.get("means", [])):
        w = _where("attacks.toml", "means", i, row)
        out.append(Means(id=_str(row, "id", w, True) or "", words=_strs(row, "words", w),
                         rare=bool(row.get("rare", False)), ar=_strs(row, "ar", w),
                         example=_str(row, "example", w, True) or ""))
    return tuple(out)


def _check_references(t: Tables) -> None:
    for a in t.actors.values():
        w = f"vocab/data/actors.toml: [[actor]] {a.id}"
        for field_name, ids in (("parent", (a.parent,) if a.parent else ()), ("allies", a.allies)):
            for ref in ids:
                if ref not in t.actors:
                    raise VocabularyError(f"{w}: field {field_name!r} names unknown actor {ref!r}")
        for ref in a.voices:
            if ref not in t.sources:
                raise VocabularyError(f"{w}: field 'voices' names unknown source {ref!r}")
        for code, ref in a.resolve:
            if ref not in t.actors:
                raise VocabularyError(f"{w}: field 'resolve' maps {code} to unknown actor {ref!r}")
    for s in t.sources.values():
        if s.speaks_for and s.speaks_for not in t.actors:
            raise VocabularyError(f"vocab/data/sources.toml: [[source]] {s.id}: field 'speaks_for' names "
                                  f"unknown actor {s.speaks_for!r}")
    for c in t.countries.values():
        w = f"vocab/data/countries.toml: [[country]] {c.code}"
        if c.army and c.army not in t.actors:
            raise VocabularyError(f"{w}: field 'army' names unknown actor {c.army!r}")
        if c.state_media and c.state_media not in t.sources:
            raise VocabularyError(f"{w}: field 'state_media' names unknown source {c.state_media!r}")


def load_tables(texts: dict[str, str] | None = None) -> Tables:
    """Every table of the vocabulary, checked; ``texts`` replaces shipped files by name (for tests)."""
    actors, sources = _read("actors.toml", texts), _read("sources.toml", texts)
    countries, places = _read("countries.toml", texts), _read("places.toml", texts)
    tables = Tables(actors=_actors(actors), sources=_sources(sources), countries=_countries(countries),
                    place_kinds=_place_kinds(places), kind_words=_kind_words(sources),
                    prefixes=_words(places, "prefixes"), directions=_words(places, "directions"),
                    quantifiers=_words(places, "quantifiers"), not_places=_words(places, "not_places"),
                    offices=_words(places, "offices"), means=_means(_read("attacks.toml", texts)))
    _check_references(tables)
    return tables
