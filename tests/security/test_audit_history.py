"""Every staff change to people, money, certificates and plan figures is in a history staff can
read: who, when, and each field before and after (django-simple-history, weltstadt/audit.py)."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from weltstadt.audit import audited_models

pytestmark = pytest.mark.django_db

MUST_HAVE_HISTORY = {
    # people
    "weltstadt.User",
    "ambassadors.Ambassador",
    "ambassadors.Application",
    "ambassadors.Evidence",
    "ambassadors.ModuleCompletion",
    "newsletter.Subscriber",
    "summits.Registration",
    "summits.Delegation",
    "offices.BoardMember",
    "offices.Founder",
    "offices.Office",
    # money
    "offices.FundingRequest",
    "offices.BudgetLine",
    "offices.Payment",
    "offices.AnnualReport",
    # certificates
    "ambassadors.Certificate",
    # plan figures
    "masterplan.Indicator",
    "masterplan.IndicatorTarget",
    "masterplan.Measurement",
    "masterplan.InvestmentTarget",
    "masterplan.LocalDataValue",
}


def test_people_money_certificates_and_plan_figures_have_a_history_in_the_admin():
    audited = {model._meta.label for model in audited_models()}
    assert MUST_HAVE_HISTORY - audited == set()
    for model in audited_models():
        model_admin = admin.site._registry.get(model)
        if model_admin is not None:
            assert isinstance(model_admin, SimpleHistoryAdmin), model._meta.label


def test_a_staff_change_shows_who_when_and_before_after(staff_client, staff_user):
    from tests.masterplan.factories import IndicatorFactory

    indicator = IndicatorFactory(baseline_value=Decimal("0"))
    indicator.baseline_value = Decimal("12.5")
    indicator._history_user = staff_user
    indicator.save()
    latest = indicator.history.first()
    assert latest.history_user == staff_user
    assert latest.history_date is not None
    delta = latest.diff_against(latest.prev_record)
    changes = [(c.field, Decimal(c.old), Decimal(c.new)) for c in delta.changes]
    assert changes == [("baseline_value", Decimal("0"), Decimal("12.5"))]
    page = staff_client.get(
        reverse("admin:masterplan_indicator_history", args=[indicator.pk])
    ).content.decode()
    assert "12.5" in page or "12,5" in page
    assert staff_user.email in page or staff_user.name in page


def test_a_change_through_the_admin_records_the_staff_member(staff_client, staff_user):
    from newsletter.models import Subscriber

    subscriber = Subscriber.objects.create(email="reader@example.org", language="de")
    url = reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])
    form = staff_client.get(url)
    assert form.status_code == 200
    subscriber.consent_note = "paper form, 2026-03-01"
    subscriber._history_user = staff_user
    subscriber.save()
    assert subscriber.history.count() == 2
    assert subscriber.history.first().history_user == staff_user
    assert (
        staff_client.get(
            reverse("admin:newsletter_subscriber_history", args=[subscriber.pk])
        ).status_code
        == 200
    )


def test_a_login_is_not_a_change_of_the_person(client, alice):
    before = alice.history.count()
    client.force_login(alice)
    alice.refresh_from_db()
    assert alice.last_login is not None
    assert alice.history.count() == before
    alice.name = "Alice Arslan-Yılmaz"
    alice.save()
    assert alice.history.count() == before + 1
