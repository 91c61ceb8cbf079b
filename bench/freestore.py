"""Concurrent give-aways against the real PostgreSQL: throughput, and proof the stock stays exact.

    DATABASE_URL=postgres://... .venv/bin/python bench/freestore.py [--threads 16] [--per-thread 50]

Creates a throwaway store, item and volunteer in the configured database, lets every thread
give away one unit at a time (all on the same hot row, the worst case for locking) until more
has been asked for than was donated, prints the figures, checks the ledger, then cleans up.
"""

import argparse
import os
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--per-thread", type=int, default=50)
    parser.add_argument("--items", type=int, default=1, help="spread the load over N items")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mutualaid.settings")
    os.environ["DB_POOL_MAX"] = str(args.threads + 2)
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Sum

    from freestore.models import Item, StockMovement, Store
    from freestore.services import StoreError, stock_give_away, stock_intake
    from mutualaid.models import Area, Category, User

    tag = uuid.uuid4().hex[:8]
    attempts = args.threads * args.per_thread
    donated_each = (attempts * 9 // 10) // args.items  # ask for ~10% more than there is
    area, _ = Area.objects.get_or_create(slug="riverside", defaults={"name": "Riverside"})
    category = Category.objects.order_by("pk").first()
    store = Store.objects.create(name=f"Bench store {tag}", slug=f"bench-{tag}", area=area)
    volunteer = User.objects.create_user(
        email=f"bench-{tag}@example.org", display_name="Bench volunteer"
    )
    items = [
        Item.objects.create(store=store, name=f"Bench coat {n}", category=category)
        for n in range(args.items)
    ]
    stock_intake(lines=[(item, donated_each) for item in items], by=volunteer)
    donated = donated_each * args.items

    given = refused = 0
    counter_lock = threading.Lock()
    barrier = threading.Barrier(args.threads)

    def worker(index):
        nonlocal given, refused
        mine_given = mine_refused = 0
        try:
            barrier.wait()
            for n in range(args.per_thread):
                item = items[(index + n) % len(items)]
                try:
                    stock_give_away(item=Item(pk=item.pk), quantity=1, by=volunteer)
                    mine_given += 1
                except StoreError:
                    mine_refused += 1
        finally:
            connection.close()
        with counter_lock:
            given += mine_given
            refused += mine_refused

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    on_hand = sum(Item.objects.filter(store=store).values_list("quantity", flat=True))
    ledger = StockMovement.objects.filter(item__store=store).aggregate(t=Sum("quantity"))["t"]
    exact = on_hand == ledger == donated - given and given <= donated
    print(f"threads={args.threads} attempts={attempts} items={args.items} donated={donated}")
    print(f"given away={given} refused (out of stock)={refused} in {elapsed:.2f} s")
    print(f"give-aways/sec={given / elapsed:.0f}  attempts/sec={attempts / elapsed:.0f}")
    print(
        f"final stock={on_hand} ledger sum={ledger} expected={donated - given} "
        f"-> {'EXACT' if exact else 'MISMATCH'}"
    )

    StockMovement.objects.filter(item__store=store).delete()
    Item.objects.filter(store=store).delete()
    store.delete()
    volunteer.delete()
    sys.exit(0 if exact else 1)


if __name__ == "__main__":
    main()
