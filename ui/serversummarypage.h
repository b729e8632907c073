#pragma once

#include "jobs/connectjob.h"
#include "jobs/overviewjob.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace nrdb {

class JobRunner;
class JobSlot;
struct VerifyReport;

// What the connected server and database are, at a glance, kept current: the summary read when
// connecting, then each overview read after a schema read (tables, size, pack and version,
// connections) and the last verify's verdict. GUI thread only.
class ServerSummaryPage : public QWidget {
    Q_OBJECT
public:
    explicit ServerSummaryPage(JobRunner *runner, QWidget *parent = nullptr);

    void showSummary(const Connected &connection);
    // Reads the overview again beside a snapshot just read, with the database's backups in
    // backupDirectory (a newer read replaces one on its way).
    void refresh(const std::shared_ptr<const SchemaSnapshot> &snapshot, const QString &backupDirectory);
    void showOverview(const DatabaseOverview &overview);
    void showLastVerify(const VerifyReport &report);

signals:
    void overviewShown();

private:
    void rebuild();
    QString lastBackupText() const;
    QString lastProofText() const;

    JobSlot *m_reads;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QFormLayout *m_form = nullptr;
    Connected m_connection;
    DatabaseOverview m_overview; // the last read (pack version, backups); its info and pack go into m_connection
    QString m_lastVerify;
};

} // namespace nrdb
