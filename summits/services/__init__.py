"""Business logic of the summits programme, split by domain."""
