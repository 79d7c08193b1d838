// The Dashboard's figures computed away from the frame, so that no frame waits for load_dashboard (tens of
// seconds at a million invoices). One interface, one implementation per platform, chosen by CMake:
//  - dashboard_job_thread.cpp (desktop): a worker thread with its own read-only connection to the ledger file
//    (the desktop's ledger is in WAL mode, so the worker's long read never blocks a commit);
//  - dashboard_job_frames.cpp (browser, built without threads): the frame that asks draws at once and a later
//    frame computes.
// A result belongs to the (day, revision) it was asked for: one that arrives after the ledger or the day
// moved on is dropped, never shown.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include "base/date.h"
#include "base/result.h"
#include "collections/dashboard.h"

namespace duebook::ui {

class Queries;

// The request both builds keep: what was asked for and when.
struct DashboardRequest {
  bool wanted = false;  // a request is pending
  Date as_of;
  int64_t revision = -1;
  std::chrono::steady_clock::time_point asked;

  // Records a request for (as_of, revision); false, changing nothing, when it is the one already pending.
  bool replace(const Date& day, int64_t rev) {
    if (wanted && as_of == day && revision == rev) return false;
    wanted = true;
    as_of = day;
    revision = rev;
    asked = std::chrono::steady_clock::now();
    return true;
  }
  // Seconds since the pending request was made; 0 when none is.
  double seconds_waiting() const {
    if (!wanted) return 0;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
  }
};

class DashboardJob {
 public:
  explicit DashboardJob(Queries& queries);
  ~DashboardJob();
  DashboardJob(const DashboardJob&) = delete;
  DashboardJob& operator=(const DashboardJob&) = delete;

  // Asks for the figures as of `as_of` at ledger revision `revision`. Asking again for the same pair does
  // nothing; a different pair replaces the request (a computation already running for the old one finishes
  // and is dropped).
  void request(const Date& as_of, int64_t revision);
  // The figures of the current request once they are ready (handed out once), else nothing. Call once a
  // frame.
  std::optional<Result<Dashboard>> take();
  // Seconds since the current request was made; 0 when none is pending.
  double seconds_waiting() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace duebook::ui
