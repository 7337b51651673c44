from django.urls import path

from offices.views import board, public

app_name = "offices"

urlpatterns = [
    path("", public.index, name="index"),
    path("board/", board.board_home, name="board_home"),
    path("board/<int:office_id>/", board.board_office, name="board_office"),
    path(
        "board/<int:office_id>/documents/new/",
        board.board_document_upload,
        name="board_document_upload",
    ),
    path(
        "board/<int:office_id>/documents/<int:document_id>/",
        board.board_document_download,
        name="board_document",
    ),
    path("board/<int:office_id>/requests/new/", board.board_request_new, name="board_request_new"),
    path(
        "board/<int:office_id>/requests/<int:request_id>/",
        board.board_request,
        name="board_request",
    ),
    path(
        "board/<int:office_id>/requests/<int:request_id>/edit/",
        board.board_request_edit,
        name="board_request_edit",
    ),
    path(
        "board/<int:office_id>/requests/<int:request_id>/withdraw/",
        board.board_request_withdraw,
        name="board_request_withdraw",
    ),
    path("board/<int:office_id>/report/", board.board_annual_report, name="board_annual_report"),
    path(
        "board/<int:office_id>/reports/<int:report_id>/file/",
        board.board_annual_report_file,
        name="board_annual_report_file",
    ),
    path(
        "board/<int:office_id>/activities/new/", board.board_activity_new, name="board_activity_new"
    ),
    path(
        "board/<int:office_id>/activities/<int:report_id>/file/",
        board.board_activity_file,
        name="board_activity_file",
    ),
    path(
        "board/<int:office_id>/activities/<int:report_id>/highlight/",
        board.board_activity_highlight,
        name="board_activity_highlight",
    ),
    path("<slug:slug>/", public.detail, name="detail"),
]
