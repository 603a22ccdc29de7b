// SPDX-License-Identifier: GPL-3.0-or-later
// Faults without lost data ([12]): aoesan's own initiator writes batches of random 4 KiB blocks to a
// supervised export and sends FLUSH CACHE EXT after each batch, while the engine is killed with SIGKILL in
// the middle of every batch, 24 times a run; the supervisor starts it again each time. After every restart
// the whole image is read back and compared with what the initiator had written: every acknowledged write
// (and so every write acknowledged before an acknowledged flush) reads back exactly, through the page
// cache, with O_SYNC (-s) and with O_DIRECT (-d). Engines run through `ip netns exec`, so no frame ever
// reaches a host interface.
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <optional>
#include <set>

#include "Lab.h"
#include "initiator/BlockTransfer.h"
#include "initiator/Initiator.h"
#include "initiator/SystemClock.h"
#include "net/PcapTransport.h"
#include "protocol/Frame.h"
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
constexpr qint64 kBlock = 4096;
constexpr qint64 kBlocks = 1024; // a 4 MiB image
constexpr int kKills = 24;
constexpr int kBatch = 48; // distinct blocks written at once in a round

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

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
    const QString image = lab.createSparseImage(QStringLiteral("kill.img"), kBlocks * kBlock);
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
    initiator::SystemClock clock;
    initiator::Initiator initiator(clock);
    initiator.addTransport(transport.get());
    const auto removeTransport = qScopeGuard([&]() { initiator.removeTransport(transport.get()); });
    const initiator::Peer peer {transport.get(), protocol::MacAddress::broadcast(), kShelf, kSlot};
    // Retransmit for up to 20 s: a request in flight at a kill is answered by the next engine. The back-off
    // stops at 0.5 s (not 2 s), so a round is not spent waiting out timers once the engine is back.
    initiator::RetryPolicy retry;
    retry.maxTimeout = 500ms;
    retry.attempts = 60;
    retry.total = 20s;

    QByteArray shadow(kBlocks * kBlock, '\0'); // what every acknowledged write put there
    std::set<qint64> unacknowledged; // blocks whose write failed: old or new content, both allowed
    std::uint64_t blocksWritten = 0;
    std::uint64_t blocksVerified = 0;
    std::uint64_t lost = 0;
    int kills = 0;
    int rounds = 0;
    int writeRetransmits = 0;
    int flushes = 0;

    for (rounds = 0; rounds < kKills; ++rounds) {
        const qint64 pid = status().pid;
        // A batch of distinct blocks, all in flight together; the kill falls 0-40 ms into it.
        std::set<qint64> blocks;
        while (int(blocks.size()) < kBatch)
            blocks.insert(QRandomGenerator::global()->bounded(kBlocks));
        int pending = 0;
        std::optional<QString> failure;
        for (const qint64 block : blocks) {
            const QByteArray data = randomBytes(kBlock);
            ++pending;
            initiator.write(
                peer, std::uint64_t(block * kBlock / 512), data, this,
                [&, block, data](initiator::Outcome<initiator::WriteResult> result) {
                    --pending;
                    if (result) {
                        shadow.replace(block * kBlock, kBlock, data);
                        writeRetransmits += result->retransmits;
                        ++blocksWritten;
                    } else {
                        unacknowledged.insert(block);
                        failure = QString::fromStdString(result.error().message);
                    }
                },
                retry);
        }
        QTimer::singleShot(QRandomGenerator::global()->bounded(40), this, [&]() {
            if (::kill(pid_t(pid), SIGKILL) == 0)
                ++kills;
        });
        QTRY_VERIFY_WITH_TIMEOUT(pending == 0, 60000);
        QVERIFY2(!failure, qPrintable(QStringLiteral("round %1: a write failed: %2").arg(rounds).arg(*failure)));

        // FLUSH CACHE EXT after the batch: the engine answers it once fdatasync() returned.
        protocol::AtaArg flush;
        flush.aflags = protocol::aflags::Extended;
        flush.cmdStatus = protocol::ata::FlushCacheExt;
        protocol::Frame frame;
        frame.header.command = static_cast<std::uint8_t>(protocol::Command::Ata);
        frame.arg = flush;
        bool flushed = false;
        initiator.tracker().submit(peer, frame, retry, this, [&](initiator::Outcome<initiator::RawReply> raw) {
            flushed = true;
            if (!raw) {
                failure = QString::fromStdString(raw.error().message);
                return;
            }
            const auto bytes = std::span(reinterpret_cast<const std::uint8_t *>(raw->frame.constData()),
                static_cast<std::size_t>(raw->frame.size()));
            const auto decoded = protocol::decodeFrame(bytes, protocol::DecodeOptions {false});
            const protocol::AtaArg *ata = decoded ? decoded->as<protocol::AtaArg>() : nullptr;
            if (!ata)
                failure = QStringLiteral("undecodable FLUSH reply");
            else if (auto bad = initiator::ataReplyFailure(raw->meta.header, *ata, raw->meta.attempts))
                failure = QString::fromStdString(bad->message);
        });
        QTRY_VERIFY_WITH_TIMEOUT(flushed, 30000);
        QVERIFY2(!failure, qPrintable(QStringLiteral("round %1: FLUSH failed: %2").arg(rounds).arg(*failure)));
        ++flushes;

        // The engine was killed during the batch: wait for the next one, then read the whole image back.
        QTRY_VERIFY_WITH_TIMEOUT(status().state == ExportState::Running && status().pid != pid, 10000);
        QByteArray readBack;
        bool read = false;
        initiator.read(
            peer, 0, std::uint64_t(kBlocks * kBlock / 512), this,
            [&](initiator::Outcome<initiator::ReadResult> result) {
                read = true;
                if (result)
                    readBack = result->data;
                else
                    failure = QString::fromStdString(result.error().message);
            },
            retry);
        QTRY_VERIFY_WITH_TIMEOUT(read, 60000);
        QVERIFY2(!failure, qPrintable(QStringLiteral("round %1: read back failed: %2").arg(rounds).arg(*failure)));
        QCOMPARE(readBack.size(), shadow.size());
        for (qint64 block = 0; block < kBlocks; ++block) {
            const auto got = QByteArrayView(readBack).sliced(block * kBlock, kBlock);
            if (got != QByteArrayView(shadow).sliced(block * kBlock, kBlock)) {
                if (unacknowledged.count(block) != 0) {
                    shadow.replace(block * kBlock, kBlock, got.toByteArray()); // either content was allowed
                    continue;
                }
                ++lost;
                qWarning("round %d: block %lld differs from its acknowledged write", rounds, block);
            }
            ++blocksVerified;
        }
        unacknowledged.clear();
    }

    const ExportStatus s = status();
    qInfo("kill loop (%s): %d rounds, %d kills (supervisor restarts %d), %llu blocks written (%d retransmitted "
          "frames), %d flushes, %llu blocks verified (%llu bytes), lost: %llu",
        sync         ? "-s"
            : direct ? "-d"
                     : "page cache",
        rounds, kills, s.restarts, static_cast<unsigned long long>(blocksWritten), writeRetransmits, flushes,
        static_cast<unsigned long long>(blocksVerified), static_cast<unsigned long long>(blocksVerified * kBlock),
        static_cast<unsigned long long>(lost));
    QCOMPARE(kills, kKills);
    QCOMPARE(s.restarts, kKills);
    QCOMPARE(lost, std::uint64_t {0});
    QCOMPARE(blocksWritten, std::uint64_t(kKills) * kBatch);
    QVERIFY2(writeRetransmits > 0, "no write was in flight at a kill");
}

QTEST_GUILESS_MAIN(TestFaultsKillEngine)
#include "tst_faults_kill_engine.moc"
