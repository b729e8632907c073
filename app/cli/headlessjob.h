#pragma once

#include "jobs/job.h"
#include "util/result.h"

#include <QList>

#include <memory>

namespace nrdb::cli {

// Runs one job to its end on a JobRunner, writing its log to stderr. Ctrl-C cancels the job the
// way the GUI's Cancel does (server-side cancel, child processes ended) and gives a Cancelled error.
Status runHeadless(const std::shared_ptr<Job> &job);
// Runs jobs, at most parallel at once, to their ends the same way; the first failure is the
// outcome, or Cancelled when they were.
Status runHeadless(const QList<std::shared_ptr<Job>> &jobs, int parallel);

// Asks for a password on the terminal without echo; empty when stdin is not a terminal.
QString promptForPassword(const QString &prompt);

// A line from standard input (for --…-stdin options), without its line break.
QString readLineFromStdin();

} // namespace nrdb::cli
