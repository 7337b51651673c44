# ruff: noqa: E501  (demo content: long translated strings read better on one line)
"""A full example master plan for İzmir (illustrative figures), for `make run`."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from masterplan.models import (
    ExpertInvitation,
    Indicator,
    InvestmentTarget,
    Objective,
    Plan,
    PriorityArea,
    Strategy,
    Workshop,
    WorkshopParticipant,
)
from masterplan.services.consultation import (
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
from weltstadt.models import City, Partnership

DEMO_TITLE = "Masterplan Außenbeziehungen İzmir 2020–2024"
SOURCE = "Verein Weltstadt Izmir (Beispielwerte)"


def _tr(**texts: tuple[str, str, str]) -> dict:
    """Field values in German, English and Turkish: title=("de", "en", "tr") → title_de, …"""
    values = {}
    for name, (de, en, tr) in texts.items():
        values.update({f"{name}_de": de, f"{name}_en": en, f"{name}_tr": tr, name: de})
    return values


# (code, title, question, [(code, title, [(code, title, [indicator dicts])])])
AREAS = [
    (
        "A1",
        (
            "EU- und deutsche Partnerstadtbeziehungen",
            "EU and German partner-city relations",
            "AB ve Alman kardeş şehir ilişkileri",
        ),
        (
            "Wie wird İzmir zum ersten Ansprechpartner deutscher und europäischer Städte in der Ägäis?",
            "How does İzmir become the first partner of German and European cities in the Aegean?",
            "İzmir, Ege'de Alman ve Avrupa şehirlerinin ilk muhatabı nasıl olur?",
        ),
        [
            (
                "S1.1",
                (
                    "Partnerschaften mit Bremen und den Bezirken vertiefen",
                    "Deepen the partnerships with Bremen and partner districts",
                    "Bremen ve kardeş ilçelerle ortaklıkları derinleştirmek",
                ),
                [
                    (
                        "O1.1.1",
                        (
                            "Gemeinsame Projekte mit deutschen Partnerstädten",
                            "Joint projects with German partner cities",
                            "Alman kardeş şehirlerle ortak projeler",
                        ),
                        [
                            {
                                "name": (
                                    "Gemeinsame Projekte mit deutschen Partnerstädten",
                                    "Joint projects with German partner cities",
                                    "Alman kardeş şehirlerle ortak projeler",
                                ),
                                "unit": ("Projekte", "projects", "proje"),
                                "direction": "up",
                                "baseline": (2019, "4"),
                                "weight": "2",
                                "targets": {2022: "8", 2024: "12"},
                                "measurements": {2020: "5", 2021: "6", 2022: "8", 2023: "9"},
                            },
                        ],
                    ),
                ],
            ),
            (
                "S1.2",
                ("Zugang zu EU-Programmen", "Access to EU programmes", "AB programlarına erişim"),
                [
                    (
                        "O1.2.1",
                        (
                            "EU-geförderte Projekte der Stadt",
                            "EU-funded city projects",
                            "AB destekli kent projeleri",
                        ),
                        [
                            {
                                "name": (
                                    "Eingeworbene EU-Mittel",
                                    "EU funds secured",
                                    "Sağlanan AB fonları",
                                ),
                                "unit": ("Mio. EUR", "million EUR", "milyon EUR"),
                                "direction": "up",
                                "baseline": (2019, "3.2"),
                                "weight": "1",
                                "targets": {2022: "6", 2024: "10"},
                                "measurements": {2021: "4.5", 2023: "6.8"},
                            },
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "A2",
        ("Investitionen und Handel", "Investment and trade", "Yatırım ve ticaret"),
        (
            "Wie gewinnt İzmir mehr europäische Investitionen für nachhaltige Arbeitsplätze?",
            "How does İzmir attract more European investment for lasting jobs?",
            "İzmir kalıcı istihdam için daha fazla Avrupa yatırımını nasıl çeker?",
        ),
        [
            (
                "S2.1",
                (
                    "Investoren aus Europa gewinnen",
                    "Win investors from Europe",
                    "Avrupa'dan yatırımcı kazanmak",
                ),
                [
                    (
                        "O2.1.1",
                        (
                            "Schneller Investorenservice",
                            "Fast investor service",
                            "Hızlı yatırımcı hizmeti",
                        ),
                        [
                            {
                                "name": (
                                    "Direktinvestitionen aus der EU",
                                    "Direct investment from the EU",
                                    "AB'den doğrudan yatırım",
                                ),
                                "unit": ("Mio. USD", "million USD", "milyon USD"),
                                "direction": "up",
                                "baseline": (2019, "410"),
                                "weight": "2",
                                "targets": {2022: "520", 2024: "650"},
                                "measurements": {
                                    2020: "380",
                                    2021: "450",
                                    2022: "505",
                                    2023: "560",
                                },
                            },
                            {
                                "name": (
                                    "Bearbeitungszeit einer Investorenanfrage",
                                    "Days to answer an investor enquiry",
                                    "Yatırımcı başvurusunun yanıt süresi",
                                ),
                                "unit": ("Tage", "days", "gün"),
                                "direction": "down",
                                "baseline": (2019, "45"),
                                "weight": "1",
                                "targets": {2022: "30", 2024: "15"},
                                "measurements": {2021: "38", 2023: "30"},
                            },
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "A3",
        ("Kultur und Tourismus", "Culture and tourism", "Kültür ve turizm"),
        (
            "Wie wird İzmir als Kulturstadt der Ägäis in Europa sichtbar?",
            "How does İzmir become visible in Europe as the Aegean's city of culture?",
            "İzmir, Ege'nin kültür kenti olarak Avrupa'da nasıl görünür olur?",
        ),
        [
            (
                "S3.1",
                ("Besucher aus Europa", "Visitors from Europe", "Avrupa'dan ziyaretçiler"),
                [
                    (
                        "O3.1.1",
                        (
                            "Mehr Gäste aus Deutschland",
                            "More guests from Germany",
                            "Almanya'dan daha fazla misafir",
                        ),
                        [
                            {
                                "name": (
                                    "Übernachtungsgäste aus Deutschland",
                                    "Overnight guests from Germany",
                                    "Almanya'dan konaklayan misafirler",
                                ),
                                "unit": ("Tausend", "thousand", "bin"),
                                "direction": "up",
                                "baseline": (2019, "210"),
                                "weight": "1",
                                "targets": {2022: "240", 2024: "300"},
                                "measurements": {2020: "60", 2021: "130", 2022: "235", 2023: "268"},
                            },
                            {
                                "name": (
                                    "Kulturveranstaltungen mit europäischen Partnern",
                                    "Cultural events with European partners",
                                    "Avrupalı ortaklarla kültür etkinlikleri",
                                ),
                                "unit": ("%", "%", "%"),
                                "direction": "up",
                                "baseline": (2019, "12"),
                                "weight": "1",
                                "targets": {2024: "25"},
                                "measurements": {2023: "19"},
                                "excluded": (
                                    "Die Zählweise wurde 2022 geändert; die Werte sind mit dem Ausgangswert nicht vergleichbar.",
                                    "The counting method changed in 2022; the figures are not comparable with the baseline.",
                                    "Sayım yöntemi 2022'de değişti; değerler başlangıç değeriyle karşılaştırılamaz.",
                                ),
                            },
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "A4",
        ("Bildung und Jugend", "Education and youth", "Eğitim ve gençlik"),
        (
            "Wie lernen junge Menschen aus İzmir und Europa voneinander?",
            "How do young people from İzmir and Europe learn from each other?",
            "İzmirli ve Avrupalı gençler birbirinden nasıl öğrenir?",
        ),
        [
            (
                "S4.1",
                (
                    "Austausch mit Partnerstädten",
                    "Exchange with partner cities",
                    "Kardeş şehirlerle değişim",
                ),
                [
                    (
                        "O4.1.1",
                        (
                            "Schul- und Hochschulaustausch",
                            "School and university exchange",
                            "Okul ve üniversite değişimi",
                        ),
                        [
                            {
                                "name": (
                                    "Teilnehmende an Austauschprogrammen",
                                    "Participants in exchange programmes",
                                    "Değişim programı katılımcıları",
                                ),
                                "unit": ("Personen", "people", "kişi"),
                                "direction": "up",
                                "baseline": (2019, "350"),
                                "weight": "1",
                                "targets": {2022: "500", 2024: "700"},
                                "measurements": {2021: "280", 2022: "460", 2023: "590"},
                            },
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "A5",
        ("Diaspora-Engagement", "Diaspora engagement", "Diaspora katılımı"),
        (
            "Wie werden die İzmirer in Europa zu Botschafterinnen und Botschaftern ihrer Stadt?",
            "How do the people of İzmir living in Europe become ambassadors of their city?",
            "Avrupa'da yaşayan İzmirliler kentlerinin elçileri nasıl olur?",
        ),
        [
            (
                "S5.1",
                (
                    "Förderbüros im Ausland",
                    "Promotion offices abroad",
                    "Yurt dışı tanıtım ofisleri",
                ),
                [
                    (
                        "O5.1.1",
                        (
                            "Ein Netz von Förderbüros",
                            "A network of promotion offices",
                            "Tanıtım ofisleri ağı",
                        ),
                        [
                            {
                                "name": (
                                    "Arbeitende Förderbüros im Ausland",
                                    "Promotion offices at work abroad",
                                    "Yurt dışında çalışan tanıtım ofisleri",
                                ),
                                "unit": ("Büros", "offices", "ofis"),
                                "direction": "up",
                                "baseline": (2019, "0"),
                                "weight": "1",
                                "targets": {2022: "3", 2024: "6"},
                                "measurements": {2021: "1", 2022: "2", 2023: "3"},
                            },
                        ],
                    ),
                ],
            ),
        ],
    ),
]

LOCAL_DATA_CSV = """key,title,source,unit,year,value
izmir-population,Bevölkerung der Provinz İzmir,TÜİK ADNKS,Einwohner,2019,4367251
izmir-population,Bevölkerung der Provinz İzmir,TÜİK ADNKS,Einwohner,2020,4394694
izmir-population,Bevölkerung der Provinz İzmir,TÜİK ADNKS,Einwohner,2021,4425789
izmir-population,Bevölkerung der Provinz İzmir,TÜİK ADNKS,Einwohner,2022,4462056
izmir-population,Bevölkerung der Provinz İzmir,TÜİK ADNKS,Einwohner,2023,4479525
izmir-cruise-calls,Kreuzfahrtanläufe im Hafen İzmir (Beispielwerte),Verein Weltstadt Izmir,Anläufe,2019,25
izmir-cruise-calls,Kreuzfahrtanläufe im Hafen İzmir (Beispielwerte),Verein Weltstadt Izmir,Anläufe,2022,41
izmir-cruise-calls,Kreuzfahrtanläufe im Hafen İzmir (Beispielwerte),Verein Weltstadt Izmir,Anläufe,2023,68
izmir-exports-eu,Exporte der Provinz in die EU (Beispielwerte),Verein Weltstadt Izmir,Mrd. USD,2019,6.1
izmir-exports-eu,Exporte der Provinz in die EU (Beispielwerte),Verein Weltstadt Izmir,Mrd. USD,2021,7.4
izmir-exports-eu,Exporte der Provinz in die EU (Beispielwerte),Verein Weltstadt Izmir,Mrd. USD,2023,8.2
"""

INVESTMENTS = [
    (
        "Hafenlogistik-Zentrum Aliağa",
        "logistics",
        ["DE", "NL"],
        ["Bremen"],
        "45000000",
        "EUR",
        2022,
        "secured",
    ),
    ("Windpark-Zulieferpark", "energy", ["DE", "DK"], [], "80000000", "EUR", 2023, "negotiation"),
    (
        "Gründerzentrum Ägäis–Europa",
        "technology",
        ["DE"],
        ["Berlin"],
        "6500000",
        "EUR",
        2021,
        "realised",
    ),
    ("Kongress- und Messehotel", "tourism", ["DE", "AT"], [], "38000000", "EUR", 2024, "planned"),
    (
        "Olivenöl-Verarbeitung für den EU-Markt",
        "agrifood",
        ["IT", "ES"],
        [],
        "120000000",
        "TRY",
        2022,
        "realised",
    ),
    (
        "Film- und Kreativquartier",
        "culture",
        ["FR", "DE"],
        ["Köln"],
        "9000000",
        "EUR",
        2023,
        "planned",
    ),
    (
        "Deutsch-türkische Berufsschule",
        "education",
        ["DE"],
        ["Bremen"],
        "4000000",
        "EUR",
        2021,
        "secured",
    ),
    (
        "Elektronikfertigung Gaziemir",
        "manufacturing",
        ["DE"],
        [],
        "25000000",
        "USD",
        2024,
        "dropped",
    ),
]


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
        indicator.targets.create(year=year, value=Decimal(value))
    for year, value in spec["measurements"].items():
        indicator.measurements.create(year=year, value=Decimal(value), source=SOURCE)


def _structure(plan: Plan) -> list[PriorityArea]:
    areas = []
    for position, (code, title, question, strategies) in enumerate(AREAS, start=1):
        area = PriorityArea.objects.create(
            plan=plan, code=code, position=position, **_tr(title=title, priority_question=question)
        )
        areas.append(area)
        for s_pos, (s_code, s_title, objectives) in enumerate(strategies, start=1):
            strategy = Strategy.objects.create(
                area=area, code=s_code, position=s_pos, **_tr(title=s_title)
            )
            for o_pos, (o_code, o_title, indicators) in enumerate(objectives, start=1):
                objective = Objective.objects.create(
                    strategy=strategy, code=o_code, position=o_pos, **_tr(title=o_title)
                )
                for i_pos, spec in enumerate(indicators, start=1):
                    _indicator(objective, i_pos, spec)
    return areas


def _investments(plan: Plan) -> None:
    for title, sector, countries, cities, amount, currency, year, status in INVESTMENTS:
        item = InvestmentTarget.objects.create(
            plan=plan,
            title=title,
            title_de=title,
            sector=sector,
            target_countries=countries,
            amount=Decimal(amount),
            currency=currency,
            year=year,
            status=status,
        )
        item.target_cities.set(City.objects.filter(name__in=cities))


def _consultation(plan: Plan, areas: list[PriorityArea], editor) -> None:
    experts = [
        ("Prof. Dr. Ayşe Demir", "Dokuz Eylül Üniversitesi", "Internationale Beziehungen", "tr"),
        ("Dr. Jan Hoffmann", "Universität Bremen", "Stadtentwicklung", "de"),
        ("Selin Yıldız", "İzmir Ticaret Odası (İZTO)", "Außenhandel", "tr"),
    ]
    comments = [
        (
            0,
            areas[0],
            "Die Partnerschaft mit Bremen sollte um Hafen- und Logistikthemen erweitert werden.",
        ),
        (
            0,
            areas[4],
            "Diaspora-Vereine in Deutschland früh einbinden, nicht erst nach Gründung der Büros.",
        ),
        (
            1,
            areas[0].strategies.first(),
            "EU-Städtenetzwerke (Eurocities) als Türöffner für Förderanträge nutzen.",
        ),
        (
            2,
            areas[1],
            "Ein zweisprachiger Investorenservice würde die Bearbeitungszeit deutlich senken.",
        ),
    ]
    invitations = [
        expert_invite(
            plan=plan,
            name=n,
            affiliation=a,
            field=f,
            email=f"expert{i}@example.org",
            language=lang,
            by=editor,
        )
        for i, (n, a, f, lang) in enumerate(experts, start=1)
    ]
    made = [
        expert_comment_create(invitation=invitations[who], target=target, text=text)
        for who, target, text in comments
    ]
    comment_take_up(comment=made[0], by=editor)
    comment_take_up(comment=made[3], by=editor)


def _workshop(plan: Plan, areas: list[PriorityArea]) -> None:
    workshop = Workshop.objects.create(
        plan=plan,
        date=date(2021, 10, 14),
        place="İzmir, Ahmed Adnan Saygun Sanat Merkezi",
        facilitators="Elif Şahin, Jan Becker",
        **_tr(
            title=(
                "Beteiligungswerkstatt Masterplan",
                "Participatory master-plan workshop",
                "Master plan katılım çalıştayı",
            ),
            agenda=(
                "1. Begrüßung\n2. Globale Position İzmirs\n3. Arbeit an den Schwerpunkten\n4. Rangfolge der Schwerpunkte",
                "1. Welcome\n2. İzmir's global position\n3. Work on the priority areas\n4. Ranking of the priority areas",
                "1. Açılış\n2. İzmir'in küresel konumu\n3. Öncelik alanları üzerine çalışma\n4. Öncelik alanlarının sıralaması",
            ),
            minutes=(
                "Rund 40 Teilnehmende aus Verbänden, Hochschulen und Partnerstädten. Investitionen und Partnerstadtbeziehungen wurden am höchsten gewichtet.",
                "About 40 participants from associations, universities and partner cities. Investment and partner-city relations were ranked highest.",
                "Dernekler, üniversiteler ve kardeş şehirlerden yaklaşık 40 katılımcı. Yatırım ve kardeş şehir ilişkileri en üst sıralarda yer aldı.",
            ),
        ),
    )
    people = [
        ("Mehmet Kaya", "İZTO", "İzmir"),
        ("Anna Weber", "Senatskanzlei Bremen", "Bremen"),
        ("Zeynep Arslan", "İZKA", "İzmir"),
        ("Thomas Richter", "Bezirksamt Neukölln", "Berlin-Neukölln"),
        ("Burak Çelik", "ESİAD", "İzmir"),
        ("Deniz Yılmaz", "Gaziemir Belediyesi", "Gaziemir"),
    ]
    orders = [[1, 0, 2, 3, 4], [0, 1, 4, 2, 3], [1, 0, 3, 2, 4], [0, 4, 1, 3, 2], [1, 2, 0, 3, 4]]
    for i, (name, org, city) in enumerate(people):
        participant = WorkshopParticipant.objects.create(
            workshop=workshop,
            name=name,
            organisation=org,
            city=City.objects.filter(name=city).first(),
        )
        if i < len(orders):
            ballot_submit(participant=participant, ranking=[areas[j].pk for j in orders[i]])


def _links(areas: list[PriorityArea]) -> None:
    bremen = Partnership.objects.filter(partner__name="Bremen").first()
    if bremen is None:
        return
    objective = Objective.objects.get(strategy__area=areas[0], code="O1.1.1")
    from django.contrib.contenttypes.models import ContentType

    objective.links.get_or_create(
        content_type=ContentType.objects.get_for_model(Partnership),
        object_id=bremen.pk,
        defaults={"note": "Grundlage der gemeinsamen Projekte"},
    )


def demo_seed() -> list[DemoLogin]:
    editor = demo_user(
        "planner@weltstadt.example",
        name="Elif Şahin",
        staff=True,
        groups=(roles.MASTERPLAN_EDITOR,),
    )
    if not Plan.objects.filter(title_de=DEMO_TITLE).exists():
        with transaction.atomic():
            plan = Plan.objects.create(
                period_start=2020,
                period_end=2024,
                **_tr(
                    title=(
                        DEMO_TITLE,
                        "İzmir external-relations master plan 2020–2024",
                        "İzmir Dış İlişkiler Master Planı 2020–2024",
                    ),
                    introduction=(
                        "Unter der Schirmherrschaft der Stadtverwaltung legt der Verein die Leitlinien für İzmirs Außenbeziehungen fest: Schwerpunkte, Strategien, Ziele und Investitionsziele, erarbeitet mit Fachleuten und einer Beteiligungswerkstatt.",
                        "Under the patronage of the city administration, the association sets out the lines of İzmir's external relations: priorities, strategies, objectives and investment targets, drawn up with experts and a participatory workshop.",
                        "Kent yönetiminin himayesinde dernek, İzmir'in dış ilişkilerinin ana hatlarını belirler: öncelikler, stratejiler, hedefler ve yatırım hedefleri; uzmanlar ve bir katılım çalıştayıyla hazırlanmıştır.",
                    ),
                    global_position=(
                        "İzmir ist die drittgrößte Stadt der Türkei, Hafen- und Messestadt an der Ägäis und mit Bremen seit den 1990er Jahren partnerschaftlich verbunden.",
                        "İzmir is Türkiye's third-largest city, a port and trade-fair city on the Aegean, and a partner of Bremen since the 1990s.",
                        "İzmir, Türkiye'nin üçüncü büyük kenti, Ege'de bir liman ve fuar kentidir ve 1990'lardan beri Bremen'in kardeş şehridir.",
                    ),
                ),
            )
            areas = _structure(plan)
            _investments(plan)
            plan_status_change(
                plan=plan,
                to=Plan.Status.CONSULTATION,
                by=editor,
                summary="Entwurf zur Konsultation gestellt.",
            )
            _consultation(plan, areas, editor)
            _workshop(plan, areas)
            _links(areas)
            plan_status_change(
                plan=plan,
                to=Plan.Status.ADOPTED,
                by=editor,
                summary="Nach Expertenkonsultation und Werkstatt beschlossen; Anregungen zu A1 und A2 übernommen.",
            )
    local_data_import(content=LOCAL_DATA_CSV.encode())
    invitation = ExpertInvitation.objects.filter(plan__title_de=DEMO_TITLE).order_by("pk").first()
    if invitation is None:
        return []
    path = expert_link_path(invitation, language=invitation.language)
    return [DemoLogin(email=invitation.email, role=f"Expert, no password: {path}")]
