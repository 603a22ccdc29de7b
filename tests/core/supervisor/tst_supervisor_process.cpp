// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor with real processes: QProcessLauncher starts aoesan_fake_engine, which crashes at
// start or later, hangs, ignores SIGTERM, prints garbage, exits with chosen codes or reports the
// no-permission error, and the supervisor must end in the right state with the right words.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "supervisor/ExportSupervisor.h"
#include "supervisor/QProcessLauncher.h"

using namespace aoesan::supervisor;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(aoesan::supervisor::ExportState)

namespace {

RestartPolicy quickPolicy()
{
    RestartPolicy p;
    p.firstDelay = 50ms;
    p.maxDelay = 200ms;
    p.stableAfter = 3s;
    p.maxFastFailures = 3;
    p.startTimeout = 1500ms;
    p.stopTimeout = 2000ms;
    return p;
}

} // namespace

class TestSupervisorProcess : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runsAndStopsCleanly();
    void crashAtStartGivesUp();
    void crashLaterRestarts();
    void recoversAfterSomeFailures();
    void hangHitsStartTimeout();
    void ignoringSigtermGetsSigkill();
    void garbageOnStdoutIsIgnored();
    void exitCodes_data();
    void exitCodes();
    void noPermissionEventFailsWithFix();
    void engineThatCannotRunFails();

private:
    // A supervisor whose engine is the fake with these --behave words.
    void makeSupervisor(const QStringList &behaviour, const QString &program = QStringLiteral(AOESAN_FAKE_ENGINE));
    ExportStatus status() const { return *m_supervisor->status(QStringLiteral("disk")); }
    ExportRecord record() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    SteadySupervisorClock m_clock;
    std::unique_ptr<QProcessLauncher> m_launcher;
    std::unique_ptr<ExportSupervisor> m_supervisor;
    int m_launches = 0; // Starting entered this many times
    ExportState m_previous = ExportState::Stopped;
};

void TestSupervisorProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QFile image(m_dir->filePath(QStringLiteral("disk.img")));
    QVERIFY(image.open(QIODevice::WriteOnly));
    m_launches = 0;
    m_previous = ExportState::Stopped;
}

void TestSupervisorProcess::cleanup()
{
    if (m_supervisor && m_supervisor->anyActive()) {
        QSignalSpy done(m_supervisor.get(), &ExportSupervisor::allStopped);
        m_supervisor->stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 5000);
    }
    m_supervisor.reset();
    m_launcher.reset();
}

void TestSupervisorProcess::makeSupervisor(const QStringList &behaviour, const QString &program)
{
    QStringList leading;
    for (const auto &b : behaviour)
        leading << QStringLiteral("--behave") << b;
    m_launcher = std::make_unique<QProcessLauncher>(EngineCommand {program, leading});
    m_supervisor
        = std::make_unique<ExportSupervisor>(*m_launcher, m_clock, ExportPreflight(nullptr, nullptr), quickPolicy());
    m_supervisor->setStateDirectory(m_dir->filePath(QStringLiteral("state")));
    connect(m_supervisor.get(), &ExportSupervisor::statusChanged, this, [this](const QString &, const ExportStatus &s) {
        if (s.state == ExportState::Starting && m_previous != ExportState::Starting)
            ++m_launches;
        m_previous = s.state;
    });
}

ExportRecord TestSupervisorProcess::record() const
{
    ExportRecord r;
    r.name = QStringLiteral("disk");
    r.path = m_dir->filePath(QStringLiteral("disk.img"));
    r.shelf = 7;
    r.slot = 3;
    r.interface = QStringLiteral("fake0");
    return r;
}

void TestSupervisorProcess::runsAndStopsCleanly()
{
    makeSupervisor({});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 5000);
    const qint64 pid = status().pid;
    QVERIFY(pid > 0);
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY(cmdline.readAll().contains("aoesan_fake_engine"));
    QTRY_VERIFY_WITH_TIMEOUT(status().counters.framesIn > 0, 3000);

    QElapsedTimer stopping;
    stopping.start();
    m_supervisor->stop(QStringLiteral("disk"));
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Stopped, 3000);
    QVERIFY2(stopping.elapsed() < 1900, "a SIGTERM-obeying engine must not wait for the SIGKILL timeout");
    QVERIFY(!status().lastError);
    QVERIFY(!QFile::exists(QStringLiteral("/proc/%1/cmdline").arg(pid)));
}

void TestSupervisorProcess::crashAtStartGivesUp()
{
    makeSupervisor({QStringLiteral("crash-at-start")});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Failed, 10000);
    QCOMPARE(m_launches, quickPolicy().maxFastFailures);
    const ExportProblem problem = *status().lastError;
    QCOMPARE(problem.code, QStringLiteral("crashed"));
    QVERIFY2(problem.message.contains(QStringLiteral("crashing at start as asked")), qPrintable(problem.message));
    QVERIFY2(problem.message.contains(QStringLiteral("gave up after 3")), qPrintable(problem.message));
}

void TestSupervisorProcess::crashLaterRestarts()
{
    makeSupervisor({QStringLiteral("crash-after=300")});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(status().restarts >= 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 5000);
    QCOMPARE(status().lastError->code, QStringLiteral("crashed"));
}

void TestSupervisorProcess::recoversAfterSomeFailures()
{
    makeSupervisor({QStringLiteral("fail-first=2:") + m_dir->filePath(QStringLiteral("count"))});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 8000);
    QCOMPARE(status().restarts, 2);
    QCOMPARE(m_launches, 3);
}

void TestSupervisorProcess::hangHitsStartTimeout()
{
    makeSupervisor({QStringLiteral("hang")});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_VERIFY_WITH_TIMEOUT(status().lastError.has_value(), 5000);
    QCOMPARE(status().lastError->code, QStringLiteral("start-timeout"));
    QVERIFY(status().state == ExportState::Restarting || status().state == ExportState::Starting);
}

void TestSupervisorProcess::ignoringSigtermGetsSigkill()
{
    makeSupervisor({QStringLiteral("ignore-term")});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 5000);
    QElapsedTimer stopping;
    stopping.start();
    m_supervisor->stop(QStringLiteral("disk"));
    QCOMPARE(status().state, ExportState::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Stopped, 5000);
    QVERIFY2(stopping.elapsed() >= 1900, "killed before the stop timeout");
    QCOMPARE(m_launches, 1);
}

void TestSupervisorProcess::garbageOnStdoutIsIgnored()
{
    makeSupervisor({QStringLiteral("garbage")});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(status().counters.framesIn >= 50, 5000);
    QCOMPARE(status().state, ExportState::Running);
    QCOMPARE(status().restarts, 0);
}

void TestSupervisorProcess::exitCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<ExportState>("settlesIn");
    QTest::addColumn<QString>("problemCode");

    QTest::addRow("exit 1 restarts, then gives up") << 1 << ExportState::Failed << QStringLiteral("exited");
    QTest::addRow("exit 2 (usage) fails at once") << 2 << ExportState::Failed << QStringLiteral("exited");
    QTest::addRow("exit 3 (no permission) fails at once")
        << 3 << ExportState::Failed << QStringLiteral("no-permission");
}

void TestSupervisorProcess::exitCodes()
{
    QFETCH(int, code);
    QFETCH(ExportState, settlesIn);
    QFETCH(QString, problemCode);
    makeSupervisor({QStringLiteral("exit=%1").arg(code)});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, settlesIn, 10000);
    QCOMPARE(status().lastError->code, problemCode);
    QCOMPARE(m_launches, code == 1 ? quickPolicy().maxFastFailures : 1);
    if (code != 3)
        QVERIFY2(status().lastError->message.contains(QStringLiteral("exiting with %1 as asked").arg(code)),
            qPrintable(status().lastError->message));
}

void TestSupervisorProcess::noPermissionEventFailsWithFix()
{
    makeSupervisor({QStringLiteral("no-permission")});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Failed, 5000);
    QTest::qWait(300); // longer than the first back-off: nothing may restart it
    QCOMPARE(m_launches, 1);
    QCOMPARE(status().state, ExportState::Failed);
    QCOMPARE(status().lastError->code, QStringLiteral("no-permission"));
    QVERIFY(status().lastError->message.contains(QStringLiteral("CAP_NET_RAW")));
    QCOMPARE(status().lastError->fix, QStringLiteral("run as root"));
}

void TestSupervisorProcess::engineThatCannotRunFails()
{
    makeSupervisor({}, m_dir->filePath(QStringLiteral("no-such-engine")));
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Failed, 5000);
    QCOMPARE(status().lastError->code, QStringLiteral("cannot-run"));
    QCOMPARE(m_launches, 1);
}

QTEST_GUILESS_MAIN(TestSupervisorProcess)
#include "tst_supervisor_process.moc"
