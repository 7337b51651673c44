"""Demo content: last year's, this year's and next year's cohort (open for applications) with
their modules, people at every stage, the mission statement; every text in all six languages.

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

LANGUAGES = ("de", "tr", "en", "fr", "it", "es")

MODULES = [
    # kind, provider, url, required, title per language, description per language
    (
        "training",
        "İZTO",
        "https://www.izto.org.tr/",
        True,
        {
            "de": "İzmirs Wirtschaft und Handel",
            "tr": "İzmir'in ekonomisi ve ticareti",
            "en": "İzmir's economy and trade",
            "fr": "L'économie et le commerce d'İzmir",
            "it": "L'economia e il commercio di İzmir",
            "es": "La economía y el comercio de İzmir",
        },
        {
            "de": "Die Handelskammer İzmir stellt die Branchen, den Hafen und die "
            "Freihandelszonen der Stadt vor.",
            "tr": "İzmir Ticaret Odası kentin sektörlerini, limanını ve serbest bölgelerini "
            "tanıtıyor.",
            "en": "The İzmir Chamber of Commerce presents the city's sectors, port and free zones.",
            "fr": "La Chambre de commerce d'İzmir présente les secteurs, le port et les zones "
            "franches de la ville.",
            "it": "La Camera di commercio di İzmir presenta i settori, il porto e le zone franche "
            "della città.",
            "es": "La Cámara de Comercio de İzmir presenta los sectores, el puerto y las zonas "
            "francas de la ciudad.",
        },
    ),
    (
        "training",
        "İZKA",
        "https://izka.org.tr/",
        True,
        {
            "de": "Regionale Entwicklung und Investitionen",
            "tr": "Bölgesel kalkınma ve yatırımlar",
            "en": "Regional development and investment",
            "fr": "Développement régional et investissements",
            "it": "Sviluppo regionale e investimenti",
            "es": "Desarrollo regional e inversiones",
        },
        {
            "de": "Die Entwicklungsagentur İzmir über Investitionsanreize und regionale Strategie.",
            "tr": "İzmir Kalkınma Ajansı yatırım teşvikleri ve bölgesel strateji üzerine.",
            "en": "The İzmir Development Agency on investment incentives and regional strategy.",
            "fr": "L'Agence de développement d'İzmir sur les aides à l'investissement et la "
            "stratégie régionale.",
            "it": "L'Agenzia di sviluppo di İzmir sugli incentivi agli investimenti e sulla "
            "strategia regionale.",
            "es": "La Agencia de Desarrollo de İzmir sobre los incentivos a la inversión y la "
            "estrategia regional.",
        },
    ),
    (
        "training",
        "ESİAD",
        "https://www.esiad.org.tr/",
        False,
        {
            "de": "Unternehmertum in der Ägäis",
            "tr": "Ege'de girişimcilik",
            "en": "Entrepreneurship in the Aegean",
            "fr": "L'entrepreneuriat en Égée",
            "it": "Imprenditorialità nell'Egeo",
            "es": "Emprendimiento en el Egeo",
        },
        {
            "de": "Der Verband der Industriellen und Unternehmer der Ägäis über die Firmen der "
            "Region.",
            "tr": "Ege Sanayicileri ve İş İnsanları Derneği bölgenin şirketlerini anlatıyor.",
            "en": "The Aegean Industrialists and Businessmen's Association on the region's "
            "companies.",
            "fr": "L'Association des industriels et entrepreneurs de l'Égée présente les "
            "entreprises de la région.",
            "it": "L'Associazione degli industriali e imprenditori dell'Egeo presenta le aziende "
            "della regione.",
            "es": "La Asociación de Industriales y Empresarios del Egeo presenta las empresas de "
            "la región.",
        },
    ),
    (
        "training",
        "TARKEM",
        "https://tarkem.com.tr/",
        True,
        {
            "de": "Kulturerbe und Stadtentwicklung",
            "tr": "Kültürel miras ve kentsel gelişim",
            "en": "Cultural heritage and urban development",
            "fr": "Patrimoine culturel et développement urbain",
            "it": "Patrimonio culturale e sviluppo urbano",
            "es": "Patrimonio cultural y desarrollo urbano",
        },
        {
            "de": "TARKEM über die Wiederbelebung des historischen Kemeraltı-Basars in İzmir.",
            "tr": "TARKEM, İzmir'in tarihi Kemeraltı çarşısının yeniden canlanmasını anlatıyor.",
            "en": "TARKEM on the revival of İzmir's historic Kemeraltı bazaar.",
            "fr": "TARKEM sur la renaissance du bazar historique de Kemeraltı à İzmir.",
            "it": "TARKEM sulla rinascita dello storico bazar di Kemeraltı a İzmir.",
            "es": "TARKEM sobre la revitalización del histórico bazar de Kemeraltı en İzmir.",
        },
    ),
    (
        "implementation",
        "Verein Weltstadt Izmir",
        "",
        True,
        {
            "de": "Ein Projekt für İzmir in Ihrer Stadt",
            "tr": "Şehrinizde İzmir için bir proje",
            "en": "A project for İzmir in your city",
            "fr": "Un projet pour İzmir dans votre ville",
            "it": "Un progetto per İzmir nella vostra città",
            "es": "Un proyecto para İzmir en su ciudad",
        },
        {
            "de": "Planen und verwirklichen Sie eine Aktivität, die İzmir Ihrer Stadt "
            "näherbringt, und belegen Sie sie.",
            "tr": "Şehrinizi İzmir'e yaklaştıran bir etkinlik planlayıp gerçekleştirin ve "
            "kanıtlarıyla raporlayın.",
            "en": "Plan and carry out one activity that brings İzmir closer to your city; report "
            "it with evidence.",
            "fr": "Préparez et réalisez une activité qui rapproche İzmir de votre ville, puis "
            "rendez-en compte avec des justificatifs.",
            "it": "Progettate e realizzate un'attività che avvicini İzmir alla vostra città e "
            "documentatela.",
            "es": "Planifique y lleve a cabo una actividad que acerque İzmir a su ciudad y "
            "documéntela.",
        },
    ),
]

COHORT_TITLE = {
    "de": "Jahrgang {year}",
    "tr": "{year} dönemi",
    "en": "Cohort {year}",
    "fr": "Promotion {year}",
    "it": "Edizione {year}",
    "es": "Promoción {year}",
}

STATEMENT_TITLE = {
    "de": "Leitbild der Botschafterinnen und Botschafter {year}",
    "tr": "{year} Büyükelçiler Misyon Belgesi",
    "en": "Ambassadors' mission statement {year}",
    "fr": "Charte de mission des ambassadeurs {year}",
    "it": "Carta della missione degli ambasciatori {year}",
    "es": "Declaración de misión de los embajadores {year}",
}

STATEMENT_GOALS = {
    "de": "İzmir als Kongress- und Messestadt bekannt machen.\n"
    "Eine Investition nach İzmir vermitteln.\n"
    "Die Städtepartnerschaft Bremen–İzmir mit einem Projekt beleben.",
    "tr": "İzmir'i kongre ve fuar kenti olarak tanıtmak.\n"
    "İzmir'e bir yatırım kazandırmak.\n"
    "Bremen–İzmir kardeş kent ilişkisini bir projeyle canlandırmak.",
    "en": "Make İzmir known as a city of congresses and fairs.\n"
    "Bring one investment to İzmir.\n"
    "Bring the Bremen–İzmir partnership to life with one project.",
    "fr": "Faire connaître İzmir comme ville de congrès et de salons.\n"
    "Amener un investissement à İzmir.\n"
    "Faire vivre le jumelage Brême–İzmir par un projet.",
    "it": "Far conoscere İzmir come città di congressi e fiere.\n"
    "Portare un investimento a İzmir.\n"
    "Dare vita al gemellaggio Brema–İzmir con un progetto.",
    "es": "Dar a conocer İzmir como ciudad de congresos y ferias.\n"
    "Atraer una inversión a İzmir.\n"
    "Dar vida al hermanamiento Bremen–İzmir con un proyecto.",
}

SIGNATORY_TITLE = {
    "de": "Oberbürgermeister der Großstadtgemeinde İzmir",
    "tr": "İzmir Büyükşehir Belediye Başkanı",
    "en": "Mayor of İzmir Metropolitan Municipality",
    "fr": "Maire de la municipalité métropolitaine d'İzmir",
    "it": "Sindaco della municipalità metropolitana di İzmir",
    "es": "Alcalde del Municipio Metropolitano de İzmir",
}


def _per_language(field: str, texts: dict[str, str], **values) -> dict[str, str]:
    """`{field}_{language}` for every language of the site."""
    return {f"{field}_{language}": texts[language].format(**values) for language in LANGUAGES}


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
            **_per_language("title", COHORT_TITLE, year=year),
            "starts_on": datetime.date(year, 3, 1),
            "ends_on": datetime.date(year, 12, 15),
            # applications close before the programme starts, never after it ends
            "application_deadline": datetime.date(year, 1, 31) if is_open else None,
            "is_open_for_applications": is_open,
        },
    )
    for order, (kind, provider, url, required, titles, texts) in enumerate(MODULES, 1):
        Module.objects.get_or_create(
            cohort=cohort,
            order=order,
            defaults={
                "kind": kind,
                "provider": provider,
                "provider_url": url,
                "required": required,
                **_per_language("title", titles),
                **_per_language("description", texts),
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
    current = _cohort(year, is_open=False)  # under way: candidates at every stage
    upcoming = _cohort(year + 1, is_open=True)  # takes applications until 31 January
    ambassadors = [
        _ambassador(previous if stage == "active" else current, *person[:6], stage, staff)
        for *person, stage in PEOPLE
    ]
    for name, email, language, country, city, field in APPLICANTS:
        Application.objects.get_or_create(
            cohort=upcoming,
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
            **_per_language("title", STATEMENT_TITLE, year=year),
            **_per_language("goals", STATEMENT_GOALS),
            "signatory_name": "Demo: Mayor of İzmir",
            **_per_language("signatory_title", SIGNATORY_TITLE),
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
