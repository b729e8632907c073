#pragma once

#include "jobs/connectjob.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace nrdb {

// What the connected server and database are, at a glance. GUI thread only.
class ServerSummaryPage : public QWidget {
    Q_OBJECT
public:
    explicit ServerSummaryPage(QWidget *parent = nullptr);

    void showSummary(const Connected &connection);

private:
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace nrdb
