#include "errorpresenter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace nrdb {

QString errorDetails(const Error &error)
{
    QStringList parts;
    if (!error.detail.trimmed().isEmpty())
        parts << error.detail.trimmed();
    if (!error.sqlState.isEmpty())
        parts << QStringLiteral("SQLSTATE %1").arg(error.sqlState);
    return parts.join(QLatin1Char('\n'));
}

void showError(QWidget *parent, const QString &title, const Error &error)
{
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("errorMessageBox"));
    box.setDetailedText(errorDetails(error));
    box.exec();
}

MessagePanel::MessagePanel(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_detailsButton(new QToolButton(this)),
      m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("messagePanel"));
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wraps within the width it is given, instead of asking for the width of its longest line.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->setMinimumHeight(2 * fontMetrics().lineSpacing());
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_icon->setAlignment(Qt::AlignTop);
    m_icon->setVisible(false);
    m_detailsButton->setObjectName(QStringLiteral("messageDetailsButton"));
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setToolTip(tr("The server's own words, and the SQLSTATE"));
    m_detailsButton->setVisible(false);
    m_details->setObjectName(QStringLiteral("messageDetails"));
    m_details->setReadOnly(true);
    m_details->setVisible(false);
    m_details->setMaximumHeight(6 * fontMetrics().lineSpacing());

    auto *line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(m_icon);
    line->addWidget(m_text, 1);
    line->addWidget(m_detailsButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(line);
    layout->addWidget(m_details);
    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
}

void MessagePanel::showText(const QString &text)
{
    m_showsError = false;
    m_icon->setVisible(false);
    m_text->setText(text);
    m_text->setToolTip({});
    setDetails({});
}

void MessagePanel::showError(const Error &error)
{
    m_showsError = true;
    m_icon->setVisible(true);
    m_text->setText(error.message);
    setDetails(errorDetails(error));
}

void MessagePanel::clear()
{
    showText({});
}

QString MessagePanel::text() const
{
    return m_text->text();
}

QString MessagePanel::detailsText() const
{
    return m_details->toPlainText();
}

void MessagePanel::setDetails(const QString &details)
{
    m_details->setPlainText(details);
    m_detailsButton->setVisible(!details.isEmpty());
    if (details.isEmpty())
        m_detailsButton->setChecked(false);
}

} // namespace nrdb
