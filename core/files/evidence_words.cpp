#include "files/evidence_words.h"

namespace duebook {

namespace {

const EvidenceWords kEnglish = {
    "Evidence pack: %s",
    "Evidence pack",
    "Concerning",
    "Invoice %i",
    "All unpaid invoices",
    "Amounts as of",
    "Creditor",
    "Debtor",
    "Debtor's contacts: ",
    "The debt",
    "Issued",
    "Due",
    "Total (%c)",
    "Unpaid",
    "Interest and compensation claimed (%p, to %d)",
    "Outstanding",
    "Rate a year",
    "Interest",
    "Compensation",
    "Unpaid principal",
    "Fixed compensation",
    "Total claimed",
    "Chronological record",
    "Every action recorded in the ledger about this debt, oldest first, with the day it happened, who "
    "recorded "
    "it and the hash of its event in the ledger's tamper-evident event log.",
    "recorded by %a, event %n",
    "hash %h",
    {"invoice",  "payment",    "reminder", "call",        "letter", "email",     "contact",
     "promise",  "dispute",    "fee",      "credit note", "refund", "write-off", "hold",
     "customer", "allocation", "import",   "document",    "reply",  "undo",      "redo"},
    {"outcome", "person", "notes", "reason", "resolution"},
    "How to verify this record",
    "Events in the log",
    "First event's hash",
    "Last event's hash",
    "First event listed here",
    "Last event listed here",
    "The ledger keeps every change as an event in an append-only log. Each event's hash is the SHA-256 of "
    "the "
    "previous event's hash and the event's own fields, so changing, removing or reordering any earlier event "
    "changes every hash after it.\n\nTo check this record, run on the ledger file:\n\n    %x\n\n`verify` "
    "recomputes every hash from the first event and reports the first event that does not match; with "
    "--anchor "
    "it also confirms that the log still holds the event whose hash starts with the given number and digits "
    "(the last event above), so no event was removed since this pack was made. The hashes printed in the "
    "record must be those `duebook log` shows for the same event numbers.",
    "LEDGER-FILE"};

const EvidenceWords kGerman = {
    "Beweisunterlagen: %s",
    "Beweisunterlagen",
    "Betreff",
    "Rechnung %i",
    "Alle unbezahlten Rechnungen",
    "Beträge zum",
    "Gläubiger",
    "Schuldner",
    "Ansprechpartner des Schuldners: ",
    "Die Forderung",
    "Ausgestellt",
    "Fällig",
    "Betrag (%c)",
    "Offen",
    "Geltend gemachte Zinsen und Pauschalen (%p, bis %d)",
    "Offen",
    "Jahreszins",
    "Zinsen",
    "Pauschale",
    "Offene Hauptforderung",
    "Verzugspauschale",
    "Gesamtforderung",
    "Chronologische Aufstellung",
    "Jeder im Hauptbuch erfasste Vorgang zu dieser Forderung, der älteste zuerst, mit dem Tag des "
    "Geschehens, "
    "der Person, die ihn erfasst hat, und dem Hash seines Ereignisses im manipulationssicheren "
    "Ereignisprotokoll des Hauptbuchs.",
    "erfasst von %a, Ereignis %n",
    "Hash %h",
    {"Rechnung",       "Zahlung",   "Mahnung", "Anruf",      "Schreiben",  "E-Mail",     "Kontakt",
     "Zahlungszusage", "Einwand",   "Gebühr",  "Gutschrift", "Erstattung", "Ausbuchung", "Kreditsperre",
     "Kunde",          "Zuordnung", "Import",  "Dokument",   "Antwort",    "Rückgängig", "Wiederholt"},
    {"Ergebnis", "Person", "Notizen", "Grund", "Klärung"},
    "So prüfen Sie diese Aufstellung",
    "Ereignisse im Protokoll",
    "Hash des ersten Ereignisses",
    "Hash des letzten Ereignisses",
    "Erstes hier aufgeführtes Ereignis",
    "Letztes hier aufgeführtes Ereignis",
    "Das Hauptbuch hält jede Änderung als Ereignis in einem Protokoll fest, an das nur angefügt wird. Der "
    "Hash "
    "jedes Ereignisses ist der SHA-256 aus dem Hash des vorigen Ereignisses und den eigenen Feldern des "
    "Ereignisses; wer ein früheres Ereignis ändert, entfernt oder umstellt, ändert damit jeden Hash "
    "danach.\n\n"
    "Zur Prüfung dieser Aufstellung führen Sie auf der Hauptbuchdatei aus:\n\n    %x\n\n`verify` berechnet "
    "jeden Hash ab dem ersten Ereignis neu und meldet das erste Ereignis, das nicht übereinstimmt; mit "
    "--anchor bestätigt es außerdem, dass das Protokoll das Ereignis noch enthält, dessen Hash mit der "
    "angegebenen Nummer und den Ziffern beginnt (das letzte Ereignis oben), dass also seit der Erstellung "
    "dieser Unterlagen kein Ereignis entfernt wurde. Die in der Aufstellung gedruckten Hashes müssen die "
    "sein, "
    "die `duebook log` für dieselben Ereignisnummern anzeigt.",
    "HAUPTBUCH-DATEI"};

const EvidenceWords kFrench = {
    "Dossier de preuves : %s",
    "Dossier de preuves",
    "Objet",
    "Facture %i",
    "Toutes les factures impayées",
    "Montants au",
    "Créancier",
    "Débiteur",
    "Contacts du débiteur : ",
    "La créance",
    "Émise le",
    "Échéance",
    "Total (%c)",
    "Impayé",
    "Intérêts et indemnités réclamés (%p, au %d)",
    "Encours",
    "Taux annuel",
    "Intérêts",
    "Indemnité",
    "Principal impayé",
    "Indemnité forfaitaire",
    "Total réclamé",
    "Historique chronologique",
    "Chaque opération enregistrée dans le registre au sujet de cette créance, de la plus ancienne à la plus "
    "récente, avec le jour où elle a eu lieu, la personne qui l'a enregistrée et l'empreinte de son "
    "événement "
    "dans le journal d'événements infalsifiable du registre.",
    "enregistré par %a, événement %n",
    "empreinte %h",
    {"facture",  "paiement",   "relance", "appel",    "courrier",      "e-mail",           "contact",
     "promesse", "litige",     "frais",   "avoir",    "remboursement", "passage en perte", "blocage",
     "client",   "imputation", "import",  "document", "réponse",       "annulation",       "rétablissement"},
    {"résultat", "personne", "notes", "motif", "résolution"},
    "Comment vérifier cet historique",
    "Événements dans le journal",
    "Empreinte du premier événement",
    "Empreinte du dernier événement",
    "Premier événement listé ici",
    "Dernier événement listé ici",
    "Le registre conserve chaque modification comme un événement dans un journal auquel on ne peut "
    "qu'ajouter. "
    "L'empreinte de chaque événement est le SHA-256 de l'empreinte de l'événement précédent et des champs de "
    "l'événement lui-même : modifier, supprimer ou réordonner un événement antérieur change toutes les "
    "empreintes suivantes.\n\nPour vérifier cet historique, exécutez sur le fichier du registre :\n\n    "
    "%x\n\n"
    "`verify` recalcule chaque empreinte depuis le premier événement et signale le premier événement qui ne "
    "correspond pas ; avec --anchor, il confirme aussi que le journal contient toujours l'événement dont "
    "l'empreinte commence par le numéro et les chiffres indiqués (le dernier événement ci-dessus) : aucun "
    "événement n'a donc été supprimé depuis l'établissement de ce dossier. Les empreintes imprimées dans "
    "l'historique doivent être celles que `duebook log` affiche pour les mêmes numéros d'événement.",
    "FICHIER-REGISTRE"};

const EvidenceWords kSpanish = {
    "Expediente probatorio: %s",
    "Expediente probatorio",
    "Asunto",
    "Factura %i",
    "Todas las facturas impagadas",
    "Importes a",
    "Acreedor",
    "Deudor",
    "Contactos del deudor: ",
    "La deuda",
    "Emitida",
    "Vencimiento",
    "Total (%c)",
    "Impagado",
    "Intereses e indemnización reclamados (%p, a %d)",
    "Pendiente",
    "Tipo anual",
    "Intereses",
    "Indemnización",
    "Principal impagado",
    "Indemnización fija",
    "Total reclamado",
    "Registro cronológico",
    "Cada actuación registrada en el libro sobre esta deuda, de la más antigua a la más reciente, con el día "
    "en "
    "que ocurrió, quién la registró y el hash de su evento en el registro de eventos a prueba de "
    "manipulaciones "
    "del libro.",
    "registrado por %a, evento %n",
    "hash %h",
    {"factura", "pago",       "recordatorio", "llamada",   "carta",     "correo",   "contacto",
     "promesa", "disputa",    "cargo",        "abono",     "reembolso", "baja",     "bloqueo",
     "cliente", "imputación", "importación",  "documento", "respuesta", "deshacer", "rehacer"},
    {"resultado", "persona", "notas", "motivo", "resolución"},
    "Cómo verificar este registro",
    "Eventos en el registro",
    "Hash del primer evento",
    "Hash del último evento",
    "Primer evento listado aquí",
    "Último evento listado aquí",
    "El libro guarda cada cambio como un evento en un registro al que solo se añade. El hash de cada evento "
    "es "
    "el SHA-256 del hash del evento anterior y de los campos del propio evento, de modo que cambiar, "
    "eliminar "
    "o reordenar cualquier evento anterior cambia todos los hashes posteriores.\n\nPara comprobar este "
    "registro, ejecute sobre el archivo del libro:\n\n    %x\n\n`verify` vuelve a calcular cada hash desde "
    "el "
    "primer evento e informa del primer evento que no coincide; con --anchor confirma además que el registro "
    "sigue conteniendo el evento cuyo hash empieza por el número y los dígitos indicados (el último evento "
    "de "
    "arriba), es decir, que no se ha eliminado ningún evento desde que se preparó este expediente. Los "
    "hashes "
    "impresos en el registro deben ser los que `duebook log` muestra para los mismos números de evento.",
    "ARCHIVO-LIBRO"};

// The entry of `table` (one language's words for `keys`) at `key`'s place, or `key` itself.
std::string word_for(const char* const* keys, const char* const* table, int count, const std::string& key) {
  for (int i = 0; i < count; ++i)
    if (key == keys[i]) return table[i];
  return key;
}

}  // namespace

const EvidenceWords& evidence_words(Language language) {
  return in_language(language, kEnglish, kGerman, kFrench, kSpanish);
}

std::string timeline_kind_word(const EvidenceWords& words, const std::string& kind) {
  return word_for(kTimelineKinds, words.kinds, kTimelineKindCount, kind);
}

std::string detail_field_word(const EvidenceWords& words, const std::string& field) {
  return word_for(kDetailFields, words.details, kDetailFieldCount, field);
}

}  // namespace duebook
