#pragma once

#include "jobs/backupjob.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace nrdb {

// Asks how to back up: where, which format, compression, parallel jobs, which schemas and
// tables, and whether the dump should be shareable (no credentials rows). GUI thread only.
class BackupOptionsDialog : public QDialog {
    Q_OBJECT
public:
    BackupOptionsDialog(const QString &database, const QString &directory, QWidget *parent = nullptr);

    // The options as filled in; the database's pack decides what "shareable" leaves out.
    BackupOptions options() const;

private:
    QLineEdit *m_directory;
    QComboBox *m_format;
    QSpinBox *m_compression;
    QSpinBox *m_jobs;
    QLineEdit *m_schemas;
    QLineEdit *m_excludedSchemas;
    QLineEdit *m_tables;
    QLineEdit *m_excludedTables;
    QCheckBox *m_shareable;
};

} // namespace nrdb
