#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QString>

#include <functional>

namespace nrdb {

class DatabaseSession;

// Why a connection attempt failed, in the terms a user acts on.
enum class ConnectFailure {
    HostUnreachable,   // name not resolved, no route, network down
    ConnectionRefused, // nothing listens there (yet)
    ServerStarting,    // the server is starting up or shutting down
    AuthenticationFailed,
    DatabaseMissing, // the server is there, the database is not: offer to create it
    TlsFailed,       // TLS required by one side and refused, or the handshake failed
    TooManyConnections,
    TimedOut,
    Other,
};

// Reads libpq's and the server's message for the kind of failure.
ConnectFailure classifyConnectFailure(const QString &serverMessage);
// A failed connection to profile, told in plain words (kind NotFound for a missing database,
// Authentication, Busy for too many connections, Timeout, else Connection), with the server's
// own text as the detail.
Error connectFailureError(const ConnectionProfile &profile, const QString &serverText, const QString &sqlState = {});
// Worth trying again: the server may just not be up yet.
bool isTransient(ConnectFailure failure);
// Nothing answered at all: no route to the host, or nothing listens on the port.
bool isUnreachable(ConnectFailure failure);

// NetRaven's own start-up waits 10 attempts 3 s apart; that is the default here too.
struct RetryPolicy {
    int attempts = 10;
    int firstDelayMs = 3000;
    double backoff = 1.0; // each delay is the previous one times this
    int maxDelayMs = 30000;
    // A refused connection or an unreachable host is tried again too: right for a script that
    // waits for a server to come up, wrong for someone who just typed a port.
    bool retryUnreachable = true;

    static RetryPolicy once() { return RetryPolicy{1, 0, 1.0, 0}; }
    // Someone is watching: a few tries at a server that is there but not ready (starting up, full,
    // slow to answer), none at one that is not there at all.
    static RetryPolicy interactive() { return RetryPolicy{5, 2000, 1.5, 8000, false}; }
};

// Told every second while connectWithRetry waits to try again: why the last attempt failed, the
// attempt that comes next and how many there are, and the time left before it.
struct RetryWait {
    QString reason;
    int nextAttempt = 0;
    int attempts = 0;
    qint64 remainingMs = 0;
};

// Opens session to profile, retrying transient failures under policy. Every attempt is reported
// through log, each second of a wait through waiting; cancelled() is polled while waiting. On failure the Error's
// message says what happened in plain words (kind NotFound for a missing database, Authentication, Busy for too many
// connections, Cancelled, else Connection) and its detail holds the server's own text. Blocks: call it from a worker
// thread.
Status connectWithRetry(DatabaseSession &session, const ConnectionProfile &profile, const RetryPolicy &policy,
                        const std::function<void(const QString &)> &log = {},
                        const std::function<bool()> &cancelled = {},
                        const std::function<void(const RetryWait &)> &waiting = {});

} // namespace nrdb
