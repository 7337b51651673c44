"""The bulletin's business logic, split by domain (see the modules)."""
