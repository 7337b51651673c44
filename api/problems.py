"""Errors as RFC 9457 problem details (application/problem+json).

DRF's own errors (400 bad parameters, 404, 405, 406, 429) go through `problem_exception_handler`;
errors raised before a view runs or outside DRF (no such URL, NUL refused by the input guard, a
server error) are turned into the same shape by api.middleware.
"""

from http import HTTPStatus

from django.http import JsonResponse
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem_body(status: int, *, detail: str = "", instance: str = "", invalid=None) -> dict:
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or HTTPStatus(status).description,
        "instance": instance,
    }
    if invalid:
        body["invalid_params"] = invalid
    return body


def _invalid_params(data) -> list[dict]:
    """DRF's {"field": ["message", …]} as RFC 9457's list of {"name", "reason"}."""
    params = []
    items = data.items() if isinstance(data, dict) else [("", data)]
    for name, messages in items:
        for message in messages if isinstance(messages, list) else [messages]:
            params.append({"name": str(name), "reason": str(message)})
    return params


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # a server error: the middleware answers it as a problem too
    request = context.get("request")
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        body = problem_body(response.status_code, detail=str(data["detail"]))
    else:
        body = problem_body(
            response.status_code,
            detail="The request has invalid parameters.",
            invalid=_invalid_params(data),
        )
    body["instance"] = request.path if request is not None else ""
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_response(status: int, *, instance: str) -> JsonResponse:
    response = JsonResponse(
        problem_body(status, instance=instance), status=status, content_type=PROBLEM_CONTENT_TYPE
    )
    return response
