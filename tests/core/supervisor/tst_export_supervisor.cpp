// SPDX-License-Identifier: GPL-3.0-or-later
// ExportSupervisor over fakes: a launcher whose engines do what the test says and a clock moved by
// hand, so back-off sequences, give-up, clean stop with SIGKILL escalation and the no-restart errors
// are checked exactly, in no real time. Preflight refusals use a fake address query and fixtures.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "SupervisorFakes.h"
#include "engine/ExportState.h"
#include "supervisor/AddressInUseQuery.h"
#include "supervisor/ExportSupervisor.h"

using namespace aoesan::supervisor;
using aoesan::test::FakeEngineProcess;
using aoesan::test::FakeProcessLauncher;
using aoesan::test::FakeSupervisorClock;
using namespace std::chrono_literals;

namespace {

class FakeAddressQuery final : public AddressInUseQuery
{
public:
    std::optional<QString> answeredBy(std::uint16_t shelf, std::uint8_t slot, const QString &interface) const override
    {
        if (shelf == 9 && slot == 9 && interface == QLatin1String("lan1"))
            return QStringLiteral("02:00:00:00:0a:09");
        return std::nullopt;
    }
};

} // namespace

class TestExportSupervisor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startsAndReportsCounters();
    void restoredMaskShowsInTheStatus();
    void wireEditShowsInTheStatus();
    void restartBackOffDoublesAndIsCapped();
    void givesUpAfterRepeatedFastFailures();
    void longRunResetsTheFailureCount();
    void noPermissionEventFailsAtOnce_data();
    void noPermissionEventFailsAtOnce();
    void cleanStopSendsTermThenKill();
    void stopDuringBackOffCancelsRestart();
    void startTimeoutKillsAndRestarts();
    void garbageLinesDoNotStopIt();
    void unrequestedCleanExitIsAStop();
    void refusesMissingFile();
    void refusesAddressAnsweredElsewhere();
    void refusesOwnDuplicateAddress();
    void seedsConfigString();
    void stopAllReportsWhenDone();
    void clientStormStaysBounded();

private:
    ExportRecord record(const QString &name = QStringLiteral("disk")) const;
    // Runs deferred deletes, so a finished fake process is gone as it would be in the event loop.
    static void settle() { QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); }
    ExportState state(const QString &name = QStringLiteral("disk")) const { return m_supervisor->status(name)->state; }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_image;
    FakeProcessLauncher m_launcher;
    FakeSupervisorClock m_clock;
    FakeAddressQuery m_addresses;
    RestartPolicy m_policy;
    std::unique_ptr<ExportSupervisor> m_supervisor;
};

void TestExportSupervisor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_image = m_dir->filePath(QStringLiteral("disk.img"));
    QFile image(m_image);
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.resize(1 << 20);
    m_launcher = FakeProcessLauncher();
    m_clock = FakeSupervisorClock();
    m_policy = RestartPolicy {};
    m_supervisor
        = std::make_unique<ExportSupervisor>(m_launcher, m_clock, ExportPreflight(&m_addresses, nullptr), m_policy);
    m_supervisor->setStateDirectory(m_dir->filePath(QStringLiteral("state")));
}

void TestExportSupervisor::cleanup()
{
    m_supervisor.reset();
    settle();
}

ExportRecord TestExportSupervisor::record(const QString &name) const
{
    ExportRecord r;
    r.name = name;
    r.path = m_image;
    r.shelf = 7;
    r.slot = 3;
    r.interface = QStringLiteral("lan1");
    return r;
}

void TestExportSupervisor::startsAndReportsCounters()
{
    QSignalSpy changes(m_supervisor.get(), &ExportSupervisor::statusChanged);
    QVERIFY(m_supervisor->start(record()).ok());
    QCOMPARE(m_launcher.launches(), 1);
    QCOMPARE(state(), ExportState::Starting);
    const QStringList args = m_launcher.lastArguments();
    QCOMPARE(args.mid(0, 2), (QStringList {QStringLiteral("serve"), QStringLiteral("--events")}));
    QVERIFY(args.contains(m_supervisor->stateFileFor(QStringLiteral("disk"))));
    QCOMPARE(args.mid(args.size() - 4),
        (QStringList {QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), m_image}));

    FakeEngineProcess *engine = m_launcher.last();
    engine->printStarted();
    QCOMPARE(state(), ExportState::Running);
    QCOMPARE(m_supervisor->status(QStringLiteral("disk"))->pid, engine->pid());
    engine->print(QByteArrayLiteral(R"({"event":"client","mac":"02:00:00:00:b0:02"})"));
    engine->print(QByteArrayLiteral(
        R"({"event":"counters","framesIn":10,"framesOut":11,"bytesRead":4096,"bytesWritten":512,"errors":1,"clients":1,"new":true})"));
    const ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.counters, (EngineCounters {10, 11, 4096, 512, 1, 1}));
    QCOMPARE(s.clients, QStringList {QStringLiteral("02:00:00:00:b0:02")});
    QCOMPARE(s.mac, QStringLiteral("02:00:00:00:b0:01"));
    QVERIFY(s.servingSince.isValid());

    // Every signal carries the name and a full snapshot; the last one is the current status.
    QVERIFY(changes.size() >= 3);
    QCOMPARE(changes.last().at(0).toString(), QStringLiteral("disk"));
    QCOMPARE(changes.last().at(1).value<ExportStatus>(), s);
}

void TestExportSupervisor::restartBackOffDoublesAndIsCapped()
{
    QVERIFY(m_supervisor->start(record()).ok());
    const std::vector<std::chrono::milliseconds> expected {250ms, 500ms, 1000ms, 2000ms};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        m_launcher.last()->printStderr("segfault, of course\n");
        m_launcher.last()->end(ProcessExit::signalled());
        settle();
        const ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
        QCOMPARE(s.state, ExportState::Restarting);
        QCOMPARE(s.nextRestartIn, expected[i]);
        QCOMPARE(s.lastError->code, QStringLiteral("crashed"));
        QVERIFY2(
            s.lastError->message.contains(QStringLiteral("segfault, of course")), qPrintable(s.lastError->message));
        QCOMPARE(m_clock.nextDue(), expected[i]);
        m_clock.advance(expected[i] - 1ms);
        QCOMPARE(m_launcher.launches(), int(i) + 1);
        m_clock.advance(1ms);
        QCOMPARE(m_launcher.launches(), int(i) + 2);
        QCOMPARE(state(), ExportState::Starting);
        QCOMPARE(m_supervisor->status(QStringLiteral("disk"))->restarts, int(i) + 1);
    }
    RestartPolicy capped;
    capped.maxDelay = 1500ms;
    QCOMPARE(capped.delayFor(1), 250ms);
    QCOMPARE(capped.delayFor(3), 1000ms);
    QCOMPARE(capped.delayFor(4), 1500ms);
    QCOMPARE(capped.delayFor(40), 1500ms);
}

void TestExportSupervisor::givesUpAfterRepeatedFastFailures()
{
    QVERIFY(m_supervisor->start(record()).ok());
    for (int i = 1; i <= m_policy.maxFastFailures; ++i) {
        m_launcher.last()->printError(
            QStringLiteral("no-such-interface"), QStringLiteral("no interface lan1"), QStringLiteral("See `ip link`."));
        m_launcher.last()->end(ProcessExit::exited(1));
        settle();
        if (i < m_policy.maxFastFailures) {
            QCOMPARE(state(), ExportState::Restarting);
            m_clock.advance(*m_clock.nextDue());
        }
    }
    const ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.state, ExportState::Failed);
    QCOMPARE(m_launcher.launches(), m_policy.maxFastFailures);
    QCOMPARE(s.lastError->code, QStringLiteral("no-such-interface"));
    QVERIFY(s.lastError->message.contains(QStringLiteral("no interface lan1")));
    QVERIFY(s.lastError->message.contains(QStringLiteral("gave up after 5")));
    QCOMPARE(s.lastError->fix, QStringLiteral("See `ip link`."));
    QCOMPARE(m_clock.pending(), std::size_t {0});
    QCOMPARE(s.pid, qint64(0));

    // A person starting it again gets a fresh count.
    QVERIFY(m_supervisor->start(record()).ok());
    QCOMPARE(state(), ExportState::Starting);
    QVERIFY(!m_supervisor->status(QStringLiteral("disk"))->lastError);
}

void TestExportSupervisor::restoredMaskShowsInTheStatus()
{
    QVERIFY(m_supervisor->start(record()).ok());
    FakeEngineProcess *engine = m_launcher.last();
    engine->printStarted();
    QCOMPARE(m_supervisor->status(QStringLiteral("disk"))->restrictedTo(), 0);
    engine->print(QByteArrayLiteral(
        R"({"event":"restored","masks":["02:00:00:00:ee:01","02:00:00:00:ee:02"],"reservations":["02:00:00:00:ee:01"],"stateFile":"/s.json"})"));
    ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QVERIFY(s.restored);
    QCOMPARE(s.masks.size(), 2);
    QCOMPARE(s.reservations, QStringList {QStringLiteral("02:00:00:00:ee:01")});
    QCOMPARE(s.restrictedTo(), 2); // the mask: nobody else even sees the export
    // A reserve list alone restricts to its hosts.
    s.masks.clear();
    QCOMPARE(s.restrictedTo(), 1);
    // The next engine says again what it restored; until then nothing is assumed.
    engine->end(ProcessExit::signalled());
    settle();
    m_clock.advance(*m_clock.nextDue());
    const ExportStatus relaunched = *m_supervisor->status(QStringLiteral("disk"));
    QVERIFY(!relaunched.restored);
    QCOMPARE(relaunched.restrictedTo(), 0);
}

void TestExportSupervisor::wireEditShowsInTheStatus()
{
    QVERIFY(m_supervisor->start(record()).ok());
    FakeEngineProcess *engine = m_launcher.last();
    engine->printStarted();
    engine->print(QByteArrayLiteral(
        R"({"event":"access","masks":["02:00:00:00:66:01"],"reservations":[],"by":"02:00:00:00:66:01","kept":false})"));
    ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.masks, QStringList {QStringLiteral("02:00:00:00:66:01")});
    QCOMPARE(s.accessChangedBy, QStringLiteral("02:00:00:00:66:01"));
    QVERIFY(!s.accessKept);
    QVERIFY(!s.restored);
    QCOMPARE(s.restrictedTo(), 1);
    // A later edit that empties the list opens the export again, and says who did it.
    engine->print(
        QByteArrayLiteral(R"({"event":"access","masks":[],"reservations":[],"by":"02:00:00:00:66:02","kept":true})"));
    s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.restrictedTo(), 0);
    QCOMPARE(s.accessChangedBy, QStringLiteral("02:00:00:00:66:02"));
    QVERIFY(s.accessKept);
    // The next engine starts from the owner's list: nothing a host did to the last one is assumed.
    engine->end(ProcessExit::signalled());
    settle();
    m_clock.advance(*m_clock.nextDue());
    const ExportStatus relaunched = *m_supervisor->status(QStringLiteral("disk"));
    QVERIFY(relaunched.accessChangedBy.isEmpty());
    QVERIFY(!relaunched.accessKept);
}

void TestExportSupervisor::longRunResetsTheFailureCount()
{
    QVERIFY(m_supervisor->start(record()).ok());
    for (int i = 0; i < 3; ++i) {
        m_launcher.last()->end(ProcessExit::signalled());
        settle();
        m_clock.advance(*m_clock.nextDue());
    }
    QCOMPARE(m_supervisor->status(QStringLiteral("disk"))->failuresInARow, 3);
    m_launcher.last()->printStarted();
    m_clock.advance(m_policy.stableAfter);
    m_launcher.last()->end(ProcessExit::signalled());
    settle();
    const ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.failuresInARow, 1);
    QCOMPARE(s.nextRestartIn, m_policy.firstDelay);
}

void TestExportSupervisor::noPermissionEventFailsAtOnce_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("fixMentions");

    QTest::addRow("no-permission event") << QStringLiteral("no-permission") << 3 << QStringLiteral("setcap");
    QTest::addRow("exit 3 alone") << QString() << 3 << QStringLiteral("sudo usermod -aG aoesan");
    QTest::addRow("bad arguments") << QStringLiteral("bad-arguments") << 2 << QString();
}

void TestExportSupervisor::noPermissionEventFailsAtOnce()
{
    QFETCH(QString, code);
    QFETCH(int, exitCode);
    QFETCH(QString, fixMentions);
    QVERIFY(m_supervisor->start(record()).ok());
    if (!code.isEmpty())
        m_launcher.last()->printError(code, QStringLiteral("no permission to send raw frames"),
            code == QLatin1String("no-permission") ? QStringLiteral("sudo setcap ...") : QString());
    m_launcher.last()->end(ProcessExit::exited(exitCode));
    settle();
    const ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.state, ExportState::Failed);
    QCOMPARE(m_launcher.launches(), 1);
    QCOMPARE(m_clock.pending(), std::size_t {0});
    QVERIFY(s.lastError);
    if (exitCode == 3)
        QCOMPARE(s.lastError->code, QStringLiteral("no-permission"));
    QVERIFY2(s.lastError->fix.contains(fixMentions), qPrintable(s.lastError->fix));
}

void TestExportSupervisor::cleanStopSendsTermThenKill()
{
    QVERIFY(m_supervisor->start(record()).ok());
    FakeEngineProcess *engine = m_launcher.last();
    engine->printStarted();
    m_supervisor->stop(QStringLiteral("disk"));
    QCOMPARE(state(), ExportState::Stopping);
    QCOMPARE(engine->terminates(), 1);
    m_clock.advance(m_policy.stopTimeout - 1ms);
    QCOMPARE(engine->kills(), 0);
    m_clock.advance(1ms);
    QCOMPARE(engine->kills(), 1);
    settle();
    QCOMPARE(state(), ExportState::Stopped);
    QCOMPARE(m_launcher.launches(), 1); // a requested stop is never restarted

    // An engine that obeys SIGTERM is not killed.
    QVERIFY(m_supervisor->start(record()).ok());
    engine = m_launcher.last();
    engine->printStarted();
    m_supervisor->stop(QStringLiteral("disk"));
    engine->printStopped();
    engine->end(ProcessExit::exited(0));
    settle();
    QCOMPARE(state(), ExportState::Stopped);
    QCOMPARE(m_clock.pending(), std::size_t {0});
    QVERIFY(!m_supervisor->status(QStringLiteral("disk"))->lastError);
}

void TestExportSupervisor::stopDuringBackOffCancelsRestart()
{
    QVERIFY(m_supervisor->start(record()).ok());
    m_launcher.last()->end(ProcessExit::signalled());
    settle();
    QCOMPARE(state(), ExportState::Restarting);
    m_supervisor->stop(QStringLiteral("disk"));
    QCOMPARE(state(), ExportState::Stopped);
    m_clock.advance(1min);
    QCOMPARE(m_launcher.launches(), 1);
}

void TestExportSupervisor::startTimeoutKillsAndRestarts()
{
    QVERIFY(m_supervisor->start(record()).ok());
    m_clock.advance(m_policy.startTimeout);
    settle();
    QCOMPARE(m_launcher.last(), nullptr); // killed and gone
    const ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.state, ExportState::Restarting);
    QCOMPARE(s.lastError->code, QStringLiteral("start-timeout"));
}

void TestExportSupervisor::garbageLinesDoNotStopIt()
{
    QVERIFY(m_supervisor->start(record()).ok());
    FakeEngineProcess *engine = m_launcher.last();
    engine->printStarted();
    for (const char *junk : {"", "not json", "[1,2,3]", "{\"noevent\":1}", "{\"event\":42}", "\xff\xfe\x00garbage",
             "{\"event\":\"from-the-future\",\"x\":1}"})
        engine->print(QByteArray(junk));
    engine->print(QByteArrayLiteral(R"({"event":"counters","framesIn":5})"));
    QCOMPARE(state(), ExportState::Running);
    QCOMPARE(m_supervisor->status(QStringLiteral("disk"))->counters.framesIn, 5U);
    QCOMPARE(engine->kills(), 0);
}

void TestExportSupervisor::unrequestedCleanExitIsAStop()
{
    QVERIFY(m_supervisor->start(record()).ok());
    m_launcher.last()->printStarted();
    m_launcher.last()->printStopped();
    m_launcher.last()->end(ProcessExit::exited(0));
    settle();
    QCOMPARE(state(), ExportState::Stopped);
    QCOMPARE(m_launcher.launches(), 1);
}

void TestExportSupervisor::refusesMissingFile()
{
    ExportRecord r = record();
    r.path = m_dir->filePath(QStringLiteral("nothing-here.img"));
    const auto started = m_supervisor->start(r);
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code, QStringLiteral("missing"));
    QVERIFY(started.error().message.contains(QStringLiteral("nothing-here.img")));
    QCOMPARE(m_launcher.launches(), 0);
    QCOMPARE(state(), ExportState::Failed);
    QCOMPARE(m_supervisor->status(QStringLiteral("disk"))->lastError, started.error());
}

void TestExportSupervisor::refusesAddressAnsweredElsewhere()
{
    ExportRecord r = record();
    r.shelf = 9;
    r.slot = 9;
    const auto started = m_supervisor->start(r);
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code, QStringLiteral("address-in-use"));
    QVERIFY2(started.error().message.contains(QStringLiteral("e9.9 is already answered on lan1 by 02:00:00:00:0a:09")),
        qPrintable(started.error().message));
    QCOMPARE(m_launcher.launches(), 0);
    r.interface = QStringLiteral("lan2"); // another segment: no clash
    QVERIFY(m_supervisor->start(r).ok());
}

void TestExportSupervisor::refusesOwnDuplicateAddress()
{
    QVERIFY(m_supervisor->start(record(QStringLiteral("one"))).ok());
    const auto second = m_supervisor->start(record(QStringLiteral("two")));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, QStringLiteral("address-in-use"));
    QVERIFY(second.error().message.contains(QStringLiteral("'one'")));
    QCOMPARE(m_launcher.launches(), 1);
}

void TestExportSupervisor::seedsConfigString()
{
    ExportRecord r = record();
    r.configString = QStringLiteral("rack 4, left");
    QVERIFY(m_supervisor->start(r).ok());
    auto state = aoesan::engine::ExportState::load(m_supervisor->stateFileFor(r.name).toStdString());
    QVERIFY(state.ok());
    QCOMPARE(state->configString(), std::string("rack 4, left"));

    // An initiator's later change (in the state file) wins over the record at the next start.
    state->setConfigString("set by an initiator");
    QVERIFY(state->save().ok());
    m_supervisor->stop(r.name);
    m_launcher.last()->end(ProcessExit::exited(0));
    settle();
    QVERIFY(m_supervisor->start(r).ok());
    state = aoesan::engine::ExportState::load(m_supervisor->stateFileFor(r.name).toStdString());
    QCOMPARE(state->configString(), std::string("set by an initiator"));
}

void TestExportSupervisor::stopAllReportsWhenDone()
{
    QSignalSpy done(m_supervisor.get(), &ExportSupervisor::allStopped);
    m_supervisor->stopAll();
    QCOMPARE(done.size(), 1);

    QVERIFY(m_supervisor->start(record(QStringLiteral("a"))).ok());
    FakeEngineProcess *a = m_launcher.last();
    ExportRecord other = record(QStringLiteral("b"));
    other.slot = 4;
    QVERIFY(m_supervisor->start(other).ok());
    FakeEngineProcess *b = m_launcher.last();
    m_supervisor->stopAll();
    QCOMPARE(done.size(), 1);
    a->end(ProcessExit::exited(0));
    QCOMPARE(done.size(), 1);
    b->end(ProcessExit::exited(0));
    QCOMPARE(done.size(), 2);
    QVERIFY(!m_supervisor->anyActive());
}

// A storm of ever-new initiator MACs (an engine names at most 32 a second, but a hostile or older one may
// name more): the status keeps the latest 256, each event costs one set lookup (the list was searched
// from the start for every event, 100 % CPU for an export under a storm), and the `clients` summary is
// taken without a status change.
void TestExportSupervisor::clientStormStaysBounded()
{
    QVERIFY(m_supervisor->start(record()).ok());
    FakeEngineProcess *engine = m_launcher.last();
    engine->printStarted();
    QSignalSpy changes(m_supervisor.get(), &ExportSupervisor::statusChanged);
    const auto macOf = [](int i) {
        return QStringLiteral("02:00:00:%1:%2:%3")
            .arg((i >> 16) & 0xff, 2, 16, QLatin1Char('0'))
            .arg((i >> 8) & 0xff, 2, 16, QLatin1Char('0'))
            .arg(i & 0xff, 2, 16, QLatin1Char('0'));
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20000; ++i)
        engine->print(QByteArrayLiteral(R"({"event":"client","mac":")") + macOf(i).toLatin1() + "\"}");
    const qint64 elapsed = timer.elapsed();
    qInfo("20,000 client events: %lld ms", elapsed);
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
    const ExportStatus s = *m_supervisor->status(QStringLiteral("disk"));
    QCOMPARE(s.clients.size(), 256);
    QCOMPARE(s.clients.first(), macOf(20000 - 256));
    QCOMPARE(s.clients.last(), macOf(19999));
    QCOMPARE(changes.size(), 20000);

    // A MAC still listed is no news; the summary is not a status change either.
    engine->print(QByteArrayLiteral(R"({"event":"client","mac":")") + macOf(19999).toLatin1() + "\"}");
    engine->print(QByteArrayLiteral(R"({"event":"clients","unlisted":9968,"clients":1024})"));
    QCOMPARE(changes.size(), 20000);
    QCOMPARE(state(), ExportState::Running);
}

QTEST_GUILESS_MAIN(TestExportSupervisor)
#include "tst_export_supervisor.moc"
