#include "files/document_words.h"

namespace duebook {

namespace {

const DocumentWords kEnglish = {
    "Letter",
    "Date",
    "Customer number",
    "Accounts payable",
    "Senior manager",
    "Attn: ",
    "Tax id ",
    "Phone ",
    "Invoices due",
    "Invoice",
    "Due date",
    "Days late",
    "Total",
    "Open",
    "Open on these invoices",
    "Late fees",
    "Interest and compensation",
    "Total now due",
    "Please pay %a by %d.",
    {"Payment reminder", "Second reminder", "Final reminder"},
    "Reminder date",
    "Invoice number",
    "Invoice date",
    "Terms",
    "According to our records, invoice %i of %d, due on %e, has not been paid in full. If you have paid in "
    "the "
    "meantime, please disregard this reminder.",
    "Despite our earlier reminders, invoice %i is still unpaid. This is our final reminder before we take "
    "further steps to collect the debt.",
    "Charged for late payment so far",
    "Still open on the invoice",
    "Of the charges, paid or credited",
    "Please pay %a by %d (%n days).",
    "Description",
    "Quantity",
    "Unit price",
    "Tax",
    "Amount",
    "Total without tax",
    "Tax %r % of %a",
    "Paid",
    "Credited",
    "Written off",
    "Amount due",
    "How to pay",
    "Bank details",
    "ask %c for the bank details",
    "Account name",
    "Reference",
    "Scan to pay (EPC QR code)"};

const DocumentWords kGerman = {
    "Schreiben",
    "Datum",
    "Kundennummer",
    "Buchhaltung",
    "Geschäftsleitung",
    "z. Hd. ",
    "USt-IdNr. ",
    "Telefon ",
    "Fällige Rechnungen",
    "Rechnung",
    "Fällig am",
    "Überfällig",
    "Gesamtbetrag",
    "Offen",
    "Offen auf diese Rechnungen",
    "Mahngebühren",
    "Zinsen und Pauschalen",
    "Jetzt fällig",
    "Bitte zahlen Sie %a bis zum %d.",
    {"Zahlungserinnerung", "Zweite Mahnung", "Letzte Mahnung"},
    "Datum",
    "Rechnungsnummer",
    "Rechnungsdatum",
    "Zahlungsbedingungen",
    "Nach unseren Unterlagen ist die Rechnung %i vom %d, fällig am %e, noch nicht vollständig bezahlt. "
    "Sollten "
    "Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.",
    "Trotz unserer bisherigen Mahnungen ist die Rechnung %i noch immer unbezahlt. Dies ist unsere letzte "
    "Mahnung, bevor wir weitere Schritte zur Einziehung der Forderung einleiten.",
    "Bisher berechnete Verzugskosten",
    "Offen auf die Rechnung",
    "Davon bezahlt oder gutgeschrieben",
    "Bitte zahlen Sie %a bis zum %d (%n Tage).",
    "Beschreibung",
    "Menge",
    "Einzelpreis",
    "USt.",
    "Betrag",
    "Summe netto",
    "USt. %r % auf %a",
    "Bezahlt",
    "Gutgeschrieben",
    "Ausgebucht",
    "Zu zahlen",
    "Zahlungsinformationen",
    "Bankverbindung",
    "bitte bei %c erfragen",
    "Kontoinhaber",
    "Verwendungszweck",
    "Zum Bezahlen scannen (EPC-QR-Code)"};

const DocumentWords kFrench = {
    "Courrier",
    "Date",
    "N° client",
    "Comptabilité fournisseurs",
    "Direction",
    "À l'attention de ",
    "N° TVA ",
    "Tél. ",
    "Factures dues",
    "Facture",
    "Échéance",
    "Retard (j)",
    "Total TTC",
    "Reste dû",
    "Reste dû sur ces factures",
    "Frais de recouvrement",
    "Pénalités et indemnités",
    "Total dû",
    "Merci de régler %a au plus tard le %d.",
    {"Relance de paiement", "Deuxième relance", "Dernière relance"},
    "Date de la relance",
    "N° de facture",
    "Date de facture",
    "Conditions",
    "Sauf erreur de notre part, la facture %i du %d, échue le %e, n'a pas été intégralement réglée. Si vous "
    "avez effectué le paiement entre-temps, merci de ne pas tenir compte de cette relance.",
    "Malgré nos précédentes relances, la facture %i reste impayée. Ceci est notre dernière relance avant "
    "d'engager d'autres démarches de recouvrement.",
    "Frais de retard appliqués à ce jour",
    "Reste dû sur la facture",
    "Frais déjà payés ou crédités",
    "Merci de régler %a au plus tard le %d (%n jours).",
    "Désignation",
    "Quantité",
    "Prix unitaire",
    "TVA",
    "Montant",
    "Total HT",
    "TVA %r % sur %a",
    "Payé",
    "Avoir",
    "Passé en perte",
    "Montant dû",
    "Modalités de paiement",
    "Coordonnées bancaires",
    "à demander à %c",
    "Titulaire du compte",
    "Référence",
    "Scanner pour payer (code QR EPC)"};

const DocumentWords kSpanish = {
    "Carta",
    "Fecha",
    "N.º de cliente",
    "Cuentas a pagar",
    "Dirección",
    "A la atención de ",
    "NIF ",
    "Tel. ",
    "Facturas pendientes",
    "Factura",
    "Vencimiento",
    "Retraso (d)",
    "Total",
    "Pendiente",
    "Pendiente de estas facturas",
    "Comisiones por demora",
    "Intereses e indemnización",
    "Total a pagar",
    "Le rogamos que pague %a antes del %d.",
    {"Recordatorio de pago", "Segundo recordatorio", "Último recordatorio"},
    "Fecha del recordatorio",
    "N.º de factura",
    "Fecha de factura",
    "Condiciones",
    "Según nuestros registros, la factura %i del %d, con vencimiento el %e, no se ha pagado en su totalidad. "
    "Si "
    "ya ha realizado el pago, le rogamos que no tenga en cuenta este recordatorio.",
    "A pesar de nuestros recordatorios anteriores, la factura %i sigue sin pagarse. Este es nuestro último "
    "recordatorio antes de tomar otras medidas para cobrar la deuda.",
    "Cargos por demora aplicados hasta hoy",
    "Pendiente de la factura",
    "De los cargos, pagado o abonado",
    "Le rogamos que pague %a antes del %d (%n días).",
    "Descripción",
    "Cantidad",
    "Precio unitario",
    "IVA",
    "Importe",
    "Total sin impuestos",
    "IVA %r % de %a",
    "Pagado",
    "Abonado",
    "Dado de baja",
    "Importe pendiente",
    "Cómo pagar",
    "Datos bancarios",
    "solicítelos a %c",
    "Titular de la cuenta",
    "Referencia",
    "Escanee para pagar (código QR EPC)"};

}  // namespace

const DocumentWords& document_words(Language language) {
  switch (language) {
    case Language::German:
      return kGerman;
    case Language::French:
      return kFrench;
    case Language::Spanish:
      return kSpanish;
    case Language::English:
      break;
  }
  return kEnglish;
}

std::string fill(const char* pattern, std::initializer_list<std::pair<char, std::string>> values) {
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p == '%' && p[1]) {
      bool replaced = false;
      for (const auto& [key, value] : values)
        if (p[1] == key) {
          out += value;
          replaced = true;
          break;
        }
      if (replaced) {
        ++p;
        continue;
      }
    }
    out.push_back(*p);
  }
  return out;
}

}  // namespace duebook
