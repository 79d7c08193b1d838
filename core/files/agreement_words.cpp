#include "files/agreement_words.h"

namespace duebook {

namespace {

const AgreementWords kEnglish = {"Installment plan",
                                 "Settlement",
                                 "Plan",
                                 "Agreed on",
                                 "Installments",
                                 "No.",
                                 "Due on",
                                 "Amount (%c)",
                                 "In all (%c)",
                                 "paid",
                                 "Invoices the plan covers",
                                 "Open now",
                                 "Spread over the plan",
                                 "Paid toward it",
                                 "Still to pay",
                                 "Next installment: %a by %d.",
                                 "Open on the invoice when agreed",
                                 "Accepted in full and final settlement"};

const AgreementWords kGerman = {"Ratenzahlungsvereinbarung",
                                "Vergleich",
                                "Vereinbarung",
                                "Vereinbart am",
                                "Raten",
                                "Nr.",
                                "Fällig am",
                                "Betrag (%c)",
                                "Kumuliert (%c)",
                                "bezahlt",
                                "Rechnungen der Vereinbarung",
                                "Jetzt offen",
                                "In Raten zu zahlen",
                                "Darauf bezahlt",
                                "Noch zu zahlen",
                                "Nächste Rate: %a bis zum %d.",
                                "Offen auf die Rechnung bei Vereinbarung",
                                "Zur vollständigen und endgültigen Erledigung angenommen"};

const AgreementWords kFrench = {"Échéancier de paiement",
                                "Transaction",
                                "Échéancier",
                                "Convenu le",
                                "Échéances",
                                "N°",
                                "Échéance",
                                "Montant (%c)",
                                "Cumul (%c)",
                                "payée",
                                "Factures couvertes par l'échéancier",
                                "Reste dû",
                                "Réparti sur l'échéancier",
                                "Déjà payé",
                                "Reste à payer",
                                "Prochaine échéance : %a au plus tard le %d.",
                                "Reste dû sur la facture à l'accord",
                                "Accepté pour solde de tout compte"};

const AgreementWords kSpanish = {"Plan de pagos",
                                 "Acuerdo de liquidación",
                                 "Plan",
                                 "Acordado el",
                                 "Plazos",
                                 "N.º",
                                 "Vence el",
                                 "Importe (%c)",
                                 "Acumulado (%c)",
                                 "pagado",
                                 "Facturas incluidas en el plan",
                                 "Pendiente",
                                 "Repartido en el plan",
                                 "Pagado a cuenta",
                                 "Pendiente de pago",
                                 "Próximo plazo: %a antes del %d.",
                                 "Pendiente de la factura al acordarlo",
                                 "Aceptado como liquidación total y definitiva"};

}  // namespace

const AgreementWords& agreement_words(Language language) {
  return in_language(language, kEnglish, kGerman, kFrench, kSpanish);
}

}  // namespace duebook
