"""allauth glue: account emails go through the task queue like every other email, in the
recipient's language, and speak of the hub by its name."""

from contextlib import nullcontext
from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model

from .notify import in_language
from .site_url import site_url
from .tasks import send_email


@dataclass(frozen=True)
class HubSite:
    """What allauth's templates call the site (`current_site.name`, `.domain`): the hub."""

    name: str
    domain: str


def _recipient(email, context):
    user = context.get("user")
    if getattr(user, "pk", None) and getattr(user, "email", "").lower() == str(email).lower():
        return user
    return get_user_model().objects.filter(email__iexact=email).first()


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject) -> str:
        # Like every other email: "[Hub name] …", whatever the hub is called today.
        return " ".join(f"[{settings.HUB_NAME}] {subject}".split())

    def send_mail(self, template_prefix, email, context):
        request = context.get("request") or allauth_context.request
        site = HubSite(
            name=settings.HUB_NAME, domain=urlsplit(site_url(request)).netloc or settings.HUB_NAME
        )
        context = {
            "request": request,
            "email": email,
            **context,
            "hub_name": settings.HUB_NAME,
            "current_site": site,
        }
        recipient = _recipient(email, context)
        # Someone not yet (or not) a neighbor is written to in the language of the page.
        with in_language(recipient) if recipient is not None else nullcontext():
            message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []) or []:
            if mimetype == "text/html":
                html = content
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            html=html,
        )
