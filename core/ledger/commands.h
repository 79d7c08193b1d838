// Commands: values a window or the CLI builds and hands to Ledger::execute. Each is validated as a whole;
// a rejected command writes nothing and returns its problems. Each domain owns its commands (their structs,
// validation and plans live in its `*_commands.h` / planner headers); the ledger only lists them here.
#pragma once

#include <type_traits>
#include <variant>

#include "collections/collection_commands.h"
#include "collections/company_defaults.h"
#include "collections/company_logo.h"
#include "customers/customer_commands.h"
#include "files/imports.h"
#include "files/invoice_import.h"
#include "files/payment_import.h"
#include "invoicing/invoice_commands.h"
#include "invoicing/payment_commands.h"
#include "invoicing/schedules.h"

namespace duebook {

using Command =
    std::variant<AddCustomer, EditCustomer, RequireDeposit, SetCustomerLanguage, AddInvoice, EditInvoice,
                 DiscardInvoice, IssueInvoice, VoidInvoice, WriteOffInvoice, AddCreditNote, RecordPayment,
                 AllocateCredit, RefundCredit, AddSchedule, EndSchedule, RunSchedules, ImportInvoices,
                 ImportPayments, SavePolicy, SetCustomerPolicy, SetCompanyDetails, RecordStepDone,
                 RecordOutcome, SnoozeCustomer, LogContact, AddPromise, OpenDispute, ResolveDispute,
                 ApplyCreditHolds, ChargeLateFees, WaiveLateFee, ApplyCharges, AddInstallmentPlan,
                 AcceptSettlement, HandToAgency, FactorInvoices, RecordFactorCollection, RecordDocumentSent,
                 SaveTemplate, RecordCustomerReply, SetCompanyDefaults, AddReferenceRate, SetCompanyLogo>;

// True for command types Ledger::execute runs through stream_command instead of plan_command.
template <class T>
inline constexpr bool kIsStreamed = std::is_same_v<T, RunSchedules> || std::is_same_v<T, ImportInvoices> ||
                                    std::is_same_v<T, ImportPayments> || std::is_same_v<T, ChargeLateFees> ||
                                    std::is_same_v<T, ApplyCharges> || std::is_same_v<T, RecordCustomerReply>;

}  // namespace duebook
