#include "logdock.h"

#include "logfilterproxy.h"
#include "placeholderstack.h"

#include "log/logmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace nrdb {

namespace {

QToolButton *makeButton(const QString &objectName, const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

LogDock::LogDock(LogModel *model, QWidget *parent)
    : QDockWidget(tr("Log"), parent), m_model(model), m_proxy(new LogFilterProxy(this)), m_view(new QTreeView),
      m_stack(new PlaceholderStack(m_view))
{
    setObjectName(QStringLiteral("logDock"));
    m_proxy->setSourceModel(m_model);

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // keeps scrolling cheap with 100,000 rows
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(LogModel::TimeColumn, 110);
    m_view->header()->resizeSection(LogModel::LevelColumn, 80);
    m_view->header()->resizeSection(LogModel::JobColumn, 170);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_stack, 1);
    setWidget(content);

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &LogDock::onRowsInserted);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogDock::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &LogDock::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &LogDock::updatePlaceholder);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LogDock::onScrolled);
    updatePlaceholder();
}

QWidget *LogDock::createFilterBar()
{
    auto *bar = new QWidget(this);
    m_levelFilter = new QComboBox(bar);
    m_levelFilter->setObjectName(QStringLiteral("logLevelFilter"));
    m_levelFilter->addItem(tr("All levels"), static_cast<int>(LogLevel::Debug));
    m_levelFilter->addItem(tr("Info and above"), static_cast<int>(LogLevel::Info));
    m_levelFilter->addItem(tr("Warnings and errors"), static_cast<int>(LogLevel::Warning));
    m_levelFilter->addItem(tr("Errors only"), static_cast<int>(LogLevel::Error));

    m_textFilter = new QLineEdit(bar);
    m_textFilter->setObjectName(QStringLiteral("logTextFilter"));
    m_textFilter->setPlaceholderText(tr("Filter messages…"));
    m_textFilter->setClearButtonEnabled(true);

    m_followButton = makeButton(QStringLiteral("logFollowButton"), tr("Follow"),
                                tr("Scroll to each new message. Pauses while you scroll up; scroll to the end to "
                                   "resume."),
                                bar);
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    QToolButton *copy = makeButton(QStringLiteral("logCopyButton"), tr("Copy"),
                                   tr("Copy the selected messages, or all shown ones"), bar);
    QToolButton *clear = makeButton(QStringLiteral("logClearButton"), tr("Clear"), tr("Remove every message"), bar);
    QToolButton *save =
        makeButton(QStringLiteral("logSaveButton"), tr("Save Log…"), tr("Save the whole log to a text file"), bar);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_levelFilter);
    layout->addWidget(m_textFilter, 1);
    layout->addWidget(m_followButton);
    layout->addWidget(copy);
    layout->addWidget(clear);
    layout->addWidget(save);

    connect(m_levelFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinimumLevel(static_cast<LogLevel>(m_levelFilter->currentData().toInt()));
        updatePlaceholder();
    });
    connect(m_textFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updatePlaceholder();
    });
    connect(m_followButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToBottom();
    });
    connect(copy, &QToolButton::clicked, this, &LogDock::copyToClipboard);
    connect(clear, &QToolButton::clicked, m_model, &LogModel::clear);
    connect(save, &QToolButton::clicked, this, &LogDock::saveWithDialog);
    return bar;
}

bool LogDock::isFollowing() const
{
    return m_followButton->isChecked();
}

void LogDock::onRowsInserted()
{
    updatePlaceholder();
    if (isFollowing())
        m_view->scrollToBottom();
}

void LogDock::onScrolled(int value)
{
    // Scrolling up pauses following; coming back to the end resumes it.
    const bool atEnd = value >= m_view->verticalScrollBar()->maximum();
    if (atEnd != isFollowing())
        m_followButton->setChecked(atEnd);
}

void LogDock::updatePlaceholder()
{
    if (m_proxy->rowCount() > 0)
        m_stack->setPlaceholder({});
    else if (m_model->rowCount() > 0)
        m_stack->setPlaceholder(tr("No message matches the filter."));
    else
        m_stack->setPlaceholder(tr("Nothing logged yet. Everything the tool does in the background (starting a "
                                   "server, running jobs) is written here as it happens."));
}

QString LogDock::shownText() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    if (rows.isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            lines << m_proxy->index(row, 0).data(LogModel::LineRole).toString();
    } else {
        for (const QModelIndex &index : rows)
            lines << index.data(LogModel::LineRole).toString();
    }
    return lines.join(QLatin1Char('\n'));
}

void LogDock::copyToClipboard()
{
    QApplication::clipboard()->setText(shownText());
}

bool LogDock::saveTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    for (const LogRecord &record : m_model->records())
        file.write(record.toLine().toUtf8() + '\n');
    return file.commit();
}

void LogDock::saveWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Log"), QStringLiteral("netraven-dbadmin.log"),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!saveTo(path))
        QMessageBox::warning(this, tr("Save Log"), tr("The log could not be written to %1.").arg(path));
}

} // namespace nrdb
