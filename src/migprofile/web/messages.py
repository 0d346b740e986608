"""The portal's interface strings in French, English and Arabic (``LocalizedText`` values)."""

from __future__ import annotations

from collections.abc import Callable

from migprofile.model.text import LocalizedText

LANGS: tuple[str, ...] = ("fr", "en", "ar")
LANG_NAMES: dict[str, str] = {"fr": "Français", "en": "English", "ar": "العربية"}


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
    "search_countries": _t("Filtrer les pays", "Filter countries", "تصفية البلدان"),
    "map": _t("Carte du monde", "World map", "خريطة العالم"),
    "indicator": _t("Indicateur", "Indicator", "المؤشر"),
    "show": _t("Afficher", "Show", "عرض"),
    "no_data": _t("Aucune donnée", "No data", "لا توجد بيانات"),
    "map_note": _t("Dernière valeur connue (total, partenaire « Monde »).",
                   "Latest known value (total, partner “World”).",
                   "آخر قيمة معروفة (المجموع، الشريك «العالم»)."),
    "download": _t("Télécharger", "Download", "تنزيل"),
    "profile_files": _t("Le profil en fichier", "The profile as a file",
                        "الملمح كملف"),
    "table_data": _t("Données du tableau", "Table data", "بيانات الجدول"),
    "countries_codes": _t("Pays (codes ISO2, séparés par des virgules)",
                          "Countries (ISO2 codes, comma-separated)",
                          "البلدان (رموز ISO2 مفصولة بفواصل)"),
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
