// A backup's manifest (.manifest.json), as found beside a backup: whatever loads, saves and loads
// back the same.
#include "fuzzing.h"

#include "backup/backupmanifest.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(nrdb::fuzz::bytes(data, size));
    const nrdb::Result<nrdb::BackupManifest> manifest = nrdb::BackupManifest::fromJson(document.object());
    if (!manifest)
        return 0;
    const QJsonObject saved = manifest.value().toJson();
    const nrdb::Result<nrdb::BackupManifest> again = nrdb::BackupManifest::fromJson(saved);
    NRDB_FUZZ_CHECK(again.ok(), QString::fromUtf8(QJsonDocument(saved).toJson()));
    NRDB_FUZZ_CHECK(again.value().toJson() == saved, QString::fromUtf8(QJsonDocument(saved).toJson()));
    return 0;
}
