// The built-in collections templates in French: the same ids, placeholders and steps as the English ones
// (templates_default.cpp), in the register of a French business letter — "Relance" for the reminders, "Mise
// en demeure" only for the final notice, "vous" throughout.
#include "collections/templates_fr.h"

#include "collections/templates_default.h"

namespace duebook {
namespace {

constexpr const char kFriendlySubject[] = "Relance de paiement : {{invoices}}";
constexpr const char kFriendlyBody[] = R"(Bonjour {{contact}},

Sauf erreur de notre part, le règlement de {{amount_due}} pour {{invoices_due}} ne nous est pas encore parvenu.

{{invoice_table}}

Vous trouverez ci-joint une copie de chaque facture.

Il s'agit peut-être d'un simple oubli, ou le paiement est déjà en cours ; dans ce cas, nous vous en remercions. Dans le cas contraire, nous vous serions reconnaissants de bien vouloir procéder au règlement dans les meilleurs délais, ou de nous indiquer si une question le retient.

Cordialement,
)";

constexpr const char kCourtesySubject[] = "Échéance prochaine : {{invoices}} de {{company_name}}";
constexpr const char kCourtesyBody[] = R"(Bonjour {{contact}},

Nous nous permettons de vous rappeler {{invoices_due}} d'un montant de {{amount_due}}.

{{invoice_table}}

Si le paiement est déjà prévu, nous vous en remercions et vous prions de ne pas tenir compte de ce message. Si un point de la facture mérite une précision, il vous suffit de répondre à ce courriel ; nous serons heureux de vous aider.

Cordialement,
)";

constexpr const char kPhoneSubject[] = "Guide d'appel : {{customer}}, {{invoices}}";
constexpr const char kPhoneBody[] = R"(Appeler {{contact}} chez {{customer}}.

{{invoice_table}}

1. Présentez-vous : « Bonjour, {{sender_name}} de {{company_name}}. Avez-vous un instant pour parler d'une facture ? »
2. Exposez les faits : {{amount_due}} restent dus pour {{invoices_due}}, avec {{days_overdue}} jours de retard.
3. Demandez : « Avez-vous bien reçu la facture, et quelque chose empêche-t-il son règlement ? »
4. En cas de question ou de contestation, notez les détails, promettez une réponse à une date précise et enregistrez le litige afin de suspendre les relances.
5. Si un paiement est convenu, demandez la date et le montant et enregistrez-les comme promesse de paiement.
6. Résumez ce qui a été convenu, remerciez votre interlocuteur et confirmez-le par courriel le jour même.
)";

constexpr const char kSecondCallSubject[] = "Second appel : {{customer}}, {{invoices}}";
constexpr const char kSecondCallBody[] = R"(Second appel à {{contact}} chez {{customer}}.

{{invoice_table}}

1. Rappelez l'appel précédent : « Je reviens vers vous au sujet de notre conversation sur {{invoices}}. »
2. Indiquez le solde : {{amount_due}} restent dus pour {{invoices_due}}, avec {{days_overdue}} jours de retard.
3. Demandez ce qui s'est passé depuis la dernière conversation et quand le paiement sera effectué.
4. Demandez une date et un montant précis, et enregistrez-les comme promesse de paiement.
5. Expliquez poliment que nos conditions générales prévoient des pénalités de retard sur les comptes échus et que l'encours accordé sera revu si le compte n'est pas régularisé.
6. Si votre interlocuteur ne peut pas s'engager, demandez qui peut autoriser le paiement et notez son nom et son numéro.
)";

constexpr const char kOverdueSubject[] = "Relance : compte échu, {{invoices}}";
constexpr const char kOverdueBody[] = R"({{company_name}}
{{company_address}}

Bonjour {{contact}},

Compte échu : {{invoices}}

Malgré nos précédentes relances, la somme de {{amount_due}} pour {{invoices_due}} reste impayée, avec {{days_overdue}} jours de retard.

{{invoice_table}}

Nous vous remercions de bien vouloir procéder au règlement sous sept jours à compter de la date de ce courrier. Si vous estimez que ce montant n'est pas dû, ou si vous souhaitez convenir d'un échéancier, vous pouvez nous joindre au {{company_phone}} ou à {{company_email}}.

Veuillez agréer nos salutations distinguées,

)";

constexpr const char kLateFeeSubject[] = "Relance : compte échu, {{invoices}} – frais appliqués";
constexpr const char kLateFeeBody[] = R"({{company_name}}
{{company_address}}

Bonjour {{contact}},

Compte échu : {{invoices}}

Malgré nos précédentes relances, la somme de {{amount_due}} pour {{invoices_due}} reste impayée, avec {{days_overdue}} jours de retard.

{{invoice_table}}

Conformément à nos conditions générales de vente, une indemnité pour frais de recouvrement de {{fee}} a été portée à votre compte, et les pénalités de retard s'élèvent à ce jour à {{interest}}. Elles continuent de courir chaque jour jusqu'au règlement du solde.

Montant échu :           {{amount_due}}
Frais de recouvrement :  {{fee}}
Pénalités à ce jour :    {{interest}}
Total dû :               {{total_due}}

Nous vous remercions de régler {{total_due}} sous sept jours à compter de la date de ce courrier. Si vous estimez que l'un de ces montants n'est pas dû, ou si vous souhaitez convenir d'un échéancier, vous pouvez nous joindre au {{company_phone}} ou à {{company_email}}.

Veuillez agréer nos salutations distinguées,

)";

constexpr const char kSeniorSubject[] = "Compte échu de {{customer}} : votre aide sollicitée";
constexpr const char kSeniorBody[] = R"({{company_name}}
{{company_address}}

Bonjour {{contact}},

Compte échu de {{customer}}

Je me permets de vous écrire directement, car nos démarches auprès de votre service comptable n'ont pas permis de régler un solde échu, et je vous serais reconnaissant de nous aider à clore ce dossier.

La somme de {{amount_due}} pour {{invoices_due}} présente désormais {{days_overdue}} jours de retard. Le total dû, frais prévus par nos conditions compris, s'élève à {{total_due}}.

{{invoice_table}}

Nous tenons à notre relation avec {{customer}} et préférerions de loin régler cette question sans autre démarche. Nous vous remercions de faire procéder au paiement, ou de demander à la personne compétente de me contacter au {{company_phone}} ou à {{company_email}} sous sept jours.

Veuillez agréer nos salutations distinguées,

)";

constexpr const char kHoldSubject[] = "Compte suspendu : {{customer}}";
constexpr const char kHoldBody[] = R"(Bonjour {{contact}},

Le solde dû pour {{invoices_due}} restant impayé {{days_overdue}} jours après son échéance, nous avons suspendu le compte de {{customer}} à compter de ce jour.

{{invoice_table}}

Tant que le compte est suspendu, nous ne pouvons accepter de nouvelles commandes ni commencer de nouveaux travaux, sauf paiement d'avance ou au comptant à la livraison. Les travaux déjà confirmés seront examinés avec vous au cas par cas.

La suspension sera levée dès le règlement du solde échu de {{total_due}}. Si vous avez déjà payé, merci de nous transmettre les références du virement afin que nous mettions le compte à jour sans délai.

Veuillez agréer nos salutations distinguées,

)";

constexpr const char kFinalSubject[] = "Mise en demeure : {{invoices}}";
constexpr const char kFinalBody[] = R"({{company_name}}
{{company_address}}

Bonjour {{contact}},

Mise en demeure de payer

Le solde dû pour {{invoices_due}} reste impayé après {{days_overdue}} jours et plusieurs relances. Le total dû s'élève à {{total_due}}, dont une indemnité de recouvrement de {{fee}} et des pénalités de {{interest}}.

{{invoice_table}}

À défaut de paiement intégral, ou d'un échéancier convenu avec vous, dans un délai de 14 jours à compter de la date de ce courrier, nous confierons le recouvrement de cette créance à une société spécialisée sans autre préavis. Des frais supplémentaires pourront alors s'ajouter à la dette.

Nous préférerions de loin régler cette question directement avec vous. N'hésitez pas à contacter {{sender_name}} au {{company_phone}} ou à {{company_email}}.

Veuillez agréer nos salutations distinguées,

)";

constexpr const char kAgencySubject[] =
    "Transmission du dossier à notre société de recouvrement : {{customer}}";
constexpr const char kAgencyBody[] = R"({{company_name}}
{{company_address}}

Bonjour {{contact}},

N'ayant reçu ni paiement ni proposition de règlement pour {{invoices_due}}, nous avons transmis ce jour la créance de {{total_due}} à notre société de recouvrement.

{{invoice_table}}

Nous vous prions désormais de traiter directement avec cette société, qui prendra contact avec vous prochainement. Tout paiement devra être effectué selon ses instructions.

Veuillez agréer nos salutations distinguées,

)";

constexpr const char kPlanSubject[] = "Échéancier convenu : {{invoices}}";
constexpr const char kPlanBody[] = R"(Bonjour {{contact}},

Nous vous remercions d'avoir convenu avec nous d'un échéancier le {{agreed_on}}. Comme convenu, les {{plan_total}} restant dus pour {{invoices_due}} seront réglés en {{installment_count}} échéances, détaillées ci-dessous.

{{invoice_table}}

Tant que chaque échéance est réglée à sa date, nous n'engagerons aucune autre démarche de recouvrement sur ces factures et n'ajouterons aucuns frais. Si une échéance n'est pas honorée, l'échéancier prend fin et le solde restant devient immédiatement exigible.

Merci d'indiquer le numéro de facture avec chaque paiement et de nous prévenir à l'avance si une date devient difficile.

Cordialement,

)";

constexpr const char kSettlementSubject[] = "Accord transactionnel : {{invoices}}";
constexpr const char kSettlementBody[] = R"(Bonjour {{contact}},

Nous vous confirmons notre accord du {{agreed_on}} : nous acceptons {{settlement_amount}} pour solde de tout compte de la créance ({{invoices}}), sur laquelle {{settled_balance}} restaient dus.

Le reliquat de {{written_off}} a été passé en perte, et rien de plus ne vous sera réclamé à ce titre une fois les {{settlement_amount}} réglés.

Merci d'indiquer le numéro de facture avec votre paiement.

Cordialement,

)";

}  // namespace

const std::vector<MessageTemplate>& french_templates() {
  static const std::vector<MessageTemplate> templates = {
      make_template("friendly_reminder", StepAction::EmailReminder, kFriendlySubject, kFriendlyBody,
                    Language::French),
      make_template("courtesy_reminder", StepAction::EmailReminder, kCourtesySubject, kCourtesyBody,
                    Language::French),
      make_template("phone_script", StepAction::PhoneCall, kPhoneSubject, kPhoneBody, Language::French),
      make_template("second_call_script", StepAction::PhoneCall, kSecondCallSubject, kSecondCallBody,
                    Language::French),
      make_template("overdue_letter", StepAction::Letter, kOverdueSubject, kOverdueBody, Language::French),
      make_template("late_fee_letter", StepAction::Letter, kLateFeeSubject, kLateFeeBody, Language::French),
      make_template("senior_manager_letter", StepAction::EscalationLetter, kSeniorSubject, kSeniorBody,
                    Language::French),
      make_template("credit_hold_notice", StepAction::CreditHold, kHoldSubject, kHoldBody, Language::French),
      make_template("final_notice", StepAction::FinalNotice, kFinalSubject, kFinalBody, Language::French),
      make_template("agency_notice", StepAction::HandToAgency, kAgencySubject, kAgencyBody, Language::French),
      make_template("plan_confirmation", StepAction::Letter, kPlanSubject, kPlanBody, Language::French),
      make_template("settlement_confirmation", StepAction::Letter, kSettlementSubject, kSettlementBody,
                    Language::French),
  };
  return templates;
}

}  // namespace duebook
