"""Demo content: this year's cohort with its modules, people at every stage, the mission statement.

Idempotent: everything is looked up by a natural key before it is created.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from ambassadors.models import (
    Activity,
    Ambassador,
    Application,
    Cohort,
    Evidence,
    MissionStatement,
    Module,
    ModuleCompletion,
    PersonalGoal,
)
from weltstadt.demo import DemoLogin, demo_user

MODULES = [
    # kind, provider, url, required, de/tr/en title, en/de/tr description
    (
        "training",
        "İZTO",
        "https://www.izto.org.tr/",
        True,
        "İzmirs Wirtschaft und Handel",
        "İzmir'in ekonomisi ve ticareti",
        "İzmir's economy and trade",
        "The İzmir Chamber of Commerce presents the city's sectors, port and free zones.",
        "Die Handelskammer İzmir stellt die Branchen, den Hafen und die Freihandelszonen "
        "der Stadt vor.",
        "İzmir Ticaret Odası kentin sektörlerini, limanını ve serbest bölgelerini tanıtıyor.",
    ),
    (
        "training",
        "İZKA",
        "https://izka.org.tr/",
        True,
        "Regionale Entwicklung und Investitionen",
        "Bölgesel kalkınma ve yatırımlar",
        "Regional development and investment",
        "The İzmir Development Agency on investment incentives and regional strategy.",
        "Die Entwicklungsagentur İzmir über Investitionsanreize und regionale Strategie.",
        "İzmir Kalkınma Ajansı yatırım teşvikleri ve bölgesel strateji üzerine.",
    ),
    (
        "training",
        "ESİAD",
        "https://www.esiad.org.tr/",
        False,
        "Unternehmertum in der Ägäis",
        "Ege'de girişimcilik",
        "Entrepreneurship in the Aegean",
        "The Aegean Industrialists and Businessmen's Association on the region's companies.",
        "Der Verband der Industriellen und Unternehmer der Ägäis über die Firmen der Region.",
        "Ege Sanayicileri ve İş İnsanları Derneği bölgenin şirketlerini anlatıyor.",
    ),
    (
        "training",
        "TARKEM",
        "https://tarkem.com.tr/",
        True,
        "Kulturerbe und Stadtentwicklung",
        "Kültürel miras ve kentsel gelişim",
        "Cultural heritage and urban development",
        "TARKEM on the revival of İzmir's historic Kemeraltı bazaar.",
        "TARKEM über die Wiederbelebung des historischen Kemeraltı-Basars in İzmir.",
        "TARKEM, İzmir'in tarihi Kemeraltı çarşısının yeniden canlanmasını anlatıyor.",
    ),
    (
        "implementation",
        "Verein Weltstadt Izmir",
        "",
        True,
        "Ein Projekt für İzmir in Ihrer Stadt",
        "Şehrinizde İzmir için bir proje",
        "A project for İzmir in your city",
        "Plan and carry out one activity that brings İzmir closer to your city; report it with "
        "evidence.",
        "Planen und verwirklichen Sie eine Aktivität, die İzmir Ihrer Stadt näherbringt, und "
        "belegen Sie sie.",
        "Şehrinizi İzmir'e yaklaştıran bir etkinlik planlayıp gerçekleştirin ve kanıtlarıyla "
        "raporlayın.",
    ),
]

PEOPLE = [
    # email, name, language, city (from the partner data), country, field, stage
    ("ambassador@weltstadt.example", "Selin Demir", "de", "Bremen", "DE", "business", "active"),
    ("leyla.aksoy@weltstadt.example", "Leyla Aksoy", "de", "Berlin", "DE", "culture", "active"),
    ("murat.celik@weltstadt.example", "Murat Çelik", "tr", "İzmir", "TR", "science", "active"),
    ("anna.weber@weltstadt.example", "Anna Weber", "de", "Hamburg", "DE", "media", "active"),
    ("candidate@weltstadt.example", "Emre Yıldız", "tr", "Köln", "DE", "tourism", "candidate"),
    ("newcomer@weltstadt.example", "Julia Hoffmann", "en", "Nürnberg", "DE", "public", "new"),
]

APPLICANTS = [
    ("Ömer Şahin", "oemer.sahin@example.org", "tr", "AT", "Wien", "business"),
    ("Claire Martin", "claire.martin@example.org", "fr", "FR", "Lyon", "culture"),
]


def _signature_png() -> bytes:
    image = Image.new("RGBA", (360, 110), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(10, 80), (60, 20), (90, 85), (140, 30), (170, 75), (230, 25), (260, 70), (350, 40)]
    draw.line(points, fill=(6, 58, 85, 255), width=5, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _cohort(year: int, *, is_open: bool) -> Cohort:
    cohort, _created = Cohort.objects.get_or_create(
        year=year,
        defaults={
            "title_de": f"Jahrgang {year}",
            "title_tr": f"{year} dönemi",
            "title_en": f"Cohort {year}",
            "starts_on": datetime.date(year, 3, 1),
            "ends_on": datetime.date(year, 12, 15),
            "application_deadline": datetime.date(year, 12, 31) if is_open else None,
            "is_open_for_applications": is_open,
        },
    )
    for order, (kind, provider, url, required, de, tr, en, text, text_de, text_tr) in enumerate(
        MODULES, 1
    ):
        Module.objects.get_or_create(
            cohort=cohort,
            order=order,
            defaults={
                "kind": kind,
                "provider": provider,
                "provider_url": url,
                "required": required,
                "title_de": de,
                "title_tr": tr,
                "title_en": en,
                "description_en": text,
                "description_de": text_de,
                "description_tr": text_tr,
                "starts_on": datetime.date(year, 2 + 2 * order, 10),
                "ends_on": datetime.date(year, 2 + 2 * order, 12),
            },
        )
    return cohort


def _ambassador(cohort, email, name, language, city, country, field, stage, staff) -> Ambassador:
    user = demo_user(email, name=name, language=language)
    ambassador, created = Ambassador.objects.get_or_create(
        user=user,
        defaults={
            "cohort": cohort,
            "status": "active" if stage == "active" else "candidate",
            "public_profile": stage == "active",
            "city": city,
            "country": country,
            "field": field,
            "bio": f"{name} links {city} and İzmir in {field.replace('_', ' ')}.",
        },
    )
    if not created:
        return ambassador
    modules = list(cohort.modules.order_by("order"))
    done = {"active": modules, "candidate": modules[:2], "new": []}[stage]
    for module in done:
        ModuleCompletion.objects.create(
            ambassador=ambassador,
            module=module,
            completed_on=module.ends_on or timezone.localdate(),
            recorded_by=staff,
        )
    project = modules[-1]
    if stage == "active":
        Evidence.objects.create(
            ambassador=ambassador,
            module=project,
            text=f"An İzmir evening in {city} with partners from business and culture.",
            status="approved",
            reviewed_by=staff,
            reviewed_at=timezone.now(),
        )
    elif stage == "candidate":
        Evidence.objects.create(
            ambassador=ambassador,
            module=project,
            text=f"A meeting of {city}'s tourism board with İzmir's tourism office.",
        )
    return ambassador


@transaction.atomic
def demo_seed() -> list[DemoLogin]:
    from weltstadt.models import User

    staff = User.objects.filter(email="coordinator@weltstadt.example").first()
    year = timezone.localdate().year
    previous = _cohort(year - 1, is_open=False)
    current = _cohort(year, is_open=True)
    ambassadors = [
        _ambassador(previous if stage == "active" else current, *person[:6], stage, staff)
        for *person, stage in PEOPLE
    ]
    for name, email, language, country, city, field in APPLICANTS:
        Application.objects.get_or_create(
            cohort=current,
            email=email,
            defaults={
                "name": name,
                "language": language,
                "country": country,
                "city": city,
                "field": field,
                "languages": "Türkçe, English",
                "connection": "Studied in İzmir.",
                "motivation": "I want to help İzmir's partnerships grow in my city.",
                "consented_at": timezone.now(),
            },
        )
    statement, created = MissionStatement.objects.get_or_create(
        year=year,
        defaults={
            "title_de": f"Leitbild der Botschafterinnen und Botschafter {year}",
            "title_tr": f"{year} Büyükelçiler Misyon Belgesi",
            "title_en": f"Ambassadors' mission statement {year}",
            "goals_de": "İzmir als Kongress- und Messestadt bekannt machen.\n"
            "Eine Investition nach İzmir vermitteln.\n"
            "Die Städtepartnerschaft Bremen–İzmir mit einem Projekt beleben.",
            "goals_tr": "İzmir'i kongre ve fuar kenti olarak tanıtmak.\n"
            "İzmir'e bir yatırım kazandırmak.\n"
            "Bremen–İzmir kardeş kent ilişkisini bir projeyle canlandırmak.",
            "goals_en": "Make İzmir known as a city of congresses and fairs.\n"
            "Bring one investment to İzmir.\n"
            "Bring the Bremen–İzmir partnership to life with one project.",
            "signatory_name": "Demo: Mayor of İzmir",
            "signatory_title_de": "Oberbürgermeister der Großstadtgemeinde İzmir",
            "signatory_title_tr": "İzmir Büyükşehir Belediye Başkanı",
            "signatory_title_en": "Mayor of İzmir Metropolitan Municipality",
            "handover_date": datetime.date(year, 4, 23),
            "status": "published",
            "published_at": timezone.now(),
            "published_by": staff,
        },
    )
    if created:
        statement.signature.save("signature.png", ContentFile(_signature_png()), save=True)
    for ambassador in ambassadors:
        if ambassador.status != "active" or ambassador.goals.filter(year=year).exists():
            continue
        PersonalGoal.objects.create(
            ambassador=ambassador,
            year=year,
            text=f"Present İzmir's trade fair calendar to three companies in {ambassador.city}.",
            progress_report="Two presentations done." if ambassador.country == "DE" else "",
            reported_at=timezone.now() if ambassador.country == "DE" else None,
        )
        for month, kind, people in ((3, "meeting", 12), (5, "event", 140), (6, "media", 5000)):
            Activity.objects.get_or_create(
                ambassador=ambassador,
                date=datetime.date(year, month, 14),
                kind=kind,
                defaults={
                    "city": ambassador.city,
                    "country": ambassador.country,
                    "description": f"{kind.title()} about İzmir in {ambassador.city}.",
                    "people_reached": people,
                },
            )
    return [
        DemoLogin("ambassador@weltstadt.example", "İzmir ambassador (active)"),
        DemoLogin("candidate@weltstadt.example", "ambassador candidate, evidence in review"),
        DemoLogin("newcomer@weltstadt.example", "new ambassador candidate"),
    ]
