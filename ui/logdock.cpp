#include "logdock.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QTime>

namespace nrdb {

LogDock::LogDock(QWidget *parent) : QDockWidget(tr("Log"), parent), m_view(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("logDock"));
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlaceholderText(tr("Nothing logged yet. Everything the tool does in the background "
                                  "(starting a server, running jobs) is written here as it happens."));
    m_view->setMaximumBlockCount(50000);
    setWidget(m_view);
}

void LogDock::appendLine(const QString &text)
{
    m_view->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") + text);
}

} // namespace nrdb
