from django.urls import path

from masterplan.views import consultation, participation, public

app_name = "masterplan"

urlpatterns = [
    path("", public.index, name="index"),
    path("plans/<int:pk>/", public.plan_archive, name="plan"),
    path("plans/<int:pk>/changes/", public.plan_changes_page, name="plan_changes"),
    path("dashboard/", public.dashboard, name="dashboard"),
    path("dashboard.csv", public.dashboard_csv, name="dashboard_csv"),
    path("objectives/<int:pk>/", public.objective, name="objective"),
    path("investments/", public.investments, name="investments"),
    path("local-data/", public.local_data, name="local_data"),
    path("pdf/", public.pdf_request, name="pdf_request"),
    path("pdf/<int:pk>/", public.pdf_export, name="pdf_export"),
    path("workshops/<int:pk>/", participation.workshop, name="workshop"),
    path("ballot/<linktoken:token>/", participation.ballot, name="ballot"),
    path("expert/<linktoken:token>/", consultation.expert_home, name="expert_home"),
    path(
        "expert/<linktoken:token>/comments/<int:pk>/",
        consultation.expert_comment_edit,
        name="expert_comment_edit",
    ),
    path(
        "staff/plans/<int:pk>/consultation/",
        consultation.consultation_summary,
        name="consultation_summary",
    ),
]
