// SPDX-License-Identifier: GPL-3.0-or-later
// The login entry's `aoesan --autostart`, the real program: with "Start aoesan in the tray when I log in"
// off (no settings file, or the file says false) it ends with 0 within a second and leaves no trace: no
// private bus, no service log, no settings file; even where there is no display at all, which proves it
// never made its QApplication (Qt aborts there without one). With the setting on it starts for real (its
// private bus and service appear) and keeps running until SIGTERM ends it. It runs in a network namespace
// of its own (unshare), with its own HOME, XDG directories and TMPDIR, and no session or system bus.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {

struct Person
{
    QTemporaryDir home;
    QString path(const char *name) const { return home.filePath(QString::fromLatin1(name)); }
    QString settingsFile() const { return path("config/aoesan/aoesan.conf"); }
    bool writeSettings(const QByteArray &text) const
    {
        QDir().mkpath(path("config/aoesan"));
        QFile file(settingsFile());
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    }
    // What a started program leaves: the private bus's directory (under TMPDIR) and the service's log.
    bool busStarted() const
    {
        return !QDir(path("tmp")).entryList({QStringLiteral("aoesan-bus-*")}, QDir::Dirs).isEmpty();
    }
    bool serviceLogged() const { return QFile::exists(path("state/aoesan/service.log")); }
};

// Starts `aoesan --autostart` for `person` in a network namespace of its own; `platform` empty: no display.
void startAutostart(QProcess &program, const Person &person, const QString &platform)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE",
             "DBUS_SESSION_BUS_ADDRESS", "XDG_CONFIG_DIRS"})
        env.remove(QString::fromLatin1(name));
    if (!platform.isEmpty())
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    QDir().mkpath(person.path("tmp"));
    QDir().mkpath(person.path("runtime"));
    env.insert(QStringLiteral("HOME"), person.home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), person.path("config"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), person.path("state"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), person.path("runtime")); // no session bus in it
    env.insert(QStringLiteral("TMPDIR"), person.path("tmp"));
    // Never this machine's system bus, nor a service installed on it.
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=%1").arg(person.path("no-bus")));
    program.setProcessEnvironment(env);
    program.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args {QStringLiteral("--net")};
    if (::geteuid() != 0)
        args.prepend(QStringLiteral("--map-root-user"));
    program.start(QStandardPaths::findExecutable(QStringLiteral("unshare")),
        args << QStringLiteral(AOESAN_GUI_BINARY) << QStringLiteral("--autostart"));
}

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty(),
            "unshare (util-linux) is needed to run the program apart from the network");
    }

    void offEndsAtOnce_data()
    {
        QTest::addColumn<QByteArray>("settings"); // empty: no settings file
        QTest::addColumn<QString>("platform");
        QTest::addRow("no settings file, offscreen") << QByteArray() << QStringLiteral("offscreen");
        QTest::addRow("setting off, offscreen")
            << QByteArray("[startup]\ntrayAtLogin=false\n[ui]\nlanguage=de\n") << QStringLiteral("offscreen");
        QTest::addRow("no settings file, no display") << QByteArray() << QString();
        QTest::addRow("damaged settings file, no display") << QByteArray("trayAtLogin=true\0", 17) << QString();
    }

    void offEndsAtOnce()
    {
        QFETCH(QByteArray, settings);
        QFETCH(QString, platform);
        Person person;
        if (!settings.isEmpty())
            QVERIFY(person.writeSettings(settings));
        QProcess program;
        QElapsedTimer timer;
        timer.start();
        startAutostart(program, person, platform);
        QVERIFY(program.waitForFinished(10000));
        const qint64 elapsed = timer.elapsed();
        const QString out = QString::fromLocal8Bit(program.readAll());
        if (out.contains(QLatin1String("unshare failed")))
            QSKIP("this machine allows no network namespace for an ordinary user");
        QCOMPARE(program.exitStatus(), QProcess::NormalExit);
        QVERIFY2(program.exitCode() == 0, qPrintable(QStringLiteral("rc %1: %2").arg(program.exitCode()).arg(out)));
        QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("it took %1 ms").arg(elapsed)));
        QVERIFY2(out.isEmpty(), qPrintable(out));
        QVERIFY(!person.busStarted());
        QVERIFY(!person.serviceLogged());
        QCOMPARE(QFile::exists(person.settingsFile()), !settings.isEmpty()); // not even written
        if (!settings.isEmpty()) {
            QFile file(person.settingsFile());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), settings); // a damaged one is set aside only when the program really starts
        }
    }

    void onStartsAndStays()
    {
        Person person;
        QVERIFY(person.writeSettings("[startup]\ntrayAtLogin=true\n"));
        QProcess program;
        startAutostart(program, person, QStringLiteral("offscreen"));
        QVERIFY(program.waitForStarted(5000));
        // It went past the login check: its private bus and service are started.
        QTRY_VERIFY_WITH_TIMEOUT(person.busStarted() && person.serviceLogged(), 20000);
        QTest::qWait(2000);
        const QString early = QString::fromLocal8Bit(program.readAll());
        QVERIFY2(program.state() == QProcess::Running, qPrintable(early));
        // SIGTERM is the session ending: it quits and its private service and bus end with it.
        ::kill(static_cast<pid_t>(program.processId()), SIGTERM);
        if (!program.waitForFinished(15000)) {
            program.kill();
            program.waitForFinished(5000);
            QFAIL("aoesan --autostart did not end on SIGTERM");
        }
        QCOMPARE(program.exitStatus(), QProcess::NormalExit);
        QCOMPARE(program.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
