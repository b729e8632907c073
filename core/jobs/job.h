#pragma once

#include "connection/connectionprofile.h"
#include "jobs/jobtypes.h"
#include "util/result.h"

#include <QString>

namespace nrdb {

class JobContext;

// A unit of background work: init, verify, backup, ... Submitted to a JobRunner, run once on a
// worker thread. A concrete job keeps its typed result as a member, read by the submitter (who
// holds the shared_ptr too) after JobRunner::finished. Thread: constructed on any thread,
// run() on the worker, results read after finished.
class Job {
public:
    virtual ~Job() = default;

    virtual QString title() const = 0;
    virtual JobAccess access() const = 0;
    // The database the job works on. Empty database: the job needs no connection.
    virtual ConnectionProfile target() const { return {}; }
    // The database a write job changes: no two write jobs on one database run at once. Usually
    // its target; a job that changes a database over a connection to another (a restore, over one
    // to "postgres") names the one it changes.
    virtual ConnectionProfile writes() const { return target(); }
    // One of many quick reads the user makes by browsing (a page of rows): the runner does not
    // announce it as submitted (it is not listed among the jobs), and logs only its warnings and
    // its failure.
    virtual bool isQuiet() const { return false; }

    // Does the work; checks context.isCancelled() between steps. Returns the Error that failed it.
    virtual Status run(JobContext &context) = 0;
};

} // namespace nrdb
