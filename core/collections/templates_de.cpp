// The built-in collections templates in German: the same ids, placeholders and steps as the English ones
// (templates_default.cpp), written as a German business writes them — "Zahlungserinnerung" first, "Mahnung"
// once the account is overdue, formal "Sie" throughout.
#include "collections/templates_de.h"

#include "collections/templates_default.h"

namespace duebook {
namespace {

constexpr const char kFriendlySubject[] = "Zahlungserinnerung: {{invoices}}";
constexpr const char kFriendlyBody[] = R"(Guten Tag {{contact}},

die Zahlung von {{amount_due}} für {{invoices_due}} ist bei uns noch nicht eingegangen.

{{invoice_table}}

Eine Kopie jeder Rechnung fügen wir Ihnen bei.

Vielleicht ist die Zahlung nur übersehen worden oder bereits unterwegs; in diesem Fall danken wir Ihnen. Andernfalls wären wir Ihnen dankbar, wenn Sie den Betrag zeitnah überweisen oder uns mitteilen, falls eine Rückfrage die Zahlung aufhält.

Mit freundlichen Grüßen
)";

constexpr const char kCourtesySubject[] = "Bald fällige Zahlung: {{invoices}} von {{company_name}}";
constexpr const char kCourtesyBody[] = R"(Guten Tag {{contact}},

wir möchten Sie freundlich an {{invoices_due}} über {{amount_due}} erinnern.

{{invoice_table}}

Falls die Zahlung bereits veranlasst ist, danken wir Ihnen und bitten Sie, diese Nachricht zu ignorieren. Wenn etwas an der Rechnung unklar ist, antworten Sie einfach auf diese E-Mail; wir helfen Ihnen gern weiter.

Mit freundlichen Grüßen
)";

constexpr const char kPhoneSubject[] = "Gesprächsleitfaden: {{customer}}, {{invoices}}";
constexpr const char kPhoneBody[] = R"(Anruf bei {{contact}}, {{customer}}.

{{invoice_table}}

1. Stellen Sie sich vor: „Guten Tag, hier spricht {{sender_name}} von {{company_name}}. Passt es Ihnen gerade kurz, wegen einer Rechnung?“
2. Nennen Sie die Fakten: {{amount_due}} für {{invoices_due}} sind offen und seit {{days_overdue}} Tagen überfällig.
3. Fragen Sie: „Ist die Rechnung bei Ihnen eingegangen, und steht der Zahlung etwas im Weg?“
4. Bei einer Rückfrage oder Beanstandung notieren Sie die Einzelheiten, sagen eine Antwort bis zu einem Datum zu und erfassen den Einwand, damit die Erinnerungen ruhen.
5. Wird eine Zahlung zugesagt, fragen Sie nach Datum und Betrag und erfassen Sie beides als Zahlungszusage.
6. Fassen Sie das Vereinbarte zusammen, bedanken Sie sich und bestätigen Sie es noch am selben Tag per E-Mail.
)";

constexpr const char kSecondCallSubject[] = "Zweiter Anruf: {{customer}}, {{invoices}}";
constexpr const char kSecondCallBody[] = R"(Zweiter Anruf bei {{contact}}, {{customer}}.

{{invoice_table}}

1. Beziehen Sie sich auf das letzte Gespräch: „Ich melde mich noch einmal wegen {{invoices}}.“
2. Nennen Sie den Saldo: {{amount_due}} für {{invoices_due}} sind offen und seit {{days_overdue}} Tagen überfällig.
3. Fragen Sie, was seit dem letzten Gespräch geschehen ist und wann die Zahlung erfolgt.
4. Bitten Sie um ein konkretes Datum und einen Betrag und erfassen Sie beides als Zahlungszusage.
5. Erklären Sie höflich, dass nach unseren Geschäftsbedingungen für überfällige Beträge Verzugskosten anfallen und der Kreditrahmen überprüft wird, wenn das Konto nicht ausgeglichen wird.
6. Kann Ihr Gesprächspartner nichts zusagen, fragen Sie, wer die Zahlung freigeben kann, und notieren Sie Name und Telefonnummer.
)";

constexpr const char kOverdueSubject[] = "Mahnung: {{invoices}}";
constexpr const char kOverdueBody[] = R"({{company_name}}
{{company_address}}

Guten Tag {{contact}},

Mahnung: {{invoices}}

trotz unserer bisherigen Erinnerungen sind {{amount_due}} für {{invoices_due}} noch offen und inzwischen {{days_overdue}} Tage überfällig.

{{invoice_table}}

Bitte überweisen Sie den Betrag innerhalb von sieben Tagen ab dem Datum dieses Schreibens. Sollten Sie die Forderung für unzutreffend halten oder eine Ratenzahlung besprechen wollen, erreichen Sie uns unter {{company_phone}} oder {{company_email}}.

Mit freundlichen Grüßen

)";

constexpr const char kLateFeeSubject[] = "Mahnung: {{invoices}} – Verzugskosten berechnet";
constexpr const char kLateFeeBody[] = R"({{company_name}}
{{company_address}}

Guten Tag {{contact}},

Mahnung: {{invoices}}

trotz unserer bisherigen Erinnerungen sind {{amount_due}} für {{invoices_due}} noch offen und inzwischen {{days_overdue}} Tage überfällig.

{{invoice_table}}

Gemäß unseren Geschäftsbedingungen haben wir Ihrem Konto eine Mahngebühr von {{fee}} belastet; die Verzugszinsen auf den überfälligen Betrag belaufen sich bis heute auf {{interest}}. Die Zinsen laufen täglich weiter, bis der Saldo beglichen ist.

Überfälliger Betrag:  {{amount_due}}
Mahngebühr:           {{fee}}
Zinsen bis heute:     {{interest}}
Jetzt fällig:         {{total_due}}

Bitte überweisen Sie {{total_due}} innerhalb von sieben Tagen ab dem Datum dieses Schreibens. Sollten Sie etwas davon für unzutreffend halten oder eine Ratenzahlung besprechen wollen, erreichen Sie uns unter {{company_phone}} oder {{company_email}}.

Mit freundlichen Grüßen

)";

constexpr const char kSeniorSubject[] = "Überfälliges Konto von {{customer}}: Bitte um Ihre Unterstützung";
constexpr const char kSeniorBody[] = R"({{company_name}}
{{company_address}}

Guten Tag {{contact}},

Überfälliges Konto von {{customer}}

ich wende mich direkt an Sie, weil es uns mit Ihrer Buchhaltung nicht gelungen ist, einen überfälligen Saldo zu klären, und ich Sie um Ihre Unterstützung bitten möchte.

Der Betrag von {{amount_due}} für {{invoices_due}} ist inzwischen {{days_overdue}} Tage überfällig. Einschließlich der Kosten nach unseren Geschäftsbedingungen sind jetzt {{total_due}} fällig.

{{invoice_table}}

Wir schätzen die Zusammenarbeit mit {{customer}} und möchten die Angelegenheit gern ohne weitere Schritte abschließen. Bitte veranlassen Sie die Zahlung oder bitten Sie die zuständige Person, sich innerhalb von sieben Tagen unter {{company_phone}} oder {{company_email}} bei mir zu melden.

Mit freundlichen Grüßen

)";

constexpr const char kHoldSubject[] = "Lieferstopp für das Konto {{customer}}";
constexpr const char kHoldBody[] = R"(Guten Tag {{contact}},

da der Betrag für {{invoices_due}} auch {{days_overdue}} Tage nach Fälligkeit noch offen ist, haben wir das Konto von {{customer}} ab heute gesperrt.

{{invoice_table}}

Solange das Konto gesperrt ist, können wir neue Aufträge nur gegen Vorauskasse oder per Nachnahme annehmen. Bereits bestätigte Aufträge stimmen wir im Einzelfall mit Ihnen ab.

Die Sperre wird aufgehoben, sobald der überfällige Betrag von {{total_due}} beglichen ist. Falls Sie bereits gezahlt haben, senden Sie uns bitte die Zahlungsdetails, damit wir das Konto umgehend aktualisieren können.

Mit freundlichen Grüßen

)";

constexpr const char kFinalSubject[] = "Letzte Mahnung: {{invoices}}";
constexpr const char kFinalBody[] = R"({{company_name}}
{{company_address}}

Guten Tag {{contact}},

Letzte Mahnung

der Betrag für {{invoices_due}} ist nach {{days_overdue}} Tagen und mehreren Erinnerungen noch immer offen. Jetzt fällig sind {{total_due}}, einschließlich einer Mahngebühr von {{fee}} und Zinsen von {{interest}}.

{{invoice_table}}

Sollten wir nicht innerhalb von 14 Tagen ab dem Datum dieses Schreibens die vollständige Zahlung erhalten oder mit Ihnen eine Ratenzahlung vereinbaren, übergeben wir die Forderung ohne weitere Ankündigung einem Inkassounternehmen. Dadurch können weitere Kosten entstehen.

Wir würden die Angelegenheit lieber direkt mit Ihnen klären. Bitte wenden Sie sich an {{sender_name}} unter {{company_phone}} oder {{company_email}}.

Mit freundlichen Grüßen

)";

constexpr const char kAgencySubject[] = "Übergabe an unser Inkassounternehmen: {{customer}}";
constexpr const char kAgencyBody[] = R"({{company_name}}
{{company_address}}

Guten Tag {{contact}},

da wir für {{invoices_due}} weder eine Zahlung noch einen Vorschlag zur Begleichung erhalten haben, haben wir die Forderung über {{total_due}} heute unserem Inkassounternehmen übergeben.

{{invoice_table}}

Bitte wenden Sie sich ab sofort direkt an das Inkassounternehmen, das sich in Kürze bei Ihnen melden wird. Zahlungen leisten Sie bitte nach dessen Anweisung.

Mit freundlichen Grüßen

)";

constexpr const char kPlanSubject[] = "Ratenzahlung vereinbart: {{invoices}}";
constexpr const char kPlanBody[] = R"(Guten Tag {{contact}},

vielen Dank für die am {{agreed_on}} vereinbarte Ratenzahlung. Wie besprochen werden die {{plan_total}}, die für {{invoices_due}} offen sind, in {{installment_count}} Raten gezahlt, wie unten aufgeführt.

{{invoice_table}}

Solange jede Rate pünktlich eingeht, unternehmen wir zu diesen Rechnungen keine weiteren Schritte und berechnen keine weiteren Gebühren. Bleibt eine Rate aus, endet die Vereinbarung, und der dann offene Restbetrag wird sofort fällig.

Bitte geben Sie bei jeder Zahlung die Rechnungsnummer an und sagen Sie uns rechtzeitig Bescheid, falls ein Termin schwierig wird.

Mit freundlichen Grüßen

)";

constexpr const char kSettlementSubject[] = "Vergleich vereinbart: {{invoices}}";
constexpr const char kSettlementBody[] = R"(Guten Tag {{contact}},

hiermit bestätigen wir unsere Vereinbarung vom {{agreed_on}}: Wir nehmen {{settlement_amount}} zur vollständigen und endgültigen Erledigung von {{invoices}} an, auf die {{settled_balance}} offen waren.

Der verbleibende Betrag von {{written_off}} wurde ausgebucht; nach Eingang der {{settlement_amount}} werden wir dafür nichts mehr fordern.

Bitte geben Sie bei Ihrer Zahlung die Rechnungsnummer an.

Mit freundlichen Grüßen

)";

}  // namespace

const std::vector<MessageTemplate>& german_templates() {
  static const std::vector<MessageTemplate> templates = {
      make_template("friendly_reminder", StepAction::EmailReminder, kFriendlySubject, kFriendlyBody,
                    Language::German),
      make_template("courtesy_reminder", StepAction::EmailReminder, kCourtesySubject, kCourtesyBody,
                    Language::German),
      make_template("phone_script", StepAction::PhoneCall, kPhoneSubject, kPhoneBody, Language::German),
      make_template("second_call_script", StepAction::PhoneCall, kSecondCallSubject, kSecondCallBody,
                    Language::German),
      make_template("overdue_letter", StepAction::Letter, kOverdueSubject, kOverdueBody, Language::German),
      make_template("late_fee_letter", StepAction::Letter, kLateFeeSubject, kLateFeeBody, Language::German),
      make_template("senior_manager_letter", StepAction::EscalationLetter, kSeniorSubject, kSeniorBody,
                    Language::German),
      make_template("credit_hold_notice", StepAction::CreditHold, kHoldSubject, kHoldBody, Language::German),
      make_template("final_notice", StepAction::FinalNotice, kFinalSubject, kFinalBody, Language::German),
      make_template("agency_notice", StepAction::HandToAgency, kAgencySubject, kAgencyBody, Language::German),
      make_template("plan_confirmation", StepAction::Letter, kPlanSubject, kPlanBody, Language::German),
      make_template("settlement_confirmation", StepAction::Letter, kSettlementSubject, kSettlementBody,
                    Language::German),
  };
  return templates;
}

}  // namespace duebook
