#pragma once

#include "jobs/job.h"
#include "util/result.h"

#include <memory>

namespace nrdb::cli {

// Runs one job to its end on a JobRunner, writing its log to stderr; returns how it ended.
Status runHeadless(const std::shared_ptr<Job> &job);

// Asks for a password on the terminal without echo; empty when stdin is not a terminal.
QString promptForPassword(const QString &prompt);

} // namespace nrdb::cli
