"""Matching: rank the open posts of one side against a draft from the other side.

Works on any QuerySet of posts it is handed (the caller decides what is open and visible),
as long as the model has `title`, `details`, `search` (a stored tsvector built with
SEARCH_CONFIG), `category`, `area` and `created_at`. A `match_boost` annotation, when present,
adds to the score (needs use it for urgency). A `readable_search` alias, when present, holds
the words the viewer may read: posts are found and scored on those alone (the stored
`search` still finds candidates through its index). The core imports no app.

Why it stays fast on a big table: we never rank every row that matches a common word. Each
draft word brings a bounded number of the freshest posts containing it (a GIN bitmap for
rare words, a walk down the "open, newest first" index for common ones), the freshest posts
in the draft's own category and area that share a word come too, and only that bounded
candidate set is scored, all in one statement.

Typos: a typed word that no title has used is looked up, by trigram similarity, among the
words titles have used (TitleWord, a few thousand rows); close spellings join the draft as
extra words. That is one more short query, and only for drafts with such a word.
"""

import math
import re
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import F
from django.utils.translation import gettext as _

from . import lexicon
from .models import TitleWord

# The hub's text search configuration, made by the core's first migration: English stemming
# with accents removed. Every stored search vector uses it (posts, meetings' decisions).
SEARCH_CONFIG = "hub_english"

MAX_WORDS = 6
PER_WORD = 40
# The rarest words of a draft say the most about it, so they bring PER_WORD candidates each;
# the draft's other words bring a few, which keeps a long draft as cheap as a short one.
RAREST_WORDS = 2
PER_OTHER_WORD = 10
TITLE_WORDS = 3
PER_TITLE_WORD = 20
# The category and area boosts make a neighbor's post in the same category and area a strong
# fit, so the freshest of those sharing any word are always candidates too.
PER_LOCAL = 20
NO_WORDS_CANDIDATES = 40
# Near spellings: a typed word no title has used is looked up among the words titles have
# used (TitleWord): the trigram index makes a first cut, then the letters must mostly agree.
TYPO_MIN_LENGTH = 5
TYPO_SIMILARITY = 0.3
TYPO_MATCH = 0.8
TYPO_LOOKUP = 5
TYPO_SPELLINGS = 2

WEIGHT_TEXT = 1.0
WEIGHT_CATEGORY = 0.3
WEIGHT_AREA = 0.2
WEIGHT_FRESH = 0.1
FRESH_DAYS = 30

# Words for the same thing (mutualaid.lexicon): each typed word brings a few, and they count
# for less than the words typed; a post must fit the draft at least this well to be shown.
RELATED_PER_WORD = 5
WEIGHT_RELATED = 0.5
# How much each kind of related word counts, against the typed word's 1: the same word in
# the other language nearly as much, another word for the same thing half, the thing one
# level up a quarter.
WEIGHT_OF_KIND = {lexicon.TRANSLATION: 0.8, lexicon.SAME: WEIGHT_RELATED, lexicon.BROADER: 0.5}
MIN_TEXT_SCORE = 0.24
COMMON_RELATED = 0.02
# A word for who a post is for ("my son", "mi mamá") says little of what is needed.
WEIGHT_FOR_WHOM = 0.3
# A word of the details says less of what the draft is about than a word of its title.
WEIGHT_DETAILS = 0.4
# ts_rank gives a word found once in a title about 0.6: that covers its idea to about 0.9.
COVER_STEEPNESS = 4
# How ts_rank weighs where a word is found ({D, C, B, A}): the title (A) most, the details
# (B) less; the title's translation and its words for the same things (C) nearly as much as
# the title, as they say what it is about in the reader's words; the details' (D) least.
RANK_WEIGHTS = "{0.25, 0.7, 0.4, 1.0}"
_WORD = re.compile(r"\w+", re.UNICODE)
# websearch_to_tsquery gives these words a meaning; a draft's words are only words.
_OPERATOR_WORDS = {"or", "and", "not"}
# Words that carry no meaning for matching; skipping them early keeps the word budget for
# the words that do (PostgreSQL would drop them anyway).
_SKIP_WORDS = {
    "a",
    "an",
    "the",
    "for",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "and",
    "or",
    "is",
    "are",
    "was",
    "be",
    "it",
    "its",
    "this",
    "that",
    "me",
    "we",
    "you",
    "i",
    "im",
    "am",
    "can",
    "could",
    "would",
    "will",
    "any",
    "some",
    "just",
    "please",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "need",
    "needs",
    "want",
    "looking",
    "have",
    "got",
    # Spanish: PostgreSQL's English configuration would keep these as words.
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "unos",
    "unas",
    "de",
    "del",
    "y",
    "o",
    "que",
    "en",
    "para",
    "por",
    "con",
    "sin",
    "mi",
    "mis",
    "tu",
    "su",
    "sus",
    "es",
    "son",
    "esta",
    "está",
    "necesito",
    "necesita",
    "busco",
    "tengo",
    "quiero",
    "alguien",
    "algo",
    "favor",
    "hola",
    "al",
    "lo",
    "se",
    "muy",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
}


def draft_words(text: str, *, limit: int = MAX_WORDS) -> list[str]:
    """The distinct words of a draft, in order, at most `limit`."""
    seen = []
    for word in _WORD.findall((text or "").lower()):
        word = word.strip("_")
        if (
            len(word) < 2
            or word.isdigit()
            or word in _OPERATOR_WORDS
            or word in _SKIP_WORDS
            or word in seen
        ):
            continue
        seen.append(word)
        if len(seen) == limit:
            break
    return seen


# The words PostgreSQL's own English and Spanish configurations leave out (Snowball's stop
# word lists: "he", "nothing" is kept; "este", "somos", "nada" are not), asked once per word
# and remembered per process.
STOP_CONFIGS = {"en": "english", "es": "spanish"}
_stop_cache: dict[str, frozenset[str]] = {}
STOP_CACHE_SIZE = 20_000
# How many of a draft's first words are looked at to find the MAX_WORDS that mean something.
LOOK_AT_WORDS = 24


def stop_languages(words: list[str]) -> dict[str, frozenset[str]]:
    """For each word, the languages ("en", "es") in which it is a stop word."""
    missing = [word for word in words if word not in _stop_cache]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, to_tsvector('english'::regconfig, w) = '',"
                " to_tsvector('spanish'::regconfig, w) = ''"
                " FROM unnest(%s::text[]) w",
                [missing],
            )
            if len(_stop_cache) > STOP_CACHE_SIZE:
                _stop_cache.clear()
            for word, english, spanish in cursor.fetchall():
                _stop_cache[word] = frozenset(
                    language for language, stop in (("en", english), ("es", spanish)) if stop
                )
    return {word: _stop_cache[word] for word in words}


def meaningful_words(text: str, language: str) -> list[str]:
    """The first MAX_WORDS distinct words of a draft that mean something: without English
    stop words, nor Spanish ones in a Spanish draft ("son" is a word in English)."""
    words = draft_words(text, limit=LOOK_AT_WORDS)
    stops = stop_languages(words)
    kept = [word for word in words if "en" not in stops[word] and language not in stops[word]]
    return kept[:MAX_WORDS]


def related_to(
    typed: list[str], language: str, *, text: str = ""
) -> dict[str, list[lexicon.Related]]:
    """For each typed word, the few words for the same thing that come with it.

    A phrase the vocabulary knows ("breast pump") speaks for the word of it that names the
    thing (the last in English, the first in Spanish), before that word's own related words.
    A related phrase counts by its main word ("power tools" → "tools"); others of several
    words would bring words of their own ("driver" from "drill driver").
    """
    from_phrases: dict[str, list[lexicon.Related]] = {}
    for phrase, said in lexicon.phrases_in(text):
        present = [word for word in phrase if word in typed]
        if not present:
            continue
        head = present[0] if language == "es" else present[-1]
        source = " ".join(phrase)
        from_phrases.setdefault(head, []).extend(
            lexicon.Related(other, kind, source) for other, kind in said
        )
    found = {}
    for word in typed:
        related = []
        for each in [*from_phrases.get(word, []), *lexicon.related_words(word, language=language)]:
            parts = lexicon.words_of(each.word)
            if len(parts) > 1:
                if each.kind != lexicon.BROADER or language != "en":
                    continue
                parts = parts[-1:]
            for part in parts:
                if part not in typed and part not in _SKIP_WORDS and len(part) > 1:
                    related.append(lexicon.Related(part, each.kind, word))
        found[word] = list({each.word: each for each in related}.values())[:RELATED_PER_WORD]
    return found


def search_query(text: str) -> SearchQuery | None:
    """Web-search syntax that cannot break: the draft's words OR'd together, or None."""
    words = draft_words(text)
    if not words:
        return None
    return SearchQuery(" or ".join(words), search_type="websearch", config=SEARCH_CONFIG)


@dataclass
class Suggestion:
    post: object
    score: float
    reasons: list[str] = field(default_factory=list)
    # How well the words fit, from 0 to 1 (the score adds category, area, freshness).
    fit: float = 0.0


_lexeme_cache: dict[str, frozenset[str]] = {}
LEXEME_CACHE_SIZE = 20_000


def word_lexemes(words: list[str]) -> dict[str, frozenset[str]]:
    """How PostgreSQL stems each word (stop words stem to nothing), remembered per process."""
    missing = [word for word in words if word not in _lexeme_cache]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, tsvector_to_array(to_tsvector(%s::regconfig, w))"
                " FROM unnest(%s::text[]) w",
                [SEARCH_CONFIG, missing],
            )
            if len(_lexeme_cache) > LEXEME_CACHE_SIZE:
                _lexeme_cache.clear()
            for word, lexemes in cursor.fetchall():
                _lexeme_cache[word] = frozenset(lexemes)
    return {word: _lexeme_cache[word] for word in words}


def rank(
    queryset,
    *,
    text: str,
    category=None,
    area=None,
    limit: int = 5,
    viewer=None,
    language: str | None = None,
    title: str | None = None,
) -> list[Suggestion]:
    """The best `limit` posts of `queryset` for a draft, with the reasons they fit.

    `viewer` is whose eyes the reasons are for: words that only appear in details the viewer
    may not read are never named.
    """
    category_id = getattr(category, "pk", category)
    area_id = getattr(area, "pk", area)
    language = language or lexicon.detect_language(text, default=_reader_language())
    typed = meaningful_words(text, language)
    # Words of the title (when the caller says which they are) say what the draft is about.
    in_title = set(meaningful_words(title, language)) if title is not None else set(typed)
    related = related_to(typed, language, text=text)
    extra = list(dict.fromkeys(r.word for found in related.values() for r in found))
    extra = [word for word in extra if word not in typed]
    lexemes = word_lexemes(typed + extra)
    searchable = [word for word in typed if lexemes.get(word)]
    table = queryset.model._meta.db_table
    _rows, frequencies = lexeme_frequencies(table)
    # A typed word too rare to be in the statistics may be misspelled: look for the spellings
    # titles use (one short query, only when there is such a word).
    spellings = near_spellings(
        [word for word in typed if lexemes.get(word) and not lexemes[word] & frequencies.keys()],
        lexemes,
        table,
    )
    known = set().union(*(lexemes[word] for word in searchable))
    # A word no post uses finds nothing itself: its close spellings search in its place.
    searchable = [word for word in searchable if word not in spellings]
    # Each typed word is one idea: itself (or its close spellings) and its related words.
    concepts = []
    for word in typed:
        own = [word] if word in searchable else []
        exact = [spelling for spelling in spellings.get(word, []) if spelling not in known]
        others = [
            each.word
            for each in related.get(word, [])
            if lexemes.get(each.word) and not lexemes[each.word] <= known
        ]
        if own or exact or others:
            kinds = {each.word: each.kind for each in related.get(word, [])}
            concept = Concept(
                typed=own, exact=exact, related=others, in_title=word in in_title, kinds=kinds
            )
            concept.weight = _rarity_weight(_share(concept, lexemes, frequencies))
            if lexicon.is_for_whom(word):
                concept.weight *= WEIGHT_FOR_WHOM
            if not concept.in_title:
                concept.weight *= WEIGHT_DETAILS
            concepts.append(concept)

    nothing_typed = not typed and (category_id is not None or area_id is not None)
    if not (concepts or nothing_typed):
        return []
    base = queryset.order_by("-created_at")
    posts_sql, posts_params = _posts_sql(base)
    if concepts:
        candidates_sql, candidate_params = _candidates_sql(
            posts_sql,
            posts_params,
            table,
            concepts,
            lexemes,
            category_id=category_id,
            area_id=area_id,
            readable_only=_readable_only(base),
        )
    else:
        # Nothing typed yet: the freshest posts in the chosen category or area.
        if category_id is not None:
            base = base.filter(category_id=category_id)
        if area_id is not None:
            base = base.filter(area_id=area_id)
        candidates_sql, candidate_params = base.values_list("pk")[
            :NO_WORDS_CANDIDATES
        ].query.sql_with_params()

    # Score the candidates and keep the best; only those few are then read as posts, with
    # their owner, area and category (joining them before the cut cost more than a query).
    text_sql, text_params = _text_score_sql(concepts)
    rest_sql, rest_params = _score_sql(
        category_id, area_id, "match_boost" in queryset.query.annotations
    )
    # A draft with words must fit a post's words at least a little: same category and area
    # alone don't make a fit.
    fits = f"WHERE top.text_score >= {MIN_TEXT_SCORE:f}" if concepts else ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT top.pk, top.score, top.text_score,"  # noqa: S608
            " tsvector_to_array(ts_filter(top.search, '{a,b}')),"
            " tsvector_to_array(ts_filter(top.search, '{a}')),"
            " tsvector_to_array(ts_filter(top.search, '{c,d}')),"
            " tsvector_to_array(ts_filter(top.search, '{c}'))"
            f" FROM (SELECT t.c_pk AS pk, {text_sql} AS text_score,"
            f" {text_sql} + {rest_sql} AS score, t.c_search AS search"
            f" FROM ({posts_sql}) t WHERE t.c_pk IN ({candidates_sql})) top {fits}"
            " ORDER BY top.score DESC, top.pk DESC LIMIT %s",
            [
                *text_params,
                *text_params,
                *rest_params,
                *posts_params,
                *candidate_params,
                int(limit),
            ],
        )
        best = cursor.fetchall()
    if not best:
        return []
    # Read through the same QuerySet, so a post hidden or withdrawn a moment ago stays out.
    by_pk = queryset.select_related("owner", "area", "category").in_bulk(
        [pk for pk, *_rest in best]
    )
    said = Said(lexemes=lexemes, typed=typed, related=related, spellings=spellings)
    suggestions = []
    for pk, score, fit, original, original_title, derived, derived_title in best:
        post = by_pk.get(pk)
        if post is None:  # gone or closed a moment ago
            continue
        post.score = score
        post.words_of = {
            "original": set(original),
            "original_title": set(original_title),
            "derived": set(derived),
            "derived_title": set(derived_title),
        }
        suggestions.append(
            Suggestion(
                post=post,
                score=round(score, 4),
                fit=round(fit, 4),
                reasons=_reasons(post, said, category_id, area_id, viewer, language),
            )
        )
    return suggestions


@dataclass
class Concept:
    """One typed word's idea: the word (or its close spellings) and its related words."""

    typed: list[str]
    exact: list[str]
    related: list[str]
    in_title: bool = True
    weight: float = 1.0
    kinds: dict = field(default_factory=dict)  # related word -> lexicon kind


def _share(concept: Concept, lexemes, frequencies) -> float:
    """The share of posts holding any word of the idea (PostgreSQL's statistics)."""
    found = {lexeme for word in concept.typed + concept.related for lexeme in lexemes[word]}
    found |= set(concept.exact)
    return min(1.0, sum(frequencies.get(lexeme, 0.0) for lexeme in found))


def _rarity_weight(share: float) -> float:
    """Rare words say more about a draft than words half the posts use ("extra", "warm")."""
    return max(0.25, min(2.0, -math.log10(max(share, 1e-4)) / 2))


@dataclass
class Said:
    """What the draft said, for the reasons: lexemes of every word and where each came from."""

    lexemes: dict
    typed: list[str]
    related: dict
    spellings: dict


def _reader_language() -> str:
    from django.utils import translation

    language = (translation.get_language() or "en")[:2]
    return language if language in ("en", "es") else "en"


def _posts_sql(base) -> tuple[str, list]:
    """The posts `base` allows, as SQL with the columns matching reads (`c_…`)."""
    columns = {
        "c_pk": F("pk"),
        "c_created": F("created_at"),
        "c_category": F("category"),
        "c_area": F("area"),
        "c_search": F("readable_search" if _readable_only(base) else "search"),
        "c_indexed": F("search"),
        "c_own": F("own_search"),
        "c_title": F("title"),
    }
    if "match_boost" in base.query.annotations:
        columns["c_boost"] = F("match_boost")
    return base.order_by().values(**columns).query.sql_with_params()


def _readable_only(queryset) -> bool:
    return "readable_search" in queryset.query.annotations


def _text_score_sql(concepts) -> tuple[str, list]:
    """How much of the draft a post `t` covers, from 0 to 1.

    Each idea of the draft counts by its rarity (rare words say more than "warm" or "extra"),
    and is covered as far as the post holds its typed word (or a close spelling), or, for
    WEIGHT_RELATED of that, a related word. Words in a post's title count more than in its
    details, and its own related words and translation less (weights A, B, C, D).
    """
    parts, params = [], []
    total = sum(concept.weight for concept in concepts)
    for concept in concepts:
        terms = []
        # ts_rank divides an OR'd query's rank by its number of words; multiplied back, any
        # one of them found counts fully.
        if concept.typed or concept.exact:
            any_typed, typed_params = _any_word_sql(concept.typed, concept.exact)
            count = len(concept.typed) + len(concept.exact)
            terms.append(f"{count} * ts_rank('{RANK_WEIGHTS}', t.c_search, {any_typed})")
            params += typed_params
        for kind, weight in WEIGHT_OF_KIND.items():
            words = [word for word in concept.related if concept.kinds.get(word) == kind]
            if words:
                any_related, related_params = _any_word_sql(words, [])
                terms.append(
                    f"{weight * len(words)} * ts_rank('{RANK_WEIGHTS}', t.c_search, {any_related})"
                )
                params += related_params
        covered = f"(1 - EXP(-{COVER_STEEPNESS} * ({' + '.join(terms)})))"
        parts.append(f"{concept.weight / total:.4f} * {covered}")
    if not parts:
        return "0", []
    return f"({WEIGHT_TEXT} * ({' + '.join(parts)}))", params


def _score_sql(category_id, area_id, boost: bool) -> tuple[str, list]:
    """What else makes a post `t` (see _posts_sql) fit: category, area, freshness, urgency."""
    parts = [
        f"{WEIGHT_FRESH} * GREATEST(0, 1 - EXTRACT(EPOCH FROM (NOW() - t.c_created))"
        f" / {86400.0 * FRESH_DAYS})"
    ]
    params: list = []
    if category_id is not None:
        parts.append(f"CASE WHEN t.c_category = %s THEN {WEIGHT_CATEGORY} ELSE 0 END")
        params.append(int(category_id))
    if area_id is not None:
        parts.append(f"CASE WHEN t.c_area = %s THEN {WEIGHT_AREA} ELSE 0 END")
        params.append(int(area_id))
    if boost:
        parts.append("COALESCE(t.c_boost, 0)")
    return "(" + " + ".join(parts) + ")", params


_spelling_cache: dict[tuple[str, str], tuple[float, tuple[str, ...]]] = {}
SPELLING_CACHE_SIZE = 20_000


def forget_cached() -> None:
    """Drop what this process remembers of the posts (statistics, near spellings)."""
    _stats_cache.clear()
    _spelling_cache.clear()


def near_spellings(words: list[str], lexemes, table: str) -> dict[str, list[str]]:
    """For each of `words` that no post in `table` uses, the close spellings titles have used.

    Spellings come back as lexemes ("jaket" → ["jacket"]). Short words are left alone: one
    letter more or less turns too many of them into another word ("love" → "glove"). What
    is found is remembered per process for a few minutes, like the statistics: a live draft
    sends the same words on every keystroke.
    """
    wanted: dict[str, str] = {}
    for word in words:
        if len(word) < TYPO_MIN_LENGTH:
            continue
        for lexeme in sorted(lexemes[word]):
            wanted.setdefault(lexeme, word)
    now = time.monotonic()
    known: dict[str, tuple[str, ...]] = {}
    for lexeme in wanted:
        cached = _spelling_cache.get((table, lexeme))
        if cached and now - cached[0] < STATS_SECONDS:
            known[lexeme] = cached[1]
    missing = [lexeme for lexeme in wanted if lexeme not in known]
    if missing:
        words_table = TitleWord._meta.db_table
        posts_table = connection.ops.quote_name(table)
        with connection.cursor() as cursor:
            # A word some post uses (anywhere, in any state) is taken as meant.
            cursor.execute(
                "SELECT w.lexeme, v.word FROM unnest(%s::text[]) AS w(lexeme)"  # noqa: S608
                f" LEFT JOIN LATERAL (SELECT t.word FROM {words_table} t"
                " WHERE t.word %% w.lexeme AND similarity(t.word, w.lexeme) >= %s"
                " ORDER BY similarity(t.word, w.lexeme) DESC, t.word LIMIT %s) v ON true"
                f" WHERE NOT EXISTS (SELECT 1 FROM {words_table} k WHERE k.word = w.lexeme)"
                f" AND NOT EXISTS (SELECT 1 FROM {posts_table} p"
                " WHERE p.search @@ plainto_tsquery('simple'::regconfig, w.lexeme))",
                [missing, TYPO_SIMILARITY, TYPO_LOOKUP],
            )
            rows = cursor.fetchall()
        found: dict[str, list[str]] = {lexeme: [] for lexeme in missing}
        for lexeme, spelling in rows:
            if spelling and SequenceMatcher(None, lexeme, spelling).ratio() >= TYPO_MATCH:
                found[lexeme].append(spelling)
        if len(_spelling_cache) > SPELLING_CACHE_SIZE:
            _spelling_cache.clear()
        for lexeme, spellings in found.items():
            known[lexeme] = tuple(spellings[:TYPO_SPELLINGS])
            _spelling_cache[(table, lexeme)] = (now, known[lexeme])
    result: dict[str, list[str]] = {}
    for lexeme, word in wanted.items():
        result.setdefault(word, []).extend(known[lexeme])
    return {word: spellings for word, spellings in result.items() if spellings}


STATS_SECONDS = 300
_stats_cache: dict[tuple[str, str], tuple[float, float, dict[str, float]]] = {}


def lexeme_frequencies(table: str, column: str = "search") -> tuple[float, dict[str, float]]:
    """Rows in `table` and the share of rows holding each common lexeme of a search vector
    (`search`, or `own_search`: the poster's own words).

    Read from PostgreSQL's own statistics (ANALYZE keeps them), cached for a few minutes.
    A lexeme missing from the list is rare.
    """
    now = time.monotonic()
    cached = _stats_cache.get((table, column))
    if cached and now - cached[0] < STATS_SECONDS:
        return cached[1], cached[2]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reltuples, s.most_common_elems::text::text[], s.most_common_elem_freqs"
            " FROM pg_class c LEFT JOIN pg_stats s"
            " ON s.tablename = c.relname AND s.attname = %s"
            " WHERE c.relname = %s AND c.relkind = 'r'",
            [column, table],
        )
        row = cursor.fetchone()
    rows, elems, freqs = row if row else (0.0, None, None)
    frequencies = dict(zip(elems or [], freqs or [], strict=False))
    _stats_cache[(table, column)] = (now, max(rows or 0.0, 0.0), frequencies)
    return max(rows or 0.0, 0.0), frequencies


def _any_word_sql(words: list[str], exact: list[str]) -> tuple[str, list]:
    """A tsquery matching any of `words` (stemmed) or of `exact` (lexemes, taken as they are)."""
    parts, params = [], []
    if words:
        parts.append("websearch_to_tsquery(%s::regconfig, %s)")
        params += [SEARCH_CONFIG, " or ".join(words)]
    for lexeme in exact:
        # Each as plain text: web-search syntax would read a leading "-" ("-1990", a lexeme
        # of "1980-1990") as NOT.
        parts.append("plainto_tsquery('simple'::regconfig, %s)")
        params.append(lexeme)
    return "(" + " || ".join(parts) + ")", params


def _candidates_sql(
    posts_sql: str,
    params: list,
    table: str,
    concepts: list[Concept],
    lexemes,
    *,
    category_id=None,
    area_id=None,
    readable_only: bool = False,
) -> tuple[str, list]:
    """SQL for the ids of a bounded set of the allowed posts worth scoring for a draft.

    Each typed word is one idea (a Concept): the word, its close spellings and its related
    words, any of which may be in a post.
    - The RAREST_WORDS rarest ideas say the most about a draft: each brings the PER_WORD
      freshest posts containing any of its words.
    - The other ideas together bring the PER_OTHER_WORD × their number freshest posts
      containing any of theirs.
    - Given a category and an area, the PER_LOCAL freshest posts in both that contain any
      word come too (an index on category, area and date finds them).

    Close spellings are lexemes, matched without stemming. Each branch finds its posts one
    of two ways, chosen from how common its words are in PostgreSQL's own statistics.
    Common: walk the "open, newest first" index and stop after enough hits (cheap, hits are
    dense). Rare: take every hit from the GIN index, then keep the newest (cheap, hits are
    few). The planner can't tell which from a LIMIT query, so we choose (OFFSET 0 keeps the
    GIN path from being rewritten into the slow walk).
    """
    rows, frequencies = lexeme_frequencies(table)
    # Related words are looked for in the poster's own words, so counted there.
    _rows, own = lexeme_frequencies(table, "own_search")
    # The allowed posts (see _posts_sql) are compiled once; every branch reads them as `t`,
    # and PostgreSQL folds each branch back into one query on the table, so indexes still
    # apply. (Building a QuerySet per branch cost more than running the branch.)
    posts = f"({posts_sql}) t"

    def fits(any_word: str, any_params: list) -> tuple[str, list]:
        # The stored vector's index finds the posts; with `readable_only` the words the
        # viewer may read (t.c_search, see _posts_sql) then decide.
        if not readable_only:
            return f"t.c_indexed @@ {any_word}", any_params
        return f"t.c_indexed @@ {any_word} AND t.c_search @@ {any_word}", any_params * 2

    def share(concept: Concept) -> float:
        typed = {lexeme for word in concept.typed for lexeme in lexemes[word]}
        typed |= set(concept.exact)
        related = {lexeme for word in concept.related for lexeme in lexemes[word]}
        return min(
            1.0,
            sum(frequencies.get(lexeme, 0.0) for lexeme in typed)
            + sum(own.get(lexeme, 0.0) for lexeme in related),
        )

    def holds(group) -> tuple[str, list]:
        """A post holds a typed word (or close spelling) anywhere, its own words and what
        is said of it alike (a translation meets a word typed in the other language), or a
        related word in its own words: a related word of a related word is too far."""
        typed = [word for concept in group for word in concept.typed]
        exact = [word for concept in group for word in concept.exact]
        related = [word for concept in group for word in concept.related]
        conditions, condition_params = [], []
        if typed or exact:
            condition, more = fits(*_any_word_sql(typed, exact))
            conditions.append(f"({condition})")
            condition_params += more
        if related:
            any_related, related_params = _any_word_sql(related, [])
            # The own words' index finds them; `readable_only`: among the words one may read.
            if readable_only:
                conditions.append(f"(t.c_own @@ {any_related} AND t.c_search @@ {any_related})")
                condition_params += related_params * 2
            else:
                conditions.append(f"t.c_own @@ {any_related}")
                condition_params += related_params
        return "(" + " OR ".join(conditions) + ")", condition_params

    # A related word many posts use ("clean" for "hoover") would flood its idea's branch
    # with posts that only share it: such words look for posts among the other words.
    split = []
    for concept in concepts:
        common = [
            word
            for word in concept.related
            if max(own.get(lexeme, 0.0) for lexeme in lexemes[word]) > COMMON_RELATED
        ]
        rare = [word for word in concept.related if word not in common]
        if concept.typed or concept.exact or rare:
            split.append(Concept(concept.typed, concept.exact, rare, concept.in_title))
        if common:
            split.append(Concept([], [], common, in_title=False))
    concepts = split
    ordered = sorted(concepts, key=lambda concept: (share(concept), concept.typed))
    groups = [([concept], PER_WORD) for concept in ordered[:RAREST_WORDS]]
    rest = ordered[RAREST_WORDS:]
    # The title's words say what the draft is about: each brings posts of its own, so rare
    # words in long details can't crowd it out.
    titled = [concept for concept in rest if concept.in_title][:TITLE_WORDS]
    groups += [([concept], PER_TITLE_WORD) for concept in titled]
    rest = [concept for concept in rest if concept not in titled]
    if rest:
        groups.append((rest, PER_OTHER_WORD * len(rest)))
    parts, all_params = [], []
    for group, limit in groups:
        hits = min(1.0, sum(share(concept) for concept in group))
        condition, condition_params = holds(group)
        # `sql` is compiled by Django with placeholders; `limit` is an int.
        if hits * hits * rows >= limit:  # common: walk the newest first
            parts.append(
                f"(SELECT t.c_pk AS pk FROM {posts} WHERE {condition}"  # noqa: S608
                f" ORDER BY t.c_created DESC LIMIT {limit:d})"
            )
        else:
            parts.append(
                f"(SELECT u.c_pk AS pk FROM (SELECT t.c_pk, t.c_created FROM {posts}"  # noqa: S608
                f" WHERE {condition} OFFSET 0) u"
                f" ORDER BY u.c_created DESC LIMIT {limit:d})"
            )
        all_params.extend([*params, *condition_params])
    if category_id is not None and area_id is not None and concepts:
        condition, condition_params = holds(concepts)
        parts.append(
            f"(SELECT t.c_pk AS pk FROM {posts} WHERE t.c_category = %s AND t.c_area = %s"  # noqa: S608
            f" AND {condition} ORDER BY t.c_created DESC LIMIT {PER_LOCAL:d})"
        )
        all_params.extend([*params, int(category_id), int(area_id), *condition_params])
    return " UNION ALL ".join(parts), all_params


def _reasons(post, said: Said, category_id, area_id, viewer, language) -> list[str]:
    """Why a post fits, in the reader's words, naming only words the reader may read."""
    reasons = []
    details_visible = viewer is not None and post.details_visible_to(viewer)
    words = post.words_of
    own = words["original"] if details_visible else words["original_title"]
    derived = words["derived"] if details_visible else words["derived_title"]
    everywhere = words["original"] | words["derived"]

    def has(word, where) -> bool:
        return bool(said.lexemes.get(word) and said.lexemes[word] & where)

    shared = [word for word in said.typed if has(word, own)]
    close = [word for word, found in said.spellings.items() if own.intersection(found)]
    # A typed word found in what the post means (its translation or related words).
    means = [word for word in said.typed if word not in shared and has(word, derived)]
    same: list[tuple[str, str]] = []
    translated: list[tuple[str, str]] = []
    broader: list[tuple[str, str]] = []
    for typed in said.typed:
        if typed in shared:
            continue
        for each in said.related.get(typed, []):
            if has(each.word, own):
                kind = {lexicon.TRANSLATION: translated, lexicon.BROADER: broader}
                kind.get(each.kind, same).append((typed, each.word))
                break
    if shared:
        reasons.append(_("Shares the words: %(words)s") % {"words": ", ".join(shared)})
    if close:
        reasons.append(_("Close in spelling to: %(words)s") % {"words": ", ".join(close)})
    if same:
        reasons.append(_("Same thing: %(words)s") % {"words": ", ".join(word for _t, word in same)})
    if translated or means:
        said_already = {typed for typed, _word in translated}
        pairs = [f"{typed} → {word}" for typed, word in translated]
        pairs += [word for word in means if word not in said_already]
        reasons.append(_("Means the same: %(words)s") % {"words": ", ".join(pairs)})
    if broader:
        pairs = [f"{typed} → {word}" for typed, word in broader]
        reasons.append(_("Related: %(words)s") % {"words": ", ".join(pairs)})
    found = shared or close or same or translated or means or broader
    hidden = any(has(word, everywhere) for word in said.typed)
    if not found and hidden:
        reasons.append(_("Fits words in its details"))
    if post.language and post.language != language:
        reasons.append(
            _("Written in Spanish") if post.language == "es" else _("Written in English")
        )
    if category_id is not None and post.category_id == category_id:
        reasons.append(_("Same category: %(category)s") % {"category": post.category})
    if area_id is not None and post.area_id == area_id:
        reasons.append(_("Same area: %(area)s") % {"area": post.area})
    if getattr(post, "urgency", None) == "today":
        reasons.append(_("Needed today"))
    return reasons
