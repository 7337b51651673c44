# ruff: noqa: E501  (prose, one sentence per line)
"""The demo bulletin: three issues in six languages, built on the shipped partnership data."""

ISSUES = [
    {
        "number": 1,
        "date": "2026-09-01",
        "title": {
            "de": "Bremen und İzmir: drei Jahrzehnte Partnerschaft",
            "tr": "Bremen ve İzmir: otuz yıllık ortaklık",
            "en": "Bremen and İzmir: three decades of partnership",
            "fr": "Brême et İzmir : trois décennies de partenariat",
            "it": "Brema e İzmir: tre decenni di gemellaggio",
            "es": "Bremen e İzmir: tres décadas de hermanamiento",
        },
        "intro": {
            "de": "Seit 1995 verbindet eine Städtepartnerschaft die Hansestadt mit der Ägäis.",
            "tr": "1995'ten bu yana bir kardeş şehir ilişkisi Hansa kentini Ege'ye bağlıyor.",
            "en": "Since 1995 a town twinning has linked the Hanseatic city with the Aegean.",
            "fr": "Depuis 1995, un jumelage relie la ville hanséatique à la mer Égée.",
            "it": "Dal 1995 un gemellaggio unisce la città anseatica all'Egeo.",
            "es": "Desde 1995 un hermanamiento une la ciudad hanseática con el Egeo.",
        },
        "articles": [
            {
                "de": (
                    "Der Rahmenvertrag von 1995",
                    "Im März 1995 unterzeichneten Bremen und İzmir ihren Rahmenvertrag; der Stadtrat von İzmir hatte die Partnerschaft bereits 1993 beschlossen.",
                ),
                "tr": (
                    "1995 çerçeve anlaşması",
                    "Bremen ve İzmir çerçeve anlaşmalarını Mart 1995'te imzaladı; İzmir meclisi ortaklığı 1993'te kararlaştırmıştı.",
                ),
                "en": (
                    "The framework agreement of 1995",
                    "Bremen and İzmir signed their framework agreement in March 1995; İzmir's council had approved the partnership in 1993.",
                ),
                "fr": (
                    "L'accord-cadre de 1995",
                    "Brême et İzmir ont signé leur accord-cadre en mars 1995 ; le conseil d'İzmir avait approuvé le partenariat dès 1993.",
                ),
                "it": (
                    "L'accordo quadro del 1995",
                    "Brema e İzmir hanno firmato l'accordo quadro nel marzo 1995; il consiglio di İzmir aveva approvato il gemellaggio nel 1993.",
                ),
                "es": (
                    "El acuerdo marco de 1995",
                    "Bremen e İzmir firmaron su acuerdo marco en marzo de 1995; el consejo de İzmir había aprobado el hermanamiento en 1993.",
                ),
            },
            {
                "de": (
                    "Osterholz und Gaziemir",
                    "Seit 2022 sind auch der Bremer Stadtteil Osterholz und İzmirs Bezirk Gaziemir Partner: Schulen und Vereine besuchen sich gegenseitig.",
                ),
                "tr": (
                    "Osterholz ve Gaziemir",
                    "2022'den beri Bremen'in Osterholz semti ile İzmir'in Gaziemir ilçesi de ortak: okullar ve dernekler karşılıklı ziyaretler yapıyor.",
                ),
                "en": (
                    "Osterholz and Gaziemir",
                    "Since 2022 Bremen's Osterholz district and İzmir's Gaziemir district have been partners too: schools and clubs visit each other.",
                ),
                "fr": (
                    "Osterholz et Gaziemir",
                    "Depuis 2022, le quartier brêmois d'Osterholz et le district de Gaziemir à İzmir sont aussi partenaires : écoles et associations se rendent visite.",
                ),
                "it": (
                    "Osterholz e Gaziemir",
                    "Dal 2022 anche il quartiere di Osterholz a Brema e il distretto di Gaziemir a İzmir sono partner: scuole e associazioni si fanno visita.",
                ),
                "es": (
                    "Osterholz y Gaziemir",
                    "Desde 2022 el barrio de Osterholz en Bremen y el distrito de Gaziemir en İzmir también son socios: escuelas y asociaciones se visitan.",
                ),
            },
        ],
    },
    {
        "number": 2,
        "date": "2026-10-01",
        "title": {
            "de": "Berlin-Neukölln und Çiğli feiern ihre Freundschaft",
            "tr": "Berlin-Neukölln ve Çiğli dostluklarını kutluyor",
            "en": "Berlin-Neukölln and Çiğli celebrate their friendship",
            "fr": "Berlin-Neukölln et Çiğli célèbrent leur amitié",
            "it": "Berlino-Neukölln e Çiğli celebrano la loro amicizia",
            "es": "Berlín-Neukölln y Çiğli celebran su amistad",
        },
        "intro": {
            "de": "Eine Bezirkspartnerschaft seit 2005 und ein neues Jugendprogramm.",
            "tr": "2005'ten beri süren bir ilçe ortaklığı ve yeni bir gençlik programı.",
            "en": "A district partnership since 2005 and a new youth programme.",
            "fr": "Un partenariat d'arrondissements depuis 2005 et un nouveau programme jeunesse.",
            "it": "Un gemellaggio tra distretti dal 2005 e un nuovo programma per i giovani.",
            "es": "Un hermanamiento de distritos desde 2005 y un nuevo programa juvenil.",
        },
        "articles": [
            {
                "de": (
                    "Zwanzig Jahre Bezirkspartnerschaft",
                    "Neukölln und Çiğli sind seit 2005 verbunden. Zum Jubiläum tauschen Jugendzentren beider Bezirke Gruppen aus.",
                ),
                "tr": (
                    "Yirmi yıllık ilçe ortaklığı",
                    "Neukölln ve Çiğli 2005'ten beri bağlı. Yıl dönümü için iki ilçenin gençlik merkezleri grup değişimi yapıyor.",
                ),
                "en": (
                    "Twenty years of district partnership",
                    "Neukölln and Çiğli have been linked since 2005. For the anniversary, youth centres of both districts exchange groups.",
                ),
                "fr": (
                    "Vingt ans de partenariat",
                    "Neukölln et Çiğli sont liés depuis 2005. Pour l'anniversaire, les maisons de jeunes des deux districts échangent des groupes.",
                ),
                "it": (
                    "Vent'anni di gemellaggio",
                    "Neukölln e Çiğli sono legati dal 2005. Per l'anniversario i centri giovanili dei due distretti si scambiano gruppi.",
                ),
                "es": (
                    "Veinte años de hermanamiento",
                    "Neukölln y Çiğli están unidos desde 2005. Por el aniversario, los centros juveniles de ambos distritos intercambian grupos.",
                ),
            },
            {
                "de": (
                    "Städtenetzwerke",
                    "İzmir arbeitet in Netzwerken wie UCLG, Metropolis und Eurocities mit europäischen Städten an gemeinsamen Fragen.",
                ),
                "tr": (
                    "Şehir ağları",
                    "İzmir, UCLG, Metropolis ve Eurocities gibi ağlarda Avrupa şehirleriyle ortak konular üzerinde çalışıyor.",
                ),
                "en": (
                    "City networks",
                    "İzmir works with European cities on shared questions in networks such as UCLG, Metropolis and Eurocities.",
                ),
                "fr": (
                    "Réseaux de villes",
                    "İzmir travaille avec des villes européennes sur des questions communes au sein de réseaux comme CGLU, Metropolis et Eurocities.",
                ),
                "it": (
                    "Reti di città",
                    "İzmir lavora con città europee su temi comuni in reti come UCLG, Metropolis ed Eurocities.",
                ),
                "es": (
                    "Redes de ciudades",
                    "İzmir trabaja con ciudades europeas en cuestiones comunes en redes como CGLU, Metropolis y Eurocities.",
                ),
            },
        ],
    },
    {
        "number": 3,
        "date": "2026-11-01",
        "title": {
            "de": "Vorschau auf den Partnerstädtegipfel",
            "tr": "Kardeş şehirler zirvesine bakış",
            "en": "A look ahead at the partner-cities summit",
            "fr": "Avant-première du sommet des villes partenaires",
            "it": "Anteprima del vertice delle città partner",
            "es": "Avance de la cumbre de ciudades hermanas",
        },
        "intro": {
            "de": "Delegationen aus deutschen Partnerstädten kommen nach İzmir.",
            "tr": "Alman kardeş şehirlerden heyetler İzmir'e geliyor.",
            "en": "Delegations from German partner cities are coming to İzmir.",
            "fr": "Des délégations de villes partenaires allemandes viennent à İzmir.",
            "it": "Delegazioni delle città partner tedesche arrivano a İzmir.",
            "es": "Delegaciones de ciudades hermanas alemanas llegan a İzmir.",
        },
        "articles": [
            {
                "de": (
                    "Das Programm",
                    "Zwei Tage Workshops zu Hafenwirtschaft, Kultur und Ausbildung, mit Vertreterinnen und Vertretern der Partnerstädte.",
                ),
                "tr": (
                    "Program",
                    "Kardeş şehirlerin temsilcileriyle liman ekonomisi, kültür ve eğitim üzerine iki günlük atölyeler.",
                ),
                "en": (
                    "The programme",
                    "Two days of workshops on port economy, culture and training, with representatives of the partner cities.",
                ),
                "fr": (
                    "Le programme",
                    "Deux jours d'ateliers sur l'économie portuaire, la culture et la formation, avec des représentants des villes partenaires.",
                ),
                "it": (
                    "Il programma",
                    "Due giorni di laboratori su economia portuale, cultura e formazione, con rappresentanti delle città partner.",
                ),
                "es": (
                    "El programa",
                    "Dos días de talleres sobre economía portuaria, cultura y formación, con representantes de las ciudades hermanas.",
                ),
            },
            {
                "de": (
                    "Nikosia, die 29. Schwesterstadt",
                    "Mit Nikosia (Lefkoşa) hat İzmir 2019 seine 29. Schwesterstadt gewonnen; auch sie ist zum Gipfel eingeladen.",
                ),
                "tr": (
                    "29. kardeş şehir Lefkoşa",
                    "İzmir 2019'da Lefkoşa ile 29. kardeş şehrini kazandı; Lefkoşa da zirveye davetli.",
                ),
                "en": (
                    "Nicosia, the 29th sister city",
                    "In 2019 İzmir gained its 29th sister city, Nicosia (Lefkoşa); it is invited to the summit too.",
                ),
                "fr": (
                    "Nicosie, 29e ville jumelle",
                    "En 2019, İzmir a gagné sa 29e ville jumelle, Nicosie (Lefkoşa) ; elle est aussi invitée au sommet.",
                ),
                "it": (
                    "Nicosia, 29ª città gemella",
                    "Nel 2019 İzmir ha ottenuto la sua 29ª città gemella, Nicosia (Lefkoşa), anch'essa invitata al vertice.",
                ),
                "es": (
                    "Nicosia, la 29.ª ciudad hermana",
                    "En 2019 İzmir sumó su 29.ª ciudad hermana, Nicosia (Lefkoşa), también invitada a la cumbre.",
                ),
            },
        ],
    },
]
