"""Pages of the free store, one module per part of the store: `stock` (what is in, most
needed, pledges, the volunteer ledger screens), `giveaways` (the basket), `shelf` (lending),
`shifts` and `reports`. What they all lean on is in `base`."""
