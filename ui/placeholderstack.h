#pragma once

#include <QStackedWidget>

class QLabel;

namespace nrdb {

// A view with an empty state: shows a centred explanation instead of the view while there is
// nothing to show. GUI thread only.
class PlaceholderStack : public QStackedWidget {
    Q_OBJECT
public:
    PlaceholderStack(QWidget *view, QWidget *parent = nullptr);

    // Shows text instead of the view; an empty text shows the view.
    void setPlaceholder(const QString &text);
    QString placeholder() const;

private:
    QWidget *m_view;
    QLabel *m_label;
};

} // namespace nrdb
