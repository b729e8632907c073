#pragma once

#include "connection/connector.h"
#include "connection/passwordchoice.h"
#include "connection/serverinfo.h"
#include "jobs/jobwithresult.h"
#include "model/packdetection.h"

namespace nrdb {

// A connection that works: the profile as resolved (password included, never logged), where the
// password came from, what the server said about itself, and which pack the database is.
struct Connected {
    ConnectionProfile profile;
    PasswordOrigin passwordOrigin = PasswordOrigin::None;
    ServerInfo info;
    PackDetection pack;
};

// Resolves a profile as libpq would (service, PG* variables, defaults), chooses its password,
// connects with wait-for-ready retries, reads the server summary and tells which built-in pack the
// database is. With rememberPassword, a
// password the user gave is stored in the system keychain once it proved right.
// Thread: as JobWithResult; resolvedProfile() after finished, also after a failure.
class ConnectJob : public JobWithResult<Connected> {
public:
    ConnectJob(ConnectionProfile profile, RetryPolicy retry, bool rememberPassword = false);

    QString title() const override;
    JobAccess access() const override { return JobAccess::ReadOnly; }
    // The profile as resolved, with the password chosen (empty if resolving failed).
    const ConnectionProfile &resolvedProfile() const { return m_resolved; }
    PasswordOrigin passwordOrigin() const { return m_passwordOrigin; }

protected:
    Result<Connected> execute(JobContext &context) override;

private:
    ConnectionProfile m_profile;
    RetryPolicy m_retry;
    bool m_rememberPassword;
    ConnectionProfile m_resolved;
    PasswordOrigin m_passwordOrigin = PasswordOrigin::None;
};

} // namespace nrdb
