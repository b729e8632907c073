#pragma once

#include "catalog/schemasnapshot.h"
#include "model/modelpack.h"
#include "model/packdetection.h"
#include "util/result.h"

#include <QSqlDatabase>

#include <optional>

namespace nrdb {

class JobContext;

// The pack a job resolved, and why that one.
struct ChosenPack {
    ModelPack pack;
    PackDetection detection; // what the catalog showed (also when the pack was named)
    QString why;             // "named", or the detection's reason
    bool named = false;      // the user named it
};

// The pack a job works with: one the user named (--pack, a pack directory), or the one the
// database's catalog shows among the built-in packs. A plain value type; any thread.
class PackChoice {
public:
    // What a job does with a database that is no known pack's.
    enum class Unrecognised {
        Closest,        // goes on with the closest pack (or the default for an empty database): reading jobs
        DefaultIfEmpty, // takes the default pack for an empty database, else stops: init, bootstrap
        Refuse,         // stops with the detection's one line: adopt, seed
    };

    PackChoice() = default; // the pack the catalog shows
    PackChoice(ModelPack pack)
        : m_pack(std::move(pack)) {} // NOLINT(google-explicit-constructor): a named pack is a choice
    static PackChoice fromCatalog() { return PackChoice(); }

    bool isNamed() const { return m_pack.has_value(); }
    QString name() const { return m_pack ? m_pack->name : QString(); }

    // The pack for the job's database db (whose catalog snapshot is read here unless given), said
    // in the job's log when it was detected.
    Result<ChosenPack> resolve(JobContext &context, const QSqlDatabase &db, Unrecognised unrecognised,
                               const SchemaSnapshot *snapshot = nullptr) const;

private:
    std::optional<ModelPack> m_pack;
};

// Which known pack (ModelPack::all) the database is: its history and catalog read on db. Thread: db's.
Result<PackDetection> detectKnownPack(const QSqlDatabase &db, const SchemaSnapshot &snapshot);

} // namespace nrdb
