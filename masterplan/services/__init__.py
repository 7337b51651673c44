"""The master plan's business logic, split by domain; import from the submodules."""
