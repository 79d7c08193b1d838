// The built-in collections templates in Spanish: the same ids, placeholders and steps as the English ones
// (templates_default.cpp), in the register of a Spanish business letter — "Recordatorio de pago" first,
// "Requerimiento de pago" for the final notice, "usted" throughout.
#include "collections/templates_es.h"

#include "collections/templates_default.h"

namespace duebook {
namespace {

constexpr const char kFriendlySubject[] = "Recordatorio de pago: {{invoices}}";
constexpr const char kFriendlyBody[] = R"(Estimado/a {{contact}}:

Según nuestros registros, todavía no hemos recibido el pago de {{amount_due}} correspondiente a {{invoices_due}}.

{{invoice_table}}

Adjuntamos una copia de cada factura para su comodidad.

Es posible que se trate de un simple descuido o que el pago ya esté en camino; en ese caso, le damos las gracias. De lo contrario, le agradeceríamos que realizara el pago a la mayor brevedad posible o que nos indicara si alguna consulta lo está retrasando.

Atentamente,
)";

constexpr const char kCourtesySubject[] = "Próximo vencimiento: {{invoices}} de {{company_name}}";
constexpr const char kCourtesyBody[] = R"(Estimado/a {{contact}}:

Le escribimos como cortesía en relación con {{invoices_due}} por importe de {{amount_due}}.

{{invoice_table}}

Si el pago ya está previsto, se lo agradecemos y le rogamos que no tenga en cuenta este mensaje. Si necesita alguna aclaración sobre la factura, basta con que responda a este correo y le ayudaremos con mucho gusto.

Atentamente,
)";

constexpr const char kPhoneSubject[] = "Guion de llamada: {{customer}}, {{invoices}}";
constexpr const char kPhoneBody[] = R"(Llamar a {{contact}} en {{customer}}.

{{invoice_table}}

1. Preséntese: «Buenos días, le habla {{sender_name}} de {{company_name}}. ¿Tiene un momento para hablar de una factura?»
2. Exponga los hechos: quedan pendientes {{amount_due}} de {{invoices_due}}, con {{days_overdue}} días de retraso.
3. Pregunte: «¿Ha recibido la factura? ¿Hay algo que impida el pago?»
4. Si hay una consulta o una reclamación, anote los detalles, comprométase a responder en una fecha y registre la disputa para que se detengan los recordatorios.
5. Si se acuerda el pago, pida la fecha y el importe y regístrelos como promesa de pago.
6. Resuma lo acordado, dé las gracias y confírmelo por correo electrónico el mismo día.
)";

constexpr const char kSecondCallSubject[] = "Segunda llamada: {{customer}}, {{invoices}}";
constexpr const char kSecondCallBody[] = R"(Segunda llamada a {{contact}} en {{customer}}.

{{invoice_table}}

1. Mencione la llamada anterior: «Le llamo de nuevo en relación con nuestra conversación sobre {{invoices}}.»
2. Indique el saldo: quedan pendientes {{amount_due}} de {{invoices_due}}, con {{days_overdue}} días de retraso.
3. Pregunte qué ha ocurrido desde la última conversación y cuándo se realizará el pago.
4. Pida una fecha y un importe concretos y regístrelos como promesa de pago.
5. Explique con cortesía que, según nuestras condiciones, las cuentas vencidas devengan cargos por demora y que el crédito de la cuenta se revisará si no se regulariza.
6. Si su interlocutor no puede comprometerse, pregunte quién puede autorizar el pago y anote su nombre y teléfono.
)";

constexpr const char kOverdueSubject[] = "Cuenta vencida: {{invoices}}";
constexpr const char kOverdueBody[] = R"({{company_name}}
{{company_address}}

Estimado/a {{contact}}:

Cuenta vencida: {{invoices}}

A pesar de nuestros recordatorios anteriores, el importe de {{amount_due}} correspondiente a {{invoices_due}} sigue pendiente y acumula {{days_overdue}} días de retraso.

{{invoice_table}}

Le rogamos que realice el pago en un plazo de siete días a partir de la fecha de esta carta. Si considera que no es correcto, o desea acordar un plan de pagos, puede ponerse en contacto con nosotros en el {{company_phone}} o en {{company_email}}.

Atentamente,

)";

constexpr const char kLateFeeSubject[] = "Cuenta vencida: {{invoices}} – cargos aplicados";
constexpr const char kLateFeeBody[] = R"({{company_name}}
{{company_address}}

Estimado/a {{contact}}:

Cuenta vencida: {{invoices}}

A pesar de nuestros recordatorios anteriores, el importe de {{amount_due}} correspondiente a {{invoices_due}} sigue pendiente y acumula {{days_overdue}} días de retraso.

{{invoice_table}}

De acuerdo con nuestras condiciones comerciales, se ha cargado en su cuenta una comisión por demora de {{fee}}, y los intereses de demora sobre el importe vencido ascienden hasta hoy a {{interest}}. Los intereses seguirán devengándose cada día hasta que se pague el saldo.

Importe vencido:       {{amount_due}}
Comisión por demora:   {{fee}}
Intereses hasta hoy:   {{interest}}
Total a pagar:         {{total_due}}

Le rogamos que abone {{total_due}} en un plazo de siete días a partir de la fecha de esta carta. Si considera que algo de lo anterior no es correcto, o desea acordar un plan de pagos, puede ponerse en contacto con nosotros en el {{company_phone}} o en {{company_email}}.

Atentamente,

)";

constexpr const char kSeniorSubject[] = "Cuenta vencida de {{customer}}: solicitamos su ayuda";
constexpr const char kSeniorBody[] = R"({{company_name}}
{{company_address}}

Estimado/a {{contact}}:

Cuenta vencida de {{customer}}

Me dirijo a usted directamente porque nuestros intentos de resolver un saldo vencido con su departamento de cuentas no han dado resultado, y le agradecería su ayuda para cerrar el asunto.

El importe de {{amount_due}} correspondiente a {{invoices_due}} acumula ya {{days_overdue}} días de retraso. El total a pagar, incluidos los cargos previstos en nuestras condiciones, es de {{total_due}}.

{{invoice_table}}

Valoramos nuestra relación con {{customer}} y preferiríamos resolverlo sin más trámites. Le ruego que ordene el pago, o que pida a la persona responsable que se ponga en contacto conmigo en el {{company_phone}} o en {{company_email}} en un plazo de siete días para acordar una solución.

Atentamente,

)";

constexpr const char kHoldSubject[] = "Cuenta bloqueada: {{customer}}";
constexpr const char kHoldBody[] = R"(Estimado/a {{contact}}:

Dado que el saldo de {{invoices_due}} sigue pendiente {{days_overdue}} días después de su vencimiento, hemos bloqueado la cuenta de {{customer}} con efecto a partir de hoy.

{{invoice_table}}

Mientras la cuenta esté bloqueada no podremos aceptar nuevos pedidos ni iniciar nuevos trabajos, salvo con pago anticipado o contra reembolso. Los trabajos ya confirmados se revisarán con usted caso por caso.

El bloqueo se levantará en cuanto se pague el saldo vencido de {{total_due}}. Si ya ha realizado el pago, le rogamos que nos envíe el justificante para actualizar la cuenta sin demora.

Atentamente,

)";

constexpr const char kFinalSubject[] = "Requerimiento de pago: {{invoices}}";
constexpr const char kFinalBody[] = R"({{company_name}}
{{company_address}}

Estimado/a {{contact}}:

Último aviso

El saldo de {{invoices_due}} sigue sin pagarse tras {{days_overdue}} días y varios recordatorios. El total a pagar asciende a {{total_due}}, incluida una comisión por demora de {{fee}} e intereses de {{interest}}.

{{invoice_table}}

Si no recibimos el pago íntegro, o no acordamos con usted un plan de pagos, en un plazo de 14 días a partir de la fecha de esta carta, cederemos la deuda a una agencia de recobro sin más aviso. En ese caso podrían añadirse a la deuda otros gastos de cobro.

Preferiríamos resolverlo directamente con usted. Le rogamos que se ponga en contacto con {{sender_name}} en el {{company_phone}} o en {{company_email}}.

Atentamente,

)";

constexpr const char kAgencySubject[] = "Cuenta cedida a nuestra agencia de recobro: {{customer}}";
constexpr const char kAgencyBody[] = R"({{company_name}}
{{company_address}}

Estimado/a {{contact}}:

Al no haber recibido el pago de {{invoices_due}} ni ninguna propuesta para saldarlo, hoy hemos cedido la deuda de {{total_due}} a nuestra agencia de recobro.

{{invoice_table}}

A partir de ahora, le rogamos que trate directamente con la agencia, que se pondrá en contacto con usted en breve. Cualquier pago deberá realizarse según sus indicaciones.

Atentamente,

)";

constexpr const char kPlanSubject[] = "Plan de pagos acordado: {{invoices}}";
constexpr const char kPlanBody[] = R"(Estimado/a {{contact}}:

Le agradecemos que acordara con nosotros un plan de pagos el {{agreed_on}}. Según lo acordado, los {{plan_total}} pendientes de {{invoices_due}} se pagarán en {{installment_count}} plazos, como se detalla a continuación.

{{invoice_table}}

Mientras cada plazo se pague en su fecha, no tomaremos ninguna otra medida de cobro sobre estas facturas ni añadiremos más cargos. Si no se paga un plazo, el plan finaliza y el saldo pendiente en ese momento vence de inmediato.

Le rogamos que indique el número de factura en cada pago y que nos avise con antelación si alguna fecha le resulta difícil.

Atentamente,

)";

constexpr const char kSettlementSubject[] = "Acuerdo de liquidación: {{invoices}}";
constexpr const char kSettlementBody[] = R"(Estimado/a {{contact}}:

Le confirmamos nuestro acuerdo del {{agreed_on}}: aceptamos {{settlement_amount}} como liquidación total y definitiva de la deuda ({{invoices}}), sobre la que quedaban pendientes {{settled_balance}}.

El resto, {{written_off}}, se ha dado de baja, y no se le reclamará nada más por ello una vez pagados los {{settlement_amount}}.

Le rogamos que indique el número de factura en su pago.

Atentamente,

)";

}  // namespace

const std::vector<MessageTemplate>& spanish_templates() {
  static const std::vector<MessageTemplate> templates = {
      make_template("friendly_reminder", StepAction::EmailReminder, kFriendlySubject, kFriendlyBody,
                    Language::Spanish),
      make_template("courtesy_reminder", StepAction::EmailReminder, kCourtesySubject, kCourtesyBody,
                    Language::Spanish),
      make_template("phone_script", StepAction::PhoneCall, kPhoneSubject, kPhoneBody, Language::Spanish),
      make_template("second_call_script", StepAction::PhoneCall, kSecondCallSubject, kSecondCallBody,
                    Language::Spanish),
      make_template("overdue_letter", StepAction::Letter, kOverdueSubject, kOverdueBody, Language::Spanish),
      make_template("late_fee_letter", StepAction::Letter, kLateFeeSubject, kLateFeeBody, Language::Spanish),
      make_template("senior_manager_letter", StepAction::EscalationLetter, kSeniorSubject, kSeniorBody,
                    Language::Spanish),
      make_template("credit_hold_notice", StepAction::CreditHold, kHoldSubject, kHoldBody, Language::Spanish),
      make_template("final_notice", StepAction::FinalNotice, kFinalSubject, kFinalBody, Language::Spanish),
      make_template("agency_notice", StepAction::HandToAgency, kAgencySubject, kAgencyBody,
                    Language::Spanish),
      make_template("plan_confirmation", StepAction::Letter, kPlanSubject, kPlanBody, Language::Spanish),
      make_template("settlement_confirmation", StepAction::Letter, kSettlementSubject, kSettlementBody,
                    Language::Spanish),
  };
  return templates;
}

}  // namespace duebook
