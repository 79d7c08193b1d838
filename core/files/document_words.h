// The words the printed documents put around their figures (titles, labels, column heads, the payment line),
// in each language Duebook writes in, so that a German customer's reminder is German from the title to "How
// to pay". The templates' own wording lives in collections/templates_*.cpp.
#pragma once

#include "base/locale.h"
#include "base/text.h"

namespace duebook {

// One language's labels. Patterns hold %a (an amount), %d (a date), %n (a number) or %i (an invoice number).
struct DocumentWords {
  const char* letter;           // a collections letter's title
  const char* date;             // "Date"
  const char* customer_number;  // "Customer number"
  const char* accounts;         // the billing contact's title in an address ("Accounts payable")
  const char* senior;           // the escalation contact's title ("Senior manager")
  const char* attention;        // "Attn: " before the addressee
  const char* tax_id;           // "Tax id " before the customer's tax number
  const char* phone;            // "Phone " before the company's phone in the letterhead
  const char* invoices_due;     // a letter's table heading
  const char* invoice;          // column heads of a letter's table: invoice, due date, days late, total, open
  const char* due_date;
  const char* days_late;
  const char* total;
  const char* open;
  const char* open_total;          // "Open on these invoices"
  const char* fees;                // "Late fees"
  const char* interest;            // "Interest and compensation"
  const char* now_due;             // "Total now due"
  const char* pay_by;              // "Please pay %a by %d."
  const char* reminder_titles[3];  // "Payment reminder", "Second reminder", "Final reminder"
  const char* reminder_date;       // "Reminder date"
  const char* invoice_number;      // invoice facts: number, date, terms
  const char* invoice_date;
  const char* terms;
  const char*
      reminder_intro;       // "According to our records, invoice %i of %d, due on %e, has not been paid..."
  const char* final_intro;  // "Despite our earlier reminders, invoice %i is still unpaid. ..."
  const char* charged_so_far;   // "Charged for late payment so far"
  const char* still_open;       // "Still open on the invoice"
  const char* charges_settled;  // "Of the charges, paid or credited"
  const char* pay_by_days;      // "Please pay %a by %d (%n days)."
  const char* description;      // invoice line heads: description, quantity, unit price, tax, amount
  const char* quantity;
  const char* unit_price;
  const char* tax;
  const char* amount;
  const char* net;           // "Total without tax"
  const char* tax_of;        // "Tax %r % of %a"
  const char* paid;          // "Paid"
  const char* credited;      // "Credited"
  const char* written_off;   // "Written off"
  const char* amount_due;    // "Amount due"
  const char* how_to_pay;    // "How to pay"
  const char* bank_details;  // "Bank details"
  const char* ask_for_bank;  // "ask %c for the bank details"
  const char* account_name;  // "Account name"
  const char* reference;     // "Reference"
  const char* scan_to_pay;   // "Scan to pay (EPC QR code)"
  const char* discount_by;   // "Discount %a if paid by": an early-payment discount's deadline
  const char* sent_again;    // "Sent again with reminder of": a duplicate's reminder date
  const char* duplicate;     // the stamps: "DUPLICATE", "VOID"
  const char* void_stamp;
  const char* ledger;  // "Ledger %a": the ledger's anchor in every page's footer
};

// The labels in `language` (English for English, and the wording documents had before languages existed).
const DocumentWords& document_words(Language language);

}  // namespace duebook
