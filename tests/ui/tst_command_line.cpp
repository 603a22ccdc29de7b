// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program's command line, read before any GUI exists: the verdicts for help, version, lab,
// autostart, log level, Qt's own options and bad options; and the real `aoesan --help` / `--version` printing and
// leaving with 0 where there is no display at all (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM) —
// creating the QApplication first made them abort there. The program runs in a network namespace of
// its own (unshare), so even a broken --help could send nothing.
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include "Version.h"
#include "shell/CommandLine.h"

using namespace aoesan;
using Action = ui::CommandLineVerdict::Action;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void verdict_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("lab");
        QTest::addColumn<QString>("logLevel");
        QTest::addColumn<bool>("autostart");
        const auto row = [](const char *name, QStringList args, Action action, bool lab = false,
                             const QString &level = {}, bool autostart = false) {
            args.prepend(QStringLiteral("aoesan"));
            QTest::newRow(name) << args << static_cast<int>(action) << lab << level << autostart;
        };
        row("nothing", {}, Action::Run);
        row("--help", {QStringLiteral("--help")}, Action::PrintHelp);
        row("-h", {QStringLiteral("-h")}, Action::PrintHelp);
        row("--help-all", {QStringLiteral("--help-all")}, Action::PrintHelp);
        row("--version", {QStringLiteral("--version")}, Action::PrintVersion);
        row("-v", {QStringLiteral("-v")}, Action::PrintVersion);
        row("--lab", {QStringLiteral("--lab")}, Action::Run, true);
        row("--autostart", {QStringLiteral("--autostart")}, Action::Run, false, {}, true);
        row("--autostart --log-level=info", {QStringLiteral("--autostart"), QStringLiteral("--log-level=info")},
            Action::Run, false, QStringLiteral("info"), true);
        row("a value for --autostart", {QStringLiteral("--autostart=no")}, Action::Refuse);
        row("--log-level debug", {QStringLiteral("--log-level"), QStringLiteral("debug")}, Action::Run, false,
            QStringLiteral("debug"));
        row("--log-level=warn --lab", {QStringLiteral("--log-level=warn"), QStringLiteral("--lab")}, Action::Run, true,
            QStringLiteral("warn"));
        row("Qt's -platform", {QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--lab")},
            Action::Run, true);
        row("Qt's -style=", {QStringLiteral("-style=fusion"), QStringLiteral("-reverse")}, Action::Run);
        row("unknown option", {QStringLiteral("--frobnicate")}, Action::Refuse);
        row("log level without a value", {QStringLiteral("--log-level")}, Action::Refuse);
        row("a value for --lab", {QStringLiteral("--lab=yes")}, Action::Refuse);
        row("unknown log level", {QStringLiteral("--log-level"), QStringLiteral("loud")}, Action::Refuse);
        row("log level in capitals", {QStringLiteral("--log-level=DEBUG")}, Action::Refuse);
    }

    void verdict()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, action);
        QFETCH(bool, lab);
        QFETCH(QString, logLevel);
        QFETCH(bool, autostart);
        const auto v = ui::readCommandLine(arguments);
        QCOMPARE(static_cast<int>(v.action), action);
        if (v.action == Action::Refuse)
            QVERIFY(!v.error.isEmpty());
        QCOMPARE(v.options.lab, lab);
        QCOMPARE(v.options.logLevel.value_or(QString()), logLevel);
        QCOMPARE(v.options.autostart, autostart);
    }

    void programPrintsWithoutADisplay_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("onStdout");
        QTest::addColumn<QString>("onStderr");
        QTest::newRow("--help") << QStringLiteral("--help") << 0 << QStringLiteral("--lab") << QString();
        QTest::newRow("-h") << QStringLiteral("-h") << 0 << QStringLiteral("--log-level <level>") << QString();
        QTest::newRow("--help lists --autostart")
            << QStringLiteral("--help") << 0 << QStringLiteral("--autostart") << QString();
        QTest::newRow("--version") << QStringLiteral("--version") << 0
                                   << QStringLiteral("aoesan %1").arg(QString::fromLatin1(kVersionString)) << QString();
        QTest::newRow("bad option") << QStringLiteral("--frobnicate") << 2 << QString() << QStringLiteral("frobnicate");
        QTest::newRow("bad log level") << QStringLiteral("--log-level=loud") << 2 << QString()
                                       << QStringLiteral("unknown log level 'loud'");
    }

    void programPrintsWithoutADisplay()
    {
        QFETCH(QString, argument);
        QFETCH(int, exitCode);
        QFETCH(QString, onStdout);
        QFETCH(QString, onStderr);
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        QVERIFY2(!unshare.isEmpty(), "unshare (util-linux) is needed to run the program apart from the network");
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
        QProcess program;
        program.setProcessEnvironment(env);
        // As root a plain network namespace; otherwise a user namespace maps us to root for it.
        QStringList args {QStringLiteral("--net")};
        if (::geteuid() != 0)
            args.prepend(QStringLiteral("--map-root-user"));
        program.start(unshare, args << QStringLiteral(AOESAN_GUI_BINARY) << argument);
        QVERIFY(program.waitForFinished(20000));
        const QString out = QString::fromLocal8Bit(program.readAllStandardOutput());
        const QString err = QString::fromLocal8Bit(program.readAllStandardError());
        if (err.contains(QLatin1String("unshare failed")))
            QSKIP("this machine allows no network namespace for an ordinary user");
        QCOMPARE(program.exitStatus(), QProcess::NormalExit);
        QVERIFY2(
            program.exitCode() == exitCode, qPrintable(QStringLiteral("rc %1: %2").arg(program.exitCode()).arg(err)));
        if (!onStdout.isEmpty())
            QVERIFY2(out.contains(onStdout), qPrintable(out));
        if (!onStderr.isEmpty())
            QVERIFY2(err.contains(onStderr), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
