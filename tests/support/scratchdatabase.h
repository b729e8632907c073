#pragma once

#include "connection/connectionprofile.h"
#include "sandbox/sandboxstate.h"
#include "util/result.h"

#include <QString>
#include <QtTest/QtTest>

namespace nrdb::test {

// The sandbox cluster the CTest fixture started, from $NRDB_TEST_SANDBOX_STATE.
Result<SandboxState> fixtureServer();

// A database of this test executable's own on the fixture server: created fresh (dropping a
// leftover of the same name) and dropped WITH (FORCE) on destruction. Test thread only.
class ScratchDatabase {
public:
    explicit ScratchDatabase(const QString &purpose = {});
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    Status create();
    const QString &name() const { return m_name; }
    ConnectionProfile profile() const;
    const SandboxState &server() const { return m_server; }

private:
    QString m_name;
    SandboxState m_server;
    bool m_created = false;
};

} // namespace nrdb::test

// Use in initTestCase(): without a server the test is skipped locally and fails under CI.
#define NRDB_REQUIRE_SCRATCH_DATABASE(scratch)                                                                         \
    do {                                                                                                               \
        const nrdb::Status nrdbCreated = (scratch).create();                                                           \
        if (!nrdbCreated) {                                                                                            \
            const QByteArray nrdbReason = nrdbCreated.error().fullText().toUtf8();                                     \
            if (qEnvironmentVariableIsSet("CI"))                                                                       \
                QFAIL(QByteArray("No test server under CI: " + nrdbReason).constData());                               \
            QSKIP(QByteArray("No test server: " + nrdbReason).constData());                                            \
        }                                                                                                              \
    } while (false)
