#pragma once

#include "util/result.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace nrdb {

// The one way ui/ tells of an Error: its plain sentence first; the rest (the server's own text,
// the SQLSTATE) only when asked for. GUI thread only.

// What is said below the sentence: the detail, then "SQLSTATE x" when the server gave one.
// Empty when there is nothing more to say.
QString errorDetails(const Error &error);

// A modal message: the sentence, and the details behind "Show Details…".
void showError(QWidget *parent, const QString &title, const Error &error);

// The same, in place, inside a dialog or a page: one line of state (work under way, a success, an
// error's sentence) that wraps without widening its parent, and a Details button, shown only when
// an error has more to say, that opens the details below it.
class MessagePanel : public QWidget {
    Q_OBJECT
public:
    explicit MessagePanel(QWidget *parent);

    void showText(const QString &text); // work under way, or how it went
    void showError(const Error &error);
    void clear();

    QString text() const;        // the sentence on show
    QString detailsText() const; // the details behind the button (empty when there are none)
    bool showsError() const { return m_showsError; }

private:
    void setDetails(const QString &details);

    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_detailsButton;
    QPlainTextEdit *m_details;
    bool m_showsError = false;
};

} // namespace nrdb
