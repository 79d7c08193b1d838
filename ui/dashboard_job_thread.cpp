// The desktop's DashboardJob: one worker thread at a time, each with its own read-only connection.
#include <chrono>
#include <mutex>
#include <thread>

#include "dashboard_job.h"
#include "queries_view.h"
#include "store/db.h"

namespace duebook::ui {

namespace {

// What the worker and the UI thread share; the worker holds it alive even after the job is destroyed.
struct Shared {
  std::mutex mutex;
  bool done = false;                        // the worker finished
  std::optional<Result<Dashboard>> result;  // its figures
};

}  // namespace

struct DashboardJob::Impl {
  Queries& queries;
  std::string path;  // the ledger file the workers open
  DashboardRequest asked;
  bool running = false;  // a worker is computing
  Date running_as_of;    // what it computes
  int64_t running_revision = -1;
  std::shared_ptr<Shared> shared;  // the running worker's hand-over
  std::thread worker;

  void start() {
    running = true;
    running_as_of = asked.as_of;
    running_revision = asked.revision;
    shared = std::make_shared<Shared>();
    worker = std::thread([s = shared, file = path, day = asked.as_of]() {
      Result<std::unique_ptr<Db>> db = Db::open(file, OpenMode::ReadOnly);
      Result<Dashboard> figures = db ? load_dashboard(*db.value(), day) : Result<Dashboard>(db.problems());
      std::lock_guard<std::mutex> lock(s->mutex);
      s->result = std::move(figures);
      s->done = true;
    });
  }
};

DashboardJob::DashboardJob(Queries& queries)
    : impl_(std::make_unique<Impl>(Impl{queries, queries.db().path()})) {}

DashboardJob::~DashboardJob() {
  if (impl_->worker.joinable())
    impl_->worker.detach();  // it owns what it touches (Shared, its own connection)
}

void DashboardJob::request(const Date& as_of, int64_t revision) {
  Impl& i = *impl_;
  if (i.asked.replace(as_of, revision) && !i.running) i.start();
}

std::optional<Result<Dashboard>> DashboardJob::take() {
  Impl& i = *impl_;
  if (!i.running) return std::nullopt;
  std::optional<Result<Dashboard>> result;
  {
    std::lock_guard<std::mutex> lock(i.shared->mutex);
    if (!i.shared->done) return std::nullopt;
    result = std::move(i.shared->result);
  }
  i.worker.join();
  i.running = false;
  const bool current =
      i.asked.wanted && i.running_as_of == i.asked.as_of && i.running_revision == i.asked.revision;
  if (!current) {  // the ledger or the day moved on while it ran: drop it, compute the new request
    if (i.asked.wanted) i.start();
    return std::nullopt;
  }
  i.asked.wanted = false;
  return result;
}

double DashboardJob::seconds_waiting() const {
  return impl_->asked.seconds_waiting();
}

}  // namespace duebook::ui
