// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-service over D-Bus, as its clients see it: the real service on a private bus configured like the
// system bus, with python3-dbusmock's polkitd allowing, denying, hanging or absent; calls made through
// ServiceClient (what the GUI and aoesan-ctl use) and as raw messages with wrong types. Discovery is off
// and the exports name an interface that does not exist, so nothing is sent on any network.
#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

#include <sys/stat.h>

#include "ServiceRig.h"
#include "service/ApiSchema.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"
#include "service/ExportCodec.h"
#include "service/ServiceClient.h"
#include "util/ExitCode.h"

using namespace aoesan;
using namespace aoesan::service;
using test::ServiceRig;

namespace {

const QStringList kNoDiscovery {QStringLiteral("--no-discovery")};

QDBusMessage callRaw(QDBusConnection c, const QString &path, const QString &interface, const QString &method,
    const QVariantList &args, int timeoutMs = 10000)
{
    QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(kBusName), path, interface, method);
    m.setArguments(args);
    return c.call(m, QDBus::Block, timeoutMs);
}

QVariantMap goodRecord(const ServiceRig &rig, const QString &name, std::uint8_t slot)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("path"), rig.path(QStringLiteral("disk.img"))},
        {QStringLiteral("shelf"), QVariant::fromValue<ushort>(7)},
        {QStringLiteral("slot"), QVariant::fromValue<uchar>(slot)},
        {QStringLiteral("interface"), QStringLiteral("lan0")}};
}

supervisor::ExportRecord record(const ServiceRig &rig, const QString &name, int slot)
{
    supervisor::ExportRecord r;
    r.name = name;
    r.path = rig.path(QStringLiteral("disk.img"));
    r.shelf = 7;
    r.slot = static_cast<std::uint8_t>(slot);
    r.interface = QStringLiteral("lan0");
    return r;
}

bool makeImage(const ServiceRig &rig)
{
    QFile f(rig.path(QStringLiteral("disk.img")));
    return f.open(QIODevice::WriteOnly) && f.resize(64 << 20);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<none>");
}

int managedObjects(QDBusConnection c)
{
    const QDBusMessage reply = callRaw(
        c, QLatin1String(kRootPath), QLatin1String(kObjectManagerInterface), QStringLiteral("GetManagedObjects"), {});
    if (reply.type() != QDBusMessage::ReplyMessage)
        return -1;
    return static_cast<int>(qdbus_cast<ManagedObjects>(reply.arguments().value(0).value<QDBusArgument>()).size());
}

test::ServiceRigOptions rigWith(const QString &polkit, bool session = false)
{
    test::ServiceRigOptions o;
    o.polkit = polkit;
    o.session = session;
    return o;
}

} // namespace

#define REQUIRE_RIG(rig)                                                                                               \
    do {                                                                                                               \
        QVERIFY2((rig).ok(), qPrintable((rig).error()));                                                               \
        QVERIFY(makeImage(rig));                                                                                       \
    } while (false)

class TestServiceApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerDbusTypes(); }

    void servesTheRepoIntrospection()
    {
        ServiceRig rig;
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        QDBusConnection c = rig.connect(QStringLiteral("a"));
        const QDBusMessage reply = callRaw(
            c, QLatin1String(kRootPath), QLatin1String(kIntrospectableInterface), QStringLiteral("Introspect"), {});
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        const QString xml = reply.arguments().value(0).toString();
        for (const auto &m : ApiSchema::api().methods(QLatin1String(kManagerInterface)))
            QVERIFY2(xml.contains(QStringLiteral("name=\"%1\"").arg(m)), qPrintable(m));
        QVERIFY(xml.contains(QLatin1String(kObjectManagerInterface)));
        QVERIFY(xml.contains(QLatin1String("<node name=\"exports\"/>")));
        // Every Manager property, with its declared type.
        const QDBusMessage all = callRaw(c, QLatin1String(kRootPath), QLatin1String(kPropertiesInterface),
            QStringLiteral("GetAll"), {QLatin1String(kManagerInterface)});
        QCOMPARE(all.type(), QDBusMessage::ReplyMessage);
        for (const QString &name : ApiSchema::api().properties(QLatin1String(kManagerInterface))) {
            const QDBusMessage one = callRaw(c, QLatin1String(kRootPath), QLatin1String(kPropertiesInterface),
                QStringLiteral("Get"), {QLatin1String(kManagerInterface), name});
            QCOMPARE(one.type(), QDBusMessage::ReplyMessage);
            const QVariant inner = one.arguments().value(0).value<QDBusVariant>().variant();
            const QString signature = inner.metaType() == QMetaType::fromType<QDBusArgument>()
                ? inner.value<QDBusArgument>().currentSignature()
                : QString::fromLatin1(QDBusMetaType::typeToSignature(inner.metaType()));
            QCOMPARE(signature, ApiSchema::api().propertyType(QLatin1String(kManagerInterface), name).value());
        }
    }

    void addedExportReachesASecondClientWithinOneSecond()
    {
        ServiceRig rig;
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        ServiceClient writer(rig.connect(QStringLiteral("writer")));
        ServiceClient watcher(rig.connect(QStringLiteral("watcher")));
        watcher.follow();
        QCOMPARE(watcher.exports().size(), 0u);
        QSignalSpy updated(&watcher, &ServiceClient::exportUpdated);
        QSignalSpy removed(&watcher, &ServiceClient::exportRemoved);

        QElapsedTimer t;
        t.start();
        const auto added = writer.addExport(record(rig, QStringLiteral("disk-1"), 3), false, false);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(added.value(), QStringLiteral("/io/github/aoesan1/exports/disk_2d1"));
        QVERIFY(ServiceRig::waitFor([&] { return watcher.exports().contains(QStringLiteral("disk-1")); }, 1000));
        qInfo("an added export reached a second client after %lld ms", static_cast<long long>(t.elapsed()));
        QCOMPARE(watcher.exports().at(QStringLiteral("disk-1")).record, record(rig, QStringLiteral("disk-1"), 3));
        QCOMPARE(watcher.exports().at(QStringLiteral("disk-1")).status.state, supervisor::ExportState::Stopped);
        QVERIFY(updated.count() >= 1);
        // In the file the service owns.
        const QJsonObject file
            = QJsonDocument::fromJson(fileBytes(rig.configDir() + QStringLiteral("/exports.json"))).object();
        QCOMPARE(file.value(QStringLiteral("exports")).toArray().size(), 1);

        // A start that fails (no interface lan0 here) reaches the watcher as its state and reason.
        t.restart();
        QVERIFY(writer.startExport(QStringLiteral("disk-1"), false));
        QVERIFY(ServiceRig::waitFor(
            [&] {
                const auto &s = watcher.exports().at(QStringLiteral("disk-1")).status;
                return s.lastError && s.lastError->code == QLatin1String("no-such-interface");
            },
            5000));
        qInfo("an export's state change reached a second client after %lld ms", static_cast<long long>(t.elapsed()));
        QVERIFY(writer.stopExport(QStringLiteral("disk-1")));

        QVERIFY(writer.removeExport(QStringLiteral("disk-1")));
        QVERIFY(ServiceRig::waitFor([&] { return removed.count() == 1; }, 1000));
        QVERIFY(watcher.exports().empty());
        QCOMPARE(managedObjects(rig.connect(QStringLiteral("writer"))), 0);
    }

    void badInputGetsItsTypedErrorAndChangesNothing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("name with /") << "name" << QVariant(QStringLiteral("a/b")) << error::kBadName;
        QTest::newRow("empty name") << "name" << QVariant(QString()) << error::kBadName;
        QTest::newRow("relative path") << "path" << QVariant(QStringLiteral("disk.img")) << error::kBadPath;
        QTest::newRow("dot-dot path") << "path" << QVariant(QStringLiteral("/tmp/../etc/passwd")) << error::kBadPath;
        QTest::newRow("missing file") << "path" << QVariant(QStringLiteral("/nonexistent/disk.img")) << error::kBadPath;
        QTest::newRow("directory") << "path" << QVariant(QStringLiteral("/tmp")) << error::kBadPath;
        QTest::newRow("fifo") << "path" << QVariant(QStringLiteral("FIFO")) << error::kBadPath;
        QTest::newRow("char device") << "path" << QVariant(QStringLiteral("/dev/null")) << error::kBadPath;
        QTest::newRow("shelf 65535") << "shelf" << QVariant::fromValue<ushort>(65535) << error::kBadAddress;
        QTest::newRow("slot 255") << "slot" << QVariant::fromValue<uchar>(255) << error::kBadAddress;
        QTest::newRow("shelf as a string") << "shelf" << QVariant(QStringLiteral("7")) << error::kInvalidArgs;
        QTest::newRow("shelf as int32") << "shelf" << QVariant(7) << error::kInvalidArgs;
        QTest::newRow("unknown key") << "colour" << QVariant(QStringLiteral("red")) << error::kInvalidArgs;
        QTest::newRow("interface with /") << "interface" << QVariant(QStringLiteral("a/b")) << error::kBadInterface;
        QTest::newRow("interface of 16 bytes")
            << "interface" << QVariant(QStringLiteral("abcdefghijklmnop")) << error::kBadInterface;
        QTest::newRow("interface with ':'")
            << "interface" << QVariant(QStringLiteral("eth0:1")) << error::kBadInterface;
        QTest::newRow("interface with a control character")
            << "interface" << QVariant(QStringLiteral("eth\x1b[2J")) << error::kBadInterface;
        QTest::newRow("bad mac") << "macs" << QVariant(QStringList {QStringLiteral("nope")}) << error::kBadOption;
        // Past the end of the image, sized as the engine sizes it: refused now, not after five restarts.
        QTest::newRow("offset past the end")
            << "offsetSectors" << QVariant::fromValue<qulonglong>(1ULL << 40) << error::kBadOption;
        QTest::newRow("length past the end")
            << "lengthSectors" << QVariant::fromValue<qulonglong>(1ULL << 40) << error::kBadOption;
        QTest::newRow("duplicate name") << "name" << QVariant(QStringLiteral("first")) << error::kExists;
        QTest::newRow("duplicate address") << "slot" << QVariant::fromValue<uchar>(1) << error::kAddressTaken;
    }

    void badInputGetsItsTypedErrorAndChangesNothing()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QFETCH(QString, error);
        ServiceRig rig;
        REQUIRE_RIG(rig);
        const QString fifo = rig.path(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        QDBusConnection c = rig.connect(QStringLiteral("a"));
        const QDBusMessage first = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface),
            QStringLiteral("AddExport"), {goodRecord(rig, QStringLiteral("first"), 1), QVariantMap {}});
        QCOMPARE(first.type(), QDBusMessage::ReplyMessage);
        const QByteArray before = fileBytes(rig.configDir() + QStringLiteral("/exports.json"));

        QVariantMap bad = goodRecord(rig, QStringLiteral("second"), 2);
        bad.insert(key, value.toString() == QLatin1String("FIFO") ? QVariant(fifo) : value);
        const QDBusMessage reply = callRaw(c, QLatin1String(kRootPath), QLatin1String(kManagerInterface),
            QStringLiteral("AddExport"), {bad, QVariantMap {}});
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), error);
        QVERIFY2(reply.errorMessage().size() > 20, qPrintable(reply.errorMessage()));
        // Change with the same bad value, on the existing export (a name cannot change, and its own
        // address is no clash).
        if (key != QLatin1String("name") && error != QLatin1String(error::kAddressTaken)) {
            bad.insert(QStringLiteral("name"), QStringLiteral("first"));
            const QDBusMessage changed = callRaw(c, exportPath(QStringLiteral("first")),
                QLatin1String(kExportInterface), QStringLiteral("Change"), {bad});
            QCOMPARE(changed.type(), QDBusMessage::ErrorMessage);
            QCOMPARE(changed.errorName(), error);
        }
        QCOMPARE(fileBytes(rig.configDir() + QStringLiteral("/exports.json")), before);
        QCOMPARE(managedObjects(c), 1);
    }

    void wrongSignaturesAndObjectsAreRefused()
    {
        ServiceRig rig;
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        QDBusConnection c = rig.connect(QStringLiteral("a"));
        const QString root = QLatin1String(kRootPath);
        const QString manager = QLatin1String(kManagerInterface);
        QCOMPARE(callRaw(c, root, manager, QStringLiteral("AddExport"), {QStringLiteral("x")}).errorName(),
            QLatin1String(error::kInvalidArgs));
        QCOMPARE(callRaw(c, root, manager, QStringLiteral("SetInterfaces"), {QStringLiteral("lan0")}).errorName(),
            QLatin1String(error::kInvalidArgs));
        QCOMPARE(
            callRaw(c, root, manager, QStringLiteral("Explode"), {}).errorName(), QLatin1String(error::kUnknownMethod));
        QCOMPARE(callRaw(c, exportPath(QStringLiteral("nobody")), QLatin1String(kExportInterface),
                     QStringLiteral("Start"), {QVariantMap {}})
                     .errorName(),
            QLatin1String(error::kUnknownObject));
        QCOMPARE(callRaw(c, root, QLatin1String(kPropertiesInterface), QStringLiteral("Set"),
                     {manager, QStringLiteral("Mode"), QVariant::fromValue(QDBusVariant(QStringLiteral("x")))})
                     .errorName(),
            QLatin1String(error::kPropertyReadOnly));
        QCOMPARE(callRaw(c, root, QLatin1String(kPropertiesInterface), QStringLiteral("Get"),
                     {manager, QStringLiteral("Nope")})
                     .errorName(),
            QLatin1String(error::kUnknownProperty));
        QCOMPARE(callRaw(c, root, manager, QStringLiteral("SetInterfaces"),
                     {QStringList {QStringLiteral("../x")}, QVariant::fromValue<uint>(10)})
                     .errorName(),
            QLatin1String(error::kBadInterface));
        QCOMPARE(callRaw(c, root, manager, QStringLiteral("SetInterfaces"),
                     {QStringList {}, QVariant::fromValue<uint>(99999)})
                     .errorName(),
            QLatin1String(error::kBadOption));
        QCOMPARE(callRaw(c, root, manager, QStringLiteral("AddExport"),
                     {goodRecord(rig, QStringLiteral("d"), 1),
                         QVariantMap {{QStringLiteral("start"), QStringLiteral("yes")}}})
                     .errorName(),
            QLatin1String(error::kInvalidArgs));
        QCOMPARE(managedObjects(c), 0);
        QVERIFY(rig.serviceRunning());
    }

    void deniedCallerChangesNothing()
    {
        ServiceRig rig(rigWith(QStringLiteral("deny")));
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        ServiceClient client(rig.connect(QStringLiteral("a")));
        const auto added = client.addExport(record(rig, QStringLiteral("disk-1"), 3), true, false);
        QVERIFY(!added);
        QCOMPARE(added.error().name, QLatin1String(error::kNotAuthorized));
        QVERIFY2(added.error().message.contains(QLatin1String("group aoesan")), qPrintable(added.error().message));
        QVERIFY(added.error().message.contains(QLatin1String(action::kManageExports)));
        QCOMPARE(exitCodeFor(added.error()), int(ExitNoPermission));
        QCOMPARE(client.setInterfaces({QStringLiteral("lan0")}, 5).error().name, QLatin1String(error::kNotAuthorized));
        QVERIFY(!QFile::exists(rig.configDir() + QStringLiteral("/exports.json")));
        QVERIFY(!QFile::exists(rig.configDir() + QStringLiteral("/service.json")));
        QCOMPARE(managedObjects(client.connection()), 0);
        // Viewing needs nothing.
        QVERIFY(client.refresh());
        QVERIFY(client.probeNow());

        // Allowed for this one action only: that one goes through.
        QVERIFY(rig.polkitMock(QStringLiteral("SetAllowed"), {QStringList {QLatin1String(action::kManageExports)}}));
        QVERIFY(client.addExport(record(rig, QStringLiteral("disk-1"), 3), false, false));
        QCOMPARE(client.forgetDownTargets().error().name, QLatin1String(error::kNotAuthorized));
    }

    void hangingPolkitFailsWithinItsTimeoutWhileOthersAreServed()
    {
        ServiceRig rig(rigWith(QStringLiteral("hang")));
        REQUIRE_RIG(rig);
        QVERIFY2(
            rig.startService(kNoDiscovery + QStringList {QStringLiteral("--polkit-timeout"), QStringLiteral("1500")}),
            qPrintable(rig.error()));
        ServiceClient asker(rig.connect(QStringLiteral("asker")));
        std::optional<Result<QVariantList, ServiceError>> answer;
        QElapsedTimer t;
        t.start();
        asker.addExportAsync(record(rig, QStringLiteral("disk-1"), 3), false, false,
            [&](Result<QVariantList, ServiceError> r) { answer = std::move(r); });
        // While polkit hangs, the service answers everyone else at once.
        QTest::qWait(300);
        QElapsedTimer quick;
        quick.start();
        QCOMPARE(managedObjects(rig.connect(QStringLiteral("other"))), 0);
        QVERIFY2(quick.elapsed() < 1000, "the service waited for polkit instead of answering");
        QVERIFY(ServiceRig::waitFor([&] { return answer.has_value(); }, 10000));
        const qint64 took = t.elapsed();
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().name, QLatin1String(error::kAuthorizationUnavailable));
        QVERIFY2(answer->error().message.contains(QLatin1String("Nothing was changed")),
            qPrintable(answer->error().message));
        QVERIFY2(took >= 1400 && took < 6000, qPrintable(QString::number(took)));
        QCOMPARE(managedObjects(rig.connect(QStringLiteral("other"))), 0);
        QVERIFY(!QFile::exists(rig.configDir() + QStringLiteral("/exports.json")));
    }

    void noPolkitIsAClearError()
    {
        ServiceRig rig(rigWith(QStringLiteral("none")));
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        ServiceClient client(rig.connect(QStringLiteral("a")));
        const auto added = client.addExport(record(rig, QStringLiteral("disk-1"), 3), false, false);
        QVERIFY(!added);
        QCOMPARE(added.error().name, QLatin1String(error::kAuthorizationUnavailable));
        QVERIFY(added.error().message.contains(QLatin1String("polkitd")));
        QCOMPARE(exitCodeFor(added.error()), int(ExitNoPermission));
        QCOMPARE(managedObjects(client.connection()), 0);
    }

    void sessionServiceAsksNobody()
    {
        ServiceRig rig(rigWith(QStringLiteral("none"), true));
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        ServiceClient client(rig.connect(QStringLiteral("a")));
        QVERIFY(client.addExport(record(rig, QStringLiteral("disk-1"), 3), false, false));
        QVERIFY(client.refresh());
        QCOMPARE(client.manager().mode, QStringLiteral("session"));
        QCOMPARE(client.exports().size(), 1u);
    }

    void fourClientsAndAHundredExportsLeaveOneConsistentList()
    {
        ServiceRig rig;
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        constexpr std::size_t kClients = 4;
        constexpr int kEach = 25;
        std::vector<std::unique_ptr<ServiceClient>> clients;
        for (std::size_t i = 0; i < kClients; ++i)
            clients.push_back(std::make_unique<ServiceClient>(rig.connect(QStringLiteral("c%1").arg(i))));
        int pending = 0;
        int failures = 0;
        QStringList errors;
        const auto done = [&](Result<QVariantList, ServiceError> r) {
            --pending;
            if (!r) {
                ++failures;
                errors << r.error().message;
            }
        };
        QElapsedTimer t;
        t.start();
        // All at once: every client adds its 25 without waiting for the others.
        for (std::size_t i = 0; i < kClients; ++i) {
            for (int j = 0; j < kEach; ++j) {
                auto r = record(rig, QStringLiteral("c%1-%2").arg(i).arg(j), 0);
                r.shelf = static_cast<std::uint16_t>(100 + i);
                r.slot = static_cast<std::uint8_t>(j);
                ++pending;
                clients[i]->addExportAsync(r, false, false, done);
            }
        }
        QVERIFY(ServiceRig::waitFor([&] { return pending == 0; }, 60000));
        QCOMPARE(failures, 0);
        // Then each changes all of its own and removes every other one, again all at once.
        for (std::size_t i = 0; i < kClients; ++i) {
            for (int j = 0; j < kEach; ++j) {
                auto r = record(rig, QStringLiteral("c%1-%2").arg(i).arg(j), 0);
                r.shelf = static_cast<std::uint16_t>(100 + i);
                r.slot = static_cast<std::uint8_t>(j);
                r.readOnly = true;
                ++pending;
                clients[i]->exportCallAsync(r.name, QStringLiteral("Change"), {recordToVariant(r)}, done);
                if (j % 2 == 1) {
                    ++pending;
                    clients[i]->exportCallAsync(r.name, QStringLiteral("Remove"), {}, done);
                }
            }
        }
        QVERIFY(ServiceRig::waitFor([&] { return pending == 0; }, 60000));
        QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1Char('\n'))));
        qInfo("4 clients: 100 adds, 100 changes, 48 removes in %lld ms", static_cast<long long>(t.elapsed()));

        const QJsonDocument doc = QJsonDocument::fromJson(fileBytes(rig.configDir() + QStringLiteral("/exports.json")));
        QVERIFY(doc.isObject());
        const QJsonArray list = doc.object().value(QStringLiteral("exports")).toArray();
        QCOMPARE(list.size(), static_cast<qsizetype>(kClients) * ((kEach + 1) / 2));
        QStringList names;
        for (const auto &v : list) {
            QVERIFY(v.toObject().value(QStringLiteral("readOnly")).toBool());
            names << v.toObject().value(QStringLiteral("name")).toString();
        }
        ServiceClient reader(rig.connect(QStringLiteral("reader")));
        QVERIFY(reader.refresh());
        QCOMPARE(reader.exports().size(), static_cast<std::size_t>(list.size()));
        for (const auto &n : names)
            QVERIFY2(reader.exports().contains(n) && reader.exports().at(n).record.readOnly, qPrintable(n));
    }

    void killedServiceComesBackAndClientsReconnect()
    {
        ServiceRig rig;
        REQUIRE_RIG(rig);
        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        ServiceClient writer(rig.connect(QStringLiteral("writer")));
        auto autostart = record(rig, QStringLiteral("boot"), 1);
        autostart.autostart = true;
        QVERIFY(writer.addExport(autostart, true, false)); // serving (trying to: no lan0 here)
        QVERIFY(writer.addExport(record(rig, QStringLiteral("spare"), 2), false, false));
        auto idle = record(rig, QStringLiteral("idle"), 3);
        idle.autostart = true;
        QVERIFY(writer.addExport(idle, false, false)); // autostart, but nobody started it in this boot
        ServiceClient watcher(rig.connect(QStringLiteral("watcher")));
        watcher.follow();
        QCOMPARE(watcher.exports().size(), 3u);
        QSignalSpy vanished(&watcher, &ServiceClient::serviceVanished);
        QSignalSpy appeared(&watcher, &ServiceClient::serviceAppeared);

        QCOMPARE(rig.stopService(SIGKILL), -1);
        QVERIFY(ServiceRig::waitFor([&] { return vanished.count() == 1; }, 5000));
        QVERIFY(watcher.exports().empty());

        QVERIFY2(rig.startService(kNoDiscovery), qPrintable(rig.error()));
        QVERIFY(ServiceRig::waitFor([&] { return appeared.count() == 1; }, 5000));
        QCOMPARE(watcher.exports().size(), 3u);
        // In the same boot what was serving is started again at once (its engine fails here: no lan0); what
        // was not, autostart or not, stays stopped (RunningExports).
        QVERIFY(ServiceRig::waitFor(
            [&] {
                return watcher.exports().at(QStringLiteral("boot")).status.state != supervisor::ExportState::Stopped;
            },
            5000));
        QCOMPARE(watcher.exports().at(QStringLiteral("spare")).status.state, supervisor::ExportState::Stopped);
        QCOMPARE(watcher.exports().at(QStringLiteral("idle")).status.state, supervisor::ExportState::Stopped);
        // And the watcher keeps following the new service.
        QVERIFY(writer.removeExport(QStringLiteral("spare")));
        QVERIFY(ServiceRig::waitFor([&] { return watcher.exports().size() == 2; }, 2000));
        QCOMPARE(rig.stopService(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceApi)
#include "tst_service_api.moc"
