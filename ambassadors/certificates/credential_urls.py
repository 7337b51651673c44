"""The credentials' public documents, at /credentials/ (no language prefix: machines read them),
namespace `credentials`."""

from django.urls import path

from ambassadors.certificates import views_credentials

app_name = "credentials"

urlpatterns = [
    path("issuer", views_credentials.issuer, name="issuer"),
    path("jwks.json", views_credentials.jwks, name="jwks"),
    path("keys/<keyid:kid>", views_credentials.key, name="key"),
    path("status-list", views_credentials.status_list_view, name="status_list"),
    path(
        "achievements/<int:year>/<langcode:language>",
        views_credentials.achievement,
        name="achievement",
    ),
]
