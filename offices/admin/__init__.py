from offices.admin import funding, office  # noqa: F401  (registers the model admins)
