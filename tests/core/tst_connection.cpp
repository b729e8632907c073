// Connection strings, environment, service files and pgpass read as libpq reads them; and
// connecting to the real server: authentication, missing databases, a server that comes up late.
#include "scratchdatabase.h"

#include "connection/connectionprofile.h"
#include "connection/connector.h"
#include "connection/databasesession.h"
#include "connection/libpqenvironment.h"
#include "connection/pgpassfile.h"
#include "connection/profilestore.h"
#include "connection/secretstore.h"
#include "sandbox/loopbackport.h"
#include "sandbox/sandboxcluster.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <future>

using namespace nrdb;

namespace {

void writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(permissions));
}

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class TestConnection : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NetRavenTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connection"));
    }

    void parsesLikeLibpq_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        // One row a line, its columns side by side.
        // clang-format off
        QTest::newRow("uri") << "postgresql://netraven:pw-n3travEn@db.example:5433/netraven"
                             << "db.example" << "5433" << "netraven" << "netraven" << "pw-n3travEn";
        QTest::newRow("postgres scheme") << "postgres://u@h/d" << "h" << "" << "d" << "u" << "";
        QTest::newRow("percent-encoding") << "postgresql://us%40er:p%3Aw%2Fd@host/my%20db"
                                          << "host" << "" << "my db" << "us@er" << "p:w/d";
        QTest::newRow("ipv6") << "postgresql://[2001:db8::1]:6543/netraven" << "2001:db8::1" << "6543"
                              << "netraven" << "" << "";
        QTest::newRow("socket directory in query") << "postgresql:///netraven?host=/var/run/postgresql"
                                                   << "/var/run/postgresql" << "" << "netraven" << "" << "";
        QTest::newRow("socket directory encoded") << "postgresql://%2Ftmp%2Fpg/netraven" << "/tmp/pg" << ""
                                                  << "netraven" << "" << "";
        QTest::newRow("several hosts") << "postgresql://a:5432,b:5433/netraven?target_session_attrs=read-write"
                                       << "a,b" << "5432,5433" << "netraven" << "" << "";
        QTest::newRow("keywords") << "host=db port=5432 dbname=netraven user=dba password=s3cret"
                                  << "db" << "5432" << "netraven" << "dba" << "s3cret";
        QTest::newRow("keywords quoted") << R"(host=db dbname='my db' password='a\'b c')"
                                         << "db" << "" << "my db" << "" << "a'b c";
        // Found by fuzz_connectionstring: values that once came back different from a written form.
        QTest::newRow("tab in a value") << "host='db\t' dbname=x" << "db\t" << "" << "x" << "" << "";
        QTest::newRow("port that is no number") << "host=db port='54:x@/y' dbname=x" << "db" << "54:x@/y" << "x" << "" << "";
        QTest::newRow("host with a bracket") << "host='[db:1]:54' dbname=x" << "[db:1]:54" << "" << "x" << "" << "";
        QTest::newRow("two hosts, no port") << "host=a,b dbname=x" << "a,b" << "" << "x" << "" << "";
        // clang-format on
    }

    void parsesLikeLibpq()
    {
        QFETCH(QString, input);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, password);
        const Result<ConnectionProfile> parsed = ConnectionProfile::parse(input);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed.value().host, host);
        QCOMPARE(parsed.value().port, port);
        QCOMPARE(parsed.value().database, database);
        QCOMPARE(parsed.value().user, user);
        QCOMPARE(parsed.value().password, password);

        // Both written forms read back to the same profile, and neither carries the password.
        ConnectionProfile withoutPassword = parsed.value();
        withoutPassword.password.clear();
        for (const QString &written : {parsed.value().toUri(), parsed.value().toKeywordString()}) {
            if (!password.isEmpty())
                QVERIFY2(!written.contains(password), qPrintable(written));
            const Result<ConnectionProfile> again = ConnectionProfile::parse(written);
            QVERIFY2(again, qPrintable(written + QStringLiteral(": ") + (again ? QString() : again.error().message)));
            QVERIFY2(again.value() == withoutPassword, qPrintable(written));
        }
    }

    void badInputNamesWhatIsWrong_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("named");
        // One row a line, its columns side by side.
        // clang-format off
        QTest::newRow("unknown keyword") << "host=db colour=blue" << "colour";
        QTest::newRow("missing equals") << "host=db dbname" << "dbname";
        QTest::newRow("unterminated quote") << "host='db" << "unterminated quoted string";
        QTest::newRow("unknown uri parameter") << "postgresql://db/x?colour=blue" << "colour";
        QTest::newRow("bad percent") << "postgresql://db/x%zz" << "percent-encoded";
        QTest::newRow("unclosed ipv6") << "postgresql://[::1/x" << "IPv6";
        QTest::newRow("NUL character") << QStringLiteral("postgresql://db/x") + QChar(0) + QStringLiteral("y") << "NUL";
        // clang-format on
    }

    void badInputNamesWhatIsWrong()
    {
        QFETCH(QString, input);
        QFETCH(QString, named);
        const Result<ConnectionProfile> parsed = ConnectionProfile::parse(input);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::Usage);
        QVERIFY2(parsed.error().message.contains(named, Qt::CaseInsensitive), qPrintable(parsed.error().message));
    }

    void environmentAndServiceFileFollowLibpqPrecedence()
    {
        QTemporaryDir dir;
        const QString serviceFile = dir.filePath(QStringLiteral("services.conf"));
        writeFile(
            serviceFile,
            "# NetRaven\n[netraven-prod]\nhost=db.prod\nport=6432\ndbname=netraven\nuser=svc\n\n[other]\nhost=x\n",
            kOwnerOnly);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PGSERVICEFILE"), serviceFile);
        environment.insert(QStringLiteral("PGSYSCONFDIR"), dir.filePath(QStringLiteral("none")));
        environment.insert(QStringLiteral("PGSERVICE"), QStringLiteral("netraven-prod"));
        environment.insert(QStringLiteral("PGUSER"), QStringLiteral("from-env"));
        environment.insert(QStringLiteral("PGSSLMODE"), QStringLiteral("require"));
        environment.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("nightly"));

        ConnectionProfile explicitProfile;
        explicitProfile.database = QStringLiteral("explicit_db");
        const Result<ConnectionProfile> resolved = resolveProfile(explicitProfile, environment);
        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().message));
        QCOMPARE(resolved.value().database, QStringLiteral("explicit_db")); // explicit beats service
        QCOMPARE(resolved.value().host, QStringLiteral("db.prod"));         // service fills the rest
        QCOMPARE(resolved.value().port, QStringLiteral("6432"));
        QCOMPARE(resolved.value().user, QStringLiteral("svc"));        // service beats environment
        QCOMPARE(resolved.value().sslMode, QStringLiteral("require")); // environment fills the rest
        QCOMPARE(resolved.value().applicationName, QStringLiteral("nightly"));

        environment.insert(QStringLiteral("PGSERVICE"), QStringLiteral("missing"));
        const Result<ConnectionProfile> missing = resolveProfile(ConnectionProfile{}, environment);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QLatin1String("\"missing\" not found")));
    }

    void defaultsAreLibpqs()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PGUSER"), QStringLiteral("dba"));
        const Result<ConnectionProfile> resolved = resolveProfile(ConnectionProfile{}, environment);
        QVERIFY(resolved);
        QCOMPARE(resolved.value().port, QStringLiteral("5432"));
        QCOMPARE(resolved.value().database, QStringLiteral("dba"));
        QCOMPARE(resolved.value().host, QString()); // libpq's default socket
    }

    void pgpassMatchesLikeLibpq_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected"); // "-" for no match
        // One row a line, its columns side by side.
        // clang-format off
        QTest::newRow("exact") << "db.prod" << "5432" << "netraven" << "netraven" << "exact-pw";
        QTest::newRow("wildcard database") << "db.prod" << "5432" << "other" << "netraven" << "any-db-pw";
        QTest::newRow("escaped colon and backslash") << "db:colon" << "5432" << "netraven" << "x" << "a:b\\c";
        QTest::newRow("socket is localhost") << "/var/run/postgresql" << "5432" << "netraven" << "local"
                                             << "socket-pw";
        QTest::newRow("first match wins") << "db.prod" << "5432" << "netraven" << "netraven" << "exact-pw";
        QTest::newRow("no match") << "elsewhere" << "5432" << "netraven" << "nobody" << "-";
        // clang-format on
    }

    void pgpassMatchesLikeLibpq()
    {
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pgpass"));
        writeFile(path,
                  "# comment\n"
                  "db.prod:5432:netraven:netraven:exact-pw\n"
                  "db.prod:5432:*:netraven:any-db-pw\n"
                  "db\\:colon:*:*:x:a\\:b\\\\c\n"
                  "localhost:5432:*:local:socket-pw\n"
                  "db.prod:5432:netraven:netraven:later-pw\n",
                  kOwnerOnly);
        ConnectionProfile profile;
        profile.host = host;
        profile.port = port;
        profile.database = database;
        profile.user = user;
        profile.otherOptions.insert(QStringLiteral("passfile"), path);
        const PgpassLookup lookup = lookupPgpass(profile);
        QCOMPARE(lookup.warning, QString());
        if (expected == QLatin1String("-"))
            QVERIFY(!lookup.password);
        else
            QCOMPARE(lookup.password.value_or(QStringLiteral("(none)")), expected);
    }

    void pgpassReadableByOthersIsIgnored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pgpass"));
        writeFile(path, "*:*:*:*:secret\n", kOwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        ConnectionProfile profile;
        profile.otherOptions.insert(QStringLiteral("passfile"), path);
        const PgpassLookup lookup = lookupPgpass(profile);
        QVERIFY(!lookup.password);
        QVERIFY2(lookup.warning.contains(QLatin1String("group or world access")), qPrintable(lookup.warning));
    }

    void failuresAreClassified_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("failure");
        // One row a line, its columns side by side.
        // clang-format off
        QTest::newRow("refused") << R"(connection to server at "127.0.0.1", port 1 failed: Connection refused)"
                                 << int(ConnectFailure::ConnectionRefused);
        QTest::newRow("unknown host") << R"(could not translate host name "nohost" to address: Name or service not known)"
                                      << int(ConnectFailure::HostUnreachable);
        QTest::newRow("password") << R"(FATAL:  password authentication failed for user "x")"
                                  << int(ConnectFailure::AuthenticationFailed);
        QTest::newRow("no database") << R"(FATAL:  database "nope" does not exist)"
                                     << int(ConnectFailure::DatabaseMissing);
        QTest::newRow("no role") << R"(FATAL:  role "ghost" does not exist)" << int(ConnectFailure::AuthenticationFailed);
        QTest::newRow("tls required") << R"(FATAL:  no pg_hba.conf entry for host "1.2.3.4", user "x", database "y", no encryption)"
                                      << int(ConnectFailure::TlsFailed);
        QTest::newRow("tls refused") << "server does not support SSL, but SSL was required"
                                     << int(ConnectFailure::TlsFailed);
        QTest::newRow("too many") << "FATAL:  sorry, too many clients already" << int(ConnectFailure::TooManyConnections);
        QTest::newRow("starting") << "FATAL:  the database system is starting up" << int(ConnectFailure::ServerStarting);
        // clang-format on
    }

    void failuresAreClassified()
    {
        QFETCH(QString, message);
        QFETCH(int, failure);
        QCOMPARE(int(classifyConnectFailure(message)), failure);
    }

    void profilesAreSavedWithoutPasswords()
    {
        QTemporaryDir dir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        ConnectionProfile prod =
            ConnectionProfile::parse(
                QStringLiteral("postgresql://netraven:Pr0d-S3cret@db.prod/netraven?sslmode=verify-full"))
                .value();
        prod.name = QStringLiteral("Production");
        prod.tier = DeploymentTier::Production;
        ConnectionProfile dev = ConnectionProfile::parse(QStringLiteral("host=localhost dbname=netraven")).value();
        dev.name = QStringLiteral("Laptop");
        {
            ProfileStore store;
            QVERIFY(store.saveAll({prod, dev}));
            store.markUsed(dev);
            store.markUsed(prod);
            QVERIFY(!store.saveAll({dev, dev}));
        }
        ProfileStore store;
        const QList<ConnectionProfile> loaded = store.profiles();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).name, QStringLiteral("Production"));
        QCOMPARE(loaded.at(0).tier, DeploymentTier::Production);
        QCOMPARE(loaded.at(0).sslMode, QStringLiteral("verify-full"));
        QCOMPARE(loaded.at(0).password, QString());
        QCOMPARE(store.recent(), (QStringList{QStringLiteral("Production"), QStringLiteral("Laptop")}));
        QVERIFY(!store.profile(QStringLiteral("Nope")));

        // A connection made from a URI alone is recent by its URI, without the password, and
        // stays so when the profiles are saved again.
        ConnectionProfile unnamed =
            ConnectionProfile::parse(QStringLiteral("postgresql://dba:Adh0c-S3cret@db.staging:6432/netraven")).value();
        store.markUsed(unnamed);
        QVERIFY(store.saveAll({prod}));
        const QStringList recent = store.recent();
        QCOMPARE(recent.size(), 2);
        QVERIFY2(ProfileStore::isUriEntry(recent.first()) && !recent.first().contains(QLatin1String("Adh0c")),
                 qPrintable(recent.first()));
        const Result<ConnectionProfile> again = store.recentProfile(recent.first());
        QVERIFY(again);
        QCOMPARE(again.value().displayName(), QStringLiteral("dba@db.staging:6432/netraven"));
        QCOMPARE(recent.at(1), QStringLiteral("Production"));

        QSettings settings(QSettings::IniFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                           QStringLiteral("netraven-dbadmin"));
        QFile raw(settings.fileName());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY(text.contains("db.prod"));
        QVERIFY2(!text.contains("Pr0d-S3cret") && !text.contains("Adh0c-S3cret"), text.constData());
    }

    // Without a keychain nothing is stored, and that is an answer, not a failure to show.
    // A settings file edited by hand, found by fuzz_profiles: an array size of billions once meant
    // billions of look-ups; only the entries that are there are read.
    void aHugeProfileCountInTheFileIsNotBelieved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[connections]\nprofiles\\1\\name=prod\nprofiles\\1\\uri=postgresql://db/"
                   "netraven\nprofiles\\size=2000000000\n");
        file.close();
        QElapsedTimer clock;
        clock.start();
        const QList<ConnectionProfile> profiles = ProfileStore(path).profiles();
        QVERIFY2(clock.elapsed() < 2000, "the declared size was believed");
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().name, QStringLiteral("prod"));
    }

    void keychainAbsenceIsAnAnswer()
    {
        if (qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("a session bus is present; the absent-keychain case cannot be shown here");
        ConnectionProfile profile;
        profile.user = QStringLiteral("dba");
        profile.host = QStringLiteral("db");
        profile.port = QStringLiteral("5432");
        const SecretStore::Answer written = SecretStore::write(profile, QStringLiteral("pw"));
        QVERIFY2(written.outcome == SecretStore::Outcome::Unavailable, qPrintable(written.message));
        QVERIFY(written.message.contains(QLatin1String("nothing was stored")));
        QCOMPARE(int(SecretStore::read(profile).outcome), int(SecretStore::Outcome::Unavailable));
    }

    void passwordAuthenticationOnTheServer()
    {
        test::ScratchDatabase scratch;
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        createRole(scratch, QStringLiteral("nrdb_dba"), QStringLiteral("Right-Horse-9"));
        ConnectionProfile profile = scratch.profile();
        profile.user = QStringLiteral("nrdb_dba");

        profile.password = QStringLiteral("Right-Horse-9");
        DatabaseSession good;
        QVERIFY(connectWithRetry(good, profile, RetryPolicy::once()));

        profile.password = QStringLiteral("wrong-password");
        DatabaseSession bad;
        QStringList attempts;
        const Status refused = connectWithRetry(bad, profile, RetryPolicy{5, 10, 1.0, 10},
                                                [&attempts](const QString &line) { attempts << line; });
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Authentication);
        QVERIFY2(refused.error().message.contains(QLatin1String("refused user \"nrdb_dba\"")),
                 qPrintable(refused.error().message));
        QVERIFY(refused.error().detail.contains(QLatin1String("password authentication failed")));
        QCOMPARE(attempts.size(), 1); // a wrong password is not retried

        // No password given: the one in the pgpass file is found.
        QTemporaryDir dir;
        const QString passfile = dir.filePath(QStringLiteral("pgpass"));
        writeFile(passfile, QStringLiteral("127.0.0.1:%1:*:nrdb_dba:Right-Horse-9\n").arg(profile.port).toUtf8(),
                  kOwnerOnly);
        profile.password.clear();
        profile.otherOptions.insert(QStringLiteral("passfile"), passfile);
        const PgpassLookup lookup = lookupPgpass(profile);
        QCOMPARE(lookup.password.value_or(QString()), QStringLiteral("Right-Horse-9"));
        profile.password = *lookup.password;
        DatabaseSession fromPgpass;
        QVERIFY(connectWithRetry(fromPgpass, profile, RetryPolicy::once()));
    }

    void missingDatabaseIsNamed()
    {
        test::ScratchDatabase scratch;
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        ConnectionProfile profile = scratch.profile();
        profile.database = QStringLiteral("no_such_database");
        DatabaseSession session;
        const Status opened = connectWithRetry(session, profile, RetryPolicy{3, 10, 1.0, 10});
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::NotFound);
        QCOMPARE(opened.error().message,
                 QStringLiteral("The database \"no_such_database\" does not exist on 127.0.0.1"));
    }

    void waitsForAServerThatComesUpLate()
    {
        test::ScratchDatabase scratch;
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch); // the CI rule: no server binaries is a failure there
        const quint16 port = loopbackport::pickFree().value();
        std::unique_ptr<QTemporaryDir> parent(new QTemporaryDir);
        QFile::setPermissions(parent->path(),
                              QFile::permissions(parent->path()) | QFileDevice::ExeOther | QFileDevice::ReadOther);
        SandboxOptions options;
        options.port = port;
        options.parentDir = parent->path();
        options.password = QStringLiteral("Late-Server-1");
        SandboxCluster late(options);
        // A thread of its own, ended before the test ends: libpq's SCRAM leaves OpenSSL state in the
        // thread that connects, freed when that thread ends (a pooled thread outlives OpenSSL's exit).
        std::future<Status> starting = std::async(std::launch::async, [&late] {
            QThread::msleep(1500);
            return late.start();
        });

        ConnectionProfile profile;
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = QString::number(port);
        profile.database = QStringLiteral("postgres");
        profile.user = QStringLiteral("postgres");
        profile.password = options.password;
        QStringList attempts;
        DatabaseSession session;
        const Status opened = connectWithRetry(session, profile, RetryPolicy{40, 250, 1.2, 1000},
                                               [&attempts](const QString &line) { attempts << line; });
        QVERIFY(starting.get());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().fullText()));
        QVERIFY2(attempts.size() >= 3, qPrintable(attempts.join(QLatin1Char('\n'))));
        QVERIFY(attempts.first().contains(QLatin1String("Nothing accepts connections")));
        QVERIFY(attempts.last().contains(QLatin1String("Connected")));
    }

    void retryingCanBeCancelled()
    {
        ConnectionProfile profile;
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = QString::number(loopbackport::pickFree().value());
        profile.database = QStringLiteral("x");
        profile.user = QStringLiteral("x");
        QElapsedTimer clock;
        clock.start();
        DatabaseSession session;
        const Status opened = connectWithRetry(session, profile, RetryPolicy{10, 3000, 1.0, 3000}, {},
                                               [&clock] { return clock.elapsed() > 300; });
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Cancelled);
        QVERIFY(clock.elapsed() < 2000);
    }

private:
    void createRole(test::ScratchDatabase &scratch, const QString &role, const QString &password)
    {
        DatabaseSession admin;
        QVERIFY(admin.open(scratch.profile()));
        QSqlQuery query(admin.database());
        query.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)); // roles outlive databases; the cluster does not
        // The password is a literal here only because CREATE ROLE takes no parameters.
        QVERIFY2(query.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password)),
                 qPrintable(query.lastError().text()));
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
