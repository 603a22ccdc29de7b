// SPDX-License-Identifier: GPL-3.0-or-later
// Faults without lost data ([12]): aoesan's own initiator writes batches of random 4 KiB blocks to a
// supervised export and sends FLUSH CACHE EXT after each batch, while the engine is killed with SIGKILL in
// the middle of every batch (after a random number of its writes were acknowledged), 24 times a run; the supervisor
// starts it again each time. After every restart the whole image is read back and compared with what the initiator had
// written: every acknowledged write (and so every write acknowledged before an acknowledged flush) reads back exactly,
// through the page cache, with O_SYNC (-s) and with O_DIRECT (-d). Engines run through `ip netns exec`, so no frame
// ever reaches a host interface.
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

#include "FaultsWorkload.h"
#include "Lab.h"
#include "net/PcapTransport.h"
#include "supervisor/ExportSupervisor.h"
#include "supervisor/QProcessLauncher.h"

using namespace aoesan;
using namespace aoesan::supervisor;
using aoesan::test::Lab;
using namespace std::chrono_literals;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
constexpr std::uint16_t kShelf = 9;
constexpr std::uint8_t kSlot = 4;
constexpr qint64 kBlocks = 1024; // a 4 MiB image
constexpr int kKills = 24;
constexpr int kBatch = 48; // distinct blocks written at once in a round

} // namespace

class TestFaultsKillEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killLoop_data();
    void killLoop();
};

void TestFaultsKillEngine::initTestCase()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    QVERIFY2(QFile::exists(kEngine), qPrintable(kEngine));
}

void TestFaultsKillEngine::killLoop_data()
{
    QTest::addColumn<bool>("sync");
    QTest::addColumn<bool>("direct");
    QTest::addRow("page cache") << false << false;
    QTest::addRow("O_SYNC (-s)") << true << false;
    QTest::addRow("O_DIRECT (-d)") << false << true;
}

void TestFaultsKillEngine::killLoop()
{
    QFETCH(bool, sync);
    QFETCH(bool, direct);
    AOESAN_SKIP_IF(Lab::unavailableReason());
    Lab lab;
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    qputenv("XDG_STATE_HOME", lab.workPath(QStringLiteral("state")).toLocal8Bit());
    // On the lab's disk-backed work directory, not tmpfs: O_DIRECT needs a real filesystem.
    const QString image = lab.createSparseImage(QStringLiteral("kill.img"), kBlocks * test::FaultsWorkload::kBlock);
    QVERIFY(!image.isEmpty());

    // Every kill is a "fast failure" to the supervisor (the runs are shorter than stableAfter): without a
    // larger limit it gives up after 5 in a row, and its back-off doubles to 30 s. A short, capped delay and
    // no give-up keep it restarting at once, as an operator's "keep it up" policy would.
    RestartPolicy policy;
    policy.firstDelay = 50ms;
    policy.maxDelay = 200ms;
    policy.maxFastFailures = 10 * kKills;
    QProcessLauncher launcher(EngineCommand {Lab::findTool(QStringLiteral("ip")),
        QStringList {QStringLiteral("netns"), QStringLiteral("exec"), lab.targetNamespace(), kEngine}});
    SteadySupervisorClock supervisorClock;
    ExportSupervisor supervisor(launcher, supervisorClock, ExportPreflight(nullptr, nullptr), policy);
    supervisor.setStateDirectory(lab.workPath(QStringLiteral("exports")));
    const auto stopSupervisor = qScopeGuard([&]() {
        if (!supervisor.anyActive())
            return;
        QSignalSpy done(&supervisor, &ExportSupervisor::allStopped);
        supervisor.stopAll();
        done.wait(10000);
    });
    ExportRecord record;
    record.name = QStringLiteral("kill");
    record.path = image;
    record.shelf = kShelf;
    record.slot = kSlot;
    record.interface = Lab::targetInterface();
    record.sync = sync;
    record.direct = direct;
    QVERIFY(supervisor.start(record).ok());
    const auto status = [&]() { return *supervisor.status(record.name); };
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 10000);

    std::unique_ptr<net::Transport> transport;
    {
        const auto guard = lab.enter(lab.initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        auto opened = net::PcapTransport::open(Lab::initiatorInterface().toStdString());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
        transport = std::move(opened.value());
    }
    test::FaultsWorkload work(transport.get(), kShelf, kSlot, kBlocks);
    int kills = 0;
    for (int round = 0; round < kKills; ++round) {
        const qint64 pid = status().pid;
        const QString failure = work.writeBatch(kBatch, QRandomGenerator::global()->bounded(kBatch), [&] {
            if (::kill(pid_t(pid), SIGKILL) == 0)
                ++kills;
        });
        QVERIFY2(failure.isEmpty(), qPrintable(QStringLiteral("round %1: a write failed: %2").arg(round).arg(failure)));
        const QString flushed = work.flush();
        QVERIFY2(flushed.isEmpty(), qPrintable(QStringLiteral("round %1: FLUSH failed: %2").arg(round).arg(flushed)));
        // The engine was killed during the batch: wait for the next one, then read the whole image back.
        QTRY_VERIFY_WITH_TIMEOUT(status().state == ExportState::Running && status().pid != pid, 10000);
        const QString verified = work.verify();
        QVERIFY2(verified.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(verified)));
    }

    const ExportStatus s = status();
    qInfo("kill loop (%s): %d rounds, %d kills (supervisor restarts %d), %llu blocks written (%d retransmitted "
          "frames), %d flushes, %llu blocks verified (%llu bytes), lost: %llu",
        sync         ? "-s"
            : direct ? "-d"
                     : "page cache",
        kKills, kills, s.restarts, static_cast<unsigned long long>(work.blocksWritten), work.retransmits, work.flushes,
        static_cast<unsigned long long>(work.blocksVerified),
        static_cast<unsigned long long>(work.blocksVerified * test::FaultsWorkload::kBlock),
        static_cast<unsigned long long>(work.lost));
    QCOMPARE(kills, kKills);
    QCOMPARE(s.restarts, kKills);
    QCOMPARE(work.lost, std::uint64_t {0});
    QCOMPARE(work.blocksWritten, std::uint64_t(kKills) * kBatch);
    QVERIFY2(work.retransmits > 0, "no write was in flight at a kill");
}

QTEST_GUILESS_MAIN(TestFaultsKillEngine)
#include "tst_faults_kill_engine.moc"
