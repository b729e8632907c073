#pragma once

#include "catalog/schemasnapshot.h"
#include "util/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>

namespace nrdb {

// The part of one schema that drift is judged on, in a form that compares and serialises simply:
// per table its columns, constraints and the indexes that back no constraint (both by name, with
// the server's own definition text), and comments; the schema's enum types with their labels, and
// its sequences with the column that owns each, and its views with their queries. A plain value
// type; any thread.
struct SchemaModel {
    struct Column {
        QString name;
        QString type;
        bool notNull = false;
        QString defaultExpression;
        QString comment;

        // "character varying(36) NOT NULL DEFAULT …", for reports.
        QString describe() const;
        friend bool operator==(const Column &a, const Column &b)
        {
            return a.name == b.name && a.type == b.type && a.notNull == b.notNull &&
                   a.defaultExpression == b.defaultExpression && a.comment == b.comment;
        }
    };
    struct Table {
        QString name;
        QVector<Column> columns;
        QMap<QString, QString> constraints; // name -> pg_get_constraintdef()
        QMap<QString, QString> indexes;     // name -> pg_get_indexdef(), indexes that back no constraint;
                                            // kInvalidIndex after it when its build failed
        QString comment;

        const Column *column(const QString &columnName) const;
    };

    QString schema;
    QMap<QString, Table> tables;
    QMap<QString, QStringList> enums; // type name -> labels in their order
    QMap<QString, QString> sequences; // name -> "integer owned by devices.id" (or "integer")
    QMap<QString, QString> views;     // name -> its query as pg_get_viewdef() writes it, trimmed, no ';'

    // What follows the definition of an index whose build failed (CREATE INDEX CONCURRENTLY that
    // met a duplicate, a cancel): it is there, but no query uses it and it enforces nothing.
    static const QString kInvalidIndex;

    static SchemaModel fromSnapshot(const SchemaSnapshot &snapshot, const QString &schema);
    QJsonObject toJson() const;
    static Result<SchemaModel> fromJson(const QJsonObject &json);
    static Result<SchemaModel> load(const QString &path);
};

} // namespace nrdb
