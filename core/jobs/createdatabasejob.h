#pragma once

#include "jobs/job.h"

namespace nrdb {

// Creates a database on the server of a profile, over a connection to its "postgres" database.
// Thread: as Job.
class CreateDatabaseJob : public Job {
public:
    // profile: where the new database goes, and its name (profile.database).
    explicit CreateDatabaseJob(ConnectionProfile profile);

    QString title() const override;
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override;
    Status run(JobContext &context) override;

private:
    ConnectionProfile m_profile;
};

} // namespace nrdb
