// A sandbox's state file, which another process reads to reach and stop the cluster: whatever
// loads, saves and loads back the same.
#include "fuzzing.h"

#include "sandbox/sandboxstate.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(nrdb::fuzz::bytes(data, size));
    const nrdb::Result<nrdb::SandboxState> state = nrdb::SandboxState::fromJson(document.object());
    if (!state)
        return 0;
    const QJsonObject saved = state.value().toJson();
    const nrdb::Result<nrdb::SandboxState> again = nrdb::SandboxState::fromJson(saved);
    NRDB_FUZZ_CHECK(again.ok(), QString::fromUtf8(QJsonDocument(saved).toJson()));
    NRDB_FUZZ_CHECK(again.value().toJson() == saved, QString::fromUtf8(QJsonDocument(saved).toJson()));
    (void)state.value().profile();
    return 0;
}
