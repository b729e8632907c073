// netraven-dbadmin: wiring only; the window and everything behind it live in nrdb_ui and nrdb_core.
#include "mainwindow.h"

#include "nrdb/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

// Saves a picture of the window, then quits: once the connection attempt has settled, or at
// once when there is none.
void scheduleScreenshot(nrdb::MainWindow &window, const QString &path, bool afterConnecting)
{
    const auto capture = [&window, path] {
        // Let the layout and the last status messages paint first.
        QTimer::singleShot(400, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "Saved a screenshot of the window to" : "Could not write",
                         qPrintable(path));
            QApplication::exit(saved ? 0 : 1);
        });
    };
    if (!afterConnecting) {
        capture();
        return;
    }
    QObject::connect(&window, &nrdb::MainWindow::connected, &window, capture);
    QObject::connect(&window, &nrdb::MainWindow::connectionFailed, &window, capture);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NetRaven"));
    QApplication::setApplicationName(QStringLiteral("netraven-dbadmin"));
    QApplication::setApplicationDisplayName(QStringLiteral(NRDB_PRODUCT_NAME));
    QApplication::setApplicationVersion(QStringLiteral(NRDB_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inspect, initialise, verify, back up and restore NetRaven's "
                                                    "PostgreSQL database."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QStringLiteral("Start a throwaway local server and connect to it."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Once connected (or failed), save a picture of the window to <file> and quit."),
        QStringLiteral("file"));
    parser.addOption(sandboxOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    nrdb::MainWindow window;
    if (parser.isSet(screenshotOption))
        scheduleScreenshot(window, parser.value(screenshotOption), parser.isSet(sandboxOption));
    window.show();
    if (parser.isSet(sandboxOption))
        window.startSandbox();
    return QApplication::exec();
}
