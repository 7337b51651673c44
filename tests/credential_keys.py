"""A throw-away credential signing key for tests that start a production process."""

import json

from joserfc.jwk import ECKey


def credential_keys_for_tests() -> str:
    key = ECKey.generate_key("P-256", private=True)
    return json.dumps({"keys": [{**key.as_dict(private=True), "kid": "test"}]})
