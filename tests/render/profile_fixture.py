"""A small but complete hand-built Profile (Morocco, after the 2009 CARIM profile) in fr/en/ar.

It exercises every kind of block the renderers know: cover, paragraphs (one shown in
another language, ``fallback=True``), a side-by-side emigration | immigration block, a
nested table with "of which" rows, a total row and a growth column, a table with negative
variations, a bar chart and a time series, two framework tables with footnotes 1-8, and
three sources. Numbers are formatted with ``migprofile.i18n`` as assembly does.
"""

from __future__ import annotations

from typing import Any

from migprofile.i18n import format_day, format_number
from migprofile.profiles import charts
from migprofile.profiles.tree import (
    Cell,
    ChartBlock,
    Cover,
    Footnote,
    FrameworkRow,
    FrameworkTable,
    Heading,
    Paragraph,
    Profile,
    RichText,
    Section,
    SideBySide,
    SourceEntry,
    SourceLine,
    TableBlock,
    Value,
)

LANGS = ("fr", "en", "ar")
T: dict[str, dict[str, str]] = {
    "series": {"fr": "CARIM – Profil migratoire", "en": "CARIM – Migration Profile",
               "ar": "كاريم – ملف الهجرة"},
    "title": {"fr": "Profil migratoire du Maroc", "en": "Migration Profile of Morocco",
              "ar": "ملف الهجرة في المغرب"},
    "cover_title": {"fr": "Profil migratoire", "en": "Migration profile", "ar": "ملف الهجرة"},
    "country": {"fr": "Maroc", "en": "Morocco", "ar": "المغرب"},
    "fw_demo": {"fr": "Le cadre démographique-économique de la migration",
                "en": "The demographic and economic framework of migration",
                "ar": "الإطار الديمغرافي والاقتصادي للهجرة"},
    "fw_legal": {"fr": "Le cadre juridique de la migration",
                 "en": "The legal framework of migration", "ar": "الإطار القانوني للهجرة"},
    "fw_socio": {"fr": "Le cadre socio-politique de la migration",
                 "en": "The socio-political framework of migration",
                 "ar": "الإطار الاجتماعي والسياسي للهجرة"},
    "credits": {"fr": "à partir de la base de données du CARIM et de ses publications",
                "en": "based on the CARIM database and publications",
                "ar": "استناداً إلى قاعدة بيانات كاريم ومنشوراته"},
    "publisher": {"fr": "Consortium pour la recherche appliquée sur les migrations "
                        "internationales — cofinancé par l'Union européenne",
                  "en": "Consortium for Applied Research on International Migration — "
                        "co-financed by the European Union",
                  "ar": "اتحاد البحث التطبيقي حول الهجرة الدولية — بتمويل مشترك من "
                        "الاتحاد الأوروبي"},
    "date": {"fr": "Novembre 2009", "en": "November 2009", "ar": "نوفمبر 2009"},
    "source": {"fr": "Source", "en": "Source", "ar": "المصدر"},
    "intro": {
        "fr": "Le Maroc est aujourd'hui encore une source importante de migrants, avec un "
              "flux annuel estimé à 140 400 personnes (OECD.stat). Depuis les années 90, le "
              "Maroc s'est également mué en pays de **transit** et d'**immigration**, "
              "recevant des flux en provenance principale d'Afrique subsaharienne.",
        "en": "Morocco is still an important source of migrants today, with an annual flow "
              "estimated at 140,400 people (OECD.stat). Since the 1990s, Morocco has also "
              "become a country of **transit** and **immigration**, receiving flows mainly "
              "from sub-Saharan Africa.",
        "ar": "لا يزال المغرب اليوم مصدراً مهماً للمهاجرين، إذ يُقدَّر التدفق السنوي بنحو "
              "140,400 شخص (OECD.stat). ومنذ تسعينيات القرن الماضي، أصبح المغرب أيضاً بلد "
              "**عبور** و**هجرة وافدة**، يستقبل تدفقات قادمة أساساً من أفريقيا جنوب الصحراء.",
    },
    "emigration": {"fr": "Émigration", "en": "Emigration", "ar": "الهجرة إلى الخارج"},
    "immigration": {"fr": "Immigration", "en": "Immigration", "ar": "الهجرة الوافدة"},
    "stock": {"fr": "Stock", "en": "Stock", "ar": "الرصيد"},
    "flows": {"fr": "Flux", "en": "Flows", "ar": "التدفقات"},
    "emi_stock": {
        "fr": "Les données issues des consulats marocains font état d'une propension "
              "croissante à émigrer : le nombre de Marocains résidant à l'étranger a plus que "
              "doublé entre 1993 (1,5 million) et 2007 (3,3 millions), avec un taux de "
              "croissance annuel moyen de 8,1 %. En 2007, 86,2 % d'entre eux vivaient en "
              "Europe, principalement en France (34,3 %), en Espagne (16,6 %) et en Italie "
              "(11,5 %).",
        "en": "Data from Moroccan consulates show a growing propensity to emigrate: the "
              "number of Moroccans living abroad more than doubled between 1993 (1.5 million) "
              "and 2007 (3.3 million), an average annual growth rate of 8.1%. In 2007, 86.2% "
              "of them lived in Europe, mainly in France (34.3%), Spain (16.6%) and Italy "
              "(11.5%).",
        "ar": "تشير بيانات القنصليات المغربية إلى تزايد الميل إلى الهجرة: فقد تضاعف عدد "
              "المغاربة المقيمين في الخارج بين عامي 1993 (1.5 مليون) و2007 (3.3 ملايين)، "
              "بمعدل نمو سنوي متوسط قدره 8.1%. وفي عام 2007، كان 86.2% منهم يعيشون في "
              "أوروبا، ولا سيما في فرنسا (34.3%) وإسبانيا (16.6%) وإيطاليا (11.5%).",
    },
    "imm_stock": {
        "fr": "En 2008, plus de 60 000 étrangers détenaient un permis de résidence en cours de "
              "validité ; la plupart provenaient de France (environ 16 000) et d'Algérie (plus "
              "de 12 000).",
        "en": "In 2008, more than 60,000 foreigners held a valid residence permit; most came "
              "from France (about 16,000) and Algeria (more than 12,000).",
        "ar": "في عام 2008، كان أكثر من 60,000 أجنبي يحملون تصريح إقامة ساري المفعول، "
              "أغلبهم من فرنسا (نحو 16,000) والجزائر (أكثر من 12,000).",
    },
    "table_mre": {"fr": "Marocains résidant à l'étranger, 1993, 2007 (1er janvier)",
                  "en": "Moroccans residing abroad, 1993, 2007 (1 January)",
                  "ar": "المغاربة المقيمون في الخارج، 1993 و2007 (1 يناير)"},
    "continent": {"fr": "Continent de résidence", "en": "Continent of residence",
                  "ar": "قارة الإقامة"},
    "number": {"fr": "Effectif", "en": "Number", "ar": "العدد"},
    "growth": {"fr": "Taux de croissance annuel moyen (%)",
               "en": "Average annual growth rate (%)",
               "ar": "معدل النمو السنوي المتوسط (%)"},
    "europe": {"fr": "Europe", "en": "Europe", "ar": "أوروبا"},
    "of_which": {"fr": "dont", "en": "of which", "ar": "منها"},
    "france": {"fr": "France", "en": "France", "ar": "فرنسا"},
    "spain": {"fr": "Espagne", "en": "Spain", "ar": "إسبانيا"},
    "italy": {"fr": "Italie", "en": "Italy", "ar": "إيطاليا"},
    "arab": {"fr": "Pays arabes", "en": "Arab countries", "ar": "البلدان العربية"},
    "libya": {"fr": "Libye", "en": "Libya", "ar": "ليبيا"},
    "algeria": {"fr": "Algérie", "en": "Algeria", "ar": "الجزائر"},
    "usa": {"fr": "États-Unis", "en": "United States", "ar": "الولايات المتحدة"},
    "canada": {"fr": "Canada", "en": "Canada", "ar": "كندا"},
    "other": {"fr": "Autres", "en": "Other countries", "ar": "بلدان أخرى"},
    "total": {"fr": "Total", "en": "Total", "ar": "المجموع"},
    "consulates": {"fr": "Consulats du Maroc", "en": "Consulates of Morocco",
                   "ar": "قنصليات المغرب"},
    "fallback_para": {
        "fr": "A study by the Moroccan Association for Studies and Research on Migration "
              "profiles the sub-Saharan migrant: a man (79.9%), relatively young (average age "
              "27.7), single (82.2%).",
        "other": "Une étude de l'Association marocaine d'études et de recherches sur les "
                 "migrations dresse le profil du migrant subsaharien : un homme (79,9 %), "
                 "relativement jeune (âge moyen de 27,7 ans), célibataire (82,2 %).",
    },
    "refugees_chart": {"fr": "Réfugiés et demandeurs d'asile au Maroc, fin d'année",
                       "en": "Refugees and asylum seekers in Morocco, end of year",
                       "ar": "اللاجئون وطالبو اللجوء في المغرب، نهاية السنة"},
    "refugees": {"fr": "Réfugiés", "en": "Refugees", "ar": "اللاجئون"},
    "asylum": {"fr": "Demandeurs d'asile", "en": "Asylum seekers", "ar": "طالبو اللجوء"},
    "persons": {"fr": "Personnes", "en": "Persons", "ar": "أشخاص"},
    "mre_chart": {"fr": "Marocains résidant à l'étranger, principaux pays, 2007",
                  "en": "Moroccans residing abroad, main countries, 2007",
                  "ar": "المغاربة المقيمون في الخارج، أهم البلدان، 2007"},
    "remit": {"fr": "Transferts financiers vers le Maroc par pays de provenance, 2007-2008 "
                    "(millions $US)",
              "en": "Remittances to Morocco by country of origin, 2007-2008 (US$ million)",
              "ar": "التحويلات المالية إلى المغرب حسب بلد المصدر، 2007-2008 (مليون دولار)"},
    "origin": {"fr": "Pays de provenance", "en": "Country of origin", "ar": "بلد المصدر"},
    "variation": {"fr": "Variation (%)", "en": "Variation (%)", "ar": "التغير (%)"},
    "exchange_office": {"fr": "Office des changes", "en": "Office des changes",
                        "ar": "مكتب الصرف"},
    "unhcr": {"fr": "HCR", "en": "UNHCR", "ar": "المفوضية السامية لشؤون اللاجئين"},
    "legal_intro": {
        "fr": "Ces six dernières années, le Maroc a connu une activité législative intense. "
              "La loi n°02-03 du 11 novembre 2003 réforme globalement le cadre juridique de "
              "la migration.",
        "en": "Over the last six years Morocco has seen intense legislative activity. Law "
              "No. 02-03 of 11 November 2003 is a comprehensive reform of the legal framework "
              "of migration.",
        "ar": "شهد المغرب خلال السنوات الست الأخيرة نشاطاً تشريعياً مكثفاً. ويُعدّ القانون "
              "رقم 02-03 الصادر في 11 نوفمبر 2003 إصلاحاً شاملاً للإطار القانوني للهجرة.",
    },
    "legal_caption": {"fr": "Le cadre juridique de la migration au Maroc",
                      "en": "The legal framework of migration in Morocco",
                      "ar": "الإطار القانوني للهجرة في المغرب"},
    "socio_intro": {
        "fr": "Tandis que l'émigration est toujours une priorité de l'agenda gouvernemental, "
              "de nouvelles formes de migration, de transit et irrégulière, gagnent en "
              "importance.",
        "en": "While emigration remains a priority of the government's agenda, new forms of "
              "migration, transit and irregular, are gaining in importance.",
        "ar": "بينما تظل الهجرة إلى الخارج أولوية في جدول أعمال الحكومة، تكتسب أشكال جديدة "
              "من الهجرة، كهجرة العبور والهجرة غير النظامية، أهمية متزايدة.",
    },
    "socio_caption": {"fr": "Cadre socio-politique du Maroc",
                      "en": "Socio-political framework of Morocco",
                      "ar": "الإطار الاجتماعي والسياسي في المغرب"},
    "theme": {"fr": "Thème", "en": "Theme", "ar": "المحور"},
    "outward": {"fr": "Migration sortante", "en": "Outward migration",
                "ar": "الهجرة نحو الخارج"},
    "inward": {"fr": "Migration entrante", "en": "Inward migration", "ar": "الهجرة نحو الداخل"},
    "method": {
        "fr": "Les chiffres sont ceux des sources citées sous chaque tableau. Les nombres "
              "précédés de « environ » sont des estimations arrondies ; « plus de » signale "
              "un minimum.",
        "en": "Figures are those of the sources cited under each table. Numbers preceded by "
              "\"about\" are rounded estimates; \"more than\" marks a lower bound.",
        "ar": "الأرقام مأخوذة من المصادر المذكورة تحت كل جدول. الأعداد المسبوقة بكلمة «نحو» "
              "تقديرات مقرّبة، وعبارة «أكثر من» تدل على حدّ أدنى.",
    },
}

FRAMEWORK_LEGAL: dict[str, dict[str, Any]] = {
    "general": {
        "title": {"fr": "Références juridiques générales", "en": "General legal references",
                  "ar": "المرجعيات القانونية العامة"},
        "imm": {
            "fr": ["*Loi n°02-03* du 11 novembre 2003 sur l'entrée et le séjour des étrangers "
                   "au Maroc, l'émigration et l'immigration irrégulières",
                   "*Convention de 1990*[^1] : ratifiée\n\n*OIT* : 49 conventions "
                   "ratifiées[^2]",
                   "État membre de la *CEN-SAD*[^3], de l'*Union du Maghreb arabe* et de la "
                   "*Ligue des États arabes*"],
            "en": ["*Law No. 02-03* of 11 November 2003 on the entry and residence of "
                   "foreigners in Morocco, and irregular emigration and immigration",
                   "*1990 Convention*[^1]: ratified\n\n*ILO*: 49 conventions ratified[^2]",
                   "Member State of *CEN-SAD*[^3], the *Arab Maghreb Union* and the *League "
                   "of Arab States*"],
            "ar": ["*القانون رقم 02-03* الصادر في 11 نوفمبر 2003 المتعلق بدخول وإقامة "
                   "الأجانب بالمغرب وبالهجرة غير الشرعية",
                   "*اتفاقية 1990*[^1]: مصادق عليها\n\n*منظمة العمل الدولية*: 49 اتفاقية "
                   "مصادق عليها[^2]",
                   "دولة عضو في *تجمع دول الساحل والصحراء*[^3] و*اتحاد المغرب العربي* "
                   "و*جامعة الدول العربية*"],
        },
        "emi": {
            "fr": ["*Accords bilatéraux* avec la Tunisie (1964, 1991, 2006), l'Algérie (1963, "
                   "1964), la France (1983, 1987, 1993, 2001), l'Espagne (2001, 2006)."],
            "en": ["*Bilateral agreements* with Tunisia (1964, 1991, 2006), Algeria (1963, "
                   "1964), France (1983, 1987, 1993, 2001), Spain (2001, 2006)."],
            "ar": ["*اتفاقيات ثنائية* مع تونس (1964، 1991، 2006) والجزائر (1963، 1964) "
                   "وفرنسا (1983، 1987، 1993، 2001) وإسبانيا (2001، 2006)."],
        },
    },
    "entry_exit": {
        "title": {"fr": "Entrée et sortie", "en": "Entry and exit", "ar": "الدخول والخروج"},
        "imm": {
            "fr": ["Pour entrer, les étrangers doivent :\n\n- passer par un poste frontière ;\n"
                   "- présenter un passeport / visa.\n\nIl peut leur être demandé : ressources, "
                   "motifs d'entrée et garanties de rapatriement."],
            "en": ["To enter, foreigners must:\n\n- go through a border post;\n- show a "
                   "passport / visa.\n\nThey may be asked for: resources, reasons for entry "
                   "and repatriation guarantees."],
            "ar": ["للدخول، يجب على الأجانب:\n\n- المرور عبر مركز حدودي؛\n- تقديم جواز سفر "
                   "/ تأشيرة.\n\nويمكن أن يُطلب منهم: إثبات الموارد ودوافع الدخول وضمانات "
                   "الإعادة إلى الوطن."],
        },
        "emi": {
            "fr": ["Le droit de quitter le pays n'est pas garanti par la Constitution.\n\n"
                   "Pour sortir, nationaux et étrangers doivent passer par un poste frontière."],
            "en": ["The right to leave the country is not guaranteed by the Constitution.\n\n"
                   "To leave, nationals and foreigners must go through a border post."],
            "ar": ["الحق في مغادرة البلاد غير مكفول بالدستور.\n\nللخروج، يجب على المواطنين "
                   "والأجانب المرور عبر مركز حدودي."],
        },
    },
    "irregular": {
        "title": {"fr": "Lutte contre la migration irrégulière",
                  "en": "Fight against irregular migration",
                  "ar": "مكافحة الهجرة غير النظامية"},
        "imm": {
            "fr": ["La loi n°02-03 renforce la répression à l'égard des personnes qui "
                   "facilitent ou organisent l'entrée ou la sortie irrégulières.\n\n"
                   "**Protocoles de Palerme**[^4] : non ratifiés"],
            "en": ["Law No. 02-03 strengthens penalties against those who facilitate or "
                   "organise irregular entry or exit.\n\n**Palermo Protocols**[^4]: not "
                   "ratified"],
            "ar": ["يشدد القانون رقم 02-03 العقوبات على الأشخاص الذين يسهّلون أو ينظّمون "
                   "الدخول أو الخروج غير النظامي.\n\n**بروتوكولا باليرمو**[^4]: غير مصادق "
                   "عليهما"],
        },
        "emi": {
            "fr": ["**Accords de réadmission** (des ressortissants nationaux) avec l'Allemagne "
                   "(1998), la France (1993, 2001), le Portugal (1999), l'Italie (1998, 1999) "
                   "et l'Espagne (1992, 2003)."],
            "en": ["**Readmission agreements** (of nationals) with Germany (1998), France "
                   "(1993, 2001), Portugal (1999), Italy (1998, 1999) and Spain (1992, 2003)."],
            "ar": ["**اتفاقيات إعادة القبول** (للمواطنين) مع ألمانيا (1998) وفرنسا (1993، "
                   "2001) والبرتغال (1999) وإيطاليا (1998، 1999) وإسبانيا (1992، 2003)."],
        },
    },
    "refugees": {
        "title": {"fr": "Réfugiés", "en": "Refugees", "ar": "اللاجئون"},
        "imm": {
            "fr": ["**Convention de 1951**[^5] : ratifiée\n\n**Convention de 1969**[^6] : "
                   "ratifiée\n\nAbsence de procédure nationale. Reconnaissance de la DSR[^7] "
                   "du HCR."],
        },
        "emi": {},
    },
}

FOOTNOTES_LEGAL = {
    1: {"fr": "Convention sur la protection des droits de tous les travailleurs migrants et "
              "des membres de leur famille.",
        "en": "Convention on the Protection of the Rights of All Migrant Workers and Members "
              "of Their Families.",
        "ar": "الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم."},
    2: {"fr": "Notamment la convention C111 concernant la discrimination (emploi et "
              "profession).",
        "en": "Including Convention C111 on discrimination (employment and occupation).",
        "ar": "ولا سيما الاتفاقية رقم 111 بشأن التمييز في الاستخدام والمهنة."},
    3: {"fr": "Communauté des États sahélo-sahariens.", "en": "Community of Sahel-Saharan "
        "States.", "ar": "تجمع دول الساحل والصحراء."},
    4: {"fr": "Protocoles additionnels à la Convention des Nations unies contre la criminalité "
              "transnationale organisée, 15 novembre 2000.",
        "en": "Protocols supplementing the United Nations Convention against Transnational "
              "Organized Crime, 15 November 2000.",
        "ar": "البروتوكولان المكمّلان لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر "
              "الوطنية، 15 نوفمبر 2000."},
    5: {"fr": "Convention de Genève relative au statut des réfugiés.",
        "en": "Geneva Convention relating to the Status of Refugees.",
        "ar": "اتفاقية جنيف الخاصة بوضع اللاجئين."},
    6: {"fr": "Convention de l'OUA régissant les aspects propres aux réfugiés en Afrique.",
        "en": "OAU Convention Governing the Specific Aspects of Refugee Problems in Africa.",
        "ar": "اتفاقية منظمة الوحدة الأفريقية التي تحكم المظاهر الخاصة بمشكلات اللاجئين في "
              "أفريقيا."},
    7: {"fr": "Détermination du statut de réfugié.", "en": "Refugee status determination.",
        "ar": "تحديد صفة اللاجئ."},
}

FOOTNOTE_8 = {
    "fr": "Le cadre socio-politique fournit un aperçu des caractéristiques essentielles des "
          "questions liées à la migration au Maroc, à partir des contributions des experts du "
          "CARIM.",
    "en": "The socio-political framework gives an overview of the main features of "
          "migration-related issues in Morocco, based on contributions by CARIM experts.",
    "ar": "يقدّم الإطار الاجتماعي والسياسي لمحة عامة عن السمات الأساسية لقضايا الهجرة في "
          "المغرب، استناداً إلى مساهمات خبراء كاريم.",
}

SOCIO_ROWS = {
    "institutions": {
        "title": {"fr": "Institutions gouvernementales", "en": "Government institutions",
                  "ar": "المؤسسات الحكومية"},
        "out": {"fr": "Ministère de l'Intérieur ; Ministère chargé des Marocains résidant à "
                      "l'étranger ; Conseil de la communauté marocaine à l'étranger (CCME)",
                "en": "Ministry of the Interior; Ministry for Moroccans Residing Abroad; "
                      "Council of the Moroccan Community Abroad (CCME)",
                "ar": "وزارة الداخلية؛ الوزارة المكلفة بالمغاربة المقيمين في الخارج؛ مجلس "
                      "الجالية المغربية بالخارج"},
        "in": {"fr": "Ministère de l'Intérieur ; Ministère du Travail ; Ministère de la Justice",
               "en": "Ministry of the Interior; Ministry of Labour; Ministry of Justice",
               "ar": "وزارة الداخلية؛ وزارة التشغيل؛ وزارة العدل"},
    },
    "strategy": {
        "title": {"fr": "Stratégie gouvernementale", "en": "Government strategy",
                  "ar": "الاستراتيجية الحكومية"},
        "out": {"fr": "Définir des politiques pour une émigration réussie ; encourager les liens "
                      "avec la diaspora ; faciliter les transferts financiers et les retours."},
        "in": {"fr": "Réguler l'entrée, le séjour et le départ des étrangers ; lutter contre "
                     "l'immigration irrégulière ; identifier les demandeurs d'asile.",
               "en": "Regulate the entry, stay and departure of foreigners; fight irregular "
                     "immigration; identify asylum seekers.",
               "ar": "تنظيم دخول الأجانب وإقامتهم ومغادرتهم؛ مكافحة الهجرة غير النظامية؛ "
                     "تحديد طالبي اللجوء."},
    },
}

SHA = {
    "ma-consulates-2007": "3f5a1c9e0b7d4a2f8c6e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f12",
    "ma-oc-2008": "9b2e4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e24",
    "unhcr-2009": "c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e29b2e4d6f8a0c1e3b5d7f9a2c",
}


def _t(key: str, lang: str) -> str:
    return T[key][lang]


def _n(number: float, lang: str, kind: str = "count", digits: int = 0,
       source: str = "ma-consulates-2007", period: str | None = None,
       formula: str | None = None, status: str = "observed") -> Value:
    return Value(text=format_number(number, lang, digits), number=number, kind=kind,
                 status=status, source_id=source, period=period, formula=formula)


def _source(lang: str, key: str, source_id: str) -> SourceLine:
    return SourceLine(_t("source", lang), (_t(key, lang),), (source_id,))


MRE_ROWS = (  # label key, level, 1993, share, 2007, share, growth
    ("europe", 0, 1275567, 82.6, 2837654, 86.2, 5.9),
    ("france", 1, 678917, 43.9, 1131000, 34.3, 3.7),
    ("spain", 1, 65847, 4.3, 547000, 16.6, 16.3),
    ("italy", 1, 91699, 5.9, 379000, 11.5, 10.7),
    ("arab", 0, 196017, 12.7, 281631, 8.6, 2.6),
    ("libya", 1, 102413, 6.6, 120000, 3.6, 1.1),
    ("algeria", 1, 54576, 3.5, 80000, 2.4, 2.8),
    ("other", 0, 73452, 4.8, 173314, 5.3, 6.3),
)
MRE_TOTAL = (1545036, 100.0, 3292599, 100.0, 5.6)


def mre_table(lang: str) -> TableBlock:
    header = (
        (Cell(_t("continent", lang), header=True, scope="col", rowspan=2),
         Cell("1993", header=True, scope="colgroup", colspan=2),
         Cell("2007", header=True, scope="colgroup", colspan=2),
         Cell(_t("growth", lang), header=True, scope="col", rowspan=2, numeric=True)),
        (Cell(_t("number", lang), header=True, scope="col", numeric=True),
         Cell("%", header=True, scope="col", numeric=True),
         Cell(_t("number", lang), header=True, scope="col", numeric=True),
         Cell("%", header=True, scope="col", numeric=True)),
    )
    body = []
    previous_level = 0
    for key, level, n93, s93, n07, s07, growth in MRE_ROWS:
        label = _t(key, lang)
        if level and not previous_level:
            label = f"{_t('of_which', lang)} {label}"
        previous_level = level
        body.append((
            Cell(label, header=True, scope="row", level=level),
            Cell(value=_n(n93, lang, period="1993"), numeric=True),
            Cell(value=_n(s93, lang, "share", 1, period="1993", formula="share"), numeric=True),
            Cell(value=_n(n07, lang, period="2007"), numeric=True),
            Cell(value=_n(s07, lang, "share", 1, period="2007", formula="share"), numeric=True),
            Cell(value=_n(growth, lang, "rate", 1, period="1993-2007", formula="exponential"),
                 numeric=True),
        ))
    n93, s93, n07, s07, growth = MRE_TOTAL
    body.append((
        Cell(_t("total", lang), header=True, scope="row", strong=True),
        Cell(value=_n(n93, lang, period="1993"), numeric=True, strong=True),
        Cell(value=_n(s93, lang, "share", 0, period="1993"), numeric=True, strong=True),
        Cell(value=_n(n07, lang, period="2007"), numeric=True, strong=True),
        Cell(value=_n(s07, lang, "share", 0, period="2007"), numeric=True, strong=True),
        Cell(value=_n(growth, lang, "rate", 1, period="1993-2007", formula="exponential"),
             numeric=True, strong=True),
    ))
    return TableBlock(id="mre-continent", caption=_t("table_mre", lang), header=header,
                      body=tuple(body), source=_source(lang, "consulates", "ma-consulates-2007"))


REMITTANCES = (("france", 3025, 2675), ("spain", 1099, 1034), ("italy", 879, 866),
               ("usa", 349, 439), ("other", 1758, 1835))


def remittances_table(lang: str) -> TableBlock:
    header = ((Cell(_t("origin", lang), header=True, scope="col"),
               Cell("2007", header=True, scope="col", numeric=True),
               Cell("2008", header=True, scope="col", numeric=True),
               Cell(_t("variation", lang), header=True, scope="col", numeric=True)),)
    body = []
    rows = [*REMITTANCES, ("total", sum(r[1] for r in REMITTANCES),
                           sum(r[2] for r in REMITTANCES))]
    for key, a, b in rows:
        strong = key == "total"
        body.append((
            Cell(_t(key, lang), header=True, scope="row", strong=strong),
            Cell(value=_n(a, lang, "amount", source="ma-oc-2008", period="2007"),
                 numeric=True, strong=strong),
            Cell(value=_n(b, lang, "amount", source="ma-oc-2008", period="2008"),
                 numeric=True, strong=strong),
            Cell(value=_n(round((b - a) / a * 100, 1), lang, "variation", 1, source="ma-oc-2008",
                          period="2007-2008", formula="variation"), numeric=True, strong=strong),
        ))
    return TableBlock(id="remittances", caption=_t("remit", lang), header=header,
                      body=tuple(body),
                      source=_source(lang, "exchange_office", "ma-oc-2008"),
                      notes=("(*) " + {"fr": "Transferts des Marocains résidant à l'étranger.",
                                        "en": "Transfers of Moroccans residing abroad.",
                                        "ar": "تحويلات المغاربة المقيمين في الخارج."}[lang],))


REFUGEES = {2003: (2010, 310), 2004: (2390, 260), 2005: (2540, 180), 2006: (2010, 150),
            2007: (1580, 120), 2008: (1235, 110)}


def refugees_chart(lang: str) -> ChartBlock:
    rows = [{"year": y, "value": v, "series": _t(s, lang)}
            for y, pair in REFUGEES.items() for s, v in zip(("refugees", "asylum"), pair,
                                                           strict=True)]
    spec = charts.time_series("refugees", _t("refugees_chart", lang), rows, lang=lang,
                              value_title=_t("persons", lang))
    description = {"fr": "Courbes : le nombre de réfugiés culmine en 2005 puis baisse jusqu'à "
                         "1 235 en 2008.",
                   "en": "Lines: the number of refugees peaks in 2005 and falls to 1,235 in "
                         "2008.",
                   "ar": "منحنيان: يبلغ عدد اللاجئين ذروته في 2005 ثم ينخفض إلى 1,235 في "
                         "2008."}[lang]
    return ChartBlock(id="refugees", title=_t("refugees_chart", lang), spec=spec,
                      description=description, source=_source(lang, "unhcr", "unhcr-2009"),
                      data=tuple(rows))


def mre_chart(lang: str) -> ChartBlock:
    rows = [{"label": _t(k, lang), "value": v, "group": None}
            for k, v in (("france", 1131000), ("spain", 547000), ("italy", 379000),
                         ("libya", 120000), ("algeria", 80000), ("usa", 100000),
                         ("canada", 60000))]
    spec = charts.bar_chart("mre-countries", _t("mre_chart", lang), rows, lang=lang,
                            value_title=_t("number", lang))
    return ChartBlock(id="mre-countries", title=_t("mre_chart", lang), spec=spec,
                      description=_t("mre_chart", lang),
                      source=_source(lang, "consulates", "ma-consulates-2007"),
                      data=tuple(rows))


def _rich(texts: dict[str, list[str]], lang: str) -> tuple[RichText, ...]:
    if lang in texts:
        return tuple(RichText(t, lang, footnotes=_marks(t)) for t in texts[lang])
    if "fr" in texts:
        return tuple(RichText(t, "fr", fallback=True, footnotes=_marks(t)) for t in texts["fr"])
    return ()


def _marks(text: str) -> tuple[int, ...]:
    import re

    return tuple(int(n) for n in re.findall(r"\[\^(\d+)\]", text))


def legal_table(lang: str) -> FrameworkTable:
    rows = tuple(FrameworkRow(key, row["title"][lang],
                              (_rich(row["imm"], lang), _rich(row["emi"], lang)))
                 for key, row in FRAMEWORK_LEGAL.items())
    footnotes = tuple(Footnote(n, text[lang], lang) for n, text in FOOTNOTES_LEGAL.items())
    return FrameworkTable(id="legal", caption=_t("legal_caption", lang), corner="",
                          columns=(_t("immigration", lang), _t("emigration", lang)),
                          rows=rows, footnotes=footnotes)


def socio_table(lang: str) -> FrameworkTable:
    rows = []
    for key, row in SOCIO_ROWS.items():
        cells = tuple(_rich({k: [v] for k, v in row[direction].items()}, lang)
                      for direction in ("out", "in"))
        rows.append(FrameworkRow(key, row["title"][lang], (cells[0], cells[1])))
    return FrameworkTable(id="socio", caption=_t("socio_caption", lang),
                          corner=_t("theme", lang),
                          columns=(_t("outward", lang), _t("inward", lang)), rows=tuple(rows))


def fallback_paragraph(lang: str) -> Paragraph:
    if lang == "fr":
        return Paragraph(T["fallback_para"]["fr"], lang="en", fallback=True)
    return Paragraph(T["fallback_para"]["other"], lang="fr", fallback=True)


def sources(lang: str) -> tuple[SourceEntry, ...]:
    from datetime import date

    return (
        SourceEntry("ma-consulates-2007", _t("consulates", lang),
                    {"fr": "Ministère des Affaires étrangères et de la Coopération",
                     "en": "Ministry of Foreign Affairs and Cooperation",
                     "ar": "وزارة الشؤون الخارجية والتعاون"}[lang],
                    {"fr": "Marocains résidant à l'étranger, 1993-2007",
                     "en": "Moroccans residing abroad, 1993-2007",
                     "ar": "المغاربة المقيمون في الخارج، 1993-2007"}[lang],
                    "2007", None, format_day(date(2009, 10, 15), lang),
                    SHA["ma-consulates-2007"], None),
        SourceEntry("ma-oc-2008", _t("exchange_office", lang),
                    {"fr": "Office des changes du Maroc", "en": "Office des changes (Morocco)",
                     "ar": "مكتب الصرف المغربي"}[lang],
                    {"fr": "Transferts des MRE", "en": "Remittances of Moroccans abroad",
                     "ar": "تحويلات المغاربة المقيمين في الخارج"}[lang],
                    "2008", "https://www.oc.gov.ma/", format_day(date(2009, 10, 1), lang),
                    SHA["ma-oc-2008"], None),
        SourceEntry("unhcr-2009", _t("unhcr", lang), "UNHCR",
                    "Statistical Yearbook 2008", "2009",
                    "https://www.unhcr.org/refugee-statistics/",
                    format_day(date(2009, 10, 20), lang), SHA["unhcr-2009"], "CC BY 4.0"),
    )


def build_profile(lang: str) -> Profile:
    """The fixture profile in ``lang`` (fr, en or ar)."""
    demo = Section(
        id="demo-economic",
        title=_t("fw_demo", lang),
        blocks=(
            Paragraph(_t("intro", lang), lang=lang),
            SideBySide(
                titles=(_t("emigration", lang), _t("immigration", lang)),
                columns=(
                    (Paragraph(_t("emi_stock", lang), lang=lang, title=_t("stock", lang)),
                     mre_table(lang)),
                    (Paragraph(_t("imm_stock", lang), lang=lang, title=_t("stock", lang)),
                     fallback_paragraph(lang),
                     refugees_chart(lang)),
                ),
            ),
            Heading(_t("flows", lang)),
            remittances_table(lang),
            mre_chart(lang),
        ),
    )
    legal = Section(id="legal", title=_t("fw_legal", lang),
                    blocks=(Paragraph(_t("legal_intro", lang), lang=lang), legal_table(lang)))
    socio = Section(id="socio-political", title=_t("fw_socio", lang) + "[^8]",
                    blocks=(Paragraph(_t("socio_intro", lang), lang=lang), socio_table(lang)),
                    footnotes=(Footnote(8, FOOTNOTE_8[lang], lang),))
    cover = Cover(
        series=_t("series", lang),
        title=_t("cover_title", lang),
        country_name=_t("country", lang),
        subtitle_lines=(_t("fw_demo", lang), _t("fw_legal", lang), _t("fw_socio", lang)),
        authors={"ar": ("آنا دي بارتولوميو", "تاميراس فاخوري", "دلفين بيران")}.get(
            lang, ("Anna Di Bartolomeo", "Tamirace Fakhoury", "Delphine Perrin")),
        credits=_t("credits", lang),
        publisher=_t("publisher", lang),
        date_text=_t("date", lang),
    )
    return Profile(
        country="MAR",
        iso2="MA",
        lang=lang,
        direction="rtl" if lang == "ar" else "ltr",
        title=_t("title", lang),
        edition="2009-11-01",
        cover=cover,
        sections=(demo, legal, socio),
        sources=sources(lang),
        method_note=_t("method", lang),
        growth_method="exponential",
        data_version=3,
    )
