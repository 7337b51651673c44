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

# slug, name, city, country, path of statuses, address, description (de, tr, en)
OFFICES = [
    (
        "bremen",
        "İzmir-Büro Bremen",
        "Bremen",
        "DE",
        ["founding", "active"],
        "Am Markt 1\n28195 Bremen",
        "Das Büro pflegt die Städtepartnerschaft Bremen–İzmir seit 1995.",
        "Büro, 1995'ten bu yana süren Bremen–İzmir kardeş şehir ilişkisini yürütüyor.",
        "The office looks after the Bremen–İzmir sister-city partnership, in place since 1995.",
    ),
    (
        "wien",
        "İzmir Tanıtım Ofisi Wien",
        "Wien",
        "AT",
        ["founding", "active"],
        "Stephansplatz 4\n1010 Wien",
        "Treffpunkt für Wirtschaft, Kultur und Studium zwischen Wien und İzmir.",
        "Viyana ile İzmir arasında iş dünyası, kültür ve eğitim için bir buluşma noktası.",
        "A meeting point for business, culture and study between Vienna and İzmir.",
    ),
    (
        "frankfurt",
        "İzmir-Büro Frankfurt am Main",
        "Frankfurt am Main",
        "DE",
        ["founding"],
        "Römerberg 23\n60311 Frankfurt am Main",
        "",
        "",
        "",
    ),
    ("rotterdam", "İzmir Office Rotterdam", "Rotterdam", "NL", [], "", "", "", ""),
    (
        "lyon",
        "Bureau d'İzmir à Lyon",
        "Lyon",
        "FR",
        ["founding", "active", "suspended"],
        "",
        "",
        "",
        "",
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
STATUTES = b"""%PDF-1.1
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""
EXTRA_CITIES = {
    "Wien": ("AT", Decimal("48.20849"), Decimal("16.37208")),
    "Rotterdam": ("NL", Decimal("51.92250"), Decimal("4.47917")),
    "Lyon": ("FR", Decimal("45.76400"), Decimal("4.83566")),
    "Bremen": ("DE", Decimal("53.07516"), Decimal("8.80777")),
    "Frankfurt am Main": ("DE", Decimal("50.11552"), Decimal("8.68417")),
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


def _translate(report: ActivityReport, **texts: tuple[str, str, str]) -> None:
    """Set the German, Turkish and English versions of the report's translated fields."""
    for name, (de, tr, en) in texts.items():
        setattr(report, f"{name}_de", de)
        setattr(report, f"{name}_tr", tr)
        setattr(report, f"{name}_en", en)
    report.save()


@transaction.atomic
def demo_seed() -> list[DemoLogin]:
    supervisor = User.objects.get(email=SUPERVISOR)
    bremen_chair = demo_user("board.bremen@weltstadt.example", name="Selin Yıldız", language="de")
    wien_chair = demo_user("board.wien@weltstadt.example", name="Emre Doğan", language="tr")
    today = timezone.localdate()
    for slug, name, city, country, path, address, text_de, text_tr, text_en in OFFICES:
        if Office.objects.filter(slug=slug).exists():
            continue
        office = Office.objects.create(
            slug=slug,
            name=name,
            city=_city(city),
            country=country,
            address=address,
            email=f"{slug}@weltstadt-izmir.org",
            supervising_unit="İzmir Büyükşehir Belediyesi – Dış İlişkiler Şube Müdürlüğü",
            description_de=text_de,
            description_tr=text_tr,
            description_en=text_en,
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
            upload=ContentFile(STATUTES, name="satzung.pdf"),
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
        _translate(
            report,
            title=("İzmir-Tage in Bremen", "Bremen'de İzmir Günleri", "İzmir Days in Bremen"),
            highlight=(
                "2.300 Gäste bei den İzmir-Tagen im Bremer Rathaus.",
                "Bremen Belediye Sarayı'ndaki İzmir Günleri'ne 2.300 kişi katıldı.",
                "2,300 visitors at the İzmir Days in Bremen City Hall.",
            ),
        )
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
        _translate(
            report,
            title=(
                "İzmir-Kulturabend in Wien",
                "Viyana'da İzmir Kültür Akşamı",
                "İzmir Culture Evening in Vienna",
            ),
            highlight=(
                "640 Gäste beim İzmir-Kulturabend im Wiener Rathaus.",
                "Viyana Belediye Sarayı'ndaki İzmir Kültür Akşamı'na 640 kişi katıldı.",
                "640 guests at the İzmir Culture Evening in Vienna City Hall.",
            ),
        )
        services.activity_highlight_publish(report=report, by=wien_chair, published=True)
    return [
        DemoLogin(email="board.bremen@weltstadt.example", role="Office board (Bremen, chair)"),
        DemoLogin(email="board.wien@weltstadt.example", role="Office board (Wien, chair)"),
    ]
