#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace nrdb {

// Help ▸ Keyboard Shortcuts: every action of the window that has a shortcut, from the actions
// themselves (so the list cannot fall behind them), and the keys that work in any dialog.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent);
};

// "Back Up (Ctrl+B)": the action's tooltip ends with its shortcut, as the menus show it.
void showShortcutInToolTip(QAction *action);

} // namespace nrdb
