#pragma once

#include "util/result.h"

#include <QString>

namespace nrdb {

class MainWindow;

// What the window's command line asks beyond connecting, for demonstrations and the pictures of
// the documentation: show a table or the diagram once the schema is read, run an action once
// connected, and save a picture of the window (or of the connection dialog) at the moment that
// shows it, then quit.
struct WindowAutomation {
    QString select;          // schema.table: shown once the schema is read
    bool diagram = false;    // the relationship diagram, once the schema is read
    QString run;             // bootstrap, verify, backup or compare (with the pack), once connected
    QString screenshot;      // where the picture goes; empty: none
    bool openDialog = false; // the connection dialog at start (its picture, with screenshot)
    bool connecting = false; // a connection was asked for
    bool sandbox = false;    // to a sandbox, which is bootstrapped
};

// Wires automation into window, before it connects. An error for an action it does not know.
// GUI thread only.
Status automate(MainWindow &window, const WindowAutomation &automation);

} // namespace nrdb
