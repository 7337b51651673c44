"""Acceptance 5 (queries, PDF, demo) and the public pages."""

import io
import re
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from masterplan.models import Plan, PlanExport
from masterplan.services.plan import PlanTransitionError, plan_status_change
from tests.factories import PartnershipFactory
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
    indicator_with,
)
from tests.pdf_glyphs import misdrawn_characters
from weltstadt.exports import read_csv_back


def _plan(areas: int, strategies: int, objectives: int, indicators: int) -> Plan:
    plan = PlanFactory()
    for _a in range(areas):
        area = AreaFactory(plan=plan)
        for _s in range(strategies):
            strategy = StrategyFactory(area=area)
            for _o in range(objectives):
                objective = ObjectiveFactory(strategy=strategy)
                for i in range(indicators):
                    indicator_with(
                        objective,
                        baseline=i,
                        targets={2022: i + 5, 2024: i + 10},
                        measurements={2021: i + 2, 2023: i + 6},
                    )
    return adopt(plan)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/masterplan/dashboard/", "/en/masterplan/", "/en/masterplan/dashboard.csv"]
)
def test_same_number_of_queries_for_3_and_60_indicators(client, url):
    plan = _plan(1, 1, 1, 3)
    few = _queries(client, url)
    Plan.objects.filter(pk=plan.pk).delete()
    _plan(3, 2, 2, 5)  # 60 indicators
    many = _queries(client, url)
    assert few == many


@pytest.mark.django_db
def test_dashboard_has_an_svg_chart_and_a_table_per_indicator_and_csv(client):
    _plan(1, 1, 1, 3)
    html = client.get("/en/masterplan/dashboard/").content.decode()
    assert html.count('<svg class="mp-chart"') == 3
    assert html.count('class="data-table mp-values"') == 3
    assert "<script" not in html.split("<main", 1)[1]
    response = client.get("/en/masterplan/dashboard.csv")
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = read_csv_back(response.content, "en")
    assert header[:2] == ["Priority area", "Objective"]
    # per indicator: a baseline, two targets, two measurements
    assert len(rows) == 15
    assert {row[5] for row in rows} == {"Baseline", "Target", "Measured"}


@pytest.mark.django_db
def test_the_csv_is_read_back_with_the_readers_decimal_mark(client):
    from masterplan.models import Measurement

    plan = PlanFactory()
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=plan)))
    indicator_with(objective, baseline="1250.5", targets={2024: "2000"}, measurements={2023: 1500})
    Measurement.objects.update(source="=HYPERLINK(1)")
    adopt(plan)
    response = client.get("/de/masterplan/dashboard.csv")
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    assert "1250,5" in content
    header, *rows = read_csv_back(response.content, "de")
    assert len(header) == 9
    assert [row[7] for row in rows] == [Decimal("1250.5"), Decimal("2000"), Decimal("1500")]
    assert rows[2][8] == "'=HYPERLINK(1)"  # a formula is neutralised


@pytest.mark.django_db
def test_nothing_public_before_adoption(client):
    plan = PlanFactory(title="Secret draft")
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=plan)))
    assert "Secret draft" in client.get("/en/masterplan/").content.decode()  # only its status
    assert client.get("/en/masterplan/dashboard/").status_code == 404
    assert client.get(f"/en/masterplan/objectives/{objective.pk}/").status_code == 404


@pytest.mark.django_db
def test_status_moves_only_along_the_allowed_path_and_records_versions(alice):
    plan = PlanFactory()
    with pytest.raises(PlanTransitionError):
        plan_status_change(plan=plan, to=Plan.Status.ADOPTED, by=alice, summary="too early")
    assert plan.versions.count() == 0
    plan_status_change(plan=plan, to=Plan.Status.CONSULTATION, by=alice, summary="open")
    plan_status_change(plan=plan, to=Plan.Status.ADOPTED, by=alice, summary="adopted")
    plan.refresh_from_db()
    assert plan.status == "adopted"
    assert plan.status_changed_by == alice
    assert list(plan.versions.values_list("number", "status", "summary")) == [
        (2, "adopted", "adopted"),
        (1, "consultation", "open"),
    ]
    with pytest.raises(PlanTransitionError):
        plan_status_change(plan=plan, to=Plan.Status.DRAFT, by=alice, summary="back")


@pytest.mark.django_db
def test_objective_page_lists_linked_items_with_links_where_they_have_one(client):
    from masterplan.models import LocalDataset

    plan = _plan(1, 1, 1, 1)
    objective = plan.areas.get().strategies.get().objectives.get()
    partnership = PartnershipFactory(partner__name="Bremen")
    dataset = LocalDataset.objects.create(key="visits", title="Visits", source="x", unit="n")
    for item in (partnership, dataset):
        objective.links.create(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk, note="why"
        )
    html = client.get(f"/en/masterplan/objectives/{objective.pk}/").content.decode()
    assert "İzmir – Bremen" in html  # Partnership has no get_absolute_url: text only
    assert f'<a href="{dataset.get_absolute_url()}">Visits</a>' in html


@pytest.mark.django_db
def test_investment_totals_per_sector_and_year_never_mix_currencies(client):
    from decimal import Decimal

    from masterplan.models import InvestmentTarget

    plan = adopt(PlanFactory())
    for amount, currency, year in [
        ("100", "EUR", 2022),
        ("50.5", "EUR", 2022),
        ("7", "TRY", 2022),
        ("1", "EUR", 2023),
    ]:
        InvestmentTarget.objects.create(
            plan=plan,
            title="x",
            sector="energy",
            amount=Decimal(amount),
            currency=currency,
            year=year,
        )
    response = client.get("/en/masterplan/investments/")
    html = response.content.decode()
    assert re.search(r"<td>2022</td><td>2</td><td class=\"num\">151 EUR</td>", html)
    assert re.search(r"<td>2022</td><td>1</td><td class=\"num\">7 TRY</td>", html)
    assert client.get("/en/masterplan/investments/?sector=bogus&page=x").status_code == 200


@pytest.mark.django_db
def test_pdf_export_holds_every_priority_area_title(client, run_on_commit):
    from masterplan.demo import demo_seed

    demo_seed()
    plan = Plan.objects.get(status=Plan.Status.ADOPTED)
    with run_on_commit():
        response = client.post("/tr/masterplan/pdf/", {"language": "tr"})
    export = PlanExport.objects.get()
    assert response.status_code == 302
    assert export.status == PlanExport.Status.READY
    download = client.get(f"/tr/masterplan/pdf/{export.pk}/?download=1")
    assert download["Content-Type"] == "application/pdf"
    pdf = b"".join(download.streaming_content)
    assert misdrawn_characters(pdf) == set()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for area in plan.areas.all():
        assert area.title_tr in text, area.title_tr
    assert "Diaspora katılımı" in text
    # İ, ş, ğ come from the latin-ext font files, embedded as fonts of their own (one font name
    # for both subset files made the PDF draw them with the wrong glyphs).
    fonts = {
        str(font["/BaseFont"]).split("+", 1)[1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"Source-Sans-3", "Source-Sans-3-Ext", "Source-Serif-4-Ext-Bold"} <= {
        name.rstrip(",") for name in fonts
    }


@pytest.mark.django_db
def test_pdf_request_with_a_bad_language_changes_nothing(client):
    adopt(PlanFactory())
    response = client.post("/en/masterplan/pdf/", {"language": "xx"}, follow=True)
    assert "Please choose one of the languages offered." in response.content.decode()
    assert PlanExport.objects.count() == 0


@pytest.mark.django_db
def test_demo_holds_a_full_example_plan_and_is_idempotent(client):
    from masterplan.demo import demo_seed
    from masterplan.models import (
        ExpertComment,
        Indicator,
        InvestmentTarget,
        LocalDataValue,
        Measurement,
        Workshop,
    )

    demo_seed()
    demo_seed()
    plan = Plan.objects.get()
    assert plan.status == Plan.Status.ADOPTED
    assert plan.areas.count() == 5
    assert Indicator.objects.count() >= 8
    assert Indicator.objects.filter(direction="down").exists()
    assert Indicator.objects.filter(excluded_from_totals=True).exists()
    assert Measurement.objects.count() >= 20
    assert InvestmentTarget.objects.count() >= 5
    assert LocalDataValue.objects.count() >= 10
    assert Workshop.objects.get().participants.exclude(voted_at=None).count() >= 3
    assert ExpertComment.objects.filter(taken_up=True).exists()
    for url in ["/tr/masterplan/", "/de/masterplan/dashboard/", "/en/masterplan/investments/"]:
        assert client.get(url).status_code == 200
    assert "Diaspora katılımı" in client.get("/tr/masterplan/").content.decode()


@pytest.mark.django_db
def test_member_section_only_for_master_plan_editors(client, alice, bob):
    from django.contrib.auth.models import Group

    from weltstadt.accounts.roles import MASTERPLAN_EDITOR

    bob.groups.add(Group.objects.get(name=MASTERPLAN_EDITOR))
    client.force_login(alice)
    assert "Expert invitations" not in client.get("/en/member/").content.decode()
    client.force_login(bob)
    assert "Expert invitations" in client.get("/en/member/").content.decode()


@pytest.mark.django_db
def test_sitemap_lists_the_plan_pages_once_adopted(client):
    assert "/en/masterplan/dashboard/" not in client.get("/sitemap.xml").content.decode()
    adopt(PlanFactory())
    xml = client.get("/sitemap.xml").content.decode()
    for code in ("de", "tr", "en"):
        assert f"/{code}/masterplan/dashboard/" in xml


@pytest.mark.django_db
def test_every_public_page_answers_in_all_six_languages(client):
    from masterplan.demo import demo_seed
    from masterplan.models import Objective, Workshop

    demo_seed()
    objective = Objective.objects.first()
    workshop = Workshop.objects.first()
    paths = ["", "dashboard/", "dashboard.csv", "investments/", "local-data/",
             f"objectives/{objective.pk}/", f"workshops/{workshop.pk}/"]  # fmt: skip
    for language in ["de", "tr", "en", "fr", "it", "es"]:
        for path in paths:
            response = client.get(f"/{language}/masterplan/{path}")
            assert response.status_code == 200, (language, path)
    # the demo texts are in all six languages: nothing falls back to German on other pages
    from django.utils.html import escape

    from masterplan.models import InvestmentTarget, LocalDataset, PlanVersion, PriorityArea

    for language in ["tr", "en", "fr", "it", "es"]:
        pages = {
            path: client.get(f"/{language}/masterplan/{path}").content.decode()
            for path in ["", "investments/", "local-data/", f"workshops/{workshop.pk}/"]
        }
        assert escape(getattr(objective, f"title_{language}")) in pages[""]
        assert escape(objective.title_de) not in pages[""]
        for area in PriorityArea.objects.all():
            assert escape(getattr(area, f"priority_question_{language}")) in pages[""]
        for version in PlanVersion.objects.all():
            assert escape(getattr(version, f"summary_{language}")) in pages[""]
            assert escape(version.summary_de) not in pages[""]
        for item in InvestmentTarget.objects.all():
            assert escape(getattr(item, f"title_{language}")) in pages["investments/"]
            assert escape(item.title_de) not in pages["investments/"]
        for dataset in LocalDataset.objects.all():
            assert escape(getattr(dataset, f"title_{language}")) in pages["local-data/"]
            assert escape(dataset.title_de) not in pages["local-data/"]
        assert escape(getattr(workshop, f"title_{language}")) in pages[f"workshops/{workshop.pk}/"]
        assert 'lang="de"' not in pages[""].split("<main", 1)[1]
