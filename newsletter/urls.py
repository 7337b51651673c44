from django.urls import path  # noqa: F401  (the programme's pages are added here)

app_name = "newsletter"

urlpatterns: list = []
