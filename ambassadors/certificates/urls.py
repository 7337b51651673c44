"""Member URLs of the certificates, included in ambassadors/urls.py (namespace `ambassadors`)."""

from django.urls import path

from ambassadors.certificates import views_credentials, views_member

urlpatterns = [
    path("member/documents/", views_member.documents_page, name="documents"),
    path("member/certificates/<int:pk>/pdf/", views_member.certificate_pdf, name="certificate_pdf"),
    path(
        "member/certificates/<int:pk>/credential.<badgeformat:fmt>",
        views_credentials.credential_download,
        name="credential",
    ),
    path("member/mission/<int:year>/pdf/", views_member.mission_pdf, name="mission_pdf"),
]
