from django.urls import path

from newsletter.views import archive, subscription, webhooks

app_name = "newsletter"

urlpatterns = [
    path("", archive.index, name="index"),
    path("feed/", archive.IssueFeed(), name="feed"),
    path("<int:number>/", archive.issue_detail, name="issue"),
    path("<int:number>/<int:pk>/", archive.article_detail, name="article"),
    path("subscribe/", subscription.subscribe, name="subscribe"),
    path("subscribe/done/", subscription.subscribe_done, name="subscribe_done"),
    path("confirm/<signedtoken:token>/", subscription.confirm, name="confirm"),
    path("unsubscribe/<signedtoken:token>/", subscription.unsubscribe, name="unsubscribe"),
    path("preferences/<signedtoken:token>/", subscription.preferences, name="preferences"),
    path("webhooks/bounces/<hexsecret:secret>/", webhooks.bounces, name="webhook_bounces"),
]
