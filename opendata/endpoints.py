"""The paths of the read-only JSON API, the one list the catalogue and the open-data page link to.

The API itself lives in the `api` app; its list endpoints are named here by path, so that the
catalogue names them without importing the API (a test checks that each path resolves).
"""

API_ROOT = "/api/v1/"
API_SCHEMA = "/api/schema/"
API_DOCS = "/api/docs/"

API_LISTS = {
    "cities": "/api/v1/cities/",
    "partnerships": "/api/v1/partnerships/",
    "networks": "/api/v1/networks/",
    "offices": "/api/v1/offices/",
    "summits": "/api/v1/summits/",
    "bulletin-issues": "/api/v1/bulletin-issues/",
    "plan-areas": "/api/v1/plan-areas/",
    "objectives": "/api/v1/objectives/",
    "indicators": "/api/v1/indicators/",
    "investment-targets": "/api/v1/investment-targets/",
    "local-datasets": "/api/v1/local-datasets/",
    "follow-up-actions": "/api/v1/follow-up-actions/",
}
