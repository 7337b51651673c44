from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from opendata import views as opendata
from weltstadt import converters
from weltstadt.sitemaps import sitemaps_collect
from weltstadt.views import csrf, health, media, member, public, seo, translations

# <linktoken:…>, <signedtoken:…>, <hexsecret:…> for the token segments of every app's URLs
converters.register()

# The admin login is allauth's: rate-limited, with two-factor authentication.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("Weltstadt Izmir back-office")
admin.site.site_title = _("Weltstadt Izmir")
admin.site.index_title = _("Programmes and data")

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("csrf-token", csrf.csrf_token, name="csrf_token"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps_collect()}, name="sitemap"),
    path(
        "admin/translations/",
        admin.site.admin_view(translations.exchange),
        name="translation_exchange",
    ),
    path(
        "admin/translations/export/",
        admin.site.admin_view(translations.export),
        name="translation_export",
    ),
    path(
        "admin/translations/import/",
        admin.site.admin_view(translations.import_),
        name="translation_import",
    ),
    path(
        "admin/translations/confirm/<int:content_type_id>/<int:object_id>/",
        admin.site.admin_view(translations.confirm),
        name="translation_confirm",
    ),
    # the interface catalogues, for translators (weltstadt.catalogues)
    path("admin/catalogues/", include("rosetta.urls")),
    path("admin/", admin.site.urls),
    # the DCAT catalogue of the open data, beside (and before) the API's own `api/` URLs
    path("api/dcat.jsonld", opendata.dcat_jsonld, name="dcat_jsonld"),
    path("api/dcat.ttl", opendata.dcat_turtle, name="dcat_turtle"),
    path("credentials/", include("ambassadors.certificates.credential_urls")),
    # the open-data API: not language-prefixed (the language is a parameter)
    path("api/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", public.home, name="home"),
    path("about/", public.about, name="about"),
    path("partner-cities/", public.partners, name="partners"),
    path("city-networks/", public.networks, name="networks"),
    path("open-data/", opendata.open_data, name="open_data"),
    path("imprint/", public.imprint, name="imprint"),
    path("privacy/", public.privacy, name="privacy"),
    path("accounts/", include("allauth.urls")),
    path("member/", member.member_home, name="member_home"),
    path("ambassadors/", include("ambassadors.urls")),
    path("offices/", include("offices.urls")),
    path("bulletin/", include("newsletter.urls")),
    path("summits/", include("summits.urls")),
    path("masterplan/", include("masterplan.urls")),
    path("verify/", include("ambassadors.verify_urls")),
    path("search/", include("search.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [
        path(
            "media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}, name="public_media"
        ),
    ]
elif settings.MEDIA_URL == "/media/":
    # production without a proxy in front: public media still load (see weltstadt.views.media)
    urlpatterns += [path("media/<path:path>", media.public_media, name="public_media")]

handler400 = "weltstadt.views.errors.bad_request"
handler403 = "weltstadt.views.errors.permission_denied"
handler404 = "weltstadt.views.errors.page_not_found"
handler500 = "weltstadt.views.errors.server_error"
