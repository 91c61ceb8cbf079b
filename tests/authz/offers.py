"""Authorization rules for offers."""

from offers.tests.factories import OfferFactory

from .needs import owner_only
from .rules import Rule, everyone, members, public


def an_offer(people):
    offer = OfferFactory(owner=people["owner"])
    return {"pk": offer.pk}, offer.owner


RULES = {
    "offers:list": public(),
    "offers:detail": Rule(setup=an_offer, methods={"GET": everyone()}),
    "offers:create": members("GET", "POST"),
    "offers:edit": Rule(setup=an_offer, methods={"GET": owner_only(), "POST": owner_only()}),
    "offers:withdraw": Rule(setup=an_offer, methods={"POST": owner_only()}),
    "offers:renew": Rule(setup=an_offer, methods={"POST": owner_only()}),
}
