// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-service's disks of this machine (Manager.Attach, Detach, SetKernelSettings, KernelDevices, Target
// Device and KernelState) over D-Bus, against a made-up aoe driver: the real service on a private bus with
// --kernel-root (a FakeAoeKernel tree this test drives, reacting to what the service writes as the driver
// would) and --modprobe (a stand-in that "loads" the module in that tree). Discovery is the fake probe engine
// (targets e1.0, e1.1 on lan0); nothing is sent on any network and no real driver is touched.
#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusPendingCall>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include <tuple>

#include "ServiceRig.h"
#include "kernel/FakeAoeKernel.h"
#include "service/AoeUnitLoader.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"
#include "service/ServiceClient.h"
#include "service/ServiceSettings.h"

using namespace aoesan;
using namespace aoesan::service;
using test::FakeAoeKernel;
using test::ServiceRig;

namespace {

constexpr std::uint64_t kSectors = 2097152; // what the fake probe engine says of every target

QDBusMessage callRaw(QDBusConnection c, const QString &path, const QString &interface, const QString &method,
    const QVariantList &args, int timeoutMs = 30000)
{
    QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(kBusName), path, interface, method);
    m.setArguments(args);
    return c.call(m, QDBus::Block, timeoutMs);
}

QVariant objectProperty(QDBusConnection c, const QString &path, const QString &interface, const QString &name)
{
    const QDBusMessage reply
        = callRaw(c, path, QLatin1String(kPropertiesInterface), QStringLiteral("Get"), {interface, name}, 10000);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return {};
    return reply.arguments().value(0).value<QDBusVariant>().variant();
}

QVariant managerProperty(QDBusConnection c, const QString &name)
{
    return objectProperty(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface), name);
}

QJsonArray kernelDevices(QDBusConnection c)
{
    return QJsonDocument::fromJson(managerProperty(c, QStringLiteral("KernelDevices")).toString().toUtf8()).array();
}

QVariantMap asMap(const QVariant &v)
{
    if (v.metaType() == QMetaType::fromType<QVariantMap>())
        return v.toMap();
    return qdbus_cast<QVariantMap>(v.value<QDBusArgument>());
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Manager.Attach and Detach as ServiceClient makes them, but waiting in the event loop: the fake driver reacts
// from this test's timer, which a blocking call would stall.
Result<QString, ServiceError> kernelCall(
    QDBusConnection c, const QString &method, const QString &target, const QVariantMap &options = {})
{
    QDBusMessage m = QDBusMessage::createMethodCall(
        QLatin1String(kBusName), QLatin1String(kRootPath), QLatin1String(kManagerInterface), method);
    m.setArguments({target, options});
    QDBusPendingCall pending = c.asyncCall(m, 60000);
    if (!ServiceRig::waitFor([&] { return pending.isFinished(); }, 60000))
        return Unexpected(ServiceError {QStringLiteral("timeout"), QStringLiteral("no answer in 60 s")});
    const QDBusMessage reply = pending.reply();
    if (reply.type() != QDBusMessage::ReplyMessage)
        return Unexpected(ServiceError {reply.errorName(), reply.errorMessage()});
    return reply.arguments().value(0).toString();
}

struct KernelClient
{
    QDBusConnection c;
    Result<QString, ServiceError> attach(const QString &target, const QStringList &interfaces, uint timeout)
    {
        QVariantMap options {{QLatin1String(kernel_key::kTimeoutSeconds), QVariant::fromValue(timeout)}};
        if (!interfaces.isEmpty())
            options.insert(QLatin1String(kernel_key::kInterfaces), interfaces);
        return kernelCall(c, QStringLiteral("Attach"), target, options);
    }
    Result<QString, ServiceError> detach(const QString &target)
    {
        return kernelCall(c, QStringLiteral("Detach"), target);
    }
};

// The whole rig: the fake driver (reacting every 20 ms), the modprobe stand-in, the service.
struct KernelRig
{
    explicit KernelRig(test::ServiceRigOptions options = {})
        : rig(options)
    { }
    FakeAoeKernel kernel;
    ServiceRig rig;
    QTimer react;
    QString modprobeLog;

    bool start(bool modprobeWorks = true, const QStringList &extra = {})
    {
        if (!rig.ok())
            return false;
        QObject::connect(&react, &QTimer::timeout, [this] { kernel.react(); });
        react.start(20);
        modprobeLog = rig.path(QStringLiteral("modprobe.log"));
        const QString script = rig.path(QStringLiteral("modprobe"));
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        const QByteArray root = kernel.root().toUtf8();
        QByteArray text = "#!/bin/sh\n# a stand-in for modprobe: the fake driver's module appears\n";
        text += "echo \"$*\" >>'" + modprobeLog.toUtf8() + "'\n";
        if (modprobeWorks) {
            text += "mkdir -p '" + root + "/sys/module/aoe/parameters'\n";
            text += "printf '%s\\n' \"${2#aoe_iflist=}\" >'" + root + "/sys/module/aoe/parameters/aoe_iflist'\n";
            text += "for c in discover interfaces flush revalidate; do : >'" + root + "/dev/etherd/'$c; done\n";
        } else {
            text += "echo 'modprobe: FATAL: Module aoe not found in directory /lib/modules/6.1.0' >&2\nexit 1\n";
        }
        f.write(text);
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("AOESAN_FAKE_TARGETS", "2");
        qputenv("AOESAN_FAKE_ANNOUNCE_ON_PROBE", "1");
        qputenv("AOESAN_FAKE_SERVE", "1");
        return rig.startService(QStringList {QStringLiteral("--engine"), QStringLiteral(AOESAN_FAKE_PROBE_ENGINE),
                                    QStringLiteral("-i"), QStringLiteral("lan0"), QStringLiteral("--kernel-root"),
                                    kernel.root(), QStringLiteral("--modprobe"), script}
            + extra);
    }
    bool targetsHeard(QDBusConnection c)
    {
        return ServiceRig::waitFor([&] {
            return objectProperty(c, targetPath(1, 1), QLatin1String(kTargetInterface), QStringLiteral("State"))
                       .toString()
                == QLatin1String("up");
        });
    }
};

} // namespace

class TestServiceKernel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerDbusTypes(); }

    // The system service names its driver unit as systemd-escape does, so the unit's %I is the list again.
    void unitNameIsSystemdEscape()
    {
        const QList<QStringList> lists {{QStringLiteral("fk0")}, {QStringLiteral("fk0"), QStringLiteral("fk1")},
            {QStringLiteral("fk0s3.100"), QStringLiteral("fk-lan")}, {QStringLiteral(".x"), QStringLiteral("a@b:c_d")}};
        for (const QStringList &list : lists) {
            QProcess escape;
            escape.start(QStringLiteral("systemd-escape"),
                {QStringLiteral("--template"), QStringLiteral("aoesan-aoe@.service"), list.join(QLatin1Char(','))});
            QVERIFY2(escape.waitForFinished(10000) && escape.exitCode() == 0, "systemd-escape (package systemd)");
            QCOMPARE(aoeUnitName(list), QString::fromUtf8(escape.readAllStandardOutput()).trimmed());
        }
    }

    void attachPublishesTheDiskAndDetachKeepsItReleased()
    {
        KernelRig k;
        k.kernel.addTarget(1, 0, kSectors, QStringLiteral("lan0"));
        k.kernel.addTarget(1, 1, kSectors, QStringLiteral("lan0"));
        QVERIFY2(k.start(), qPrintable(k.rig.error()));
        QDBusConnection c = k.rig.connect(QStringLiteral("person"));
        QVERIFY(k.targetsHeard(c));
        QCOMPARE(managerProperty(c, QStringLiteral("KernelDriverLoaded")).toBool(), false);
        QCOMPARE(managerProperty(c, QStringLiteral("KernelDevices")).toString(), QStringLiteral("[]"));

        KernelClient client {c};
        QElapsedTimer took;
        took.start();
        const auto attached = client.attach(QStringLiteral("e1.1"), {}, 20);
        QVERIFY2(attached, qPrintable(attached ? QString() : attached.error().message));
        QCOMPARE(attached.value(), QStringLiteral("/dev/etherd/e1.1"));
        QVERIFY(took.elapsed() < 10000);
        // Loaded for the interface discovery heard it on, never for every interface.
        QCOMPARE(fileBytes(k.modprobeLog), QByteArray("aoe aoe_iflist=lan0\n"));
        QVERIFY(ServiceRig::waitFor([&] { return kernelDevices(c).size() == 2; }, 5000));
        QCOMPARE(managerProperty(c, QStringLiteral("KernelDriverLoaded")).toBool(), true);
        QCOMPARE(managerProperty(c, QStringLiteral("KernelDriverInterfaces")).toStringList(),
            QStringList {QStringLiteral("lan0")});
        const QJsonObject e11 = kernelDevices(c).at(1).toObject();
        QCOMPARE(e11.value(QStringLiteral("address")).toString(), QStringLiteral("e1.1"));
        QCOMPARE(e11.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        // Beside discovery's view, on the target object.
        QVERIFY(ServiceRig::waitFor([&] {
            return objectProperty(c, targetPath(1, 1), QLatin1String(kTargetInterface), QStringLiteral("Device"))
                       .toString()
                == QLatin1String("/dev/etherd/e1.1");
        }));
        QCOMPARE(objectProperty(c, targetPath(1, 1), QLatin1String(kTargetInterface), QStringLiteral("KernelState")),
            QVariant(QStringLiteral("up")));
        // Attached already: the same path at once, no second load.
        QCOMPARE(client.attach(QStringLiteral("1.1"), {}, 20).value(), QStringLiteral("/dev/etherd/e1.1"));
        QCOMPARE(fileBytes(k.modprobeLog).count('\n'), 1);

        QVERIFY(client.detach(QStringLiteral("e1.1")));
        QVERIFY(
            ServiceRig::waitFor([&] { return k.kernel.lastWrite(QStringLiteral("flush")) == QLatin1String("e1.1"); }));
        QVERIFY(ServiceRig::waitFor([&] {
            return objectProperty(c, targetPath(1, 1), QLatin1String(kTargetInterface), QStringLiteral("Device"))
                .toString()
                .isEmpty();
        }));
        // The driver finds it again at its own discovery (every 60 s); the service releases it again.
        QFile discover(k.kernel.root() + QStringLiteral("/dev/etherd/discover"));
        QVERIFY(discover.open(QIODevice::WriteOnly) && discover.write("discover\n") > 0);
        discover.close();
        k.kernel.react();
        QVERIFY(QFileInfo::exists(k.kernel.root() + QStringLiteral("/sys/block/etherd!e1.1")));
        QVERIFY(ServiceRig::waitFor(
            [&] { return !QFileInfo::exists(k.kernel.root() + QStringLiteral("/sys/block/etherd!e1.1")); }, 6000));
        QVERIFY(QFileInfo::exists(k.kernel.root() + QStringLiteral("/sys/block/etherd!e1.0"))); // not its
        // Detaching what is not there says so.
        const auto again = client.detach(QStringLiteral("e1.1"));
        QVERIFY(!again);
        QCOMPARE(again.error().name, QLatin1String(error::kNotFound));
    }

    // aoesan-ctl attach/detach as a person runs them, with the service on the (private) system bus: the work is
    // the service's, the output the command's own.
    void ctlGoesThroughTheService()
    {
        KernelRig k;
        k.kernel.addTarget(1, 1, kSectors, QStringLiteral("lan0"));
        QVERIFY2(k.start(), qPrintable(k.rig.error()));
        QDBusConnection c = k.rig.connect(QStringLiteral("person"));
        QVERIFY(k.targetsHeard(c));
        QString bus = k.rig.address();
        const auto ctl = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), bus);
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(AOESAN_CTL), args);
            ServiceRig::waitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
            return std::tuple {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
        };
        auto [code, out, err] = ctl({QStringLiteral("attach"), QStringLiteral("1.1")});
        QVERIFY2(code == 0, qPrintable(err));
        QCOMPARE(out.trimmed().split(QLatin1Char('\n')).last(), QStringLiteral("/dev/etherd/e1.1"));
        QVERIFY2(err.contains(QLatin1String("asking the aoesan service")), qPrintable(err));
        QVERIFY(k.rig.serviceLog().contains(QLatin1String("e1.1 is a disk of this machine")));
        k.kernel.openBy(99, QStringLiteral("mkfs.ext4"), QStringLiteral("e1.1"));
        std::tie(code, out, err) = ctl({QStringLiteral("detach"), QStringLiteral("e1.1")});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("99 mkfs.ext4")), qPrintable(err));
        k.kernel.closeBy(99);
        std::tie(code, out, err) = ctl({QStringLiteral("detach"), QStringLiteral("e1.1")});
        QVERIFY2(code == 0, qPrintable(err));
        QCOMPARE(out.trimmed(), QStringLiteral("e1.1 released"));
        // The real driver forgets the disk within the write; the fake one at its next react().
        QVERIFY(ServiceRig::waitFor(
            [&] { return !QFileInfo::exists(k.kernel.root() + QStringLiteral("/sys/block/etherd!e1.1")); }));
        std::tie(code, out, err) = ctl({QStringLiteral("detach"), QStringLiteral("e1.1")});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("not a disk of this machine")), qPrintable(err));
        // polkit says no: exit 3, the action named, and nothing is loaded.
        test::ServiceRigOptions deny;
        deny.polkit = QStringLiteral("deny");
        KernelRig denied(deny);
        QVERIFY2(denied.start(), qPrintable(denied.rig.error()));
        bus = denied.rig.address();
        std::tie(code, out, err) = ctl({QStringLiteral("attach"), QStringLiteral("1.1")});
        QCOMPARE(code, 3);
        QVERIFY2(err.contains(QLatin1String(action::kAttachTargets)), qPrintable(err));
        QVERIFY(fileBytes(denied.modprobeLog).isEmpty());
    }

    void detachIsRefusedWhileTheDiskIsUsed()
    {
        KernelRig k;
        k.kernel.setLoaded({QStringLiteral("lan0")});
        k.kernel.addDevice(1, 0, kSectors, QStringLiteral("lan0"));
        k.kernel.addPartition(1, 0, 1, kSectors - 2048);
        k.kernel.mount(QStringLiteral("e1.0p1"), QStringLiteral("/mnt/sales data"));
        k.kernel.addDevice(1, 1, kSectors, QStringLiteral("lan0"));
        k.kernel.openBy(4242, QStringLiteral("dd"), QStringLiteral("e1.1"));
        QVERIFY2(k.start(), qPrintable(k.rig.error()));
        QDBusConnection c = k.rig.connect(QStringLiteral("person"));
        KernelClient client {c};
        for (const auto &[target, holder] : {std::pair {QStringLiteral("e1.0"), QStringLiteral("/mnt/sales data")},
                 std::pair {QStringLiteral("e1.1"), QStringLiteral("4242 dd")}}) {
            const auto refused = client.detach(target);
            QVERIFY(!refused);
            QCOMPARE(refused.error().name, QLatin1String(error::kInUse));
            QVERIFY2(refused.error().message.contains(holder), qPrintable(refused.error().message));
        }
        QTest::qWait(100);
        k.kernel.react();
        QVERIFY(k.kernel.lastWrite(QStringLiteral("flush")).isEmpty());
        // The users are published too, for the tray's "used by".
        const QJsonArray devices = kernelDevices(c);
        QCOMPARE(devices.size(), 2);
        QVERIFY(QJsonDocument(devices).toJson().contains("4242 dd"));
        k.kernel.closeBy(4242);
        QVERIFY(client.detach(QStringLiteral("e1.1")));
    }

    void attachErrorsAreTyped()
    {
        KernelRig k;
        QVERIFY2(k.start(false), qPrintable(k.rig.error()));
        QDBusConnection c = k.rig.connect(QStringLiteral("person"));
        QVERIFY(k.targetsHeard(c));
        KernelClient client {c};
        // The driver cannot be loaded: modprobe's words, and its own error name.
        auto failed = client.attach(QStringLiteral("e1.0"), {}, 5);
        QVERIFY(!failed);
        QCOMPARE(failed.error().name, QLatin1String(error::kNoKernelDriver));
        QVERIFY2(
            failed.error().message.contains(QLatin1String("Module aoe not found")), qPrintable(failed.error().message));
        // Nobody has heard of e9.9 and no interface was named.
        failed = client.attach(QStringLiteral("e9.9"), {}, 5);
        QCOMPARE(failed.error().name, QLatin1String(error::kNotFound));
        QVERIFY(failed.error().message.contains(QLatin1String("e9.9")));
        // Bad addresses, interface names and options.
        for (const QString &bad : {QStringLiteral("e65535.1"), QStringLiteral("1.255"), QStringLiteral("disk"),
                 QStringLiteral("e1.0p1"), QString()}) {
            failed = client.attach(bad, {}, 5);
            QVERIFY(!failed);
            QCOMPARE(failed.error().name, QLatin1String(error::kBadAddress));
        }
        for (const QString &bad : {QStringLiteral("lan0,lan1"), QStringLiteral("a b"), QStringLiteral("lan0:1"),
                 QStringLiteral("../x"), QStringLiteral("averyveryverylongname")}) {
            failed = client.attach(QStringLiteral("e1.0"), {bad}, 5);
            QCOMPARE(failed.error().name, QLatin1String(error::kBadInterface));
        }
        QDBusMessage raw = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface),
            QStringLiteral("Attach"),
            {QStringLiteral("e1.0"), QVariantMap {{QStringLiteral("timeoutSeconds"), QVariant::fromValue<uint>(0)}}});
        QCOMPARE(raw.errorName(), QLatin1String(error::kInvalidArgs));
        raw = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("Attach"),
            {QStringLiteral("e1.0"), QVariantMap {{QStringLiteral("interface"), QStringLiteral("lan0")}}});
        QCOMPARE(raw.errorName(), QLatin1String(error::kInvalidArgs));
        raw = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("Detach"),
            {QStringLiteral("e1.0"), QVariantMap {{QStringLiteral("force"), true}}});
        QCOMPARE(raw.errorName(), QLatin1String(error::kInvalidArgs));
        raw = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("Attach"),
            {QStringLiteral("e1.0")});
        QCOMPARE(raw.errorName(), QLatin1String(error::kInvalidArgs));
        QVERIFY(k.rig.serviceRunning());
    }

    void attachTimesOutWithWhatItSaw()
    {
        KernelRig k;
        // The driver will see e1.0, but with another size than discovery reported.
        k.kernel.addTarget(1, 0, kSectors / 2, QStringLiteral("lan0"));
        QVERIFY2(k.start(), qPrintable(k.rig.error()));
        QDBusConnection c = k.rig.connect(QStringLiteral("person"));
        QVERIFY(k.targetsHeard(c));
        QElapsedTimer took;
        took.start();
        const auto failed = KernelClient {c}.attach(QStringLiteral("e1.0"), {}, 2);
        QVERIFY(!failed);
        QVERIFY(took.elapsed() < 6000);
        QCOMPARE(failed.error().name, QLatin1String(error::kFailed));
        QVERIFY2(failed.error().message.contains(
                     QStringLiteral("%1 sectors, discovery saw %2").arg(kSectors / 2).arg(kSectors)),
            qPrintable(failed.error().message));
    }

    void ownExportIsRefusedWithItsBackingFile()
    {
        KernelRig k;
        QVERIFY2(k.start(), qPrintable(k.rig.error()));
        QDBusConnection c = k.rig.connect(QStringLiteral("person"));
        QFile image(k.rig.path(QStringLiteral("disk.img")));
        QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(64 << 20));
        image.close();
        ServiceClient client(c);
        supervisor::ExportRecord r;
        r.name = QStringLiteral("mine");
        r.path = image.fileName();
        r.shelf = 1;
        r.slot = 200;
        r.interface = QStringLiteral("lan0");
        const auto added = client.addExport(r, true, false);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QVERIFY(ServiceRig::waitFor([&] {
            return objectProperty(
                       c, exportPath(QStringLiteral("mine")), QLatin1String(kExportInterface), QStringLiteral("State"))
                       .toString()
                == QLatin1String("running");
        }));
        const auto refused = KernelClient {c}.attach(QStringLiteral("e1.200"), {}, 5);
        QVERIFY(!refused);
        QCOMPARE(refused.error().name, QLatin1String(error::kOwnExport));
        QVERIFY2(refused.error().message.contains(image.fileName()), qPrintable(refused.error().message));
        QVERIFY(fileBytes(k.modprobeLog).isEmpty()); // nothing was loaded for it
    }

    void downDiskIsReleasedAndAttachedAgain()
    {
        KernelRig k;
        k.kernel.addTarget(1, 0, kSectors, QStringLiteral("lan0"));
        k.kernel.addTarget(1, 1, kSectors, QStringLiteral("lan0"));
        QVERIFY2(k.start(), qPrintable(k.rig.error()));
        QDBusConnection c = k.rig.connect(QStringLiteral("person"));
        QVERIFY(k.targetsHeard(c));
        // The settings: defaults first, then changed and kept in service.json.
        QVariantMap settings = asMap(managerProperty(c, QStringLiteral("KernelSettings")));
        QCOMPARE(settings.value(QLatin1String(kernel_key::kFlushDownAfterSeconds)).toUInt(), 60U);
        QCOMPARE(settings.value(QLatin1String(kernel_key::kReattach)).toBool(), false);
        QDBusMessage set = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface),
            QStringLiteral("SetKernelSettings"),
            {QVariantMap {{QLatin1String(kernel_key::kFlushDownAfterSeconds), QVariant::fromValue<uint>(1)},
                {QLatin1String(kernel_key::kReattach), true}}});
        QCOMPARE(set.type(), QDBusMessage::ReplyMessage);
        settings = asMap(managerProperty(c, QStringLiteral("KernelSettings")));
        QCOMPARE(settings.value(QLatin1String(kernel_key::kFlushDownAfterSeconds)).toUInt(), 1U);
        QCOMPARE(settings.value(QLatin1String(kernel_key::kReattach)).toBool(), true);
        QString problem;
        const ServiceSettings saved
            = ServiceSettingsFile(k.rig.configDir() + QStringLiteral("/service.json")).load(&problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(saved.flushDownAfterSeconds, 1);
        QVERIFY(saved.reattach);
        // Wrong types and values change nothing.
        for (const QVariantMap &bad :
            {QVariantMap {{QLatin1String(kernel_key::kFlushDownAfterSeconds), QVariant::fromValue<int>(5)}},
                QVariantMap {{QLatin1String(kernel_key::kFlushDownAfterSeconds), QVariant::fromValue<uint>(86401)}},
                QVariantMap {{QStringLiteral("flushAfter"), QVariant::fromValue<uint>(5)}}}) {
            set = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface),
                QStringLiteral("SetKernelSettings"), {bad});
            QCOMPARE(set.errorName(), QLatin1String(error::kInvalidArgs));
        }

        KernelClient client {c};
        QVERIFY(client.attach(QStringLiteral("e1.0"), {}, 20));
        QVERIFY(client.attach(QStringLiteral("e1.1"), {}, 20));
        // e1.1 is open (a program holds it) when both go down: the kernel keeps it, down,closewait.
        k.kernel.openBy(777, QStringLiteral("fdisk"), QStringLiteral("e1.1"));
        k.kernel.removeTarget(1, 0);
        k.kernel.setState(1, 0, QStringLiteral("down"));
        k.kernel.setState(1, 1, QStringLiteral("down,closewait"));
        QVERIFY(ServiceRig::waitFor([&] {
            return objectProperty(c, targetPath(1, 0), QLatin1String(kTargetInterface), QStringLiteral("KernelState"))
                       .toString()
                == QLatin1String("down");
        }));
        // Released after the delay (1 s, polled every 2 s); the held one stays.
        QVERIFY(ServiceRig::waitFor(
            [&] { return !QFileInfo::exists(k.kernel.root() + QStringLiteral("/sys/block/etherd!e1.0")); }, 8000));
        QVERIFY(
            ServiceRig::waitFor([&] { return k.kernel.lastWrite(QStringLiteral("flush")) == QLatin1String("e1.0"); }));
        QTest::qWait(3000);
        QVERIFY(QFileInfo::exists(k.kernel.root() + QStringLiteral("/sys/block/etherd!e1.1")));
        QVERIFY(k.rig.serviceLog().contains(QLatin1String("e1.0 was down")));
        // The target answers again; the next sighting by discovery attaches it again.
        k.kernel.addTarget(1, 0, kSectors, QStringLiteral("lan0"));
        QVERIFY(ServiceClient(c).probeNow());
        QVERIFY(ServiceRig::waitFor(
            [&] {
                return objectProperty(c, targetPath(1, 0), QLatin1String(kTargetInterface), QStringLiteral("Device"))
                           .toString()
                    == QLatin1String("/dev/etherd/e1.0");
            },
            10000));
        QVERIFY(k.rig.serviceLog().contains(QLatin1String("e1.0 is back and attached again")));
    }
};

QTEST_GUILESS_MAIN(TestServiceKernel)
#include "tst_service_kernel.moc"
