"""The open-data page and the DCAT catalogue (JSON-LD, Turtle)."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from opendata import catalogue
from opendata.datasets import DATASETS
from opendata.endpoints import API_DOCS, API_SCHEMA


def _machine_readable(content: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # public data for any site and harvester; only GET (and HEAD) are answered
    response["Access-Control-Allow-Origin"] = "*"
    # harvesters and shared caches may keep it a few minutes (the Turtle takes a moment to build)
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def dcat_jsonld(request):
    # The catalogue is the same in every language (each text carries all six).
    with translation.override(settings.LANGUAGE_CODE):
        document = catalogue.catalogue()
    content = json.dumps(document, ensure_ascii=False, indent=2)
    return _machine_readable(content, "application/ld+json; charset=utf-8")


@require_GET
def dcat_turtle(request):
    with translation.override(settings.LANGUAGE_CODE):
        document = catalogue.catalogue()
    return _machine_readable(catalogue.catalogue_turtle(document), "text/turtle; charset=utf-8")


@require_GET
def open_data(request):
    modified = catalogue.dataset_modified()
    datasets = [
        {
            "key": dataset.key,
            "title": dataset.title,
            "description": dataset.description,
            "landing": reverse(dataset.landing),
            "api": dataset.api_paths,
            "downloads": [(d.title, reverse(d.url_name)) for d in dataset.downloads],
            "modified": modified[dataset.key],
        }
        for dataset in DATASETS
    ]
    return render(
        request,
        "opendata/open_data.html",
        {
            "datasets": datasets,
            "licence": settings.OPEN_DATA_LICENCE,
            "api_docs": API_DOCS,
            "api_schema": API_SCHEMA,
            "catalogue_jsonld": reverse("dcat_jsonld"),
            "catalogue_turtle": reverse("dcat_turtle"),
            "example": DATASETS[0],
            "today": timezone.localdate(),
        },
    )
