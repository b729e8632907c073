#include "productionconfirm.h"

#include <QCoreApplication>
#include <QInputDialog>

namespace nrdb {

bool confirmProductionWrite(QWidget *parent, const ConnectionProfile &profile, const QString &action)
{
    if (!profile.isProduction())
        return true;
    const auto tr = [](const char *text) { return QCoreApplication::translate("nrdb::ProductionConfirm", text); };
    bool ok = false;
    const QString typed =
        QInputDialog::getText(parent, tr("%1 on Production").arg(action),
                              tr("%1 changes the PRODUCTION database %2 on %3.\n\nType the database name to go ahead:")
                                  .arg(action, profile.database, profile.host),
                              QLineEdit::Normal, {}, &ok);
    return ok && typed == profile.database;
}

} // namespace nrdb
