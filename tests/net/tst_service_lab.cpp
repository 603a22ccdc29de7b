// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-service for real, in a namespace lab (label net, root): on a private system bus with a polkit stand-in,
// inside the target namespace, discovery on veth-t. An export added through the API is started, answered on
// the wire from the other namespace (aoeping), and published among the targets as this machine's own beside
// a vblade target it discovers; the service killed with -9 and started again brings the autostart export
// back. The same runs once more with the service as an ordinary user holding only the unit's capabilities
// (setpriv), as systemd runs it.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <csignal>
#include <cstring>
#include <pwd.h>
#include <unistd.h>

#include "Lab.h"
#include "ServiceRig.h"
#include "service/DbusTypes.h"
#include "service/ServiceClient.h"

using namespace aoesan;
using namespace aoesan::service;
using test::Lab;
using test::ServiceRig;

namespace {

constexpr std::uint16_t kShelf = 5;
constexpr std::uint8_t kSlot = 1;

// A line of /proc/PID/status ("Uid", "CapBnd"), its first value.
QString procStatus(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(QByteArray(QByteArray(field) + ':')))
            return QString::fromLatin1(line.mid(qsizetype(std::strlen(field)) + 1).trimmed())
                .section(QLatin1Char('\t'), 0, 0);
    }
    return {};
}

quint32 keyOf(std::uint16_t shelf, std::uint8_t slot)
{
    return (quint32(shelf) << 8) | slot;
}

} // namespace

class TestServiceLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        AOESAN_SKIP_IF(Lab::unavailableReason());
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("aoeping")));
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("setpriv")));
        registerDbusTypes();
    }

    void exportServedDiscoveredAndBackAfterKill_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("as root") << QString();
        QTest::newRow("as the unit's user, with the unit's capabilities") << QStringLiteral("nobody");
    }

    void exportServedDiscoveredAndBackAfterKill()
    {
        QFETCH(QString, user);
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        test::ServiceRigOptions options;
        options.netns = lab.targetNamespace();
        options.runAs = user;
        ServiceRig rig(options);
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        const QString image = rig.path(QStringLiteral("disk.img"));
        {
            QFile f(image);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(32 << 20));
        }
        if (!user.isEmpty()) {
            const passwd *pw = ::getpwnam(user.toLocal8Bit().constData());
            QVERIFY(pw && ::chown(QFile::encodeName(image).constData(), pw->pw_uid, pw->pw_gid) == 0);
        }
        // Another target on the segment, for discovery to find beside our own.
        const QString other = lab.createSparseImage(QStringLiteral("vblade.img"), 16 << 20);
        QVERIFY(lab.start(lab.initiatorNamespace(),
            {Lab::findTool(QStringLiteral("vblade")), QStringLiteral("9"), QStringLiteral("9"),
                Lab::initiatorInterface(), other}));

        QVERIFY2(rig.startService(
                     {QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--interval"), QStringLiteral("1")}),
            qPrintable(rig.error()));
        if (!user.isEmpty()) {
            // As the unit runs it: that user, and nothing in the bounding set but CAP_NET_RAW (bit 13).
            QCOMPARE(procStatus(rig.servicePid(), "Uid"),
                QString::number(::getpwnam(user.toLocal8Bit().constData())->pw_uid));
            QCOMPARE(procStatus(rig.servicePid(), "CapBnd"), QStringLiteral("0000000000002000"));
            QCOMPARE(procStatus(rig.servicePid(), "NoNewPrivs"), QStringLiteral("1"));
            // It hands CAP_NET_RAW on to its engines (ambient) and cannot use it itself (effective empty).
            QCOMPARE(procStatus(rig.servicePid(), "CapAmb"), QStringLiteral("0000000000002000"));
            QCOMPARE(procStatus(rig.servicePid(), "CapEff"), QStringLiteral("0000000000000000"));
        }
        ServiceClient client(rig.connect(QStringLiteral("client")));
        client.follow();
        supervisor::ExportRecord r;
        r.name = QStringLiteral("boot");
        r.path = image;
        r.shelf = kShelf;
        r.slot = kSlot;
        r.interface = Lab::targetInterface();
        r.autostart = true;
        const auto added = client.addExport(r, true, false);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QElapsedTimer t;
        t.start();
        QVERIFY2(ServiceRig::waitFor(
                     [&] {
                         return client.exports().contains(r.name)
                             && client.exports().at(r.name).status.state == supervisor::ExportState::Running;
                     },
                     15000),
            qPrintable(rig.serviceLog()));
        qInfo("the export ran %lld ms after AddExport; the client saw it then", static_cast<long long>(t.elapsed()));

        const auto ping = [&] {
            return lab.run(lab.initiatorNamespace(),
                {Lab::findTool(QStringLiteral("aoeping")), QStringLiteral("-i"), QString::number(kShelf),
                    QString::number(kSlot), Lab::initiatorInterface()},
                15000);
        };
        const auto answered = ping();
        QVERIFY2(answered.ok(), qPrintable(answered.output));

        // Discovery: vblade's e9.9 and our own e5.1, marked as this machine's.
        QVERIFY2(ServiceRig::waitFor(
                     [&] {
                         return client.targets().contains(keyOf(9, 9))
                             && client.targets().contains(keyOf(kShelf, kSlot));
                     },
                     15000),
            qPrintable(rig.serviceLog()));
        QVERIFY(!client.targets().at(keyOf(9, 9)).local);
        QCOMPARE(client.targets().at(keyOf(9, 9)).info.sectors, 16u * 2048u);
        QVERIFY(client.targets().at(keyOf(kShelf, kSlot)).local);

        // kill -9: the engine goes with the service; the new service starts the autostart export again.
        const qint64 enginePid = client.exports().at(r.name).status.pid;
        QVERIFY(enginePid > 0);
        QCOMPARE(rig.stopService(SIGKILL), -1);
        QVERIFY2(ServiceRig::waitFor([&] { return !QFile::exists(QStringLiteral("/proc/%1").arg(enginePid)); }, 5000),
            "the engine outlived its killed service");
        QVERIFY(ServiceRig::waitFor([&] { return client.exports().empty(); }, 5000));
        QVERIFY2(rig.startService(
                     {QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--interval"), QStringLiteral("1")}),
            qPrintable(rig.error()));
        QVERIFY2(ServiceRig::waitFor(
                     [&] {
                         return client.exports().contains(r.name)
                             && client.exports().at(r.name).status.state == supervisor::ExportState::Running;
                     },
                     15000),
            qPrintable(rig.serviceLog()));
        const auto again = ping();
        QVERIFY2(again.ok(), qPrintable(again.output));
        QCOMPARE(rig.stopService(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceLab)
#include "tst_service_lab.moc"
