"""Matching that understands: the same thing in other words, and across English and Spanish.

Realistic drafts against realistic offers, the reasons a neighbor reads, the fallback when
the optional sources are missing, and that understanding more never lets a reader match on
words they may not read.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from mutualaid import lexicon, ranking
from mutualaid import translate as translator
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.tests.factories import NeedFactory
from offers.models import Offer, Visibility
from offers.suggest import suggest
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return UserFactory()


@pytest.fixture
def category():
    return CategoryFactory()


def offers_for(title, reader, details="", language=None):
    with translation.override(language or "en"):
        return suggest(other_side="offer", title=title, details=details, viewer=reader)


def titles(found):
    return [suggestion.post.title for suggestion in found]


def reasons_of(found, title):
    return next(s.reasons for s in found if s.post.title == title)


@pytest.mark.parametrize(
    ("draft", "offer"),
    [
        ("nappies size 4", "Diapers, size 4"),
        ("pushchair for a toddler", "Umbrella stroller"),
        ("a cot for the baby", "Wooden crib"),
        ("computer for my kid's homework", "Old laptop"),
        ("leaky tap", "Plumbing fixes: faucets"),
        ("someone to drive me to the clinic", "Rides to medical appointments"),
        ("landlord won't fix the heating", "Tenants' union: know your rights"),
        ("feeling really low, need someone to talk to", "Peer support listening"),
    ],
)
def test_a_draft_finds_the_offer_that_says_the_same_thing_in_other_words(
    draft, offer, reader, category
):
    OfferFactory(title=offer, details="", category=category)
    OfferFactory(title="Garden hose and sprinkler", details="", category=category)
    found = offers_for(draft, reader)
    assert titles(found)[:1] == [offer]


@pytest.mark.parametrize(
    ("draft", "offer"),
    [
        # Things the vocabulary names in more than one word, each way round and across.
        ("jump leads, my battery is flat", "Booster cables in my trunk"),
        ("cables para pasar corriente", "Booster cables in my trunk"),
        ("a travel crate for the cat", "Transportín para mascotas"),
    ],
)
def test_a_phrase_the_vocabulary_knows_finds_the_same_thing(draft, offer, reader, category):
    OfferFactory(title=offer, details="", category=category)
    OfferFactory(title="Garden hose and sprinkler", details="", category=category)
    found = offers_for(draft, reader)
    assert titles(found)[:1] == [offer]


def test_the_reason_names_the_word_for_the_same_thing(reader, category):
    OfferFactory(title="Diapers, size 4", details="", category=category)
    found = offers_for("nappies size 4", reader)
    assert "Same thing: diapers" in reasons_of(found, "Diapers, size 4")


def test_a_need_in_spanish_finds_an_english_offer_with_the_reason_in_spanish(reader, category):
    OfferFactory(title="Children's winter jacket, size 8", details="", category=category)
    found = offers_for("necesito una chaqueta de invierno para mi hijo", reader, language="es")
    assert titles(found)[:1] == ["Children's winter jacket, size 8"]
    reasons = " ".join(reasons_of(found, "Children's winter jacket, size 8"))
    assert "chaqueta → jacket" in reasons
    assert "Significa lo mismo" in reasons
    assert "Escrita en inglés" in reasons


def test_an_english_need_finds_a_spanish_offer(reader, category):
    with translation.override("es"):
        OfferFactory(title="Arroz y frijoles", details="Una bolsa de cada uno", category=category)
    found = offers_for("rice and beans for the week", reader)
    assert titles(found) == ["Arroz y frijoles"]
    assert "Written in Spanish" in reasons_of(found, "Arroz y frijoles")


@pytest.mark.parametrize(
    ("draft", "language", "offer", "reason"),
    [
        # A need written as the situation finds the offer of what helps (situations.json).
        ("water coming through the ceiling", "en", "Plumber for small jobs", "ceiling → plumber"),
        ("no food left until payday", "en", "Pantry shelf on my porch", "payday → pantry"),
        ("nos van a desahuciar", "es", "Asesoría para inquilinos", "desahuciar → inquilinos"),
        ("me mudo el sábado", "es", "Cajas de cartón", "mudo → cajas"),
    ],
)
def test_a_draft_that_describes_a_situation_finds_the_offer_of_what_helps(
    draft, language, offer, reason, reader, category
):
    with translation.override(language):
        OfferFactory(title=offer, details="", category=category)
        OfferFactory(title="Garden hose and sprinkler", details="", category=category)
    found = offers_for(draft, reader, language=language)
    assert titles(found)[:1] == [offer]
    reasons = " ".join(reasons_of(found, offer))
    assert ("Relacionado:" if language == "es" else "Related:") in reasons
    assert reason in reasons


def test_a_word_of_a_situation_keeps_what_the_vocabulary_says_of_its_singular():
    # "drips" names a leak; "drip" was already the plumbing group's word.
    said = lexicon.vocabulary()["drips"]
    assert ("leaky", lexicon.SAME) in said
    assert ("roofer", lexicon.BROADER) in said
    assert said.index(("leaky", lexicon.SAME)) < said.index(("roofer", lexicon.BROADER))


def test_a_need_that_describes_its_situation_is_found_by_the_offer_of_what_helps(reader, category):
    NeedFactory(title="Water coming through the ceiling", details="", category=category)
    found = suggest(other_side="need", title="Plumber, evenings", details="", viewer=reader)
    assert titles(found) == ["Water coming through the ceiling"]


def test_a_draft_that_fits_nothing_shows_nothing(reader, category):
    OfferFactory(title="Diapers, size 4", details="", category=category)
    OfferFactory(title="Rides to medical appointments", details="", category=category)
    assert offers_for("piano lessons for an adult beginner", reader) == []


def test_the_words_typed_count_more_than_words_for_the_same_thing(reader, category):
    OfferFactory(title="Stroller, folds small", details="", category=category)
    OfferFactory(title="Pushchair, folds small", details="", category=category)
    assert titles(offers_for("pushchair", reader))[0] == "Pushchair, folds small"


def test_each_post_knows_its_language(category):
    with translation.override("en"):
        spanish = OfferFactory(
            title="Ropa de niña talla 6", details="Casi nueva", category=category
        )
        english = OfferFactory(title="Girls' clothes, size 6", details="", category=category)
    assert (spanish.language, english.language) == ("es", "en")
    with translation.override("es"):
        unsure = OfferFactory(title="Lego", details="", category=category)
    assert unsure.language == "es"  # the writer's language when the words don't say


def test_expanded_words_never_let_a_visitor_match_on_neighbors_only_details(category):
    OfferFactory(
        title="Things from our move",
        details="Diapers, size 4, and a crib",
        visibility=Visibility.NEIGHBORS,
        category=category,
    )
    assert offers_for("nappies", AnonymousUser()) == []
    assert offers_for("cot", AnonymousUser()) == []
    assert titles(offers_for("nappies", UserFactory())) == ["Things from our move"]


def test_list_search_understands_other_words_too(client, category):
    OfferFactory(title="Diapers, size 4", details="", category=category)
    page = client.get("/offers/", {"q": "nappies"}).content.decode()
    assert "Diapers, size 4" in page


def test_without_wordnet_and_freedict_matching_falls_back_to_the_words_and_vocabulary(
    reader, category, tmp_path
):
    OfferFactory(title="Diapers, size 4", details="", category=category)
    OfferFactory(title="Old laptop", details="", category=category)
    with override_settings(WORDNET_DIR=str(tmp_path), FREEDICT_DIR=str(tmp_path)):
        lexicon.wordnet.cache_clear()
        lexicon.freedict.cache_clear()
        try:
            assert lexicon.missing_sources()
            assert titles(offers_for("diapers", reader)) == ["Diapers, size 4"]
            assert titles(offers_for("nappies", reader)) == ["Diapers, size 4"]
        finally:
            lexicon.wordnet.cache_clear()
            lexicon.freedict.cache_clear()


def test_manage_check_says_what_is_missing_and_how_to_add_it(tmp_path, capsys):
    with override_settings(WORDNET_DIR=str(tmp_path)):
        lexicon.wordnet.cache_clear()
        try:
            call_command("check")
        finally:
            lexicon.wordnet.cache_clear()
    out = capsys.readouterr()
    said = out.out + out.err
    assert "WordNet (apt-get install wordnet-base)" in said
    assert "make lexicon" in said


def test_wordnet_knows_words_the_hubs_vocabulary_does_not():
    if lexicon.wordnet() is None:
        pytest.skip("WordNet is not installed here (make lexicon installs it)")
    related = {each.word: each.kind for each in lexicon.related_words("refrigerator")}
    assert related.get("fridge") or related.get("icebox")


# --- Translation, in the background -----------------------------------------------------------

needs_apertium = pytest.mark.skipif(
    not translator.available(), reason="Apertium is not installed here (make lexicon installs it)"
)


@needs_apertium
@pytest.mark.django_db(transaction=True)
def test_a_saved_post_is_translated_after_saving_and_found_in_the_other_language(reader):
    category = CategoryFactory()
    with override_settings(TRANSLATE_POSTS=True), translation.override("es"):
        offer = OfferFactory(
            title="Chaqueta de invierno para niño", details="Talla 8", category=category
        )
    offer.refresh_from_db()
    assert "jacket" in offer.title_translated.lower()
    found = offers_for("winter coat for my son", reader)
    assert titles(found) == ["Chaqueta de invierno para niño"]


@needs_apertium
def test_translating_costs_nothing_on_the_request_that_saves(client, category):
    """The request only asks for the translation once its transaction commits."""
    from needs.models import Need

    neighbor = UserFactory()
    client.force_login(neighbor)
    with override_settings(TRANSLATE_POSTS=True):
        client.post(
            "/needs/new/",
            {
                "title": "Necesito pañales talla 4",
                "details": "",
                "category": category.pk,
                "area": AreaFactory().pk,
                "urgency": "week",
                "visibility": "neighbors",
            },
        )
    need = Need.objects.get()
    # In a test's transaction nothing commits, so nothing was translated during the request.
    assert need.language == "es" and need.title_translated == ""


def test_understand_posts_fills_in_posts_saved_before(category):
    offer = OfferFactory(title="Old laptop", details="", category=category)
    Offer.objects.filter(pk=offer.pk).update(language="", title_related="")
    call_command("understand_posts", "--no-translation")
    offer.refresh_from_db()
    assert offer.language == "en" and "computer" in offer.title_related


def test_a_need_in_spanish_meets_an_english_offer_from_the_offer_side(reader, category):
    with translation.override("es"):
        NeedFactory(title="Necesito una cuna para mi bebé", details="", category=category)
    with translation.override("en"):
        found = suggest(other_side="need", title="Wooden crib", details="", viewer=reader)
    assert titles(found) == ["Necesito una cuna para mi bebé"]


def test_related_words_are_few_per_typed_word():
    related = ranking.related_to(["tap"], "en")
    assert 0 < len(related["tap"]) <= ranking.RELATED_PER_WORD


def test_lists_show_which_posts_are_in_the_other_language(client, category):
    with translation.override("es"):
        OfferFactory(title="Ropa de niña talla 6", details="Casi nueva", category=category)
    OfferFactory(title="Girls' clothes, size 6", details="", category=category)
    page = client.get("/offers/").content.decode()
    assert page.count("Written in Spanish") == 1
    assert "Written in English" not in page


def test_the_vocabulary_knows_a_word_in_the_plural_too():
    assert "cobija" in [each.word for each in lexicon.related_words("blankets")]
    assert "beans" in [each.word for each in lexicon.related_words("frijoles", language="es")]


def test_only_a_change_of_words_asks_for_a_new_translation(
    category, django_capture_on_commit_callbacks
):
    """Asking, answering and closing save a post's status many times a day: none of that
    translates it again or works out its related words again."""
    offer = OfferFactory(title="Old laptop", details="", category=category)
    with override_settings(TRANSLATE_POSTS=True):
        with django_capture_on_commit_callbacks() as status_only:
            offer.status = "spoken_for"
            offer.title_related = "left as it was"
            offer.save(update_fields=["status", "updated"])
        with django_capture_on_commit_callbacks() as new_words:
            offer.title = "Old laptop, charger too"
            offer.save()
    assert status_only == []
    assert len(new_words) == 1
    offer.refresh_from_db()
    assert "computer" in offer.title_related


def test_a_spanish_count_of_people_is_not_an_idea_as_an_english_one_is_not():
    # "somos cinco" says how many, like "we are five": neither is something to find.
    assert ranking.meaningful_words("despensa, somos cinco", "es") == ["despensa"]
    assert ranking.meaningful_words("groceries, we are five", "en") == ["groceries"]
