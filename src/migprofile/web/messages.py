"""The portal's interface strings in French, English and Arabic (``LocalizedText`` values)."""

from __future__ import annotations

from collections.abc import Callable

from migprofile.model.languages import LANGUAGE_NAMES, LANGUAGES
from migprofile.model.text import LocalizedText

LANGS: tuple[str, ...] = LANGUAGES
LANG_NAMES: dict[str, str] = LANGUAGE_NAMES


def _t(fr: str, en: str, ar: str) -> LocalizedText:
    return LocalizedText({"fr": fr, "en": en, "ar": ar})


MESSAGES: dict[str, LocalizedText] = {
    "site": _t("Profils migratoires", "Migration profiles", "ملامح الهجرة"),
    "skip": _t("Aller au contenu", "Skip to content", "انتقل إلى المحتوى"),
    "home": _t("Accueil", "Home", "الرئيسية"),
    "compare": _t("Comparer", "Compare", "مقارنة"),
    "legal": _t("Cadre juridique", "Legal framework", "الإطار القانوني"),
    "sources": _t("Sources", "Sources", "المصادر"),
    "api": _t("API", "API", "واجهة البرمجة"),
    "language": _t("Langue", "Language", "اللغة"),
    "countries": _t("Pays profilés", "Profiled countries", "البلدان المشمولة"),
    "search_countries": _t("Trouver un pays", "Find a country", "البحث عن بلد"),
    "search_countries_hint": _t("nom en français, anglais ou arabe, ou code ISO",
                                "name in French, English or Arabic, or ISO code",
                                "الاسم بالعربية أو الفرنسية أو الإنجليزية، أو رمز ISO"),
    "countries_shown": _t("{n} pays", "{n} countries", "عدد البلدان: {n}"),
    "find_title": _t("Pays trouvés", "Countries found", "البلدان التي عُثر عليها"),
    "not_profiled": _t("pas de profil", "no profile", "لا يوجد ملمح"),
    "datapackage": _t("Tableaux (CSV + datapackage.json)", "Tables (CSV + datapackage.json)",
                      "الجداول (CSV و datapackage.json)"),
    "database": _t("Toute la base de données", "The whole database", "قاعدة البيانات كاملة"),
    "database_note": _t("SQLite (s'ouvre dans Datasette ou DB Browser) ; CSV : une table par "
                        "fichier, dans une archive zip.",
                        "SQLite (opens in Datasette or DB Browser); CSV: one file per table, "
                        "in a zip archive.",
                        "SQLite (يُفتح في Datasette أو DB Browser)؛ CSV: ملف لكل جدول في "
                        "أرشيف zip."),
    "map": _t("Carte du monde", "World map", "خريطة العالم"),
    "indicator": _t("Indicateur", "Indicator", "المؤشر"),
    "show": _t("Afficher", "Show", "عرض"),
    "no_data": _t("Aucune donnée", "No data", "لا توجد بيانات"),
    "map_note": _t("Dernière valeur connue (total, partenaire « Monde »).",
                   "Latest known value (total, partner “World”).",
                   "آخر قيمة معروفة (المجموع، الشريك «العالم»)."),
    "colon": _t("\u00a0: ", ": ", ": "),
    "error.not_found": _t("Introuvable", "Not found", "غير موجود"),
    "error.invalid_parameter": _t("Paramètre non valide", "Invalid parameter",
                                  "معامل غير صالح"),
    "error.method_not_allowed": _t("Méthode non permise", "Method not allowed",
                                   "الطريقة غير مسموح بها"),
    "error.bad_request": _t("Requête non valide", "Bad request", "طلب غير صالح"),
    "error.internal_error": _t("Erreur interne du serveur ; elle a été consignée.",
                               "Internal server error; it has been logged.",
                               "خطأ داخلي في الخادم؛ تم تسجيله."),
    "error.help": _t("Revenir à l'accueil ou chercher un pays :",
                     "Go back to the home page or find a country:",
                     "العودة إلى الصفحة الرئيسية أو البحث عن بلد:"),
    "kind.country": _t("pays", "country", "البلد"),
    "kind.page": _t("page", "page", "الصفحة"),
    "kind.chart": _t("graphique", "chart", "الرسم البياني"),
    "kind.table": _t("tableau", "table", "الجدول"),
    "kind.language": _t("langue", "language", "اللغة"),
    "kind.format": _t("format", "format", "الصيغة"),
    "kind.download": _t("fichier", "file", "الملف"),
    "kind.area": _t("zone", "area", "المنطقة"),
    "kind.indicator": _t("indicateur", "indicator", "المؤشر"),
    "kind.source": _t("source", "source", "المصدر"),
    "kind.export format": _t("format", "format", "الصيغة"),
    "key_figures": _t("Chiffres clés", "Key figures", "أرقام رئيسية"),
    "key_figures_note": _t("Dernière année connue de chaque source ; réfugiés et demandeurs "
                           "d'asile : somme des pays d'origine ou d'asile (HCR).",
                           "Latest year of each source; refugees and asylum seekers: sum "
                           "over countries of origin or asylum (UNHCR).",
                           "آخر سنة متاحة في كل مصدر؛ اللاجئون وطالبو اللجوء: مجموع بلدان "
                           "المنشأ أو اللجوء (المفوضية)."),
    "usd_millions": _t("{n} millions de dollars", "US${n} million", "{n} مليون دولار"),
    "kf.emigrants": _t("Émigrés (nés dans le pays)", "Emigrants (born in the country)",
                       "المهاجرون (المولودون في البلد)"),
    "kf.immigrants": _t("Immigrés (nés à l'étranger)", "Immigrants (born abroad)",
                        "المهاجرون الوافدون (المولودون في الخارج)"),
    "kf.immigrant_share": _t("Immigrés, part de la population",
                             "Immigrants, share of the population",
                             "نسبة المهاجرين الوافدين من السكان"),
    "kf.refugees_hosted": _t("Réfugiés accueillis", "Refugees hosted", "اللاجئون المستضافون"),
    "kf.asylum_seekers_hosted": _t("Demandeurs d'asile accueillis", "Asylum seekers hosted",
                                   "طالبو اللجوء المستضافون"),
    "kf.refugees_abroad": _t("Réfugiés originaires du pays", "Refugees from the country",
                             "اللاجئون من البلد"),
    "kf.asylum_seekers_abroad": _t("Demandeurs d'asile originaires du pays",
                                   "Asylum seekers from the country",
                                   "طالبو اللجوء من البلد"),
    "kf.remittances": _t("Transferts de fonds reçus", "Remittances received",
                         "التحويلات المالية الواردة"),
    "kf.remittances_gdp": _t("Transferts de fonds, part du PIB", "Remittances, share of GDP",
                             "التحويلات المالية، نسبة من الناتج المحلي الإجمالي"),
    "compare_countries": _t("Pays ou régions", "Countries or regions", "البلدان أو المناطق"),
    "compare_hint": _t("Ctrl ou Cmd + clic pour en choisir plusieurs (12 au plus) ; une région "
                       "ajoute tous ses pays profilés.",
                       "Ctrl or Cmd + click to choose several (12 at most); a region adds all "
                       "its profiled countries.",
                       "Ctrl أو Cmd + نقرة لاختيار عدة بلدان (12 على الأكثر)؛ اختيار منطقة "
                       "يضيف كل بلدانها."),
    "whole_region": _t("Toute la région", "Whole region", "المنطقة كلها"),
    "share_link": _t("Lien vers cette comparaison", "Link to this comparison",
                     "رابط هذه المقارنة"),
    "embed": _t("Intégrer ce graphique sur un autre site", "Embed this chart on another site",
                "تضمين هذا الرسم البياني في موقع آخر"),
    "download": _t("Télécharger", "Download", "تنزيل"),
    "profile_files": _t("Le profil en fichier", "The profile as a file",
                        "الملمح كملف"),
    "table_data": _t("Données du tableau", "Table data", "بيانات الجدول"),
    "from": _t("De", "From", "من"),
    "to": _t("À", "To", "إلى"),
    "partner": _t("Partenaire", "Partner", "الشريك"),
    "growth": _t("Taux de croissance annuel moyen", "Average annual growth rate",
                 "متوسط معدل النمو السنوي"),
    "linear": _t("linéaire (CARIM)", "linear (CARIM)", "خطي (كاريم)"),
    "exponential": _t("exponentiel (ONU)", "exponential (UN)", "أسي (الأمم المتحدة)"),
    "formula": _t("Formule", "Formula", "الصيغة"),
    "country": _t("Pays", "Country", "البلد"),
    "year": _t("Année", "Year", "السنة"),
    "value": _t("Valeur", "Value", "القيمة"),
    "conventions": _t("Conventions multilatérales", "Multilateral conventions",
                      "الاتفاقيات المتعددة الأطراف"),
    "convention": _t("Convention", "Convention", "الاتفاقية"),
    "search": _t("Rechercher dans les textes", "Search the texts", "البحث في النصوص"),
    "search_button": _t("Rechercher", "Search", "بحث"),
    "results": _t("Résultats", "Results", "النتائج"),
    "no_results": _t("Aucun résultat.", "No results.", "لا توجد نتائج."),
    "edition": _t("Édition", "Edition", "الطبعة"),
    "accessed": _t("Consulté le", "Accessed", "تاريخ الاطلاع"),
    "citation": _t("Citation", "Citation", "الاستشهاد"),
    "publisher": _t("Producteur", "Publisher", "الناشر"),
    "footer": _t("Données : paquets de données migprofile et leurs sources.",
                 "Data: migprofile data packages and their sources.",
                 "البيانات: حزم بيانات migprofile ومصادرها."),
    "map_licence": _t("Fonds de carte : Natural Earth, world-atlas (ISC).",
                      "Base map: Natural Earth, world-atlas (ISC).",
                      "الخريطة الأساسية: Natural Earth و world-atlas (ISC)."),
    "error": _t("Erreur", "Error", "خطأ"),
    "editor": _t("Édition", "Editor", "التحرير"),
    "status.ratified": _t("ratifiée", "ratified", "مصادق عليها"),
    "status.not_ratified": _t("non ratifiée", "not ratified", "غير مصادق عليها"),
    "status.signed": _t("signée", "signed", "موقعة"),
    "status.in_force": _t("en vigueur", "in force", "نافذة"),
    "status.unknown": _t("inconnu", "unknown", "غير معروف"),
    "kind.instrument": _t("Instrument", "Instrument", "صك"),
    "kind.legal": _t("Cadre juridique", "Legal framework", "الإطار القانوني"),
    "kind.socio_political": _t("Cadre sociopolitique", "Socio-political framework",
                               "الإطار الاجتماعي والسياسي"),
}


def translator(lang: str) -> Callable[[str], str]:
    """``t(key)``: the interface string in ``lang``; the key itself when none is known."""

    def t(key: str) -> str:
        text = MESSAGES.get(key)
        return text.text(lang) if text else key

    return t
