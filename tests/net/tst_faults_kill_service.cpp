// SPDX-License-Identifier: GPL-3.0-or-later
// Faults without lost data ([12]), the service's side: aoesan-service (on a private system bus, in the
// target namespace) serves an autostart export while aoesan's own initiator writes random blocks, flushes
// and verifies the whole image; the service is killed with SIGKILL in the middle of every batch and
// started again, 12 times a run. Each time its engine goes with it (no orphan keeps the image open), the
// new service starts the export again, and every acknowledged write reads back exactly — through the page
// cache and with O_SYNC (-s).
#include <QFile>
#include <QTest>

#include <csignal>

#include "FaultsWorkload.h"
#include "Lab.h"
#include "ServiceRig.h"
#include "net/PcapTransport.h"
#include "service/DbusTypes.h"
#include "service/ServiceClient.h"

using namespace aoesan;
using namespace aoesan::service;
using test::FaultsWorkload;
using test::Lab;
using test::ServiceRig;

namespace {

constexpr std::uint16_t kShelf = 8;
constexpr std::uint8_t kSlot = 5;
constexpr qint64 kBlocks = 1024; // a 4 MiB image
constexpr int kKills = 12;
constexpr int kBatch = 48;

} // namespace

class TestFaultsKillService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        AOESAN_SKIP_IF(Lab::unavailableReason());
        registerDbusTypes();
    }

    void killLoop_data()
    {
        QTest::addColumn<bool>("sync");
        QTest::addRow("page cache") << false;
        QTest::addRow("O_SYNC (-s)") << true;
    }

    void killLoop()
    {
        QFETCH(bool, sync);
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        test::ServiceRigOptions options;
        options.netns = lab.targetNamespace();
        ServiceRig rig(options);
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        const QString image = rig.path(QStringLiteral("disk.img"));
        {
            QFile f(image);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(kBlocks * FaultsWorkload::kBlock));
        }
        const QStringList serviceArguments {
            QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--interval"), QStringLiteral("1")};
        QVERIFY2(rig.startService(serviceArguments), qPrintable(rig.error()));
        ServiceClient client(rig.connect(QStringLiteral("client")));
        client.follow();
        supervisor::ExportRecord r;
        r.name = QStringLiteral("kill");
        r.path = image;
        r.shelf = kShelf;
        r.slot = kSlot;
        r.interface = Lab::targetInterface();
        r.sync = sync;
        r.autostart = true;
        const auto added = client.addExport(r, true, false);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        const auto running = [&] {
            return client.exports().contains(r.name)
                && client.exports().at(r.name).status.state == supervisor::ExportState::Running;
        };
        QVERIFY2(ServiceRig::waitFor(running, 15000), qPrintable(rig.serviceLog()));

        std::unique_ptr<net::Transport> transport;
        {
            const auto guard = lab.enter(lab.initiatorNamespace());
            QVERIFY2(guard.ok(), qPrintable(guard.error()));
            auto opened = net::PcapTransport::open(Lab::initiatorInterface().toStdString());
            QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
            transport = std::move(opened.value());
        }
        FaultsWorkload work(transport.get(), kShelf, kSlot, kBlocks);

        int kills = 0;
        int orphans = 0;
        int notRestarted = 0;
        for (int round = 0; round < kKills; ++round) {
            const qint64 enginePid = client.exports().at(r.name).status.pid;
            QVERIFY(enginePid > 0);
            const QString failure = work.writeBatch(kBatch, QRandomGenerator::global()->bounded(kBatch), [&] {
                if (rig.stopService(SIGKILL) != -1)
                    return;
                ++kills;
                // Its engine must go with it (the supervisor gives its engines a parent-death signal).
                if (!ServiceRig::waitFor(
                        [&] { return !QFile::exists(QStringLiteral("/proc/%1").arg(enginePid)); }, 5000))
                    ++orphans;
                if (!rig.startService(serviceArguments) || !ServiceRig::waitFor(running, 15000))
                    ++notRestarted;
            });
            QVERIFY2(
                failure.isEmpty(), qPrintable(QStringLiteral("round %1: a write failed: %2").arg(round).arg(failure)));
            const QString flushed = work.flush();
            QVERIFY2(
                flushed.isEmpty(), qPrintable(QStringLiteral("round %1: FLUSH failed: %2").arg(round).arg(flushed)));
            const QString verified = work.verify();
            QVERIFY2(verified.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(verified)));
            QVERIFY2(orphans == 0, "the engine outlived its killed service");
            QVERIFY2(notRestarted == 0, qPrintable(rig.serviceLog()));
        }
        qInfo("service kill loop (%s): %d rounds, %d service kills, %llu blocks written (%d retransmitted frames), "
              "%d flushes, %llu blocks verified (%llu bytes), orphaned engines %d, lost: %llu",
            sync ? "-s" : "page cache", kKills, kills, static_cast<unsigned long long>(work.blocksWritten),
            work.retransmits, work.flushes, static_cast<unsigned long long>(work.blocksVerified),
            static_cast<unsigned long long>(work.blocksVerified * FaultsWorkload::kBlock), orphans,
            static_cast<unsigned long long>(work.lost));
        QCOMPARE(kills, kKills);
        QCOMPARE(work.lost, std::uint64_t {0});
        QCOMPARE(work.blocksWritten, std::uint64_t(kKills) * kBatch);
        QCOMPARE(rig.stopService(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultsKillService)
#include "tst_faults_kill_service.moc"
