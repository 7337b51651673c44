from django.urls import path

from summits.views import public, registration

app_name = "summits"

urlpatterns = [
    path("", public.index, name="index"),
    path(
        "registration/<linktoken:token>/",
        registration.registration_manage,
        name="registration_manage",
    ),
    path(
        "registration/<linktoken:token>/confirm/",
        registration.registration_confirm_view,
        name="registration_confirm",
    ),
    path(
        "registration/<linktoken:token>/cancel/",
        registration.registration_cancel_view,
        name="registration_cancel",
    ),
    path("delegation/<linktoken:token>/", registration.delegation_manage, name="delegation_manage"),
    path(
        "delegation/<linktoken:token>/confirm/",
        registration.delegation_confirm_view,
        name="delegation_confirm",
    ),
    path(
        "delegation/<linktoken:token>/members/<int:pk>/",
        registration.delegation_member,
        name="delegation_member",
    ),
    path(
        "delegation/<linktoken:token>/members/<int:pk>/remove/",
        registration.delegation_member_remove,
        name="delegation_member_remove",
    ),
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/programme/", public.programme, name="programme"),
    path("<slug:slug>/calendar.ics", public.summit_ics, name="summit_ics"),
    path("<slug:slug>/sessions/<int:pk>.ics", public.session_ics, name="session_ics"),
    path("<slug:slug>/declaration.pdf", public.declaration_pdf, name="declaration_pdf"),
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/register/sent/", registration.register_sent, name="register_sent"),
    path(
        "<slug:slug>/register/delegation/",
        registration.register_delegation,
        name="register_delegation",
    ),
]
