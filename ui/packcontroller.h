#pragma once

#include "connection/connectionprofile.h"

#include <QObject>
#include <QStringList>

class QWidget;

namespace nrdb {

class ActiveConnection;
class JobRunner;
class JobSlot;

// Model packs from a database: New Pack from This Database (CapturePackJob) and Capture as
// Migration of a pack on disk (AddMigrationJob). Both only read the database. Asks for
// the directory, the schema and the name, then says what was written. GUI thread only.
class PackController : public QObject {
    Q_OBJECT
public:
    PackController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent);

public slots:
    // Asks for an empty directory (and the schema when the database has several), then makes it.
    void newPack(const QStringList &schemas);
    // Asks for the pack's directory and the migration's name, then writes the connected
    // database's changes.
    void captureMigration();

public:
    // The same for the schema of another database (Save as Migration in Compare).
    void captureMigrationOf(const ConnectionProfile &source);
    // What they do without asking.
    void makePack(const QString &directory, const QString &schema);
    void addMigration(const ConnectionProfile &source, const QString &packDirectory, const QString &name);

signals:
    void done(const QString &message);
    void failed(const QString &message);

private:
    void report(bool succeeded, const QString &title, const QString &message);

    JobSlot *m_slot;
    ActiveConnection *m_connection;
    QWidget *m_dialogParent;
    bool m_asking = false; // a menu action started it: the outcome is shown in a box
};

} // namespace nrdb
