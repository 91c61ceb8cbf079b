"""Work out what matching understands of posts saved before it could: language, related
words and translation (run once after upgrading; `make run` runs it for what is missing)."""

from django.core.management.base import BaseCommand

from needs.models import Need
from offers.models import Offer
from offers.understanding import post_translate, post_understand


class Command(BaseCommand):
    help = "Fill in each post's language, related words and translation where missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Redo every post, not only those missing it."
        )
        parser.add_argument(
            "--no-translation", action="store_true", help="Skip the (slower) translations."
        )

    def handle(self, *args, **options):
        for model in (Need, Offer):
            posts = model._base_manager.all()
            if not options["all"]:
                posts = posts.filter(language="")
            done = 0
            for post in posts.iterator(chunk_size=500):
                post_understand(post)
                model._base_manager.filter(pk=post.pk).update(
                    language=post.language,
                    title_related=post.title_related,
                    details_related=post.details_related,
                )
                if not options["no_translation"]:
                    post_translate.call(model_label=model._meta.label_lower, pk=post.pk)
                done += 1
            self.stdout.write(f"{model._meta.verbose_name_plural}: understood {done}.")
