"""What the open-data API publishes: for every kind of object, the only fields it may carry.

The one allow-list. The serializers take their `fields` from here, and the private-data test walks
every endpoint and fails on any key not listed here. Adding a field to a response means adding it
here, in a reviewed change: a model field never appears in the API by itself.

Translated texts (marked TRANSLATED) are {"value", "lang", "fallback"} objects.
"""

CITY = ["id", "name", "country", "part_of", "latitude", "longitude"]
CITY_REF = ["id", "name", "country"]
PARTNERSHIP = [
    "id",
    "city",
    "partner",
    "kind",
    "status",
    "council_act_date",
    "protocol_date",
    "since_year",
    "year",
    "note",
    "source_url",
]
NETWORK = [
    "id",
    "name",
    "founded_year",
    "members_count",
    "members_count_is_lower_bound",
    "description",
    "source_url",
    "members",
]
# No e-mail, phone, supervision or finances; contact address and website only of an active
# office, whose public page shows them; of the board, current members' names and roles.
OFFICE = ["id", "slug", "name", "country", "city", "status", "founded_on", "url"]
OFFICE_DETAIL = [*OFFICE, "description", "address", "website", "board", "highlights"]
BOARD_MEMBER = ["name", "role"]
HIGHLIGHT = ["title", "period_start", "period_end", "highlight"]
SUMMIT = [
    "id",
    "slug",
    "edition",
    "title",
    "theme",
    "start_date",
    "end_date",
    "time_zone",
    "host_city",
    "venue",
    "format",
    "status",
    "url",
]
SUMMIT_DETAIL = [*SUMMIT, "description", "address", "sessions", "speakers", "declaration"]
SESSION = [
    "id",
    "title",
    "abstract",
    "starts_at",
    "ends_at",
    "room",
    "track",
    "language",
    "speakers",
]
SPEAKER = ["id", "name", "affiliation", "city", "bio"]
SPEAKER_REF = ["id", "name"]
THEME = ["id", "name"]
DECLARATION = ["title", "text", "adopted_on"]
BULLETIN_ISSUE = ["number", "date", "title", "intro", "published_at", "editions", "url"]
BULLETIN_ISSUE_DETAIL = [*BULLETIN_ISSUE, "articles"]
ARTICLE = ["id", "position", "title", "summary", "body", "url"]
PLAN_REF = ["id", "title", "period_start", "period_end"]
PLAN_AREA = ["id", "plan", "code", "title", "priority_question", "description", "strategies"]
STRATEGY = ["id", "code", "title", "description"]
OBJECTIVE = ["id", "code", "title", "description", "area", "strategy", "progress", "url"]
OBJECTIVE_DETAIL = [*OBJECTIVE, "indicators", "served_by"]
OBJECTIVE_REF = ["id", "code", "title"]
INDICATOR = [
    "id",
    "objective",
    "name",
    "unit",
    "direction",
    "baseline_year",
    "baseline_value",
    "weight",
    "excluded_from_totals",
    "exclusion_reason",
    "targets",
    "measurements",
    "progress",
]
TARGET = ["year", "value"]
MEASUREMENT = ["year", "value", "source", "note"]
PROGRESS = ["percent", "counted", "measured", "rule"]
INVESTMENT_TARGET = [
    "id",
    "title",
    "sector",
    "target_countries",
    "target_cities",
    "amount",
    "currency",
    "year",
    "status",
    "note",
]
LOCAL_DATASET = ["id", "key", "title", "source", "source_url", "unit", "description", "values"]
LOCAL_VALUE = ["year", "value"]
FOLLOW_UP_ACTION = ["id", "summit", "what", "owner_city", "due_date", "status", "serves", "url"]
SUMMIT_REF = ["id", "slug", "edition", "title"]
SERVES = ["objective", "note"]
SERVED_ITEM = ["kind", "id", "label", "url", "note"]
TRANSLATED = ["value", "lang", "fallback"]
PAGE = ["next", "previous", "results"]
PROBLEM = ["type", "title", "status", "detail", "instance", "invalid_params"]

# Every key any response object may carry, for the private-data test.
ALL = {
    name: value
    for name, value in globals().items()
    if name.isupper() and isinstance(value, list) and name != "ALL"
}
