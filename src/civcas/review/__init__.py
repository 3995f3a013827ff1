"""review: the stage behind the review desk (:class:`civcas.api.Desk`).

- :mod:`.query`: which incidents a list shows (:class:`~civcas.records.Filters`), sorted
  and paged, and the facets of the filter menus (pure functions over records);
- :mod:`.users`: users' names, roles and argon2 password hashes;
- :mod:`.sessions`: review-app logins kept in the ledger, and the failed-login throttle.
"""
