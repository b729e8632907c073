#include "placeholderstack.h"

#include <QLabel>

namespace nrdb {

PlaceholderStack::PlaceholderStack(QWidget *view, QWidget *parent)
    : QStackedWidget(parent), m_view(view), m_label(new QLabel(this))
{
    m_label->setObjectName(QStringLiteral("placeholderLabel"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setEnabled(false); // drawn in the palette's disabled text colour, in light and dark themes
    m_label->setMargin(16);
    addWidget(m_view);
    addWidget(m_label);
}

void PlaceholderStack::setPlaceholder(const QString &text)
{
    m_label->setText(text);
    setCurrentWidget(text.isEmpty() ? m_view : static_cast<QWidget *>(m_label));
}

QString PlaceholderStack::placeholder() const
{
    return currentWidget() == m_label ? m_label->text() : QString();
}

} // namespace nrdb
