"""Demo content: a past summit in İzmir with its outcomes and an open one in Bremen.

Idempotent: summits are found by slug, and registrations go through the registration service
only while the open summit has none.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from summits.models import Declaration, FollowUpAction, Session, Speaker, Summit, Theme
from summits.services.registration import (
    Participant,
    delegation_confirm,
    delegation_register,
    registration_create,
)
from summits.services.summit import declaration_pdf_schedule, summit_transition
from weltstadt.demo import DemoLogin
from weltstadt.models import City

THEMES = {
    "digital": ("Digitalisierung", "Dijitalleşme", "Digitalisation"),
    "urban": ("Nachhaltige Stadtentwicklung", "Sürdürülebilir kentsel gelişim",
              "Sustainable urban development"),
    "refugees": ("Schutz benachteiligter Gruppen und Geflüchteter",
                 "Dezavantajlı grupların ve mültecilerin korunması",
                 "Protection of marginalised groups and refugees"),
    "youth": ("Jugendbeteiligung", "Gençlerin katılımı", "Youth participation"),
    "culture": ("Kultur und Begegnung", "Kültür ve buluşma", "Culture and encounter"),
}  # fmt: skip

SPEAKERS = [
    ("Ayşe Güneş", "İzmir Büyükşehir Belediyesi", "İzmir",
     "Leitet die Abteilung für Außenbeziehungen.", "Dış ilişkiler dairesini yönetiyor.",
     "Heads the department of external relations."),
    ("Jörg Müller", "Senatskanzlei Bremen", "Bremen",
     "Referent für Städtepartnerschaften.", "Partner şehir ilişkilerinden sorumlu uzman.",
     "Officer for city partnerships."),
    ("Çağla Yıldız", "Gençlik Meclisi", "Çiğli",
     "Sprecherin des Jugendrats von Çiğli.", "Çiğli Gençlik Meclisi sözcüsü.",
     "Spokesperson of Çiğli's youth council."),
    ("Katharina Özdemir", "Bezirksamt Neukölln", "Berlin-Neukölln",
     "Integrationsbeauftragte.", "Uyum sorumlusu.", "Integration commissioner."),
    ("Oğuz Şahin", "İzmir Bilişim Kümesi", "İzmir",
     "Entwickelt offene Daten für Kommunen.", "Belediyeler için açık veri geliştiriyor.",
     "Builds open data for municipalities."),
]  # fmt: skip

# (day, start, end, title de/tr/en, theme, room, language, speaker indexes)
PROGRAMME = [
    (
        0,
        "09:30",
        "10:30",
        ("Eröffnung und Grußworte", "Açılış ve selamlama", "Opening and welcome"),
        None,
        "Festsaal",
        "de",
        [1, 0],
    ),
    (
        0,
        "11:00",
        "12:30",
        (
            "Offene Daten in der Städtepartnerschaft",
            "Partner şehirlerde açık veri",
            "Open data between partner cities",
        ),
        "digital",
        "Saal A",
        "en",
        [4],
    ),
    (
        0,
        "11:00",
        "12:30",
        (
            "Klimaanpassung an Weser und Ege",
            "Weser ve Ege'de iklime uyum",
            "Climate adaptation on the Weser and the Aegean",
        ),
        "urban",
        "Saal B",
        "de",
        [1],
    ),
    (
        0,
        "14:00",
        "15:30",
        (
            "Ankommen in der Stadt: Geflüchtete schützen",
            "Kente varış: mültecileri korumak",
            "Arriving in the city: protecting refugees",
        ),
        "refugees",
        "Saal A",
        "tr",
        [3],
    ),
    (
        0,
        "14:00",
        "15:30",
        ("Jugendräte im Austausch", "Gençlik meclisleri buluşuyor", "Youth councils meet"),
        "youth",
        "Saal B",
        "tr",
        [2],
    ),
    (
        0,
        "16:00",
        "17:00",
        ("Bürgermeisterrunde", "Belediye başkanları oturumu", "Mayors' round table"),
        None,
        "Festsaal",
        "de",
        [0, 1],
    ),
    (
        1,
        "09:30",
        "11:00",
        (
            "Digitale Bürgerdienste gemeinsam entwickeln",
            "Dijital vatandaş hizmetlerini birlikte geliştirmek",
            "Building digital citizen services together",
        ),
        "digital",
        "Saal A",
        "en",
        [4, 3],
    ),
    (
        1,
        "09:30",
        "11:00",
        (
            "Kulturhauptstadt-Bewerbungen und Partnerstädte",
            "Kültür başkenti adaylıkları ve partner şehirler",
            "Capital-of-culture bids and partner cities",
        ),
        "culture",
        "Saal B",
        "de",
        [0],
    ),
    (
        1,
        "11:30",
        "12:30",
        (
            "Die Gemeinsame Erklärung: Entwurf und Aussprache",
            "Ortak Bildiri: taslak ve tartışma",
            "The joint declaration: draft and debate",
        ),
        None,
        "Festsaal",
        "de",
        [0, 1],
    ),
    (1, "12:30", "13:00", ("Abschluss", "Kapanış", "Closing"), None, "Festsaal", "tr", [0]),
]


# French, Italian and Spanish of every German text above, so that no page in those languages
# falls back to German (German text: (fr, it, es)).
MORE_LANGUAGES = {
    "Digitalisierung": ("Numérique", "Digitalizzazione", "Digitalización"),
    "Nachhaltige Stadtentwicklung": ("Développement urbain durable", "Sviluppo urbano sostenibile",
                                     "Desarrollo urbano sostenible"),
    "Schutz benachteiligter Gruppen und Geflüchteter": (
        "Protection des groupes défavorisés et des réfugiés",
        "Tutela dei gruppi svantaggiati e dei rifugiati",
        "Protección de los grupos desfavorecidos y de los refugiados"),
    "Jugendbeteiligung": ("Participation des jeunes", "Partecipazione giovanile",
                          "Participación juvenil"),
    "Kultur und Begegnung": ("Culture et rencontre", "Cultura e incontro", "Cultura y encuentro"),
    "Leitet die Abteilung für Außenbeziehungen.": (
        "Dirige le service des relations extérieures.",
        "Dirige il dipartimento per le relazioni esterne.",
        "Dirige el departamento de relaciones exteriores."),
    "Referent für Städtepartnerschaften.": (
        "Chargé des jumelages.", "Referente per i gemellaggi.",
        "Responsable de hermanamientos."),
    "Sprecherin des Jugendrats von Çiğli.": (
        "Porte-parole du conseil des jeunes de Çiğli.",
        "Portavoce del consiglio dei giovani di Çiğli.",
        "Portavoz del consejo juvenil de Çiğli."),
    "Integrationsbeauftragte.": ("Déléguée à l'intégration.", "Delegata per l'integrazione.",
                                 "Comisionada de integración."),
    "Entwickelt offene Daten für Kommunen.": (
        "Développe des données ouvertes pour les communes.",
        "Sviluppa dati aperti per i comuni.",
        "Desarrolla datos abiertos para los municipios."),
    "Eröffnung und Grußworte": ("Ouverture et allocutions de bienvenue",
                                "Apertura e saluti", "Apertura y bienvenida"),
    "Offene Daten in der Städtepartnerschaft": (
        "Données ouvertes entre villes partenaires", "Dati aperti tra città partner",
        "Datos abiertos entre ciudades socias"),
    "Klimaanpassung an Weser und Ege": (
        "Adaptation au climat sur la Weser et l'Égée",
        "Adattamento climatico sul Weser e sull'Egeo",
        "Adaptación al clima en el Weser y el Egeo"),
    "Ankommen in der Stadt: Geflüchtete schützen": (
        "Arriver en ville : protéger les réfugiés", "Arrivare in città: proteggere i rifugiati",
        "Llegar a la ciudad: proteger a los refugiados"),
    "Jugendräte im Austausch": ("Les conseils des jeunes se rencontrent",
                                "I consigli dei giovani si incontrano",
                                "Los consejos juveniles se encuentran"),
    "Bürgermeisterrunde": ("Table ronde des maires", "Tavola rotonda dei sindaci",
                           "Mesa redonda de alcaldes"),
    "Digitale Bürgerdienste gemeinsam entwickeln": (
        "Développer ensemble des services numériques aux citoyens",
        "Sviluppare insieme servizi digitali ai cittadini",
        "Desarrollar juntos servicios digitales para la ciudadanía"),
    "Kulturhauptstadt-Bewerbungen und Partnerstädte": (
        "Candidatures de capitale de la culture et villes partenaires",
        "Candidature a capitale della cultura e città partner",
        "Candidaturas a capital de la cultura y ciudades socias"),
    "Die Gemeinsame Erklärung: Entwurf und Aussprache": (
        "La déclaration commune : projet et débat", "La dichiarazione comune: bozza e dibattito",
        "La declaración conjunta: borrador y debate"),
    "Abschluss": ("Clôture", "Chiusura", "Clausura"),
    "Partnerstädtegipfel Deutschland–İzmir 2025": (
        "Sommet des villes partenaires Allemagne–İzmir 2025",
        "Vertice delle città partner Germania–İzmir 2025",
        "Cumbre de ciudades socias Alemania–İzmir 2025"),
    "Bessere Kommunikationswege zwischen Partnerstädten": (
        "De meilleurs canaux de communication entre villes partenaires",
        "Canali di comunicazione migliori tra città partner",
        "Mejores canales de comunicación entre ciudades socias"),
    "İzmir-Erklärung der Partnerstädte": (
        "Déclaration d'İzmir des villes partenaires",
        "Dichiarazione di İzmir delle città partner",
        "Declaración de İzmir de las ciudades socias"),
    "Ständiger Kontaktkreis der Außenbeziehungsämter": (
        "Groupe de contact permanent des services des relations extérieures",
        "Gruppo di contatto permanente degli uffici per le relazioni esterne",
        "Grupo de contacto permanente de las oficinas de relaciones exteriores"),
    "Jugendbegegnung Bremen–İzmir": ("Échange de jeunes Brême–İzmir",
                                     "Scambio giovanile Brema–İzmir",
                                     "Intercambio juvenil Bremen–İzmir"),
    "Gemeinsame Plattform für offene Stadtdaten": (
        "Plateforme commune de données urbaines ouvertes",
        "Piattaforma comune di dati urbani aperti",
        "Plataforma común de datos urbanos abiertos"),
    "Handbuch zum Ankommen Geflüchteter": (
        "Guide de l'accueil des réfugiés en ville",
        "Manuale sull'arrivo dei rifugiati in città",
        "Manual sobre la llegada de refugiados a la ciudad"),
    "Partnerstädtegipfel Deutschland–İzmir 2027": (
        "Sommet des villes partenaires Allemagne–İzmir 2027",
        "Vertice delle città partner Germania–İzmir 2027",
        "Cumbre de ciudades socias Alemania–İzmir 2027"),
    "Digitale und nachhaltige Partnerstädte – mit der jungen Generation": (
        "Des villes partenaires numériques et durables – avec la jeune génération",
        "Città partner digitali e sostenibili – con le giovani generazioni",
        "Ciudades socias digitales y sostenibles, con la generación joven"),
}  # fmt: skip

DECLARATION_TEXT = (
    "Les villes partenaires s'engagent à établir un canal de communication permanent entre "
    "leurs administrations, à rendre possibles chaque année des rencontres de jeunes et à "
    "échanger leur expérience de la protection des réfugiés.\n\nElles se retrouveront à Brême "
    "en 2027.",
    "Le città partner si impegnano a istituire un canale di comunicazione permanente tra le "
    "loro amministrazioni, a rendere possibili ogni anno scambi giovanili e a condividere "
    "l'esperienza nella tutela dei rifugiati.\n\nSi incontreranno di nuovo a Brema nel 2027.",
    "Las ciudades socias se comprometen a crear un canal de comunicación permanente entre sus "
    "administraciones, a hacer posibles cada año encuentros juveniles y a compartir su "
    "experiencia en la protección de los refugiados.\n\nVolverán a reunirse en Bremen en 2027.",
)
OPEN_DESCRIPTION = (
    "Les délégations des villes partenaires allemandes et des arrondissements d'İzmir se "
    "retrouvent à l'hôtel de ville de Brême. Deux jours de programme en allemand, en turc et "
    "en anglais.",
    "Le delegazioni delle città partner tedesche e dei distretti di İzmir si incontrano nel "
    "municipio di Brema. Due giorni di programma in tedesco, turco e inglese.",
    "Las delegaciones de las ciudades socias alemanas y de los distritos de İzmir se reúnen en "
    "el ayuntamiento de Bremen. Dos días de programa en alemán, turco e inglés.",
)


def _more(field: str, german: str, texts: tuple[str, str, str] | None = None) -> dict:
    """`field`_fr, _it and _es for a German text (from MORE_LANGUAGES unless given)."""
    fr, it, es = texts or MORE_LANGUAGES[german]
    return {f"{field}_fr": fr, f"{field}_it": it, f"{field}_es": es}


def _themes() -> dict[str, Theme]:
    themes = {}
    for key, (de, tr, en) in THEMES.items():
        theme, _created = Theme.objects.get_or_create(
            name_de=de, defaults={"name": de, "name_tr": tr, "name_en": en, **_more("name", de)}
        )
        themes[key] = theme
    return themes


def _speakers() -> list[Speaker]:
    speakers = []
    for name, affiliation, city, bio_de, bio_tr, bio_en in SPEAKERS:
        speaker, _created = Speaker.objects.get_or_create(
            name=name,
            defaults={
                "affiliation": affiliation,
                "city": City.objects.filter(name=city).first(),
                "bio_de": bio_de,
                "bio_tr": bio_tr,
                "bio_en": bio_en,
                **_more("bio", bio_de),
            },
        )
        speakers.append(speaker)
    return speakers


def _programme(summit: Summit, themes, speakers) -> None:
    if summit.sessions.exists():
        return
    tz = summit.tz
    for day, start, end, (de, tr, en), theme, room, language, speaker_ids in PROGRAMME:
        on = summit.start_date + timedelta(days=day)
        session = Session.objects.create(
            summit=summit,
            title=de,
            title_de=de,
            title_tr=tr,
            title_en=en,
            **_more("title", de),
            starts_at=datetime.combine(on, time.fromisoformat(start), tzinfo=tz),
            ends_at=datetime.combine(on, time.fromisoformat(end), tzinfo=tz),
            room=room,
            track=themes.get(theme),
            language=language,
        )
        session.speakers.set([speakers[i] for i in speaker_ids])


def _summit(slug: str, **fields) -> tuple[Summit, bool]:
    return Summit.objects.get_or_create(slug=slug, defaults=fields)


def _past_summit(themes, speakers) -> None:
    izmir = City.objects.get(name="İzmir")
    summit, created = _summit(
        "izmir-2025",
        edition=1,
        title="Partnerstädtegipfel Deutschland–İzmir 2025",
        title_de="Partnerstädtegipfel Deutschland–İzmir 2025",
        title_tr="Almanya–İzmir Partner Şehirler Zirvesi 2025",
        title_en="Germany–İzmir Partner Cities Summit 2025",
        **_more("title", "Partnerstädtegipfel Deutschland–İzmir 2025"),
        **_more("theme", "Bessere Kommunikationswege zwischen Partnerstädten"),
        theme_de="Bessere Kommunikationswege zwischen Partnerstädten",
        theme_tr="Partner şehirler arasında daha iyi iletişim kanalları",
        theme_en="Better channels of communication between partner cities",
        start_date=date(2025, 10, 16),
        end_date=date(2025, 10, 17),
        time_zone="Europe/Istanbul",
        host_city=izmir,
        venue="Ahmed Adnan Saygun Sanat Merkezi",
        address="Mithatpaşa Cad. No: 138, Güzelyalı, Konak, İzmir",
        format=Summit.Format.HYBRID,
        capacity=120,
        registration_opens_at=datetime(2025, 6, 1, 9, tzinfo=ZoneInfo("Europe/Istanbul")),
        registration_closes_at=datetime(2025, 10, 10, 18, tzinfo=ZoneInfo("Europe/Istanbul")),
    )
    if not created:
        return
    _programme(summit, themes, speakers)
    for status in (Summit.Status.OPEN, Summit.Status.CLOSED, Summit.Status.HELD):
        summit_transition(summit=summit, to=status, by=None)
    for name in ("Bremen", "Berlin-Neukölln", "Bremen-Osterholz", "Gaziemir", "Çiğli"):
        city = City.objects.get(name=name)
        summit.delegations.get_or_create(
            city=city,
            defaults={
                "head_name": "—",
                "head_email": "delegation@example.org",
                "head_language": "de",
            },
        )
    declaration = Declaration.objects.create(
        summit=summit,
        adopted_on=date(2025, 10, 17),
        title="İzmir-Erklärung der Partnerstädte",
        title_de="İzmir-Erklärung der Partnerstädte",
        title_tr="Partner Şehirlerin İzmir Bildirisi",
        title_en="İzmir Declaration of the Partner Cities",
        **_more("title", "İzmir-Erklärung der Partnerstädte"),
        **_more("text", "", DECLARATION_TEXT),
        text_de=(
            "Die Partnerstädte verpflichten sich, einen ständigen Kommunikationskanal zwischen "
            "ihren Verwaltungen einzurichten, Jugendbegegnungen jedes Jahr zu ermöglichen und "
            "Erfahrungen beim Schutz Geflüchteter auszutauschen.\n\nSie treffen sich wieder 2027 "
            "in Bremen."
        ),
        text_tr=(
            "Partner şehirler, yönetimleri arasında kalıcı bir iletişim kanalı kurmayı, her yıl "
            "gençlik buluşmalarını mümkün kılmayı ve mültecilerin korunmasında deneyim "
            "paylaşmayı taahhüt eder.\n\n2027'de Bremen'de yeniden buluşacaklar."
        ),
        text_en=(
            "The partner cities commit to setting up a standing channel of communication between "
            "their administrations, to making youth exchanges possible every year and to sharing "
            "experience in protecting refugees.\n\nThey will meet again in Bremen in 2027."
        ),
    )
    declaration_pdf_schedule(declaration=declaration)
    actions = [
        (
            "Ständiger Kontaktkreis der Außenbeziehungsämter",
            "Dış ilişkiler birimleri daimi temas grubu",
            "Standing contact group of the external-relations offices",
            "İzmir",
            date(2026, 3, 31),
            FollowUpAction.Status.DONE,
        ),
        (
            "Jugendbegegnung Bremen–İzmir",
            "Bremen–İzmir gençlik buluşması",
            "Youth exchange Bremen–İzmir",
            "Bremen",
            date(2026, 9, 30),
            FollowUpAction.Status.DONE,
        ),
        (
            "Gemeinsame Plattform für offene Stadtdaten",
            "Ortak açık kent verisi platformu",
            "Shared open city data platform",
            "İzmir",
            date(2027, 3, 31),
            FollowUpAction.Status.IN_PROGRESS,
        ),
        (
            "Handbuch zum Ankommen Geflüchteter",
            "Mültecilerin kente uyumu el kitabı",
            "Handbook on refugees arriving in the city",
            "Berlin-Neukölln",
            date(2027, 4, 30),
            FollowUpAction.Status.PLANNED,
        ),
    ]
    for de, tr, en, city, due, status in actions:
        FollowUpAction.objects.create(
            summit=summit, what=de, what_de=de, what_tr=tr, what_en=en, **_more("what", de),
            owner_city=City.objects.get(name=city), due_date=due, status=status,
        )  # fmt: skip


def _open_summit(themes, speakers) -> None:
    bremen = City.objects.get(name="Bremen")
    now = timezone.now()
    summit, created = _summit(
        "bremen-2027",
        edition=2,
        title="Partnerstädtegipfel Deutschland–İzmir 2027",
        title_de="Partnerstädtegipfel Deutschland–İzmir 2027",
        title_tr="Almanya–İzmir Partner Şehirler Zirvesi 2027",
        title_en="Germany–İzmir Partner Cities Summit 2027",
        **_more("title", "Partnerstädtegipfel Deutschland–İzmir 2027"),
        **_more("theme", "Digitale und nachhaltige Partnerstädte – mit der jungen Generation"),
        **_more("description", "", OPEN_DESCRIPTION),
        theme_de="Digitale und nachhaltige Partnerstädte – mit der jungen Generation",
        theme_tr="Dijital ve sürdürülebilir partner şehirler – genç kuşakla birlikte",
        theme_en="Digital and sustainable partner cities – with the young generation",
        description_de=(
            "Delegationen der deutschen Partnerstädte und Bezirke İzmirs treffen sich im Bremer "
            "Rathaus. Zwei Tage Programm in deutscher, türkischer und englischer Sprache."
        ),
        description_tr=(
            "İzmir'in Almanya'daki partner şehir ve ilçelerinin heyetleri Bremen Belediye "
            "Sarayı'nda buluşuyor. Almanca, Türkçe ve İngilizce iki günlük program."
        ),
        description_en=(
            "Delegations of İzmir's German partner cities and districts meet in Bremen's town "
            "hall. Two days of programme in German, Turkish and English."
        ),
        start_date=date(2027, 4, 22),
        end_date=date(2027, 4, 23),
        time_zone="Europe/Berlin",
        host_city=bremen,
        venue="Rathaus Bremen",
        address="Am Markt 21, 28195 Bremen",
        format=Summit.Format.HYBRID,
        capacity=80,
        waiting_list_capacity=40,
        registration_opens_at=now - timedelta(days=7),
        registration_closes_at=datetime(2027, 4, 15, 18, tzinfo=ZoneInfo("Europe/Berlin")),
    )
    if not created:
        return
    _programme(summit, themes, speakers)
    summit_transition(summit=summit, to=Summit.Status.OPEN, by=None)
    if summit.registrations.exists():
        return
    # The demo's heads of delegation have confirmed through their mailed links.
    izmir = delegation_register(
        summit=summit,
        city=City.objects.get(name="İzmir"),
        head_name="Zeynep Aksoy",
        head_email="zeynep.aksoy@example.org",
        head_language="tr",
        members=[
            Participant("Zeynep Aksoy", "zeynep.aksoy@example.org", "staff", "tr"),
            Participant("Mustafa Çelik", "mustafa.celik@example.org", "council_member", "tr"),
            Participant("İlkay Doğan", "ilkay.dogan@example.org", "youth_delegate", "tr",
                        "Vegetarisch"),
        ],
    )  # fmt: skip
    neukoelln = delegation_register(
        summit=summit,
        city=City.objects.get(name="Berlin-Neukölln"),
        head_name="Sabine Wagner",
        head_email="sabine.wagner@example.org",
        head_language="de",
        members=[
            Participant("Sabine Wagner", "sabine.wagner@example.org", "staff", "de"),
            Participant("Emre Kılıç", "emre.kilic@example.org", "expert", "de"),
        ],
    )
    for delegation in (izmir, neukoelln):
        delegation_confirm(delegation=delegation)
    registration_create(
        summit=summit,
        participant=Participant("Lena Hoffmann", "lena.hoffmann@example.org", "press", "de"),
        city=bremen,
    )


def demo_seed() -> list[DemoLogin]:
    with transaction.atomic():
        themes = _themes()
        speakers = _speakers()
        _past_summit(themes, speakers)
        _open_summit(themes, speakers)
    return []
