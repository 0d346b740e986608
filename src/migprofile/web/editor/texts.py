"""The editor's interface strings in French, English and Arabic; the portal's own strings
(``web.messages``) answer the keys not found here."""

from __future__ import annotations

from collections.abc import Callable

from migprofile.model.text import LocalizedText
from migprofile.web.messages import translator


def _t(fr: str, en: str, ar: str) -> LocalizedText:
    return LocalizedText({"fr": fr, "en": en, "ar": ar})


EDITOR: dict[str, LocalizedText] = {
    "editor": _t("Édition", "Editor", "التحرير"),
    "login": _t("Connexion", "Log in", "تسجيل الدخول"),
    "logout": _t("Déconnexion", "Log out", "تسجيل الخروج"),
    "username": _t("Identifiant", "User name", "اسم المستخدم"),
    "password": _t("Mot de passe", "Password", "كلمة المرور"),
    "bad_login": _t("Identifiant ou mot de passe incorrect.", "Wrong user name or password.",
                    "اسم المستخدم أو كلمة المرور غير صحيحة."),
    "rate_limited": _t("Trop de tentatives. Réessayez dans {minutes} minutes.",
                       "Too many attempts. Try again in {minutes} minutes.",
                       "محاولات كثيرة جدًا. أعد المحاولة بعد {minutes} دقيقة."),
    "signed_in_as": _t("Connecté :", "Logged in:", "متصل:"),
    "role.admin": _t("administrateur", "admin", "مدير"),
    "role.reviewer": _t("relecteur", "reviewer", "مراجع"),
    "role.contributor": _t("contributeur", "contributor", "مساهم"),
    "my_countries": _t("Mes pays", "My countries", "بلداني"),
    "my_drafts": _t("Mes brouillons", "My drafts", "مسوداتي"),
    "review_queue": _t("À relire", "To review", "للمراجعة"),
    "audit_log": _t("Journal d'audit", "Audit log", "سجل التدقيق"),
    "history": _t("Historique", "History", "السجل"),
    "edit": _t("Modifier", "Edit", "تعديل"),
    "new": _t("Ajouter", "Add", "إضافة"),
    "save": _t("Enregistrer le brouillon", "Save draft", "حفظ المسودة"),
    "delete": _t("Proposer la suppression", "Propose deletion", "اقتراح الحذف"),
    "submit": _t("Soumettre à relecture", "Submit for review", "إرسال للمراجعة"),
    "withdraw": _t("Abandonner le brouillon", "Discard draft", "التخلي عن المسودة"),
    "publish": _t("Publier", "Publish", "نشر"),
    "return": _t("Renvoyer avec un commentaire", "Return with a comment",
                 "إعادة مع تعليق"),
    "restore": _t("Restaurer cette révision", "Restore this revision",
                  "استعادة هذه المراجعة"),
    "compare_revisions": _t("Comparer", "Compare", "مقارنة"),
    "message": _t("Message de publication", "Publication message", "رسالة النشر"),
    "comment": _t("Commentaire", "Comment", "تعليق"),
    "preview": _t("Aperçu", "Preview", "معاينة"),
    "figures": _t("Chiffres liés", "Bound figures", "الأرقام المرتبطة"),
    "binding_error": _t("Erreur de liaison", "Binding error", "خطأ في الربط"),
    "state.draft": _t("brouillon", "draft", "مسودة"),
    "state.submitted": _t("soumis", "submitted", "مُرسل"),
    "state.returned": _t("renvoyé", "returned", "مُعاد"),
    "state.published": _t("publié", "published", "منشور"),
    "draft_banner": _t("Brouillon : cette page montre vos modifications non publiées. Le "
                       "public voit la version publiée.",
                       "Draft: this page shows your unpublished changes. The public sees "
                       "the published version.",
                       "مسودة: تعرض هذه الصفحة تعديلاتك غير المنشورة. يرى الجمهور النسخة "
                       "المنشورة."),
    "view_drafts": _t("Voir le profil avec mes brouillons", "See the profile with my drafts",
                      "عرض الملف مع مسوداتي"),
    "conflict": _t("Quelqu'un d'autre a modifié cet objet depuis que vous l'avez ouvert. "
                   "Votre texte est conservé ci-dessous ; la version actuelle est à côté.",
                   "Someone else changed this object since you opened it. Your text is "
                   "kept below; the current version is beside it.",
                   "عدّل شخص آخر هذا العنصر منذ فتحته. نصك محفوظ أدناه، والنسخة الحالية "
                   "بجانبه."),
    "current_version": _t("Version actuelle", "Current version", "النسخة الحالية"),
    "errors": _t("Le formulaire contient des erreurs.", "The form has errors.",
                 "يحتوي النموذج على أخطاء."),
    "saved": _t("Brouillon enregistré.", "Draft saved.", "تم حفظ المسودة."),
    "published_version": _t("Version publiée", "Published version", "النسخة المنشورة"),
    "nothing": _t("Rien pour l'instant.", "Nothing yet.", "لا شيء حاليًا."),
    "object": _t("Objet", "Object", "العنصر"),
    "state": _t("État", "State", "الحالة"),
    "author": _t("Auteur", "Author", "المؤلف"),
    "reviewer": _t("Relecteur", "Reviewer", "المراجع"),
    "when": _t("Date", "When", "التاريخ"),
    "action": _t("Action", "Action", "الإجراء"),
    "user": _t("Utilisateur", "User", "المستخدم"),
    "filter": _t("Filtrer", "Filter", "تصفية"),
    "before_after": _t("Empreintes avant → après", "Hashes before → after",
                       "البصمات قبل ← بعد"),
    "diff": _t("Différences", "Differences", "الفروق"),
    "forbidden": _t("Accès refusé", "Access denied", "الوصول مرفوض"),
    "kind.footnote": _t("Notes", "Footnotes", "الحواشي"),
    "kind.instrument_list": _t("Instruments juridiques", "Legal instruments",
                               "الصكوك القانونية"),
    "kind.narrative": _t("Textes", "Narratives", "النصوص"),
    "kind.source": _t("Sources", "Sources", "المصادر"),
    "field": _t("Champ", "Field", "الحقل"),
    "deleted": _t("(supprimé)", "(deleted)", "(محذوف)"),
    "open": _t("Ouvrir", "Open", "فتح"),
    "field.row": _t("Ligne", "Row", "الصف"),
    "field.direction": _t("Sens", "Direction", "الاتجاه"),
    "field.order": _t("Rang", "Order", "الترتيب"),
    "field.text": _t("Texte (Markdown)", "Text (Markdown)", "النص (Markdown)"),
    "field.footnotes": _t("Notes citées", "Footnotes cited", "الحواشي المذكورة"),
    "field.instruments": _t("Instruments cités", "Instruments cited", "الصكوك المذكورة"),
    "field.source": _t("Source", "Source", "المصدر"),
    "field.sources": _t("Sources", "Sources", "المصادر"),
    "field.number": _t("Numéro", "Number", "الرقم"),
    "field.id": _t("Identifiant", "Identifier", "المعرّف"),
    "field.kind": _t("Nature", "Kind", "النوع"),
    "field.title": _t("Titre", "Title", "العنوان"),
    "field.short_name": _t("Nom court", "Short name", "الاسم المختصر"),
    "field.status": _t("Statut", "Status", "الوضع"),
    "field.adopted": _t("Adopté le", "Adopted", "تاريخ الاعتماد"),
    "field.signed": _t("Signé le", "Signed", "تاريخ التوقيع"),
    "field.ratified": _t("Ratifié le", "Ratified", "تاريخ المصادقة"),
    "field.in_force": _t("En vigueur le", "In force", "تاريخ النفاذ"),
    "field.as_of": _t("Situation au", "Status as of", "الوضع في"),
    "field.years": _t("Années", "Years", "السنوات"),
    "field.parties": _t("Parties (codes ISO)", "Parties (ISO codes)", "الأطراف (رموز ISO)"),
    "field.notes": _t("Notes", "Notes", "ملاحظات"),
    "field.section": _t("Section", "Section", "القسم"),
    "field.key": _t("Clé", "Key", "المفتاح"),
    "field.publisher": _t("Producteur", "Publisher", "الناشر"),
    "field.edition": _t("Édition", "Edition", "الطبعة"),
    "field.url": _t("Adresse (URL)", "URL", "الرابط"),
    "field.accessed": _t("Consulté le", "Accessed", "تاريخ الاطلاع"),
    "field.licence": _t("Licence", "Licence", "الترخيص"),
    "field.citation": _t("Citation", "Citation", "الاستشهاد"),
    "field.note": _t("Note", "Note", "ملاحظة"),
}


def editor_translator(lang: str) -> Callable[[str], str]:
    portal = translator(lang)

    def t(key: str) -> str:
        text = EDITOR.get(key)
        return text.text(lang) if text else portal(key)

    return t
