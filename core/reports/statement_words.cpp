#include "reports/statement_words.h"

namespace duebook {

namespace {

const StatementLineWords kEnglish = {"%i due %d",
                                     "%i: deposit %a due %d",
                                     ", balance %a due %d",
                                     "Write-off %i",
                                     "Write-off ended by the void of %i",
                                     "Void %i",
                                     "Payment #%n",
                                     "Refund",
                                     " by %m",
                                     " ref %r",
                                     ", ref %r",
                                     "Credit note %n",
                                     " on %i",
                                     " (early-payment discount)"};

const StatementLineWords kGerman = {"%i, fällig am %d",
                                    "%i: Anzahlung %a fällig am %d",
                                    ", Restbetrag %a fällig am %d",
                                    "Ausbuchung %i",
                                    "Ausbuchung aufgehoben durch Storno von %i",
                                    "Storno %i",
                                    "Zahlung Nr. %n",
                                    "Erstattung",
                                    " per %m",
                                    " Ref. %r",
                                    ", Ref. %r",
                                    "Gutschrift %n",
                                    " zu %i",
                                    " (Skonto)"};

const StatementLineWords kFrench = {"%i, échéance le %d",
                                    "%i : acompte %a exigible le %d",
                                    ", solde %a exigible le %d",
                                    "Passage en perte %i",
                                    "Passage en perte annulé avec la facture %i",
                                    "Annulation %i",
                                    "Paiement n° %n",
                                    "Remboursement",
                                    " par %m",
                                    " réf. %r",
                                    ", réf. %r",
                                    "Avoir %n",
                                    " sur %i",
                                    " (escompte pour paiement anticipé)"};

const StatementLineWords kSpanish = {"%i, vence el %d",
                                     "%i: anticipo %a vence el %d",
                                     ", resto %a vence el %d",
                                     "Baja por incobrable %i",
                                     "Baja anulada con la anulación de %i",
                                     "Anulación %i",
                                     "Pago n.º %n",
                                     "Reembolso",
                                     " por %m",
                                     " ref. %r",
                                     ", ref. %r",
                                     "Abono %n",
                                     " sobre %i",
                                     " (descuento por pronto pago)"};

}  // namespace

const StatementLineWords& statement_line_words(Language language) {
  return in_language(language, kEnglish, kGerman, kFrench, kSpanish);
}

}  // namespace duebook
