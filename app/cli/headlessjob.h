#pragma once

#include "jobs/job.h"
#include "util/result.h"

#include <memory>

namespace nrdb::cli {

// Runs one job to its end on a JobRunner, writing its log to stderr. Ctrl-C cancels the job the
// way the GUI's Cancel does (server-side cancel, child processes ended) and gives a Cancelled error.
Status runHeadless(const std::shared_ptr<Job> &job);

// Asks for a password on the terminal without echo; empty when stdin is not a terminal.
QString promptForPassword(const QString &prompt);

// A line from standard input (for --…-stdin options), without its line break.
QString readLineFromStdin();

} // namespace nrdb::cli
