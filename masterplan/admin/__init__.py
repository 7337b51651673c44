from masterplan.admin import consultation, data, plan, workshop  # noqa: F401  (registrations)
