// The built-in collections templates. Kept as data in code for now (the build does not embed
// assets/templates yet); a later step may move them to assets/ unchanged. Tone: polite, factual,
// firm as the steps advance; no threats beyond what the policy's next step actually does.
#include "collections/templates_default.h"

#include "collections/templates_de.h"
#include "collections/templates_es.h"
#include "collections/templates_fr.h"

namespace duebook {
namespace {

constexpr const char kSignature[] = "{{sender_name}}\n{{company_name}}\n{{company_phone}}\n{{company_email}}";

constexpr const char kFriendlyReminderSubject[] = "Payment reminder: {{invoices}}";
constexpr const char kFriendlyReminderBody[] = R"(Dear {{contact}},

Payment of {{amount_due}} for {{invoices_due}} has not reached us yet.

{{invoice_table}}

A duplicate of each invoice is attached for your convenience.

It may simply have been overlooked, or the payment may already be on its way; if so, thank you. Otherwise we would be grateful if you could arrange payment at your earliest convenience, or let us know if any query is holding it up.

Kind regards,
)";

constexpr const char kCourtesyReminderSubject[] = "Upcoming payment: {{invoices}} from {{company_name}}";
constexpr const char kCourtesyReminderBody[] = R"(Dear {{contact}},

This is a courtesy note about {{invoices_due}} for {{amount_due}}.

{{invoice_table}}

If payment is already arranged, thank you, and please disregard this message. If anything on the invoice needs clarifying, simply reply to this email and we will be glad to help.

Kind regards,
)";

constexpr const char kPhoneScriptSubject[] = "Call script: {{customer}}, {{invoices}}";
constexpr const char kPhoneScriptBody[] = R"(Call {{contact}} at {{customer}}.

{{invoice_table}}

1. Introduce yourself: "Hello, this is {{sender_name}} from {{company_name}}. Is this a good moment for a quick call about an invoice?"
2. State the facts: {{amount_due}} is open for {{invoices_due}} and is {{days_overdue}} days overdue.
3. Ask: "Have you received the invoice, and is there anything preventing payment?"
4. If there is a query or a dispute, note the details, promise a reply by a date, and record the dispute so that reminders pause.
5. If payment is agreed, ask for the date and the amount and record them as a promise to pay.
6. Summarise what was agreed, thank them, and confirm it by email the same day.
)";

constexpr const char kSecondCallSubject[] = "Second call script: {{customer}}, {{invoices}}";
constexpr const char kSecondCallBody[] = R"(Second call to {{contact}} at {{customer}}.

{{invoice_table}}

1. Refer to the earlier call: "I am following up on our conversation about {{invoices}}."
2. State the balance: {{amount_due}} is open for {{invoices_due}} and is {{days_overdue}} days overdue.
3. Ask what has happened since the last conversation and when payment will be made.
4. Ask for a specific date and amount, and record them as a promise to pay.
5. Explain, politely, that under our terms late-payment charges apply to overdue accounts and that the credit on the account will be reviewed if it is not brought up to date.
6. If the contact cannot commit, ask who can authorise the payment and note their name and number.
)";

constexpr const char kOverdueLetterSubject[] = "Overdue account: {{invoices}}";
constexpr const char kOverdueLetterBody[] = R"({{company_name}}
{{company_address}}

Dear {{contact}},

Overdue account: {{invoices}}

Despite our earlier reminders, {{amount_due}} for {{invoices_due}} is unpaid and now {{days_overdue}} days overdue.

{{invoice_table}}

Please arrange payment within seven days of the date of this letter. If you believe this is incorrect, or would like to discuss a payment arrangement, please contact us on {{company_phone}} or at {{company_email}}.

Yours sincerely,

)";

constexpr const char kLateFeeLetterSubject[] = "Overdue account: {{invoices}} - charges added";
constexpr const char kLateFeeLetterBody[] = R"({{company_name}}
{{company_address}}

Dear {{contact}},

Overdue account: {{invoices}}

Despite our earlier reminders, {{amount_due}} for {{invoices_due}} is unpaid and now {{days_overdue}} days overdue.

{{invoice_table}}

In accordance with our terms of business, a late payment fee of {{fee}} has been added to your account, and interest on the overdue amount has accrued to {{interest}} to date. Interest will continue to accrue daily until the balance is paid.

Amount overdue:      {{amount_due}}
Late payment fee:    {{fee}}
Interest to date:    {{interest}}
Total now due:       {{total_due}}

Please arrange payment of {{total_due}} within seven days of the date of this letter. If you believe any of this is incorrect, or would like to discuss a payment arrangement, please contact us on {{company_phone}} or at {{company_email}}.

Yours sincerely,

)";

constexpr const char kSeniorManagerSubject[] = "Overdue account of {{customer}}: your help requested";
constexpr const char kSeniorManagerBody[] = R"({{company_name}}
{{company_address}}

Dear {{contact}},

Overdue account of {{customer}}

I am writing to you directly because our attempts to resolve an overdue balance with your accounts team have not succeeded, and I would be grateful for your help in bringing the matter to a close.

The balance of {{amount_due}} for {{invoices_due}} is now {{days_overdue}} days overdue. The total now due, including charges under our terms, is {{total_due}}.

{{invoice_table}}

We value our relationship with {{customer}} and would much prefer to settle this without further steps. Please arrange payment, or ask the appropriate person to contact me on {{company_phone}} or at {{company_email}} within seven days to agree a way forward.

Yours sincerely,

)";

constexpr const char kCreditHoldSubject[] = "Account on hold: {{customer}}";
constexpr const char kCreditHoldBody[] = R"(Dear {{contact}},

Because the balance for {{invoices_due}} is still unpaid {{days_overdue}} days after falling due, we have placed the account of {{customer}} on hold with effect from today.

{{invoice_table}}

While the account is on hold we are unable to accept new orders or start new work, except with payment in advance or cash on delivery. Work already confirmed will be reviewed with you case by case.

The hold will be lifted as soon as the overdue balance of {{total_due}} is paid. If you have already paid, please send us the remittance details so that we can update the account without delay.

Yours sincerely,

)";

constexpr const char kFinalNoticeSubject[] = "Final notice: {{invoices}}";
constexpr const char kFinalNoticeBody[] = R"({{company_name}}
{{company_address}}

Dear {{contact}},

Final notice

The balance for {{invoices_due}} is still unpaid after {{days_overdue}} days and several reminders. The total now due is {{total_due}}, including a late payment fee of {{fee}} and interest of {{interest}}.

{{invoice_table}}

Unless we receive payment in full, or agree a payment plan with you, within 14 days of the date of this notice, we will pass the debt to a collection agency without further notice. Further recovery costs may then be added to the debt.

We would much rather resolve this with you directly. Please contact {{sender_name}} on {{company_phone}} or at {{company_email}}.

Yours sincerely,

)";

constexpr const char kAgencySubject[] = "Account passed to our collection agency: {{customer}}";
constexpr const char kAgencyBody[] = R"({{company_name}}
{{company_address}}

Dear {{contact}},

As we have not received payment for {{invoices_due}} or any proposal to settle it, we have today passed the debt of {{total_due}} to our collection agency.

{{invoice_table}}

From now on, please deal directly with the agency, who will contact you shortly. Any payment should be made as the agency directs.

Yours sincerely,

)";

constexpr const char kPlanSubject[] = "Installment plan agreed: {{invoices}}";
constexpr const char kPlanBody[] = R"(Dear {{contact}},

Thank you for agreeing a payment plan with us on {{agreed_on}}. As agreed, the {{plan_total}} open on {{invoices_due}} will be paid in {{installment_count}} installments, as set out below.

{{invoice_table}}

While each installment is paid by its date, we will take no further collection steps on these invoices and add no further fees. If an installment is missed, the plan ends and the balance then remaining falls due at once.

Please quote the invoice number with each payment, and let us know early if a date becomes difficult.

Kind regards,

)";

constexpr const char kSettlementSubject[] = "Settlement agreed: {{invoices}}";
constexpr const char kSettlementBody[] = R"(Dear {{contact}},

This confirms our agreement of {{agreed_on}}: we accept {{settlement_amount}} in full and final settlement of {{invoices}}, on which {{settled_balance}} was open.

The remaining {{written_off}} has been written off, and nothing more will be asked for it once the {{settlement_amount}} is paid.

Please quote the invoice number with your payment.

Kind regards,

)";

MessageTemplate make(const char* id, StepAction action, const char* subject, const char* body) {
  return make_template(id, action, subject, body, Language::English);
}

}  // namespace

MessageTemplate make_template(const char* id, StepAction action, const char* subject, const char* body,
                              Language language) {
  const bool script = action == StepAction::PhoneCall;
  return MessageTemplate{id, action, subject,
                         script ? std::string(body) : std::string(body) + kSignature + "\n", language};
}

const std::vector<MessageTemplate>& default_templates(Language language) {
  switch (language) {
    case Language::German:
      return german_templates();
    case Language::French:
      return french_templates();
    case Language::Spanish:
      return spanish_templates();
    case Language::English:
      break;
  }
  return default_templates();
}

const std::vector<MessageTemplate>& default_templates() {
  // The first template of each action is that action's default (template_for_step).
  static const std::vector<MessageTemplate> templates = {
      make("friendly_reminder", StepAction::EmailReminder, kFriendlyReminderSubject, kFriendlyReminderBody),
      make("courtesy_reminder", StepAction::EmailReminder, kCourtesyReminderSubject, kCourtesyReminderBody),
      make("phone_script", StepAction::PhoneCall, kPhoneScriptSubject, kPhoneScriptBody),
      make("second_call_script", StepAction::PhoneCall, kSecondCallSubject, kSecondCallBody),
      make("overdue_letter", StepAction::Letter, kOverdueLetterSubject, kOverdueLetterBody),
      make("late_fee_letter", StepAction::Letter, kLateFeeLetterSubject, kLateFeeLetterBody),
      make("senior_manager_letter", StepAction::EscalationLetter, kSeniorManagerSubject, kSeniorManagerBody),
      make("credit_hold_notice", StepAction::CreditHold, kCreditHoldSubject, kCreditHoldBody),
      make("final_notice", StepAction::FinalNotice, kFinalNoticeSubject, kFinalNoticeBody),
      make("agency_notice", StepAction::HandToAgency, kAgencySubject, kAgencyBody),
      // Confirmations of an agreement, not steps of a policy (files/agreement_document).
      make("plan_confirmation", StepAction::Letter, kPlanSubject, kPlanBody),
      make("settlement_confirmation", StepAction::Letter, kSettlementSubject, kSettlementBody),
  };
  return templates;
}

}  // namespace duebook
