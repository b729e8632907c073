// netraven-dbadmin: wiring only; the window and everything behind it live in nrdb_ui and nrdb_core.
#include "appearance.h"
#include "mainwindow.h"
#include "windowautomation.h"

#include "connection/profilestore.h"

#include "nrdb/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

namespace {

void nameTheApplication()
{
    QApplication::setOrganizationName(QStringLiteral("NetRaven"));
    QApplication::setApplicationName(QStringLiteral("netraven-dbadmin"));
    QApplication::setApplicationDisplayName(QStringLiteral(NRDB_PRODUCT_NAME));
    QApplication::setApplicationVersion(QStringLiteral(NRDB_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("org.netraven.DbAdmin"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/nrdb/icons/app/netraven-dbadmin.svg")));
}

// The options of the command line, and what they ask of the window.
struct CommandLine {
    QCommandLineOption sandbox{QStringLiteral("sandbox"),
                               QStringLiteral("Start a throwaway local server and connect to it.")};
    QCommandLineOption profile{QStringLiteral("profile"), QStringLiteral("Connect with a saved profile."),
                               QStringLiteral("name")};
    QCommandLineOption dialog{QStringLiteral("connect-dialog"), QStringLiteral("Open the connection dialog at start.")};
    QCommandLineOption select{
        QStringLiteral("select"),
        QStringLiteral("Once the schema is read, show the table <schema.table> (in the diagram with --diagram)."),
        QStringLiteral("schema.table")};
    QCommandLineOption diagram{QStringLiteral("diagram"),
                               QStringLiteral("Once the schema is read, show the relationship diagram.")};
    QCommandLineOption run{QStringLiteral("run"),
                           QStringLiteral("Once connected, run <action>: bootstrap, verify, backup "
                                          "(into netraven-dbadmin-backups in the temporary directory), "
                                          "or compare (with the default pack, rehearsed)."),
                           QStringLiteral("action")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QStringLiteral("Once connected (or failed), save a picture of the window to <file> and quit."),
        QStringLiteral("file")};
    QCommandLineOption appearance{QStringLiteral("appearance"),
                                  QStringLiteral("light, dark or system, for this run (Settings keeps a choice)."),
                                  QStringLiteral("look")};
    QCommandLineParser parser;

    // Parses the arguments; exits with the help on a wrong combination.
    void process(const QApplication &app)
    {
        parser.setApplicationDescription(QStringLiteral("Inspect, initialise, verify, back up and restore "
                                                        "NetRaven's PostgreSQL database."));
        parser.addHelpOption();
        parser.addVersionOption();
        for (const QCommandLineOption *option :
             {&sandbox, &profile, &dialog, &select, &diagram, &run, &screenshot, &appearance})
            parser.addOption(*option);
        parser.addPositionalArgument(QStringLiteral("connection"),
                                     QStringLiteral("A libpq URI or keyword string to connect to (no password: it "
                                                    "would be visible to other users)."),
                                     QStringLiteral("[connection]"));
        parser.process(app);
        const QStringList positional = parser.positionalArguments();
        if (positional.size() > 1 || (positional.size() == 1 && (parser.isSet(profile) || parser.isSet(sandbox))))
            parser.showHelp(2);
        const QString look = parser.value(appearance);
        if (!look.isEmpty() && look != QLatin1String("light") && look != QLatin1String("dark") &&
            look != QLatin1String("system"))
            parser.showHelp(2);
    }

    nrdb::Appearance chosenAppearance() const
    {
        const QString look = parser.value(appearance);
        return look == QLatin1String("light")    ? nrdb::Appearance::Light
               : look == QLatin1String("dark")   ? nrdb::Appearance::Dark
               : look == QLatin1String("system") ? nrdb::Appearance::System
                                                 : nrdb::savedAppearance();
    }

    QString connection() const { return parser.positionalArguments().value(0); }

    nrdb::WindowAutomation automation() const
    {
        nrdb::WindowAutomation automation;
        automation.select = parser.value(select);
        automation.diagram = parser.isSet(diagram);
        automation.run = parser.value(run);
        automation.screenshot = parser.value(screenshot);
        automation.openDialog = parser.isSet(dialog);
        automation.sandbox = parser.isSet(sandbox);
        automation.connecting = automation.sandbox || parser.isSet(profile) || !connection().isEmpty();
        return automation;
    }
};

// The profile the command line names: a saved one, or a connection string without a password.
nrdb::Result<nrdb::ConnectionProfile> profileToOpen(const CommandLine &line)
{
    if (line.parser.isSet(line.profile))
        return nrdb::ProfileStore().profile(line.parser.value(line.profile));
    const nrdb::Result<nrdb::ConnectionProfile> profile = nrdb::ConnectionProfile::parse(line.connection());
    if (profile && !profile.value().password.isEmpty())
        return nrdb::Error::usage(QStringLiteral("the connection string holds a password; use ~/.pgpass, "
                                                 "PGPASSWORD or the keychain instead"));
    return profile;
}

int failed(const nrdb::Error &error)
{
    std::fprintf(stderr, "netraven-dbadmin: %s\n", qPrintable(error.message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    nameTheApplication();
    CommandLine line;
    line.process(app);
    nrdb::applyAppearance(line.chosenAppearance());

    nrdb::MainWindow window;
    if (const nrdb::Status automated = nrdb::automate(window, line.automation()); !automated)
        return failed(automated.error());
    window.show();
    if (line.parser.isSet(line.sandbox)) {
        window.startSandbox();
    } else if (line.parser.isSet(line.profile) || !line.connection().isEmpty()) {
        const nrdb::Result<nrdb::ConnectionProfile> profile = profileToOpen(line);
        if (!profile)
            return failed(profile.error());
        window.connectTo(profile.value());
    }
    return QApplication::exec();
}
