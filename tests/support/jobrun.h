#pragma once

#include "jobs/job.h"
#include "util/result.h"

#include <memory>
#include <optional>

namespace nrdb::test {

// Runs job on a JobRunner of its own to its end: nullopt when it succeeded, otherwise its error
// (a timeout when it did not end in time). The lines it logged go to logged, when given. Test
// thread only.
std::optional<Error> failureOf(const std::shared_ptr<Job> &job, QStringList *logged = nullptr, int timeoutMs = 120000);

// The same, true when it succeeded; the error goes to the test's log.
bool runToSuccess(const std::shared_ptr<Job> &job, QStringList *logged = nullptr, int timeoutMs = 120000);

// pg_dump -s of the database, as lines, without those that differ between any two dumps (the
// random key of \restrict) and with extraArguments (e.g. -N nrdb); its error text when it fails.
QStringList schemaDump(const ConnectionProfile &profile, const QString &binDir, const QStringList &extraArguments = {});

} // namespace nrdb::test
