from django.urls import include, path

from ambassadors.views import member, public

app_name = "ambassadors"

urlpatterns = [
    path("", public.index, name="index"),
    path("applied/", public.application_thanks, name="application_thanks"),
    path("directory/", public.directory, name="directory"),
    path("member/", member.progress, name="progress"),
    path("member/modules/<int:module_pk>/evidence/", member.evidence_new, name="evidence_new"),
    path(
        "member/evidence/<int:pk>/document/",
        member.evidence_document,
        name="evidence_document",
    ),
    path("member/profile/", member.profile, name="profile"),
    path("member/activities/", member.activities, name="activities"),
    path("member/activities/<int:pk>/", member.activity_edit, name="activity_edit"),
    path("member/mission/", member.mission_list, name="mission_list"),
    path("member/mission/<int:year>/", member.mission_detail, name="mission_detail"),
    path("member/goals/<int:pk>/report/", member.goal_report_view, name="goal_report"),
    path("", include("ambassadors.certificates.urls")),
]
