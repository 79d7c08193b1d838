// The browser's DashboardJob (built without threads): the frame that asks draws "Computing…" at once, the
// next frame computes on the ledger's own connection.
#include <imgui.h>

#include "dashboard_job.h"
#include "queries_view.h"

namespace duebook::ui {

struct DashboardJob::Impl {
  Queries& queries;
  DashboardRequest asked;
  int frame = 0;  // the frame that asked
};

DashboardJob::DashboardJob(Queries& queries) : impl_(std::make_unique<Impl>(Impl{queries})) {}

DashboardJob::~DashboardJob() = default;

void DashboardJob::request(const Date& as_of, int64_t revision) {
  Impl& i = *impl_;
  if (i.asked.replace(as_of, revision)) i.frame = ImGui::GetFrameCount();
}

std::optional<Result<Dashboard>> DashboardJob::take() {
  Impl& i = *impl_;
  // Computed on a later frame than the one that asked, and only for the ledger as it is now.
  if (!i.asked.wanted || ImGui::GetFrameCount() <= i.frame || i.asked.revision != i.queries.revision())
    return std::nullopt;
  i.asked.wanted = false;
  return i.queries.dashboard(i.asked.as_of);
}

double DashboardJob::seconds_waiting() const {
  return impl_->asked.seconds_waiting();
}

}  // namespace duebook::ui
