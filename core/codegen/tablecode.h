#pragma once

#include "catalog/schemasnapshot.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace nrdb {

// One table as the generated model code writes it: its Python names, and its relationships once
// they are named. Shared by the SQLAlchemy and the Pydantic writers. A plain value type.
struct TableCode {
    const RelationInfo *relation = nullptr;
    QString className;                 // the mapped class (or, without a primary key, the Table's stem)
    QString tableVariable;             // a Table: its module-level name; empty for a class
    QHash<QString, QString> attribute; // column -> Python attribute
    QSet<QString> taken;               // attribute names in use (columns, then relationships)
    QStringList relationships;         // lines of the class body
    bool association = false;          // two foreign keys forming the primary key, nothing else
};

} // namespace nrdb
