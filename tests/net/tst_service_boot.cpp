// SPDX-License-Identifier: GPL-3.0-or-later
// An export's network boot server run by aoesan-service (Export.StartBoot, label net, root): the service on a
// private system bus inside the lab's target namespace runs `aoesan-ctl boot serve` for the export on veth-t
// (its child, as a service run as root does); a DHCP client in the initiator namespace (busybox udhcpc, made to
// look like iPXE) gets an address and the root path aoe:e5.1, and appears among Boot's clients. Bad options get
// their typed errors before anything runs; the server comes back after the service restarts (it is kept in
// CONFIG/boot/NAME.json); StopBoot and removing the export end dnsmasq and forget it; aoesan-ctl boot
// start/status/stop do the same through the service; polkit's no is NotAuthorized.
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "Lab.h"
#include "ServiceRig.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"
#include "service/ServiceClient.h"

using namespace aoesan;
using namespace aoesan::service;
using test::Lab;
using test::ServiceRig;

namespace {

constexpr std::uint16_t kShelf = 5;
constexpr std::uint8_t kSlot = 1;
const QString kName = QStringLiteral("diskless");

QJsonObject bootOf(ServiceClient &client)
{
    const auto boot = client.bootOf(kName);
    return boot ? QJsonDocument::fromJson(boot->toUtf8()).object() : QJsonObject {};
}

QString dump(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson());
}

QString stateOf(ServiceClient &client)
{
    return bootOf(client).value(QLatin1String("state")).toString();
}

// dnsmasq processes inside the namespace.
int dnsmasqCount(const QString &netns)
{
    int n = 0;
    QProcess p;
    p.start(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("pids"), netns});
    p.waitForFinished(5000);
    for (const QByteArray &pid : p.readAllStandardOutput().split('\n')) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(QString::fromLatin1(pid.trimmed())));
        if (!pid.trimmed().isEmpty() && comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "dnsmasq")
            ++n;
    }
    return n;
}

} // namespace

class TestServiceBoot : public QObject
{
    Q_OBJECT

    QString m_script;

    // One DHCP exchange from the initiator namespace as iPXE (option 175), asking for the root path (17).
    // What it was given, as the lines "ip=..." and "rootpath=..."; empty when nothing.
    QString askAsIpxe(Lab &lab, int tries = 4)
    {
        const QString env = lab.workPath(QStringLiteral("dhcp.env"));
        QFile::remove(env);
        lab.run(lab.initiatorNamespace(),
            {QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("flush"), QStringLiteral("dev"),
                Lab::initiatorInterface()});
        lab.run(lab.initiatorNamespace(),
            {QStringLiteral("env"), QStringLiteral("ENVFILE=") + env, Lab::findTool(QStringLiteral("busybox")),
                QStringLiteral("udhcpc"), QStringLiteral("-i"), Lab::initiatorInterface(), QStringLiteral("-n"),
                QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("-t"), QString::number(tries),
                QStringLiteral("-T"), QStringLiteral("3"), QStringLiteral("-s"), m_script, QStringLiteral("-V"),
                QStringLiteral("PXEClient:Arch:00000:UNDI:002001"), QStringLiteral("-x"), QStringLiteral("175:0101"),
                QStringLiteral("-O"), QStringLiteral("17")},
            30000);
        QFile f(env);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private slots:
    void initTestCase()
    {
        AOESAN_SKIP_IF(Lab::unavailableReason());
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("dnsmasq")));
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("busybox")));
        QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/ipxe/undionly.kpxe")), "apt-get install ipxe");
        registerDbusTypes();
    }

    void bootServerThroughTheService()
    {
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        m_script = lab.workPath(QStringLiteral("udhcpc.sh"));
        {
            QFile s(m_script);
            QVERIFY(s.open(QIODevice::WriteOnly));
            s.write("#!/bin/sh\n[ \"$1\" = bound ] && env | grep -E '^(ip|rootpath)=' | sort >\"$ENVFILE\"\nexit 0\n");
            s.close();
            s.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        QVERIFY(lab.run(lab.targetNamespace(),
                       {QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("add"),
                           QStringLiteral("10.78.0.1/24"), QStringLiteral("dev"), Lab::targetInterface()})
                    .ok());
        test::ServiceRigOptions options;
        options.netns = lab.targetNamespace();
        ServiceRig rig(options);
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        const QString image = rig.path(QStringLiteral("disk.img"));
        {
            QFile f(image);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(16 << 20));
        }
        const QStringList serviceArgs {QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--no-discovery")};
        QVERIFY2(rig.startService(serviceArgs), qPrintable(rig.error()));
        ServiceClient client(rig.connect(QStringLiteral("client")));
        supervisor::ExportRecord r;
        r.name = kName;
        r.path = image;
        r.shelf = kShelf;
        r.slot = kSlot;
        r.interface = Lab::targetInterface();
        const auto added = client.addExport(r, true, false);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));

        // Off: the root path and the script to copy, nothing running.
        QJsonObject boot = bootOf(client);
        QCOMPARE(boot.value(QLatin1String("state")).toString(), QStringLiteral("off"));
        QCOMPARE(boot.value(QLatin1String("rootPath")).toString(), QStringLiteral("aoe:e5.1"));
        QVERIFY(boot.value(QLatin1String("script")).toString().contains(QLatin1String("sanboot aoe:e5.1")));

        // Bad options: typed errors, nothing runs.
        const QString veth = Lab::targetInterface();
        const struct
        {
            QVariantMap options;
            const char *error;
            const char *says;
        } bad[] = {
            {{}, error::kBadInterface, "name the interface"},
            {{{QStringLiteral("interface"), veth}}, error::kBadOption, "either a range"},
            {{{QStringLiteral("interface"), veth}, {QStringLiteral("proxy"), true},
                 {QStringLiteral("range"), QStringLiteral("10.78.0.50,10.78.0.60")}},
                error::kBadOption, "either a range"},
            {{{QStringLiteral("interface"), veth}, {QStringLiteral("range"), QStringLiteral("10.9.0.5,10.9.0.9")}},
                error::kBadOption, "not in"},
            {{{QStringLiteral("interface"), veth}, {QStringLiteral("range"), QStringLiteral("10.78.0.1,10.78.0.9")}},
                error::kBadOption, "own address"},
            {{{QStringLiteral("interface"), veth}, {QStringLiteral("range"), QStringLiteral("10.78.0.60,10.78.0.50")}},
                error::kBadOption, "FIRST,LAST"},
            {{{QStringLiteral("interface"), veth}, {QStringLiteral("proxy"), true},
                 {QStringLiteral("macs"), QStringList {QStringLiteral("zz:zz")}}},
                error::kBadOption, "not a MAC address"},
            {{{QStringLiteral("interface"), veth}, {QStringLiteral("proxy"), QStringLiteral("yes")}},
                error::kInvalidArgs, "proxy (b)"},
            {{{QStringLiteral("interface"), veth}, {QStringLiteral("proxy"), true}, {QStringLiteral("lease"), 1}},
                error::kInvalidArgs, "not 'lease'"},
            {{{QStringLiteral("interface"), QStringLiteral("fk9")}, {QStringLiteral("proxy"), true}},
                error::kBadInterface, "no IPv4 address"},
            {{{QStringLiteral("interface"), QStringLiteral("bad/name")}, {QStringLiteral("proxy"), true}},
                error::kBadInterface, "not a network interface name"},
        };
        for (const auto &b : bad) {
            const auto done = client.startBoot(kName, b.options);
            QVERIFY2(!done, b.says);
            QCOMPARE(done.error().name, QLatin1String(b.error));
            QVERIFY2(done.error().message.contains(QLatin1String(b.says)), qPrintable(done.error().message));
        }
        QCOMPARE(stateOf(client), QStringLiteral("off"));
        QCOMPARE(dnsmasqCount(lab.targetNamespace()), 0);
        const auto missing = client.startBoot(
            QStringLiteral("nope"), {{QStringLiteral("interface"), veth}, {QStringLiteral("proxy"), true}});
        QVERIFY(!missing);
        QVERIFY2(missing.error().name == QLatin1String(error::kUnknownObject)
                || missing.error().name == QLatin1String(error::kNotFound),
            qPrintable(missing.error().name));

        // Isolated segment: this server hands out 10.78.0.50-60, to the initiator's MAC only.
        const QString mac = QString::fromStdString(Lab::initiatorMac().toString()).toLower();
        const auto started = client.startBoot(kName,
            {{QStringLiteral("interface"), veth}, {QStringLiteral("range"), QStringLiteral("10.78.0.50,10.78.0.60")},
                {QStringLiteral("macs"), QStringList {mac}}});
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QVERIFY2(ServiceRig::waitFor([&] { return stateOf(client) == QLatin1String("running"); }, 15000),
            qPrintable(dump(bootOf(client)) + rig.serviceLog()));
        boot = bootOf(client);
        QCOMPARE(boot.value(QLatin1String("serving")).toString(),
            QStringLiteral("DHCP 10.78.0.50-10.78.0.60 on %1").arg(veth));
        QCOMPARE(boot.value(QLatin1String("mode")).toString(), QStringLiteral("isolated"));
        QCOMPARE(boot.value(QLatin1String("macs")).toArray().first().toString(), mac);
        QVERIFY(QFile::exists(rig.configDir() + QStringLiteral("/boot/diskless.json")));
        QCOMPARE(dnsmasqCount(lab.targetNamespace()), 1);

        QString given = askAsIpxe(lab);
        QVERIFY2(given.contains(QLatin1String("rootpath=aoe:e5.1")), qPrintable(given + rig.serviceLog()));
        QVERIFY2(given.contains(QLatin1String("ip=10.78.0.5")) || given.contains(QLatin1String("ip=10.78.0.60")),
            qPrintable(given));
        QVERIFY2(ServiceRig::waitFor(
                     [&] { return !bootOf(client).value(QLatin1String("clients")).toArray().isEmpty(); }, 5000),
            qPrintable(dump(bootOf(client))));
        const QJsonObject seen = bootOf(client).value(QLatin1String("clients")).toArray().last().toObject();
        QCOMPARE(seen.value(QLatin1String("mac")).toString(), mac);
        QCOMPARE(seen.value(QLatin1String("given")).toString(), QStringLiteral("root-path aoe:e5.1"));
        QVERIFY(seen.value(QLatin1String("address")).toString().startsWith(QLatin1String("10.78.0.")));
        QVERIFY(seen.value(QLatin1String("time")).toInteger() > 0);

        // The service restarts: the boot server comes back by itself.
        QCOMPARE(rig.stopService(SIGTERM), 0);
        QVERIFY2(ServiceRig::waitFor([&] { return dnsmasqCount(lab.targetNamespace()) == 0; }, 5000),
            "dnsmasq outlived the service");
        QVERIFY2(rig.startService(serviceArgs), qPrintable(rig.error()));
        QVERIFY2(ServiceRig::waitFor([&] { return stateOf(client) == QLatin1String("running"); }, 15000),
            qPrintable(dump(bootOf(client)) + rig.serviceLog()));
        given = askAsIpxe(lab);
        QVERIFY2(given.contains(QLatin1String("rootpath=aoe:e5.1")), qPrintable(given + rig.serviceLog()));
        QVERIFY(ServiceRig::waitFor(
            [&] { return !bootOf(client).value(QLatin1String("clients")).toArray().isEmpty(); }, 5000));

        // The same through aoesan-ctl: status, then a proxy server in its place, then stop.
        const auto ctl = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), rig.address());
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(AOESAN_CTL), args);
            p.waitForFinished(30000);
            return std::tuple {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
        };
        auto [code, out, err] = ctl({QStringLiteral("boot"), QStringLiteral("status"), kName});
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.contains(QLatin1String("state:     running")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("client:")) && out.contains(mac), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("sanboot aoe:e5.1")), qPrintable(out));
        std::tie(code, out, err) = ctl({QStringLiteral("boot"), QStringLiteral("start"), kName, QStringLiteral("-i"),
            veth, QStringLiteral("--proxy")});
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(ServiceRig::waitFor(
                     [&] {
                         const QJsonObject b = bootOf(client);
                         return b.value(QLatin1String("state")).toString() == QLatin1String("running")
                             && b.value(QLatin1String("mode")).toString() == QLatin1String("proxy");
                     },
                     15000),
            qPrintable(dump(bootOf(client)) + rig.serviceLog()));
        QVERIFY(bootOf(client).value(QLatin1String("serving")).toString().startsWith(QLatin1String("proxy DHCP")));
        QVERIFY2(ServiceRig::waitFor([&] { return dnsmasqCount(lab.targetNamespace()) == 1; }, 5000),
            qPrintable(QString::number(dnsmasqCount(lab.targetNamespace())) + rig.serviceLog()));
        std::tie(code, out, err) = ctl({QStringLiteral("boot"), QStringLiteral("start"), kName, QStringLiteral("-i"),
            veth, QStringLiteral("--range"), QStringLiteral("10.9.0.1,10.9.0.2")});
        QCOMPARE(code, 1); // the service refused it (BadOption), as every refusal through the service
        QVERIFY2(err.contains(QLatin1String("not in")), qPrintable(err));
        std::tie(code, out, err) = ctl({QStringLiteral("boot"), QStringLiteral("stop"), kName});
        QVERIFY2(code == 0, qPrintable(err));
        QCOMPARE(stateOf(client), QStringLiteral("off"));
        // At once: dnsmasq once inherited boot serve's blocked SIGTERM and went only when killed after 5 s.
        QVERIFY2(ServiceRig::waitFor([&] { return dnsmasqCount(lab.targetNamespace()) == 0; }, 2000),
            "dnsmasq outlived StopBoot");
        QVERIFY(!QFile::exists(rig.configDir() + QStringLiteral("/boot/diskless.json")));
        QVERIFY2(askAsIpxe(lab, 1).isEmpty(), "a stopped boot server answered");

        // Removing the export ends its boot server too.
        QVERIFY(client.startBoot(kName, {{QStringLiteral("interface"), veth}, {QStringLiteral("proxy"), true}}));
        QVERIFY(ServiceRig::waitFor([&] { return stateOf(client) == QLatin1String("running"); }, 15000));
        QVERIFY(client.removeExport(kName));
        QVERIFY2(ServiceRig::waitFor([&] { return dnsmasqCount(lab.targetNamespace()) == 0; }, 5000),
            qPrintable(QStringLiteral("dnsmasq outlived its export: %1 %2")
                           .arg(dnsmasqCount(lab.targetNamespace()))
                           .arg(rig.serviceLog())));
        QVERIFY(!QFile::exists(rig.configDir() + QStringLiteral("/boot/diskless.json")));
        QCOMPARE(rig.stopService(SIGTERM), 0);
    }

    void polkitsNoIsNotAuthorized()
    {
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        QVERIFY(lab.run(lab.targetNamespace(),
                       {QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("add"),
                           QStringLiteral("10.78.0.1/24"), QStringLiteral("dev"), Lab::targetInterface()})
                    .ok());
        test::ServiceRigOptions options;
        options.netns = lab.targetNamespace();
        ServiceRig rig(options);
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        const QString image = rig.path(QStringLiteral("disk.img"));
        {
            QFile f(image);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(16 << 20));
        }
        QVERIFY2(rig.startService({QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--no-discovery")}),
            qPrintable(rig.error()));
        ServiceClient client(rig.connect(QStringLiteral("client")));
        supervisor::ExportRecord r;
        r.name = kName;
        r.path = image;
        r.shelf = kShelf;
        r.slot = kSlot;
        r.interface = Lab::targetInterface();
        QVERIFY(client.addExport(r, false, false));
        QVERIFY(rig.polkitMock(QStringLiteral("AllowUnknown"), {false}));
        QVERIFY(rig.polkitMock(QStringLiteral("SetAllowed"), {QStringList {QLatin1String(action::kManageExports)}}));
        const auto denied = client.startBoot(
            kName, {{QStringLiteral("interface"), Lab::targetInterface()}, {QStringLiteral("proxy"), true}});
        QVERIFY(!denied);
        QCOMPARE(denied.error().name, QLatin1String(error::kNotAuthorized));
        QVERIFY2(denied.error().message.contains(QLatin1String("boot machines over the network")),
            qPrintable(denied.error().message));
        QCOMPARE(stateOf(client), QStringLiteral("off"));
        QCOMPARE(client.stopBoot(kName).error().name, QLatin1String(error::kNotAuthorized));
        QCOMPARE(rig.stopService(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceBoot)
#include "tst_service_boot.moc"
