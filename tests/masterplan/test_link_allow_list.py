"""Acceptance 2: objective links offer only an allow-list of kinds, chosen by name, and the
public objective page shows only what is itself public, in every language."""

import html as html_lib
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.forms.models import apply_limit_choices_to_to_formfield
from django.test import Client
from django.utils import translation

from masterplan.linkables import LINKABLE_KINDS
from masterplan.models import ObjectiveLink
from masterplan.services.consultation import expert_invite
from offices.models import Office
from summits.models import FollowUpAction, Summit
from tests.factories import CityFactory, NetworkFactory, PartnershipFactory, UserFactory
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
)
from tests.offices.factories import ActivityReportFactory, OfficeFactory
from tests.summits.factories import SummitFactory, past_dates

pytestmark = pytest.mark.django_db
LANGUAGES = ["de", "tr", "en", "fr", "it", "es"]
INLINE = "links"


def _objective():
    plan = PlanFactory()
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=plan)))
    adopt(plan)
    return objective


def _items() -> tuple[list, list]:
    """One public and (where a kind has them) several private items of every allowed kind."""
    bremen = CityFactory(name="Bremen")
    held = SummitFactory(slug="held", status=Summit.Status.HELD, **past_dates())
    draft = SummitFactory(slug="draft", status=Summit.Status.DRAFT)
    active = OfficeFactory(name="Büro Bremen", status=Office.Status.ACTIVE)
    closed = OfficeFactory(name="Büro Köln", status=Office.Status.CLOSED)
    public = [
        FollowUpAction.objects.create(summit=held, what_de="Öffentliche Aktion", owner_city=bremen),
        ActivityReportFactory(office=active, title="Öffentlicher Bericht"),
        PartnershipFactory(partner=bremen),
        NetworkFactory(name="Eurocities"),
    ]
    from masterplan.models import LocalDataset

    public.append(LocalDataset.objects.create(key="v", title="Besuche", source="s", unit="n"))
    private = [
        FollowUpAction.objects.create(summit=draft, what_de="Geheime Aktion", owner_city=bremen),
        ActivityReportFactory(
            office=active, title="Interne Vorstandsklausur", highlight_published=False
        ),
        ActivityReportFactory(office=closed, title="Bericht eines geschlossenen Büros"),
    ]
    return public, private


def _link_labels(page: str) -> list[str]:
    listing = re.search(r'<ul class="link-list mp-links">(.*?)</ul>', page, re.S)
    if listing is None:
        return []
    items = re.findall(r"<li>(.*?)</li>", listing.group(1), re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", " ", item)) for item in items]


def test_the_kind_of_item_offers_only_the_allow_list():
    field = ObjectiveLink._meta.get_field("content_type").formfield()
    apply_limit_choices_to_to_formfield(field)
    offered = {f"{ct.app_label}.{ct.model}" for ct in field.queryset}
    assert offered == {kind.label for kind in LINKABLE_KINDS}
    for private in ["offices.fundingrequest", "offices.payment", "weltstadt.user",
                    "mfa.authenticator", "weltstadt.outgoingmail", "sessions.session"]:  # fmt: skip
        assert private not in offered


def test_every_item_the_admin_offers_linked_and_the_public_page_shows_only_public_ones(
    staff_client,
):
    objective = _objective()
    public, private = _items()
    url = f"/admin/masterplan/objective/{objective.pk}/change/"
    page = staff_client.get(url).content.decode()
    select = re.search(r'<select name="links-__prefix__-item_choice".*?</select>', page, re.S)
    offered = re.findall(r'<option value="(\d+-\d+)">([^<]*)</option>', select.group(0))
    # chosen by name, not a raw id: every option is labelled with the item's name
    labels = {html_lib.unescape(label) for _value, label in offered}
    assert {str(item) for item in public + private} == labels
    assert "object_id" not in page
    data = {
        "code": objective.code,
        "title_de": objective.title_de,
        "strategy": objective.strategy_id,
        "position": 0,
        f"{INLINE}-TOTAL_FORMS": str(len(offered)),
        f"{INLINE}-INITIAL_FORMS": "0",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
    }
    for number, (value, _label) in enumerate(offered):
        data[f"{INLINE}-{number}-item_choice"] = value
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ObjectiveLink.objects.filter(objective=objective).count() == len(offered)

    visitor = Client()
    for language in LANGUAGES:
        shown = _link_labels(
            visitor.get(f"/{language}/masterplan/objectives/{objective.pk}/").content.decode()
        )
        with translation.override(language):
            for item in private:
                assert not any(str(item) in text for text in shown), (language, str(item))
            for item in public:
                assert any(str(item) in text for text in shown), (language, str(item))
        assert len(shown) == len(public)


def test_every_content_type_of_the_project_is_refused_unless_allowed_and_never_shown_private(
    staff_user, run_on_commit
):
    objective = _objective()
    public, private = _items()
    # private data of every sort: a user, an MFA device (staff_user), a mail in the outbox, a
    # session, a summit registration …
    UserFactory(name="Deniz Aydın", email="deniz@example.org")
    Client().force_login(staff_user)
    expert_invite(
        plan=objective.strategy.area.plan,
        name="Ayşe",
        affiliation="DEU",
        field="IR",
        email="ayse@example.org",
        language="tr",
        by=None,
    )
    allowed = {kind.label for kind in LINKABLE_KINDS}
    rows = []
    tried = 0
    for content_type in ContentType.objects.all():
        model = content_type.model_class()
        if model is None:
            continue
        tried += 1
        label = f"{content_type.app_label}.{content_type.model}"
        link = ObjectiveLink(objective=objective, content_type=content_type, object_id=1)
        if label not in allowed:
            with pytest.raises(ValidationError):
                link.full_clean()
            with pytest.raises(ValidationError):
                link.save()
        for item in model._default_manager.all()[:3]:
            if isinstance(item.pk, int):
                rows.append(
                    ObjectiveLink(objective=objective, content_type=content_type, object_id=item.pk)
                )
    assert tried > 40
    # rows written around the model's checks (as old data or a raw import would be)
    ObjectiveLink.objects.bulk_create(rows, ignore_conflicts=True)
    public_labels = {str(item) for item in public}
    for language in LANGUAGES:
        page = Client().get(f"/{language}/masterplan/objectives/{objective.pk}/").content.decode()
        shown = _link_labels(page)
        assert shown, language
        with translation.override(language):
            labels = {str(item) for item in public}
        for text in shown:
            # each entry is one of the public items (kind badge, name, note)
            assert any(label in text for label in labels | public_labels), (language, text)
        assert "Deniz Aydın" not in page
        for item in private:
            assert str(item) not in page


def test_the_other_apps_inline_offers_nothing_on_a_model_that_is_not_allowed():
    from django.contrib import admin

    from masterplan.admin_inlines import ObjectiveLinkInline
    from weltstadt.models import User

    inline = ObjectiveLinkInline(User, admin.site)
    assert not inline.has_add_permission(None)
    assert ObjectiveLinkInline(FollowUpAction, admin.site)._parent_is_linkable()
