// Internal to core: how each event type changes the projection tables, and which events reverse it.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "db.h"
#include "events.h"
#include "ledger.h"
#include "result.h"

namespace duebook {

using Json = nlohmann::json;

struct Projector {
  std::string_view type;  // event type it handles
  // Updates projection tables for event `e` (payload already parsed). Runs inside the caller's transaction.
  Status (*apply)(Db& db, const Event& e, const Json& payload);
  // Events that undo `e`, computed from its payload (events carry what they replaced, so this needs no
  // state). Appended in reverse order of the events of the action being undone.
  std::vector<EventDraft> (*inverse)(const Event& e, const Json& payload);
};

const Projector* find_projector(std::string_view type);

// Each domain lists its projectors; find_projector searches these lists.
const std::vector<Projector>& customer_projectors();
const std::vector<Projector>& invoice_projectors();
const std::vector<Projector>& payment_projectors();
const std::vector<Projector>& schedule_projectors();
const std::vector<Projector>& import_projectors();
const std::vector<Projector>& invoice_batch_projectors();
const std::vector<Projector>& collection_projectors();  // collections*.cpp

// The payload of customer.added for new `fields` (validated, with the next id), or the problems. AddCustomer's
// plan, for importers that create customers while streaming; `check_unique` false skips the name lookup when
// the caller already knows no customer has the name, and `id` (when not 0) is the id to give it (an importer
// that batches new customers counts ids itself). A batch of such payloads is a customers.added event:
// {"customers": [...]}.
Result<Json> customer_added_payload(Db& db, const CustomerFields& fields, bool check_unique = true, int64_t id = 0);

// Each command's validation and planning lives beside its projectors.
Result<Plan> plan_command(Db& db, const AddCustomer& command);
Result<Plan> plan_command(Db& db, const EditCustomer& command);
Result<Plan> plan_command(Db& db, const AddInvoice& command);
Result<Plan> plan_command(Db& db, const EditInvoice& command);
Result<Plan> plan_command(Db& db, const DiscardInvoice& command);
Result<Plan> plan_command(Db& db, const IssueInvoice& command);
Result<Plan> plan_command(Db& db, const VoidInvoice& command);
Result<Plan> plan_command(Db& db, const WriteOffInvoice& command);
Result<Plan> plan_command(Db& db, const AddCreditNote& command);
Result<Plan> plan_command(Db& db, const RecordPayment& command);
Result<Plan> plan_command(Db& db, const AllocateCredit& command);
Result<Plan> plan_command(Db& db, const RefundCredit& command);
Result<Plan> plan_command(Db& db, const AddSchedule& command);
Result<Plan> plan_command(Db& db, const EndSchedule& command);
// The collections engine (collections_plans.cpp, collections_charges.cpp, collections_endgame.cpp).
Result<Plan> plan_command(Db& db, const SavePolicy& command);
Result<Plan> plan_command(Db& db, const SetCustomerPolicy& command);
Result<Plan> plan_command(Db& db, const SetCompanyDetails& command);
Result<Plan> plan_command(Db& db, const RecordStepDone& command);
Result<Plan> plan_command(Db& db, const SnoozeCustomer& command);
Result<Plan> plan_command(Db& db, const LogContact& command);
Result<Plan> plan_command(Db& db, const AddPromise& command);
Result<Plan> plan_command(Db& db, const OpenDispute& command);
Result<Plan> plan_command(Db& db, const ResolveDispute& command);
Result<Plan> plan_command(Db& db, const ApplyCreditHolds& command);
Result<Plan> plan_command(Db& db, const WaiveLateFee& command);
Result<Plan> plan_command(Db& db, const AddInstallmentPlan& command);
Result<Plan> plan_command(Db& db, const AcceptSettlement& command);
Result<Plan> plan_command(Db& db, const HandToAgency& command);
Result<Plan> plan_command(Db& db, const FactorInvoices& command);
Result<Plan> plan_command(Db& db, const RecordFactorCollection& command);

// Receives the events of a streamed action one at a time. Each event is appended to the log and applied to
// the projections at once, so the producer reads the ledger as it stands after the events it emitted so far.
// If the producer (or an emit) fails, the ledger rolls the whole action back: nothing is written.
class EventSink {
 public:
  // Appends and applies one event whose payload is already built (it is not parsed again).
  virtual Status emit(std::string_view type, const Json& payload) = 0;
  // Appends and applies one event given as text (the payload is parsed).
  virtual Status emit(const EventDraft& draft) = 0;
  // Appends an event whose payload text the producer wrote itself, and applies it by calling `apply` instead of
  // parsing that text: for bulk events, where building and parsing JSON trees would cost more than the writes.
  // `apply` must change the projections exactly as the type's projector does from the parsed payload (rebuild
  // and undo use the projector; a test compares the two).
  virtual Status emit_applied(std::string_view type, std::string payload,
                              const std::function<Status(Db&, const Event&)>& apply) = 0;

 protected:
  ~EventSink() = default;
};

// A streamed command: too large (an import) or too chained (each invoice a schedule run issues needs the
// number the one before took) to plan up front. `label` is known before the first event; `run` validates
// while it emits and returns every problem it found (then nothing is kept). `created_id` is reported back.
struct StreamPlan {
  std::string label;                           // the action's label, on every event
  std::function<Status(EventSink&)> run;       // emits the events; problems roll everything back
  int64_t created_id = 0;                      // id of the record it creates (the import), if any
};
Result<StreamPlan> stream_command(Db& db, const RunSchedules& command);
Result<StreamPlan> stream_command(Db& db, const ImportInvoices& command);
Result<StreamPlan> stream_command(Db& db, const ImportPayments& command);
// Each charges invoice they issue needs the number and ids the one before took (collections_charges.cpp).
Result<StreamPlan> stream_command(Db& db, const ChargeLateFees& command);
Result<StreamPlan> stream_command(Db& db, const ApplyCharges& command);

// True for command types Ledger::execute runs through stream_command instead of plan_command.
template <class T>
inline constexpr bool kIsStreamed = std::is_same_v<T, RunSchedules> || std::is_same_v<T, ImportInvoices> ||
                                    std::is_same_v<T, ImportPayments> || std::is_same_v<T, ChargeLateFees> ||
                                    std::is_same_v<T, ApplyCharges>;

// Serialises a JSON payload compactly and deterministically (keys sorted by nlohmann's std::map). Text that is not
// UTF-8 is written with U+FFFD in place of the bad bytes instead of failing (which, without exceptions, would end
// the program); importers reject such text before it gets here.
inline std::string to_payload(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace duebook
