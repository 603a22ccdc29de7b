// SPDX-License-Identifier: GPL-3.0-or-later
// How the service copes with many targets and exports, with figures for the closing note: a stand-in probe
// (aoesan_fake_probe_engine) announces 1,000 and then 10,000 targets; the test measures how long a new client
// takes to receive them all (GetManagedObjects, parsed by ServiceClient as the GUI does), the size of what it
// receives, and the service's resident memory with 100 exports beside them. It asserts only what must hold
// (every target arrives, intact); the times are printed, not judged.
#include <QDBusArgument>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include "ResidentMemory.h"
#include "ServiceRig.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"
#include "service/ServiceClient.h"

using namespace aoesan;
using namespace aoesan::service;
using test::ServiceRig;

class TestServiceScale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerDbusTypes(); }

    void manyTargetsReachANewClient_data()
    {
        QTest::addColumn<int>("targets");
        QTest::newRow("1000") << 1000;
        QTest::newRow("10000") << 10000;
    }

    void manyTargetsReachANewClient()
    {
        QFETCH(int, targets);
        ServiceRig rig;
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        QFile image(rig.path(QStringLiteral("disk.img")));
        QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(1 << 20));
        image.close();
        qputenv("AOESAN_FAKE_TARGETS", QByteArray::number(targets));
        QVERIFY2(rig.startService({QStringLiteral("--engine"), QStringLiteral(AOESAN_FAKE_PROBE_ENGINE),
                     QStringLiteral("-i"), QStringLiteral("lan0")}),
            qPrintable(rig.error()));
        // 100 exports beside them (not started: their engines would be the fake).
        ServiceClient writer(rig.connect(QStringLiteral("writer")));
        for (int i = 0; i < 100; ++i) {
            supervisor::ExportRecord r;
            r.name = QStringLiteral("export-%1").arg(i);
            r.path = rig.path(QStringLiteral("disk.img"));
            r.shelf = 60000;
            r.slot = static_cast<std::uint8_t>(i);
            r.interface = QStringLiteral("lan0");
            QVERIFY(writer.addExport(r, false, false));
        }
        // Wait until the service has published all of them.
        ServiceClient counter(rig.connect(QStringLiteral("counter")));
        QVERIFY(ServiceRig::waitFor(
            [&] { return counter.refresh().ok() && counter.targets().size() == static_cast<std::size_t>(targets); },
            120000));

        ServiceClient fresh(rig.connect(QStringLiteral("fresh")));
        QElapsedTimer t;
        t.start();
        QVERIFY(fresh.refresh());
        const qint64 ms = t.elapsed();
        QCOMPARE(fresh.targets().size(), static_cast<std::size_t>(targets));
        QCOMPARE(fresh.exports().size(), 100u);
        const auto &last = fresh.targets().rbegin()->second.info;
        QCOMPARE(last.model, std::string("aoesan fake"));
        QCOMPARE(last.sectors, 2097152u);

        // The size of the reply's text: what dominates it (each target's Info JSON and its other properties).
        QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(kBusName), QLatin1String(kRootPath),
            QLatin1String(kObjectManagerInterface), QStringLiteral("GetManagedObjects"));
        QElapsedTimer raw;
        raw.start();
        const QDBusMessage reply = fresh.connection().call(m, QDBus::Block, 60000);
        const qint64 rawMs = raw.elapsed();
        const auto objects = qdbus_cast<ManagedObjects>(reply.arguments().value(0).value<QDBusArgument>());
        qint64 bytes = 0;
        for (const auto &ifaces : objects) {
            for (const auto &props : ifaces) {
                for (auto it = props.cbegin(); it != props.cend(); ++it)
                    bytes += it.key().size() + it.value().toString().toUtf8().size() + 8;
            }
        }
        const qint64 rss = test::residentKiB(rig.servicePid());
        qInfo("%d targets + 100 exports: a new client has them all in %lld ms (GetManagedObjects alone %lld ms, "
              "%lld objects, about %.1f MiB of values); service resident memory %.1f MiB",
            targets, static_cast<long long>(ms), static_cast<long long>(rawMs), static_cast<long long>(objects.size()),
            static_cast<double>(bytes) / 1048576.0, static_cast<double>(rss) / 1024.0);
        QCOMPARE(objects.size(), static_cast<qsizetype>(targets + 100));
        QVERIFY(rss > 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceScale)
#include "tst_service_scale.moc"
