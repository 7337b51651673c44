"""Public verification of certificates, at /<lang>/verify/ (outside the programme's URLs)."""

from django.urls import path

from ambassadors.certificates import views_credentials, views_verify

app_name = "verify"

urlpatterns = [
    path("", views_verify.verify_form, name="form"),
    path("credential/", views_credentials.verify_credential, name="credential"),
    path("<str:code>/", views_verify.verify_detail, name="detail"),
]
