"""The ambassador title as an Open Badges 3.0 verifiable credential: signing keys (keys.py), the
revocation list (status_list.py), the credential itself (badge.py), baked images (baking.py) and
the check of an uploaded credential (checking.py)."""
