"""A full example master plan for İzmir, for `make run`.

The content (texts in all six languages of the site; illustrative figures, marked as such in
their source) lives in `demo_content/`: `plan.json` holds German, English and Turkish, and
`translations.json` the French, Italian and Spanish of each English text; `texts.json` the
investment titles, version summaries and local data sets. This module builds it through the
services, as staff would.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from masterplan.models import (
    ExpertInvitation,
    Indicator,
    InvestmentTarget,
    LocalDataset,
    Objective,
    Plan,
    PlanVersion,
    PriorityArea,
    Strategy,
    Workshop,
    WorkshopParticipant,
)
from masterplan.services.consultation import (
    comment_moderate,
    comment_take_up,
    expert_comment_create,
    expert_invite,
    expert_link_path,
)
from masterplan.services.localdata import local_data_import
from masterplan.services.plan import plan_status_change
from masterplan.services.workshop import ballot_submit
from weltstadt.accounts import roles
from weltstadt.demo import DemoLogin, demo_user
from weltstadt.models import City

CONTENT = Path(__file__).parent / "demo_content"
SOURCE = "Verein Weltstadt Izmir (Beispielwerte)"
MORE = json.loads((CONTENT / "translations.json").read_text(encoding="utf-8"))
TEXTS = json.loads((CONTENT / "texts.json").read_text(encoding="utf-8"))


def _tr(**texts: list[str]) -> dict:
    """Field values in all six languages: title=[de, en, tr] → title_de, …, title_es (French,
    Italian and Spanish from translations.json, looked up by the English text)."""
    values = {}
    for name, (de, en, tr) in texts.items():
        fr, it, es = MORE[en]
        values.update({name: de, f"{name}_de": de, f"{name}_en": en, f"{name}_tr": tr})
        values.update({f"{name}_fr": fr, f"{name}_it": it, f"{name}_es": es})
    return values


def _six(name: str, texts: dict[str, str]) -> dict:
    """title={"de": …, "tr": …} → title=…, title_de=…, title_tr=…"""
    return {name: texts["de"], **{f"{name}_{code}": text for code, text in texts.items()}}


def _indicator(objective: Objective, position: int, spec: dict) -> None:
    excluded = spec.get("excluded")
    indicator = Indicator.objects.create(
        objective=objective,
        position=position,
        direction=spec["direction"],
        baseline_year=spec["baseline"][0],
        baseline_value=Decimal(spec["baseline"][1]),
        weight=Decimal(spec["weight"]),
        excluded_from_totals=bool(excluded),
        **_tr(name=spec["name"], unit=spec["unit"]),
        **(_tr(exclusion_reason=excluded) if excluded else {}),
    )
    for year, value in spec["targets"].items():
        indicator.targets.create(year=int(year), value=Decimal(value))
    for year, value in spec["measurements"].items():
        indicator.measurements.create(year=int(year), value=Decimal(value), source=SOURCE)


def _structure(plan: Plan, areas: list[dict]) -> dict[str, PriorityArea]:
    made = {}
    for position, spec in enumerate(areas, start=1):
        area = PriorityArea.objects.create(
            plan=plan,
            code=spec["code"],
            position=position,
            **_tr(title=spec["title"], priority_question=spec["priority_question"]),
        )
        made[area.code] = area
        for s_pos, s_spec in enumerate(spec["strategies"], start=1):
            strategy = Strategy.objects.create(
                area=area, code=s_spec["code"], position=s_pos, **_tr(title=s_spec["title"])
            )
            for o_pos, o_spec in enumerate(s_spec["objectives"], start=1):
                objective = Objective.objects.create(
                    strategy=strategy,
                    code=o_spec["code"],
                    position=o_pos,
                    **_tr(title=o_spec["title"]),
                )
                for i_pos, i_spec in enumerate(o_spec["indicators"], start=1):
                    _indicator(objective, i_pos, i_spec)
    return made


def _investments(plan: Plan, items: list[list]) -> None:
    for title, sector, countries, cities, amount, currency, year, status in items:
        item = InvestmentTarget.objects.create(
            plan=plan,
            **_six("title", {"de": title, **TEXTS["investments"][title]}),
            sector=sector,
            target_countries=countries,
            amount=Decimal(amount),
            currency=currency,
            year=year,
            status=status,
        )
        item.target_cities.set(City.objects.filter(name__in=cities))


def _consultation(plan: Plan, areas: dict[str, PriorityArea], content: dict, editor) -> None:
    invitations = [
        expert_invite(
            plan=plan,
            name=name,
            affiliation=affiliation,
            field=field,
            email=f"expert{number}@example.org",
            language=language,
            by=editor,
        )
        for number, (name, affiliation, field, language) in enumerate(content["experts"], 1)
    ]
    for who, area_code, strategy_code, text, taken_up in content["comments"]:
        area = areas[area_code]
        target = area.strategies.get(code=strategy_code) if strategy_code else area
        comment = expert_comment_create(invitation=invitations[who], target=target, text=text)
        if taken_up:
            comment_moderate(comment=comment, approve=True, by=editor)
            comment_take_up(comment=comment, by=editor)


def _workshop(plan: Plan, areas: dict[str, PriorityArea], content: dict) -> None:
    workshop = Workshop.objects.create(
        plan=plan,
        date=date(2021, 10, 14),
        place="İzmir, Ahmed Adnan Saygun Sanat Merkezi",
        facilitators="Elif Şahin, Jan Becker",
        **_tr(**content["workshop"]),
    )
    ordered = list(areas.values())
    ballots = content["ballots"]
    languages = ["tr", "de", "tr", "de", "tr", "tr"]
    for number, (name, organisation, city) in enumerate(content["participants"]):
        participant = WorkshopParticipant.objects.create(
            workshop=workshop,
            name=name,
            organisation=organisation,
            city=City.objects.filter(name=city).first(),
            language=languages[number % len(languages)],
        )
        if number < len(ballots):
            ranking = [ordered[index].pk for index in ballots[number]]
            ballot_submit(participant=participant, ranking=ranking)
    # the ranking closed two weeks after the workshop (and closes anyway on adoption)
    Workshop.objects.filter(pk=workshop.pk).update(ballot_closes_on=date(2021, 10, 28))


# (model, lookup, objective code, note): the other programmes' demo items that serve objectives,
# found by label so that the master plan imports none of those apps.
LINKS = [
    ("weltstadt.Partnership", {"partner__name": "Bremen"}, "O1.1.1",
     "Grundlage der gemeinsamen Projekte"),
    ("summits.FollowUpAction", {"what_de": "Ständiger Kontaktkreis der Außenbeziehungsämter"},
     "O1.1.1", "Vereinbart auf dem Partnerstädtegipfel 2025"),
    ("summits.FollowUpAction", {"what_de": "Jugendbegegnung Bremen–İzmir"}, "O4.1.1",
     "Jugendaustausch mit der Partnerstadt"),
    ("offices.ActivityReport", {"title_de": "İzmir-Tage in Bremen"}, "O5.1.1",
     "Veranstaltung des Förderbüros Bremen"),
]  # fmt: skip


def _links(plan: Plan) -> None:
    for label, lookup, code, note in LINKS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        item = model.objects.filter(**lookup).first()
        objective = Objective.objects.filter(strategy__area__plan=plan, code=code).first()
        if item is None or objective is None:
            continue
        objective.links.get_or_create(
            content_type=ContentType.objects.get_for_model(model),
            object_id=item.pk,
            defaults={"note": note},
        )


def _local_datasets() -> None:
    for spec in TEXTS["local_data"]:
        LocalDataset.objects.update_or_create(
            key=spec["key"],
            defaults={
                "source": spec["source"],
                **_six("title", spec["title"]),
                **_six("unit", spec["unit"]),
            },
        )


def demo_seed() -> list[DemoLogin]:
    content = json.loads((CONTENT / "plan.json").read_text(encoding="utf-8"))
    title = content["plan"]["title"][0]
    editor = demo_user(
        "planner@weltstadt.example",
        name="Elif Şahin",
        staff=True,
        groups=(roles.MASTERPLAN_EDITOR,),
    )
    if not Plan.objects.filter(title_de=title).exists():
        with transaction.atomic():
            plan = Plan.objects.create(period_start=2020, period_end=2024, **_tr(**content["plan"]))
            areas = _structure(plan, content["areas"])
            _investments(plan, content["investments"])
            plan_status_change(
                plan=plan,
                to=Plan.Status.CONSULTATION,
                by=editor,
                summary=TEXTS["versions"]["consultation"]["de"],
            )
            _consultation(plan, areas, content, editor)
            _workshop(plan, areas, content)
            plan_status_change(
                plan=plan,
                to=Plan.Status.ADOPTED,
                by=editor,
                summary=TEXTS["versions"]["adopted"]["de"],
            )
            for version in plan.versions.all():
                key = "adopted" if version.status == Plan.Status.ADOPTED else "consultation"
                PlanVersion.objects.filter(pk=version.pk).update(
                    **_six("summary", TEXTS["versions"][key])
                )
    _local_datasets()
    local_data_import(content=(CONTENT / "local_data.csv").read_bytes(), language="en")
    plan = Plan.objects.filter(title_de=title).first()
    if plan is not None:
        _links(plan)
    invitation = ExpertInvitation.objects.filter(plan__title_de=title).order_by("pk").first()
    if invitation is None:
        return []
    path = expert_link_path(invitation, language=invitation.language)
    return [DemoLogin(email=invitation.email, role=f"Expert, no password: {path}")]
