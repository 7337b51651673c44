"""Demo offices in several countries at different stages, with boards, requests and reports."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from offices import services
from offices.models import (
    ActivityReport,
    AnnualReport,
    BoardMember,
    Founder,
    FundingRequest,
    Office,
    OfficeDocument,
)
from weltstadt.demo import DemoLogin, demo_user
from weltstadt.models import City, User

SUPERVISOR = "supervisor@weltstadt.example"

LANGUAGES = ("de", "tr", "en", "fr", "it", "es")


def _six(de: str, tr: str, en: str, fr: str, it: str, es: str) -> dict[str, str]:
    """A text the public reads, in every language of the site (nothing falls back to German)."""
    return dict(zip(LANGUAGES, (de, tr, en, fr, it, es), strict=True))


# slug, name, city, country, path of statuses, address, description in the six languages
OFFICES = [
    (
        "bremen",
        "İzmir-Büro Bremen",
        "Bremen",
        "DE",
        ["founding", "active"],
        "Am Markt 1\n28195 Bremen",
        _six(
            "Das Büro pflegt die Städtepartnerschaft Bremen–İzmir seit 1995.",
            "Büro, 1995'ten bu yana süren Bremen–İzmir kardeş şehir ilişkisini yürütüyor.",
            "The office looks after the Bremen–İzmir sister-city partnership, in place since 1995.",
            "Le bureau fait vivre le jumelage Brême–İzmir, en place depuis 1995.",
            "L'ufficio cura il gemellaggio Brema–İzmir, in vigore dal 1995.",
            "La oficina cuida el hermanamiento Bremen–İzmir, vigente desde 1995.",
        ),
    ),
    (
        "wien",
        "İzmir Tanıtım Ofisi Wien",
        "Wien",
        "AT",
        ["founding", "active"],
        "Stephansplatz 4\n1010 Wien",
        _six(
            "Treffpunkt für Wirtschaft, Kultur und Studium zwischen Wien und İzmir.",
            "Viyana ile İzmir arasında iş dünyası, kültür ve eğitim için bir buluşma noktası.",
            "A meeting point for business, culture and study between Vienna and İzmir.",
            "Un lieu de rencontre entre Vienne et İzmir pour l'économie, la culture et les études.",
            "Un punto d'incontro tra Vienna e İzmir per economia, cultura e studio.",
            "Un punto de encuentro entre Viena e İzmir para la economía, la cultura y el estudio.",
        ),
    ),
    (
        "frankfurt",
        "İzmir-Büro Frankfurt am Main",
        "Frankfurt am Main",
        "DE",
        ["founding"],
        "Römerberg 23\n60311 Frankfurt am Main",
        _six(
            "Das Büro wird gegründet: es verbindet die Finanz- und Messestadt mit İzmir.",
            "Büro kuruluş aşamasında: finans ve fuar kenti Frankfurt'u İzmir'e bağlayacak.",
            "The office is being founded: it will link the city of finance and fairs with İzmir.",
            "Le bureau est en création : il reliera la ville de la finance et des foires à İzmir.",
            "L'ufficio è in fase di fondazione: collegherà la città della finanza e delle fiere "
            "a İzmir.",
            "La oficina se está fundando: unirá la ciudad de las finanzas y las ferias con İzmir.",
        ),
    ),
    ("rotterdam", "İzmir Office Rotterdam", "Rotterdam", "NL", [], "", {}),
    (
        "lyon",
        "Bureau d'İzmir à Lyon",
        "Lyon",
        "FR",
        ["founding", "active", "suspended"],
        "",
        _six(
            "Das Büro ruht, bis ein neuer Vorstand bestellt ist.",
            "Yeni yönetim kurulu atanana kadar büronun faaliyetleri askıda.",
            "The office's work is suspended until a new board is appointed.",
            "Les activités du bureau sont suspendues jusqu'à la nomination d'un nouveau bureau.",
            "Le attività dell'ufficio sono sospese fino alla nomina di un nuovo consiglio.",
            "Las actividades de la oficina están suspendidas hasta que se nombre una nueva junta.",
        ),
    ),
]
# Why the city changed an office's status: written by its supervisors in İzmir, in Turkish.
STATUS_REASONS = {
    "founding": "Büyükşehir Belediye Meclisi kuruluş kararını onayladı.",
    "active": "Dernek tescil edildi, yönetim kurulu atandı.",
    "suspended": "Yönetim kurulu istifa etti; yeni kurul atanana kadar faaliyetler askıda.",
}
FOUNDED = {
    "bremen": datetime.date(2019, 5, 19),
    "wien": datetime.date(2021, 10, 29),
    "lyon": datetime.date(2022, 4, 23),
}
STATUTES_HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<link rel="stylesheet" href="css/pdf-fonts.css">
<style>@page { size: A4; margin: 2.5cm } body { font-family: "Source Sans 3", sans-serif; }
h1 { font-size: 18pt } h2 { font-size: 12pt; margin-top: 1.2em }</style></head><body>
<h1>Satzung des İzmir-Büros Bremen e. V.</h1>
<h2>§ 1 Name und Sitz</h2><p>Der Verein führt den Namen „İzmir-Büro Bremen“ und hat seinen Sitz
in Bremen.</p>
<h2>§ 2 Zweck</h2><p>Zweck des Vereins ist die Förderung der Städtepartnerschaft zwischen Bremen
und İzmir, der Völkerverständigung und des kulturellen Austauschs.</p>
<h2>§ 3 Vorstand</h2><p>Der Vorstand besteht aus der oder dem Vorsitzenden, der Stellvertretung
und der Schatzmeisterin oder dem Schatzmeister. Er wird für zwei Jahre gewählt.</p>
<h2>§ 4 Aufsicht</h2><p>Der Verein berichtet jährlich der Stadtverwaltung İzmir (Dış İlişkiler
Şube Müdürlüğü) über seine Tätigkeit und die Verwendung der Fördermittel.</p>
<p>Bremen, 19. Mai 2019</p></body></html>"""


def statutes_pdf() -> bytes:
    """A real one-page PDF of the demo statutes (with the shipped fonts: İ, ş, ğ show)."""
    from weltstadt.pdf import pdf_from_html

    return pdf_from_html(STATUTES_HTML)


EXTRA_CITIES = {
    "Wien": ("AT", Decimal("48.20849"), Decimal("16.37208")),
    "Rotterdam": ("NL", Decimal("51.92250"), Decimal("4.47917")),
    "Lyon": ("FR", Decimal("45.76400"), Decimal("4.83566")),
    "Bremen": ("DE", Decimal("53.07516"), Decimal("8.80777")),
    "Frankfurt am Main": ("DE", Decimal("50.11552"), Decimal("8.68417")),
}


BREMEN_REPORT = {
    "title": _six(
        "İzmir-Tage in Bremen",
        "Bremen'de İzmir Günleri",
        "İzmir Days in Bremen",
        "Journées d'İzmir à Brême",
        "Giornate di İzmir a Brema",
        "Jornadas de İzmir en Bremen",
    ),
    "highlight": _six(
        "2.300 Gäste bei den İzmir-Tagen im Bremer Rathaus.",
        "Bremen Belediye Sarayı'ndaki İzmir Günleri'ne 2.300 kişi katıldı.",
        "2,300 visitors at the İzmir Days in Bremen City Hall.",
        "2\u202f300 visiteurs aux Journées d'İzmir à l'hôtel de ville de Brême.",
        "2.300 visitatori alle Giornate di İzmir nel municipio di Brema.",
        "2.300 visitantes en las Jornadas de İzmir en el ayuntamiento de Bremen.",
    ),
}
WIEN_REPORT = {
    "title": _six(
        "İzmir-Kulturabend in Wien",
        "Viyana'da İzmir Kültür Akşamı",
        "İzmir Culture Evening in Vienna",
        "Soirée culturelle d'İzmir à Vienne",
        "Serata culturale di İzmir a Vienna",
        "Velada cultural de İzmir en Viena",
    ),
    "highlight": _six(
        "640 Gäste beim İzmir-Kulturabend im Wiener Rathaus.",
        "Viyana Belediye Sarayı'ndaki İzmir Kültür Akşamı'na 640 kişi katıldı.",
        "640 guests at the İzmir Culture Evening in Vienna City Hall.",
        "640 invités à la soirée culturelle d'İzmir à l'hôtel de ville de Vienne.",
        "640 ospiti alla serata culturale di İzmir nel municipio di Vienna.",
        "640 invitados en la velada cultural de İzmir en el ayuntamiento de Viena.",
    ),
}


def _city(name: str) -> City:
    country, lat, lon = EXTRA_CITIES[name]
    city, _created = City.objects.get_or_create(
        name=name, country=country, defaults={"latitude": lat, "longitude": lon}
    )
    return city


def _board(office: Office, today: datetime.date, people) -> None:
    for name, role, user, years_left in people:
        BoardMember.objects.get_or_create(
            office=office,
            name=name,
            defaults={
                "role": role,
                "user": user,
                "email": user.email if user else "",
                "appointed_on": today.replace(year=today.year - 1),
                "term_ends_on": today + datetime.timedelta(days=int(365 * years_left)),
            },
        )


def _translate(instance, **texts: dict[str, str]) -> None:
    """Set every language's version of the instance's translated fields."""
    for name, by_language in texts.items():
        for language, text in by_language.items():
            setattr(instance, f"{name}_{language}", text)
    instance.save()


@transaction.atomic
def demo_seed() -> list[DemoLogin]:
    supervisor = User.objects.get(email=SUPERVISOR)
    bremen_chair = demo_user("board.bremen@weltstadt.example", name="Selin Yıldız", language="de")
    wien_chair = demo_user("board.wien@weltstadt.example", name="Emre Doğan", language="tr")
    today = timezone.localdate()
    for slug, name, city, country, path, address, description in OFFICES:
        existing = Office.objects.filter(slug=slug).first()
        if existing is not None:
            if description and not existing.description_es:  # seeded before the six languages
                _translate(existing, description=description)
            continue
        office = Office.objects.create(
            slug=slug,
            name=name,
            city=_city(city),
            country=country,
            address=address,
            email=f"{slug}@weltstadt-izmir.org",
            supervising_unit="İzmir Büyükşehir Belediyesi – Dış İlişkiler Şube Müdürlüğü",
            **{f"description_{code}": description.get(code, "") for code in LANGUAGES},
            founded_on=FOUNDED.get(slug),
        )
        office.supervisors.add(supervisor)
        Founder.objects.create(
            office=office,
            name="Ahmet Kaya" if slug != "wien" else "Zeynep Arslan",
            country_of_residence=country,
            citizenships=[country, "TR"],
        )
        for status in path:
            services.office_status_change(
                office=office, to=status, by=supervisor, reason=STATUS_REASONS[status]
            )
    bremen = Office.objects.get(slug="bremen")
    wien = Office.objects.get(slug="wien")
    _board(
        bremen,
        today,
        [
            ("Selin Yıldız", BoardMember.Role.CHAIR, bremen_chair, 2),
            ("Murat Şen", BoardMember.Role.TREASURER, None, 0.05),
            ("Hannah Meyer", BoardMember.Role.MEMBER, None, 2),
        ],
    )
    _board(
        wien,
        today,
        [
            ("Emre Doğan", BoardMember.Role.CHAIR, wien_chair, 3),
            ("Leyla Öz", BoardMember.Role.VICE_CHAIR, None, 3),
        ],
    )
    _board(
        Office.objects.get(slug="frankfurt"),
        today,
        [("Kemal Aksoy", BoardMember.Role.MEMBER, None, 2)],
    )
    if not FundingRequest.objects.filter(office=bremen).exists():
        request = services.funding_request_submit(
            office=bremen,
            by=bremen_chair,
            year=today.year,
            purpose="İzmir-Tage in Bremen: Ausstellung, Konzert und Wirtschaftsforum",
            currency="EUR",
            lines=[("Saalmiete", "1800.00"), ("Künstlerhonorare", "2400.50"), ("Druck", "320.10")],
        )
        services.funding_request_decide(
            request=request,
            by=supervisor,
            decision=FundingRequest.Status.PARTLY_APPROVED,
            amount="4000.00",
            reason="Baskı giderleri Büyükşehir Belediyesi'nin kendi bütçesinden karşılanıyor.",
        )
        services.payment_record(
            request=request, by=supervisor, amount="2000.00", paid_on=today, reference="ÖDEME-1"
        )
        services.annual_report_submit(
            office=bremen,
            by=bremen_chair,
            year=today.year - 1,
            amount_spent="3150.25",
            currency="EUR",
            activity_summary="Zwölf Veranstaltungen, zwei Delegationsbesuche, eine Messe.",
        )
    if not FundingRequest.objects.filter(office=wien).exists():
        # the Vienna board writes Turkish, the Bremen board German: as real boards would
        services.funding_request_submit(
            office=wien,
            by=wien_chair,
            year=today.year,
            purpose=(
                "Viyana'da İzmir Kültür Haftası: konser, film gösterimleri ve Ege mutfağı atölyesi"
            ),
            currency="EUR",
            lines=[("Salon kirası", "950.00"), ("Tanıtım ve baskı", "410.40")],
        )
    if not wien.annual_reports.exists():
        # last year's report is overdue: the dashboard and the reminders show it
        AnnualReport.objects.create(
            office=wien, year=today.year - 1, deadline=today - datetime.timedelta(days=20)
        )
    if not bremen.documents.exists():
        services.document_upload(
            office=bremen,
            by=bremen_chair,
            kind=OfficeDocument.Kind.STATUTES,
            title="Satzung des İzmir-Büros Bremen",
            upload=ContentFile(statutes_pdf(), name="satzung.pdf"),
        )
    if not ActivityReport.objects.filter(office=bremen).exists():
        report = services.activity_report_submit(
            office=bremen,
            by=bremen_chair,
            title="İzmir-Tage in Bremen",
            period_start=today - datetime.timedelta(days=90),
            period_end=today - datetime.timedelta(days=60),
            events_count=6,
            events="Ausstellung, Konzert, Wirtschaftsforum",
            contacts="Handelskammer Bremen, Universität Bremen",
            institutions="Senatskanzlei Bremen",
            media_coverage="Weser-Kurier, Radio Bremen",
            visitors=2300,
            highlight="2.300 Gäste bei den İzmir-Tagen im Bremer Rathaus.",
        )
        _translate(report, **BREMEN_REPORT)
        services.activity_highlight_publish(report=report, by=bremen_chair, published=True)
    if not ActivityReport.objects.filter(office=wien).exists():
        report = services.activity_report_submit(
            office=wien,
            by=wien_chair,
            title="Viyana'da İzmir Kültür Akşamı",
            period_start=today - datetime.timedelta(days=45),
            period_end=today - datetime.timedelta(days=45),
            events_count=3,
            events="Ege mutfağı tadımı, İzmir fotoğraf sergisi, gençlik korosu konseri",
            contacts="Wirtschaftskammer Wien, Avusturya Türk İş İnsanları Derneği",
            institutions="Wiener Rathaus, T.C. Viyana Başkonsolosluğu",
            media_coverage="Yeni Vatan Gazete, Radio Stephansdom",
            visitors=640,
            highlight="Viyana Belediye Sarayı'ndaki İzmir Kültür Akşamı'na 640 kişi katıldı.",
        )
        _translate(report, **WIEN_REPORT)
        services.activity_highlight_publish(report=report, by=wien_chair, published=True)
    for office, texts in ((bremen, BREMEN_REPORT), (wien, WIEN_REPORT)):
        # a database seeded before the six languages gets the missing ones
        report = office.activity_reports.filter(title_de=texts["title"]["de"]).first()
        if report is not None and not report.title_es:
            _translate(report, **texts)
    return [
        DemoLogin(email="board.bremen@weltstadt.example", role="Office board (Bremen, chair)"),
        DemoLogin(email="board.wien@weltstadt.example", role="Office board (Wien, chair)"),
    ]
