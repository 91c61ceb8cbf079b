"""Words for the same thing, in English and Spanish: what matching adds to a draft and to a post.

Three sources, each optional but the first:
- the hub's own vocabulary of mutual aid terms (`mutualaid/vocabulary.json`, reviewed by
  hand): regional words (nappies/diapers), everyday names for services, and Spanish for each;
  beside it the situations neighbors write about (`mutualaid/situations.json`: "water through
  the ceiling", "me quieren desalojar"), each with the words offers use for what helps;
- WordNet (Debian's `wordnet-base`), read straight from its files by binary search, for the
  synonyms and the thing one level up of any English noun or verb;
- FreeDict's English–Spanish dictionaries (Debian's `dict-freedict-eng-spa` and
  `dict-freedict-spa-eng`), for a word-by-word translation of a draft.

Nothing here leaves the machine, and a missing source only means fewer words (`manage.py
check` says which are missing and how to add them). Every word found says how it relates to
the word typed, so the reasons a suggestion gives can say it in the reader's words.
"""

import gzip
import json
import mmap
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.json")
SITUATIONS_FILE = Path(__file__).with_name("situations.json")

SAME = "same"  # the same thing in other words, same language
BROADER = "broader"  # the thing one level up (drill -> power tool)
TRANSLATION = "translation"  # the same word in the other language

# WordNet: how many senses of a word count (senses are ordered most common first), and how
# many words each brings, so a word with many meanings doesn't drown a draft.
WORDNET_SENSES = 1
WORDNET_WORDS_PER_WORD = 3
# The kinds of noun a neighbor asks for or offers (WordNet's lexicographer files): acts,
# animals, artifacts, the body, feelings, food, objects, plants, states, substances. A first
# sense elsewhere ("toaster": someone who proposes a toast) is passed over for the next.
WORDNET_NOUN_KINDS = {4, 5, 6, 8, 12, 13, 17, 20, 26, 27}
MAX_RELATED_PER_WORD = 8
# A post is indexed with more of them: they cost nothing when a draft is typed.
POST_RELATED_PER_WORD = 24

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Related:
    word: str  # the related word, lower case
    kind: str  # SAME, BROADER or TRANSLATION
    source: str  # the word it came from, as typed


def words_of(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text or "")]


def plain(word: str) -> str:
    """Lower case without accents: how the hub's search configuration sees a word."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- The hub's vocabulary -------------------------------------------------------------------


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[tuple[str, str]]]:
    """word -> [(related word, kind)], from the groups in vocabulary.json."""
    data = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    related: dict[str, list[tuple[str, str]]] = {}

    def add(word, other, kind):
        if word != other and (other, kind) not in related.setdefault(word, []):
            related[word].append((other, kind))

    for group in data["groups"]:
        english, spanish = group.get("en", []), group.get("es", [])
        broader_en, broader_es = group.get("broader_en", []), group.get("broader_es", [])
        for words, others, broader in (
            (english, spanish, broader_en),
            (spanish, english, broader_es),
        ):
            for word in words:
                key = plain(word)
                for same in words:
                    add(key, same, SAME)
                for other in others:
                    add(key, other, TRANSLATION)
                for up in broader:
                    add(key, up, BROADER)
    # A situation ("burst pipe", "desahucio") brings what helps ("plumber", "inquilinos") in
    # its own language, as the thing one level up; its words are not the same thing as each
    # other ("flood" is not "fire"), so they bring nothing of each other.
    # A word the groups know only in the singular ("drip") keeps what they say of it when a
    # situation names its plural ("drips"), before what helps.
    for situation in _situations():
        for words, helps in (
            (situation.get("en", []), situation.get("helps_en", [])),
            (situation.get("es", []), situation.get("helps_es", [])),
        ):
            for word in words:
                key = plain(word)
                if key not in related:
                    known = next((related[form] for form in _forms(key) if form in related), [])
                    related[key] = list(known)
                for help_word in helps:
                    add(key, help_word, BROADER)
    return related


def _forms(key: str) -> list[str]:
    """A word and the singulars it may be the plural of ("blankets", "frijoles")."""
    forms = [key]
    if key.endswith("ies") and len(key) > 4:
        forms.append(key[:-3] + "y")
    if key.endswith("es") and len(key) > 4:
        forms.append(key[:-2])
    if key.endswith("s") and len(key) > 3:
        forms.append(key[:-1])
    return forms


def _situations() -> list[dict]:
    try:
        return json.loads(SITUATIONS_FILE.read_text(encoding="utf-8"))["situations"]
    except FileNotFoundError:
        return []


@lru_cache(maxsize=1)
def for_whom_words() -> frozenset[str]:
    """Words that name who a post is for ("son", "mamá", "family"), from the vocabulary's
    groups marked `for_whom`: they say little of what is needed or offered."""
    data = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    return frozenset(
        plain(word)
        for group in data["groups"]
        if group.get("for_whom")
        for word in group.get("en", []) + group.get("es", [])
    )


def is_for_whom(word: str) -> bool:
    key = plain(word)
    words = for_whom_words()
    return key in words or (key.endswith("s") and key[:-1] in words)


# --- WordNet ----------------------------------------------------------------------------------


class WordNet:
    """English WordNet 3.0 read from its own files: index lines by binary search, synsets by
    offset. Costs nothing until a word is looked up, and little after."""

    POS = {"n": "noun", "v": "verb"}

    def __init__(self, directory: Path):
        self.directory = directory
        self._index: dict[str, mmap.mmap] = {}
        self._data: dict[str, mmap.mmap] = {}
        self._exceptions: dict[str, dict[str, str]] = {}

    @classmethod
    def available(cls, directory: Path) -> bool:
        return (directory / "index.noun").exists() and (directory / "data.noun").exists()

    def _map(self, name: str) -> mmap.mmap:
        with open(self.directory / name, "rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def _index_line(self, pos: str, lemma: str) -> list[str] | None:
        if pos not in self._index:
            self._index[pos] = self._map(f"index.{self.POS[pos]}")
        data = self._index[pos]
        key = lemma.encode() + b" "
        low, high = 0, len(data)
        while low < high:
            middle = (low + high) // 2
            start = data.rfind(b"\n", 0, middle) + 1
            end = data.find(b"\n", start)
            end = len(data) if end == -1 else end
            line = data[start:end]
            if line.startswith(b"  "):  # the license header comes first, indented
                low = end + 1
                continue
            if line.startswith(key):
                return line.decode().split()
            if line < key:
                low = end + 1
            else:
                high = start
        return None

    def _synset(self, pos: str, offset: int) -> tuple[list[str], list[int]]:
        """(lemmas, hypernym offsets) of the synset at `offset`."""
        return self._read(pos, offset)[1:]

    def _kind(self, pos: str, offset: int) -> int:
        return self._read(pos, offset)[0]

    def _read(self, pos: str, offset: int) -> tuple[int, list[str], list[int]]:
        if pos not in self._data:
            self._data[pos] = self._map(f"data.{self.POS[pos]}")
        data = self._data[pos]
        end = data.find(b"\n", offset)
        fields = data[offset:end].decode().split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i] for i in range(count)]
        rest = fields[4 + 2 * count :]
        pointers = int(rest[0])
        hypernyms = [
            int(rest[1 + 4 * i + 1])
            for i in range(pointers)
            if rest[1 + 4 * i] in ("@", "@i") and rest[1 + 4 * i + 2] == pos
        ]
        words = [re.sub(r"\(.*\)$", "", lemma).lower() for lemma in lemmas]
        return int(fields[1]), words, hypernyms

    def _base_forms(self, pos: str, word: str) -> list[str]:
        if pos not in self._exceptions:
            self._exceptions[pos] = {}
            path = self.directory / f"{self.POS[pos]}.exc"
            if path.exists():
                for line in path.read_text().splitlines():
                    parts = line.split()
                    if len(parts) >= 2:
                        self._exceptions[pos][parts[0]] = parts[1]
        forms = [word]
        if word in self._exceptions[pos]:
            forms.append(self._exceptions[pos][word])
        endings = (
            [("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")]
            if pos == "n"
            else [("ies", "y"), ("es", ""), ("es", "e"), ("s", ""), ("ed", "e"), ("ed", "")]
            + [("ing", "e"), ("ing", "")]
        )
        for ending, replacement in endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                forms.append(word[: -len(ending)] + replacement)
        return list(dict.fromkeys(forms))

    def related(self, word: str) -> list[Related]:
        found: list[Related] = []
        for pos in ("n", "v"):
            for form in self._base_forms(pos, word):
                line = self._index_line(pos, form)
                if not line:
                    continue
                synset_count = int(line[2])
                offsets = [int(offset) for offset in line[-synset_count:]]
                if pos == "n":
                    offsets = [o for o in offsets if self._kind(pos, o) in WORDNET_NOUN_KINDS]
                for offset in offsets[:WORDNET_SENSES]:
                    lemmas, hypernyms = self._synset(pos, offset)
                    found += [
                        Related(lemma, SAME, word)
                        for lemma in lemmas
                        if "_" not in lemma and lemma not in (word, form)
                    ]
                    if offset == offsets[0]:
                        for hypernym in hypernyms[:1]:
                            up, _ = self._synset(pos, hypernym)
                            found += [
                                Related(lemma.replace("_", " "), BROADER, word) for lemma in up[:2]
                            ]
                break  # the first base form WordNet knows is the word
            if found:
                break  # a noun reading, if there is one, is what a post means
        unique = list({(each.word, each.kind): each for each in found}.values())
        return unique[:WORDNET_WORDS_PER_WORD]


@lru_cache(maxsize=1)
def wordnet() -> WordNet | None:
    directory = Path(getattr(settings, "WORDNET_DIR", "/usr/share/wordnet"))
    return WordNet(directory) if WordNet.available(directory) else None


# --- FreeDict ---------------------------------------------------------------------------------


def _freedict_path(pair: str) -> Path:
    return Path(getattr(settings, "FREEDICT_DIR", "/usr/share/dictd")) / f"freedict-{pair}"


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _dictd_number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


@lru_cache(maxsize=2)
def freedict(pair: str) -> dict[str, list[str]]:
    """headword -> translations, for "eng-spa" or "spa-eng"; empty when not installed.

    The dictd index gives each entry's place in the (decompressed) dictionary: a headword
    line with its pronunciation, then one line of translations per sense.
    """
    base = _freedict_path(pair)
    try:
        with gzip.open(f"{base}.dict.dz", "rb") as file:
            text = file.read()
        index = Path(f"{base}.index").read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    entries: dict[str, list[str]] = {}
    for line in index:
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        headword = parts[0].strip().lower()
        if not headword.isalpha():
            continue
        start, length = _dictd_number(parts[1]), _dictd_number(parts[2])
        body = text[start : start + length].decode("utf-8", errors="replace").splitlines()[1:]
        translations = entries.setdefault(headword, [])
        for sense in body:
            sense = re.sub(r"^\s*\d+\.\s*", "", sense)
            for part in re.split(r"[,;]", sense):
                part = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", part).strip().lower()
                if part.isalpha() and part not in translations:
                    translations.append(part)
    return {word: found[:3] for word, found in entries.items() if found}


# --- Putting them together ----------------------------------------------------------------


@lru_cache(maxsize=20_000)
def related_words(
    word: str, *, language: str = "en", limit: int = MAX_RELATED_PER_WORD, general: bool = True
) -> tuple[Related, ...]:
    """The words for the same thing as `word` (typed in `language`), best first.

    The hub's vocabulary comes first. Where it doesn't know a word, and `general` allows,
    WordNet and FreeDict speak for it (they know every word, in all its senses, so they only
    ever add a few words for a draft, and none for a post).
    """
    word = word.lower()
    found: list[Related] = [Related(other, kind, word) for other, kind in _known(word)]
    if general and not found:
        if language == "en" and (net := wordnet()) is not None:
            found += net.related(word)
        pair = "eng-spa" if language == "en" else "spa-eng"
        found += [Related(other, TRANSLATION, word) for other in freedict(pair).get(word, [])[:2]]
    unique: dict[str, Related] = {}
    for each in found:
        if plain(each.word) != plain(word):
            unique.setdefault(plain(each.word), each)
    return tuple(unique.values())[:limit]


def _known(word: str) -> list[tuple[str, str]]:
    """What the vocabulary says of `word`, or of its singular ("blankets", "frijoles")."""
    words = vocabulary()
    return next((words[form] for form in _forms(plain(word)) if form in words), [])


# The vocabulary names some things in two or three words ("breast pump", "tierra para
# macetas"): a text's runs of that many words are looked up too.
PHRASE_LENGTHS = (3, 2)


def phrases_in(text: str) -> list[tuple[list[str], list[tuple[str, str]]]]:
    """The vocabulary's phrases in `text`: (the phrase's words, what the vocabulary says)."""
    words = words_of(text)
    known = vocabulary()
    found = []
    for length in PHRASE_LENGTHS:
        for start in range(len(words) - length + 1):
            phrase = words[start : start + length]
            related = known.get(plain(" ".join(phrase)))
            if related:
                found.append((phrase, related))
    return found


def related_text(text: str, *, language: str) -> str:
    """What the hub's vocabulary says of the words of `text`, as one string to index beside
    it: the words for the same things, in both languages, and the broader things."""
    seen: dict[str, None] = {}
    for _phrase, related in phrases_in(text):
        for other, _kind in related[:POST_RELATED_PER_WORD]:
            seen.setdefault(other, None)
    for word in words_of(text):
        if len(word) < 3:
            continue
        for related in related_words(
            word, language=language, limit=POST_RELATED_PER_WORD, general=False
        ):
            seen.setdefault(related.word, None)
    return " ".join(seen)[:2000]


# --- Which language a post is in ------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SPANISH_WORDS = _word_set(
    """el la los las un una unos unas de del y o que en para por con sin mi mis tu su sus es
    son está están necesito necesita busco tengo tenemos puedo puede quien alguien algo muy
    más pero como cuando donde también ayuda gracias semana hoy mañana niño niña hijo hija
    casa comida ropa talla"""
)
_ENGLISH_WORDS = _word_set(
    """the a an of and or that in for by with without my your his her their is are be need
    needs looking have has can could someone anyone something very more but when where also
    help thanks week today tomorrow kid kids son daughter home food clothes size this it to
    on at from"""
)


def detect_language(text: str, *, default: str = "en") -> str:
    """'en' or 'es' for a post, from its common words and letters; `default` when unsure."""
    words = words_of(text)
    spanish = sum(word in _SPANISH_WORDS for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    spanish += 2 * sum(char in "ñ¿¡áéíóú" for char in (text or "").lower())
    if spanish > english:
        return "es"
    if english > spanish:
        return "en"
    return default if default in ("en", "es") else "en"


def missing_sources() -> list[str]:
    """What is not installed, in words for `manage.py check`."""
    missing = []
    if wordnet() is None:
        missing.append("WordNet (apt-get install wordnet-base)")
    if not freedict("eng-spa") or not freedict("spa-eng"):
        missing.append("FreeDict (apt-get install dict-freedict-eng-spa dict-freedict-spa-eng)")
    return missing
