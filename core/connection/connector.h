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
// Worth trying again: the server may just not be up yet.
bool isTransient(ConnectFailure failure);

// NetRaven's own start-up waits 10 attempts 3 s apart; that is the default here too.
struct RetryPolicy {
    int attempts = 10;
    int firstDelayMs = 3000;
    double backoff = 1.0; // each delay is the previous one times this
    int maxDelayMs = 30000;

    static RetryPolicy once() { return RetryPolicy{1, 0, 1.0, 0}; }
};

// Opens session to profile, retrying transient failures under policy. Every attempt is reported
// through log; cancelled() is polled while waiting. On failure the Error's message says what
// happened in plain words (kind NotFound for a missing database, Authentication, Busy for too
// many connections, Cancelled, else Connection) and its detail holds the server's own text.
// Blocks: call it from a worker thread.
Status connectWithRetry(DatabaseSession &session, const ConnectionProfile &profile, const RetryPolicy &policy,
                        const std::function<void(const QString &)> &log = {},
                        const std::function<bool()> &cancelled = {});

} // namespace nrdb
