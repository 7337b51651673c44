"""Issue 21 on the master plan: measurements only for past years of the period, a PDF that
always shows the data at its date, readable before/after for changes of an adopted plan, an
archive page for replaced plans, per cent and the plan's own period on the public pages."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from pypdf import PdfReader

from masterplan.models import Measurement, Plan, PlanExport
from masterplan.services.export import plan_export_request
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
    indicator_with,
)

pytestmark = pytest.mark.django_db


def _plan(start=2020, end=2024, **kwargs):
    plan = PlanFactory(period_start=start, period_end=end, **kwargs)
    area = AreaFactory(plan=plan, title="Kultur", title_de="Kultur", title_tr="Kültür")
    objective = ObjectiveFactory(strategy=StrategyFactory(area=area))
    indicator = indicator_with(
        objective, baseline=0, targets={end: 8}, measurements={start + 1: 5}, name="Projekte"
    )
    return adopt(plan), objective, indicator


# --- a measurement for 2031 ---------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "tr", "en"])
def test_a_measurement_for_a_future_year_or_outside_the_period_is_refused(language):
    _p, _objective, indicator = _plan(2025, 2029)
    this_year = timezone.localdate().year
    with translation.override(language):
        with pytest.raises(ValidationError) as future:
            Measurement(indicator=indicator, year=2031, value=1, source="x").full_clean()
        with pytest.raises(ValidationError) as before:
            Measurement(indicator=indicator, year=2024, value=1, source="x").full_clean()
    expected = {
        "de": "2031 ist noch nicht gekommen",
        "tr": "2031 henüz gelmedi",
        "en": "2031 has not come yet",
    }
    assert expected[language] in future.value.message_dict["year"][0]
    assert "2025–2029" in before.value.message_dict["year"][0]
    if this_year >= 2025:
        Measurement(indicator=indicator, year=2025, value=1, source="x").full_clean()


def form_data(client, url: str) -> dict:
    """The fields of an admin change form as the browser would post them unchanged."""
    from html.parser import HTMLParser

    data: dict = {}

    class Form(HTMLParser):
        select = None
        textarea = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
                if attrs.get("type") == "checkbox":
                    if "checked" in attrs:
                        data[name] = attrs.get("value", "on")
                else:
                    data[name] = attrs.get("value", "")
            elif tag == "select" and name:
                self.select = name
                data.setdefault(name, "")
            elif tag == "option" and self.select and "selected" in attrs:
                data[self.select] = attrs.get("value", "")
            elif tag == "textarea" and name:
                self.textarea = name
                data[name] = ""

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            if tag == "textarea":
                self.textarea = None

        def handle_data(self, text):
            if self.textarea:
                data[self.textarea] += text.lstrip("\n") if not data[self.textarea] else text

    Form().feed(client.get(url).content.decode())
    return {k: v for k, v in data.items() if "__prefix__" not in k and k != "csrfmiddlewaretoken"}


def test_the_admin_refuses_a_2031_measurement_with_a_message(staff_client):
    _p, _o, indicator = _plan()
    url = f"/admin/masterplan/indicator/{indicator.pk}/change/"
    data = form_data(staff_client, url)
    data.update(
        {
            "measurements-TOTAL_FORMS": str(int(data["measurements-TOTAL_FORMS"]) + 1),
            f"measurements-{data['measurements-TOTAL_FORMS']}-year": "2031",
            f"measurements-{data['measurements-TOTAL_FORMS']}-value": "7",
            f"measurements-{data['measurements-TOTAL_FORMS']}-source": "TÜİK",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "2031" in response.content.decode()
    assert not indicator.measurements.filter(year=2031).exists()


# --- the PDF ---------------------------------------------------------------------------------


def _pdf_text(export: PlanExport) -> str:
    export.refresh_from_db()
    assert export.status == PlanExport.Status.READY
    content = export.file.open("rb").read()
    return " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).split()
    )


@pytest.mark.parametrize("language", ["tr", "de"])
def test_a_pdf_after_a_change_of_figures_shows_the_new_figures(run_on_commit, language):
    plan, _objective, indicator = _plan()
    with run_on_commit():
        first = plan_export_request(plan=plan, language=language)
    measurement = indicator.measurements.get()
    measurement.value = Decimal("7")  # 5 → 7 of 8: 62.5 % → 87.5 %
    measurement.save()
    with run_on_commit():
        second = plan_export_request(plan=plan, language=language)
    assert second.pk != first.pk
    assert second.date == timezone.localdate()
    first_text, second_text = _pdf_text(first), _pdf_text(second)
    assert first.file.open("rb").read() != second.file.open("rb").read()
    expected = {"tr": ("%62,5", "%87,5"), "de": ("62,5 %", "87,5 %")}[language]
    assert expected[0] in first_text.replace("\xa0", " ")
    assert expected[1] in second_text.replace("\xa0", " ")
    # without a change, the same PDF is handed out again
    with run_on_commit():
        assert plan_export_request(plan=plan, language=language).pk == second.pk


def test_the_pdf_holds_investments_local_data_workshop_and_versions(run_on_commit):
    from masterplan.models import InvestmentTarget, LocalDataset
    from tests.masterplan.factories import WorkshopFactory

    plan, _objective, _indicator = _plan()
    InvestmentTarget.objects.create(
        plan=plan, title_de="Hafenlogistik", title="Hafenlogistik", sector="logistics",
        amount=Decimal("45000000"), currency="EUR", year=2022,
    )  # fmt: skip
    dataset = LocalDataset.objects.create(
        key="pop", title="Bevölkerung", title_de="Bevölkerung", source="TÜİK", unit="n"
    )
    dataset.values.create(year=2023, value=Decimal("4479525"))
    WorkshopFactory(plan=plan, title="Werkstatt", title_de="Werkstatt")
    with run_on_commit():
        export = plan_export_request(plan=plan, language="de")
    text = _pdf_text(export)
    for expected in ["Hafenlogistik", "45.000.000 EUR", "Bevölkerung", "4.479.525", "Werkstatt"]:
        assert expected in text, expected
    assert "Versionen" in text or "Versions" in text


# --- before/after for an adopted plan --------------------------------------------------------


def test_a_change_of_an_adopted_plan_shows_before_and_after_to_staff_and_public(
    client, staff_client
):
    plan, objective, indicator = _plan()
    objective.title_en = "Old objective title"
    objective.save()  # before adoption? no: _plan() adopted already; this is a change too
    plan.title_en, plan.title_tr = "The plan", "Eski başlık"
    plan.save()
    plan.title_tr = "Yeni başlık"
    plan.save()
    measurement = indicator.measurements.get()
    measurement.value = Decimal("6")
    measurement.save()

    # staff: the history with before → after
    history = staff_client.get(f"/admin/masterplan/plan/{plan.pk}/history/").content.decode()
    assert "Eski başlık" in history
    assert "Yeni başlık" in history
    # the public: an entry in the versions table and a page of changes
    page = client.get("/tr/masterplan/").content.decode()
    version = plan.versions.order_by("-number").first()
    assert version.status == Plan.Status.ADOPTED
    assert version.summary_tr in page or version.summary_tr.replace("“", "&ldquo;") in page
    changes = client.get(f"/tr/masterplan/plans/{plan.pk}/changes/").content.decode()
    assert "<del>Eski başlık</del>" in changes
    assert "<ins>Yeni başlık</ins>" in changes
    assert "<del>5</del>" in changes
    assert "<ins>6</ins>" in changes
    # a German reader sees the German texts' changes, not the Turkish title's
    german = client.get(f"/de/masterplan/plans/{plan.pk}/changes/").content.decode()
    assert "Yeni başlık" not in german
    assert "<ins>6</ins>" in german


def test_a_draft_plans_edits_make_no_public_versions():
    plan = PlanFactory()
    AreaFactory(plan=plan, title="x", title_de="x")
    plan.title_en = "Changed"
    plan.save()
    assert plan.versions.count() == 0


# --- archive, per cent, the plan's own period --------------------------------------------------


def test_a_replaced_plan_keeps_an_archive_page(client):
    old, _o, _i = _plan(2020, 2024, title="Plan 2020–2024", title_de="Plan 2020–2024")
    new, _o2, _i2 = _plan(2025, 2029, title="Plan 2025–2029", title_de="Plan 2025–2029")
    index = client.get("/de/masterplan/").content.decode()
    assert "Plan 2025–2029" in index
    assert f'href="/de/masterplan/plans/{old.pk}/"' in index
    archive = client.get(f"/de/masterplan/plans/{old.pk}/")
    assert archive.status_code == 200
    html = archive.content.decode()
    assert "<h1" in html
    assert "Plan 2020–2024" in html
    assert f'href="/de/masterplan/plans/{new.pk}/"' in html  # says it has been replaced
    draft = PlanFactory()
    assert client.get(f"/de/masterplan/plans/{draft.pk}/").status_code == 404


def test_percent_as_each_language_writes_it_and_the_plans_own_last_year(client):
    _plan(2025, 2029)  # 5 of 8 → 62.5 %
    turkish = client.get("/tr/masterplan/dashboard/").content.decode()
    assert "%62,5" in turkish
    assert "62,5 %" not in turkish
    german = client.get("/de/masterplan/dashboard/").content.decode()
    assert "62,5\xa0%" in german
    english = client.get("/en/masterplan/dashboard/").content.decode()
    assert "62.5%" in english
    assert "targets up to 2029" in english
    assert "up to 2024" not in english


def test_target_years_follow_the_plans_own_period():
    from masterplan.models import IndicatorTarget

    _p, _objective, indicator = _plan(2025, 2029)
    IndicatorTarget(indicator=indicator, year=2027, value=1).full_clean()  # was refused (> 2024)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        IndicatorTarget(indicator=indicator, year=2024, value=1).full_clean()
    assert "plan period 2025–2029" in refused.value.message_dict["year"][0]
