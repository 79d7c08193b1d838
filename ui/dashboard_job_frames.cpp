// The browser's DashboardJob (built without threads): the frame that asks draws "Computing…" at once, the
// next frame computes on the ledger's own connection.
#include <imgui.h>

#include <chrono>

#include "dashboard_job.h"
#include "queries_view.h"

namespace duebook::ui {

struct DashboardJob::Impl {
  Queries& queries;
  bool wanted = false;  // a request is pending
  Date as_of;           // the request
  int64_t revision = -1;
  int frame = 0;  // the frame that asked
  std::chrono::steady_clock::time_point asked;
};

DashboardJob::DashboardJob(Queries& queries) : impl_(std::make_unique<Impl>(Impl{queries})) {}

DashboardJob::~DashboardJob() = default;

void DashboardJob::request(const Date& as_of, int64_t revision) {
  Impl& i = *impl_;
  if (i.wanted && i.as_of == as_of && i.revision == revision) return;
  i.wanted = true;
  i.as_of = as_of;
  i.revision = revision;
  i.frame = ImGui::GetFrameCount();
  i.asked = std::chrono::steady_clock::now();
}

std::optional<Result<Dashboard>> DashboardJob::take() {
  Impl& i = *impl_;
  // Computed on a later frame than the one that asked, and only for the ledger as it is now.
  if (!i.wanted || ImGui::GetFrameCount() <= i.frame || i.revision != i.queries.revision())
    return std::nullopt;
  i.wanted = false;
  return i.queries.dashboard(i.as_of);
}

double DashboardJob::seconds_waiting() const {
  if (!impl_->wanted) return 0;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - impl_->asked).count();
}

}  // namespace duebook::ui
