"""Business logic of the offices programme (writes); reads are in offices.selectors."""

from offices.services.board import board_member_invite, document_upload
from offices.services.funding import (
    FUNDABLE,
    funding_request_decide,
    funding_request_submit,
    funding_request_update,
    funding_request_withdraw,
    payment_record,
)
from offices.services.office import office_status_change
from offices.services.reminders import reminders_send
from offices.services.reports import (
    activity_highlight_publish,
    activity_report_submit,
    annual_report_review,
    annual_report_submit,
)

__all__ = [
    "FUNDABLE",
    "activity_highlight_publish",
    "activity_report_submit",
    "annual_report_review",
    "annual_report_submit",
    "board_member_invite",
    "document_upload",
    "funding_request_decide",
    "funding_request_submit",
    "funding_request_update",
    "funding_request_withdraw",
    "office_status_change",
    "payment_record",
    "reminders_send",
]
