// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/DbusTree.h"

#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QDBusVariant>
#include <QDateTime>
#include <QJsonDocument>

#include "Version.h"
#include "discovery/TargetJson.h"
#include "kernel/KernelStat.h"
#include "log/Logging.h"
#include "service/ApiSchema.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"
#include "service/DiscoveryLimitCodec.h"
#include "service/ExportCodec.h"
#include "supervisor/EngineLocation.h"

namespace aoesan::service {

namespace {

constexpr int kTargetFlushMs = 100;

// The standard interfaces every object has, for Introspect.
constexpr char kStandardXml[] = R"(  <interface name="org.freedesktop.DBus.Introspectable">
    <method name="Introspect"><arg name="xml" type="s" direction="out"/></method>
  </interface>
  <interface name="org.freedesktop.DBus.Peer">
    <method name="Ping"/>
    <method name="GetMachineId"><arg name="machine_uuid" type="s" direction="out"/></method>
  </interface>
  <interface name="org.freedesktop.DBus.Properties">
    <method name="Get"><arg name="interface" type="s" direction="in"/><arg name="name" type="s" direction="in"/><arg name="value" type="v" direction="out"/></method>
    <method name="GetAll"><arg name="interface" type="s" direction="in"/><arg name="properties" type="a{sv}" direction="out"/></method>
    <method name="Set"><arg name="interface" type="s" direction="in"/><arg name="name" type="s" direction="in"/><arg name="value" type="v" direction="in"/></method>
    <signal name="PropertiesChanged"><arg name="interface" type="s"/><arg name="changed" type="a{sv}"/><arg name="invalidated" type="as"/></signal>
  </interface>
)";

constexpr char kObjectManagerXml[] = R"(  <interface name="org.freedesktop.DBus.ObjectManager">
    <method name="GetManagedObjects"><arg name="objects" type="a{oa{sa{sv}}}" direction="out"/></method>
    <signal name="InterfacesAdded"><arg name="object" type="o"/><arg name="interfaces" type="a{sa{sv}}"/></signal>
    <signal name="InterfacesRemoved"><arg name="object" type="o"/><arg name="interfaces" type="as"/></signal>
  </interface>
)";

void replyError(const QDBusMessage &message, const QDBusConnection &connection, const ServiceError &e)
{
    connection.send(message.createErrorReply(e.name, e.message));
}

void replyError(const QDBusMessage &message, const QDBusConnection &connection, const char *name, const QString &text)
{
    connection.send(message.createErrorReply(QLatin1String(name), text));
}

// Reads an a{sv} argument; QtDBus hands it over as a QDBusArgument.
QVariantMap mapArgument(const QVariant &v)
{
    if (v.metaType() == QMetaType::fromType<QVariantMap>())
        return v.toMap();
    return qdbus_cast<QVariantMap>(v.value<QDBusArgument>());
}

// Options are a{sv} of booleans with known names; anything else is InvalidArgs.
std::optional<ServiceError> readFlags(const QVariantMap &options, const QStringList &known, QHash<QString, bool> *out)
{
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (!known.contains(it.key()))
            return ServiceError {QLatin1String(error::kInvalidArgs),
                QStringLiteral("'%1' is not an option here (known: %2)")
                    .arg(it.key(), known.join(QStringLiteral(", ")))};
        if (it.value().metaType() != QMetaType::fromType<bool>())
            return ServiceError {QLatin1String(error::kInvalidArgs),
                QStringLiteral("the option '%1' must be a boolean (b)").arg(it.key())};
        out->insert(it.key(), it.value().toBool());
    }
    return std::nullopt;
}

QString targetPathOf(quint32 key)
{
    return targetPath(static_cast<std::uint16_t>(key >> 8), static_cast<std::uint8_t>(key & 0xff));
}

} // namespace

DbusTree::DbusTree(SanService &service, Authorizer &authorizer, QDBusConnection bus, QString mode, QObject *parent)
    : QDBusVirtualObject(parent)
    , m_service(service)
    , m_authorizer(authorizer)
    , m_bus(std::move(bus))
    , m_mode(std::move(mode))
{
    registerDbusTypes();
    connect(&m_service, &SanService::exportAdded, this, &DbusTree::exportAdded);
    connect(&m_service, &SanService::exportChanged, this, &DbusTree::exportChanged);
    connect(&m_service, &SanService::exportRemoved, this, &DbusTree::exportRemoved);
    connect(&m_service, &SanService::targetAdded, this, &DbusTree::targetTouched);
    connect(&m_service, &SanService::targetChanged, this, &DbusTree::targetTouched);
    connect(&m_service, &SanService::targetRemoved, this, &DbusTree::targetTouched);
    connect(&m_service, &SanService::managerChanged, this, [this](const QStringList &names) {
        const QVariantMap all = managerProperties();
        QVariantMap changed;
        for (const auto &n : names)
            changed.insert(n, all.value(n));
        emitChanged(QLatin1String(kRootPath), QLatin1String(kManagerInterface), changed);
    });
    setCaptureEngine(supervisor::findEngine());
    m_targetFlush.setSingleShot(true);
    m_targetFlush.setInterval(kTargetFlushMs);
    connect(&m_targetFlush, &QTimer::timeout, this, &DbusTree::flushTargets);
}

void DbusTree::setCaptureEngine(const QString &engine)
{
    m_captures = std::make_unique<CaptureJobs>(engine.isEmpty() ? QStringLiteral("aoesan-engine") : engine);
    watchCaptures();
}

void DbusTree::watchCaptures()
{
    delete m_captureOwners;
    m_captureOwners = new QDBusServiceWatcher(QString(), m_bus, QDBusServiceWatcher::WatchForUnregistration, this);
    connect(m_captureOwners, &QDBusServiceWatcher::serviceUnregistered, this, [this](const QString &name) {
        m_captures->ownerGone(name);
        m_captureOwners->removeWatchedService(name);
    });
    connect(m_captures.get(), &CaptureJobs::added, this, [this](quint64 id) {
        emitAdded(capturePath(id), QLatin1String(kCaptureInterface), m_captures->properties(id));
    });
    connect(m_captures.get(), &CaptureJobs::changed, this, [this](quint64 id) {
        emitChanged(capturePath(id), QLatin1String(kCaptureInterface), m_captures->properties(id));
    });
    connect(m_captures.get(), &CaptureJobs::removed, this,
        [this](quint64 id) { emitRemoved(capturePath(id), QLatin1String(kCaptureInterface)); });
}

std::optional<quint64> DbusTree::captureIdOf(const QString &path) const
{
    const QString prefix = QLatin1String(kCapturesPath) + QLatin1Char('/');
    if (!path.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const quint64 id = path.mid(prefix.size()).toULongLong(&ok);
    if (!ok || !m_captures->contains(id))
        return std::nullopt;
    return id;
}

bool DbusTree::registerObjects()
{
    return m_bus.registerVirtualObject(QLatin1String(kRootPath), this, QDBusConnection::SubPath);
}

DbusTree::Kind DbusTree::kindOf(const QString &path) const
{
    if (path == QLatin1String(kRootPath))
        return Kind::Root;
    if (path == QLatin1String(kExportsPath))
        return Kind::Exports;
    if (path == QLatin1String(kTargetsPath))
        return Kind::Targets;
    if (path == QLatin1String(kCapturesPath))
        return Kind::Captures;
    if (captureIdOf(path))
        return Kind::Capture;
    if (const auto name = exportNameFromPath(path); name && m_service.record(*name))
        return Kind::Export;
    if (const auto address = targetAddressFromPath(path);
        address && m_service.targets().contains(SanService::keyOf(address->shelf, address->slot)))
        return Kind::Target;
    return Kind::Unknown;
}

QString DbusTree::interfaceOf(Kind kind) const
{
    switch (kind) {
    case Kind::Root:
        return QLatin1String(kManagerInterface);
    case Kind::Export:
        return QLatin1String(kExportInterface);
    case Kind::Target:
        return QLatin1String(kTargetInterface);
    case Kind::Capture:
        return QLatin1String(kCaptureInterface);
    default:
        return {};
    }
}

QString DbusTree::introspect(const QString &) const
{
    return {}; // handleMessage answers Introspect itself, with the children
}

bool DbusTree::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    const Kind kind = kindOf(message.path());
    if (kind == Kind::Unknown) {
        replyError(message, connection, error::kUnknownObject,
            QStringLiteral("there is no object %1 (the export or target may be gone)").arg(message.path()));
        return true;
    }
    dispatch(message, connection, kind);
    return true;
}

void DbusTree::dispatch(const QDBusMessage &message, const QDBusConnection &connection, Kind kind)
{
    const QString interface = message.interface();
    const QString member = message.member();
    if (interface == QLatin1String(kIntrospectableInterface)
        || (interface.isEmpty() && member == QLatin1String("Introspect"))) {
        QString xml
            = QStringLiteral("<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\"\n"
                             " \"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n<node>\n");
        xml += QLatin1String(kStandardXml);
        if (kind == Kind::Root) {
            xml += QLatin1String(kObjectManagerXml);
            xml += introspectionXml(QLatin1String(kManagerInterface));
            xml += QStringLiteral(
                "  <node name=\"exports\"/>\n  <node name=\"targets\"/>\n  <node name=\"captures\"/>\n");
        } else if (kind == Kind::Exports) {
            for (const auto &r : m_service.records())
                xml += QStringLiteral("  <node name=\"%1\"/>\n").arg(exportPath(r.name).section(QLatin1Char('/'), -1));
        } else if (kind == Kind::Captures) {
            for (const quint64 id : m_captures->ids())
                xml += QStringLiteral("  <node name=\"%1\"/>\n").arg(id);
        } else if (kind == Kind::Targets) {
            for (const auto &[key, t] : m_service.targets())
                xml += QStringLiteral("  <node name=\"%1\"/>\n").arg(targetPathOf(key).section(QLatin1Char('/'), -1));
        } else {
            xml += introspectionXml(interfaceOf(kind));
        }
        xml += QStringLiteral("</node>\n");
        connection.send(message.createReply(xml));
        return;
    }
    if (interface == QLatin1String(kPeerInterface)) {
        if (member == QLatin1String("Ping"))
            connection.send(message.createReply());
        else
            replyError(message, connection, error::kUnknownMethod, QStringLiteral("Peer has Ping only here"));
        return;
    }
    if (interface == QLatin1String(kPropertiesInterface)) {
        handleProperties(message, connection, kind);
        return;
    }
    if (kind == Kind::Root && interface == QLatin1String(kObjectManagerInterface)) {
        if (member != QLatin1String("GetManagedObjects") || !message.signature().isEmpty()) {
            replyError(message, connection, error::kUnknownMethod,
                QStringLiteral("ObjectManager has GetManagedObjects() only"));
            return;
        }
        ManagedObjects objects;
        for (const auto &r : m_service.records())
            objects.insert(QDBusObjectPath(exportPath(r.name)),
                {{QLatin1String(kExportInterface),
                    exportProperties(r, m_service.status(r.name), m_service.bootJson(r.name))}});
        for (const auto &[key, t] : m_service.targets())
            objects.insert(
                QDBusObjectPath(targetPathOf(key)), {{QLatin1String(kTargetInterface), targetProperties(key)}});
        for (const quint64 id : m_captures->ids())
            objects.insert(
                QDBusObjectPath(capturePath(id)), {{QLatin1String(kCaptureInterface), m_captures->properties(id)}});
        connection.send(message.createReply(QVariant::fromValue(objects)));
        return;
    }
    // The API's own interfaces: the object's one, named or implied.
    const QString own = interfaceOf(kind);
    if (own.isEmpty() || (!interface.isEmpty() && interface != own)) {
        replyError(message, connection, error::kUnknownMethod,
            QStringLiteral("%1 has no interface %2").arg(message.path(), interface));
        return;
    }
    const auto expected = ApiSchema::api().inSignature(own, member);
    if (!expected) {
        replyError(message, connection, error::kUnknownMethod, QStringLiteral("%1 has no method %2").arg(own, member));
        return;
    }
    if (message.signature() != *expected) {
        replyError(message, connection, error::kInvalidArgs,
            QStringLiteral("%1.%2 takes (%3), not (%4)").arg(own, member, *expected, message.signature()));
        return;
    }
    if (kind == Kind::Root)
        handleManager(message, connection);
    else if (kind == Kind::Export)
        handleExport(message, connection, *exportNameFromPath(message.path()));
    else if (kind == Kind::Capture)
        handleCapture(message, connection, *captureIdOf(message.path()));
    else {
        const auto a = targetAddressFromPath(message.path());
        handleTarget(message, connection, SanService::keyOf(a->shelf, a->slot));
    }
}

void DbusTree::handleProperties(const QDBusMessage &message, const QDBusConnection &connection, Kind kind)
{
    const QString member = message.member();
    static const ApiSchema standard
        = ApiSchema::parse(QStringLiteral("<node>") + QLatin1String(kStandardXml) + QStringLiteral("</node>"));
    const auto expected = standard.inSignature(QLatin1String(kPropertiesInterface), member);
    if (!expected) {
        replyError(
            message, connection, error::kUnknownMethod, QStringLiteral("Properties has no method %1").arg(member));
        return;
    }
    if (message.signature() != *expected) {
        replyError(message, connection, error::kInvalidArgs,
            QStringLiteral("Properties.%1 takes (%2), not (%3)").arg(member, *expected, message.signature()));
        return;
    }
    const QString interface = message.arguments().value(0).toString();
    const QString own = interfaceOf(kind);
    if (member == QLatin1String("Set")) {
        replyError(message, connection, error::kPropertyReadOnly,
            QStringLiteral("every property of the aoesan service is read-only; use its methods to change things"));
        return;
    }
    if (interface != own || own.isEmpty()) {
        if (member == QLatin1String("GetAll") && !own.isEmpty() && interface.isEmpty()) {
            connection.send(message.createReply(properties(message.path(), own)));
            return;
        }
        replyError(message, connection, error::kUnknownProperty,
            QStringLiteral("%1 has no properties of interface '%2'").arg(message.path(), interface));
        return;
    }
    const QVariantMap props = properties(message.path(), own);
    if (member == QLatin1String("GetAll")) {
        connection.send(message.createReply(props));
        return;
    }
    const QString name = message.arguments().value(1).toString();
    if (!props.contains(name)) {
        replyError(
            message, connection, error::kUnknownProperty, QStringLiteral("%1 has no property %2").arg(own, name));
        return;
    }
    connection.send(message.createReply(QVariant::fromValue(QDBusVariant(props.value(name)))));
}

QVariantMap DbusTree::properties(const QString &path, const QString &interface) const
{
    const Kind kind = kindOf(path);
    if (interface != interfaceOf(kind))
        return {};
    if (kind == Kind::Root)
        return managerProperties();
    if (kind == Kind::Export) {
        const QString name = *exportNameFromPath(path);
        return exportProperties(*m_service.record(name), m_service.status(name), m_service.bootJson(name));
    }
    if (kind == Kind::Target) {
        const auto a = targetAddressFromPath(path);
        return targetProperties(SanService::keyOf(a->shelf, a->slot));
    }
    if (kind == Kind::Capture)
        return m_captures->properties(*captureIdOf(path));
    return {};
}

void DbusTree::handleCapture(const QDBusMessage &message, const QDBusConnection &connection, quint64 id)
{
    // Stop is the only method; it needs no polkit: only the caller that started the capture may stop it.
    if (auto done = m_captures->stop(id, message.service()); !done)
        replyError(message, connection, done.error());
    else
        connection.send(message.createReply());
}

QVariantMap DbusTree::managerProperties() const
{
    const auto &problem = m_service.discoveryProblem();
    const ProblemTriple triple
        = problem ? ProblemTriple {problem->code, problem->message, problem->fix} : ProblemTriple {};
    return {
        {QStringLiteral("Version"), QString::fromLatin1(kVersionString)},
        {QStringLiteral("Mode"), m_mode},
        {QStringLiteral("Interfaces"), m_service.interfaces()},
        {QStringLiteral("InterfacesSetting"), m_service.interfacesSetting()},
        {QStringLiteral("ProbeIntervalSeconds"),
            QVariant::fromValue<uint>(static_cast<uint>(m_service.interval().count()))},
        {QStringLiteral("LastProbe"),
            QVariant::fromValue<qulonglong>(static_cast<qulonglong>(m_service.lastProbeMs()))},
        {QStringLiteral("DiscoveryProblem"), QVariant::fromValue(triple)},
        {QStringLiteral("DiscoveryLimit"), discoveryLimitToVariant(m_service.discoveryLimit())},
        {QStringLiteral("ExportListPath"), m_service.exportListPath()},
        {QStringLiteral("KernelDevices"),
            QString::fromUtf8(
                QJsonDocument(kernel::devicesToJson(m_service.kernel().devices())).toJson(QJsonDocument::Compact))},
        {QStringLiteral("KernelDriverLoaded"), m_service.kernel().loaded()},
        {QStringLiteral("KernelDriverInterfaces"), m_service.kernel().driverInterfaces()},
        {QStringLiteral("KernelSettings"),
            QVariantMap {{QLatin1String(kernel_key::kFlushDownAfterSeconds),
                             QVariant::fromValue<uint>(static_cast<uint>(m_service.settings().flushDownAfterSeconds))},
                {QLatin1String(kernel_key::kReattach), m_service.settings().reattach}}},
    };
}

QVariantMap DbusTree::targetProperties(quint32 key) const
{
    const auto it = m_service.targets().find(key);
    if (it == m_service.targets().end())
        return {};
    const auto &info = it->second.info;
    const auto *disk = m_service.kernel().device(info.id.shelf, info.id.slot);
    return {
        {QStringLiteral("Device"), disk ? disk->devicePath() : QString()},
        {QStringLiteral("KernelState"), disk ? disk->state : QString()},
        {QStringLiteral("Address"), QStringLiteral("e%1.%2").arg(info.id.shelf).arg(info.id.slot)},
        {QStringLiteral("Shelf"), QVariant::fromValue<ushort>(info.id.shelf)},
        {QStringLiteral("Slot"), QVariant::fromValue<uchar>(info.id.slot)},
        {QStringLiteral("State"), QString::fromStdString(info.stateText())},
        {QStringLiteral("Sectors"), QVariant::fromValue<qulonglong>(info.sectors)},
        {QStringLiteral("Local"), it->second.local},
        {QStringLiteral("Info"),
            QString::fromUtf8(QJsonDocument(discovery::targetToJson(info)).toJson(QJsonDocument::Compact))},
    };
}

void DbusTree::authorized(const QDBusMessage &message, const QDBusConnection &connection, const char *action,
    std::function<void(const QDBusMessage &, const QDBusConnection &)> change)
{
    message.setDelayedReply(true);
    // One caller's changes take effect in the order it sent them (a Change then a Remove of one export),
    // although polkit may answer its questions in any order; different callers do not wait for each other.
    auto &queue = m_bySender[message.service()];
    queue.push_back(PendingChange {message, connection, QLatin1String(action), std::move(change)});
    if (queue.size() == 1)
        nextChange(message.service());
}

void DbusTree::nextChange(const QString &sender)
{
    const auto it = m_bySender.find(sender);
    if (it == m_bySender.end())
        return;
    if (it->second.empty()) {
        m_bySender.erase(it);
        return;
    }
    const PendingChange &front = it->second.front();
    m_authorizer.check(front.message, front.action, [this, sender](std::optional<ServiceError> refused) {
        auto &queue = m_bySender[sender];
        PendingChange done = std::move(queue.front());
        queue.pop_front();
        if (refused)
            replyError(done.message, done.connection, *refused);
        else
            done.change(done.message, done.connection);
        nextChange(sender);
    });
}

void DbusTree::handleManager(const QDBusMessage &message, const QDBusConnection &connection)
{
    const QString member = message.member();
    const QVariantList args = message.arguments();
    if (member == QLatin1String("ProbeNow")) {
        m_service.probeNow();
        connection.send(message.createReply());
    } else if (member == QLatin1String("StartCapture")) {
        const auto file = args.value(0).value<QDBusUnixFileDescriptor>();
        const QVariantMap options = mapArgument(args.value(1));
        if (!file.isValid()) {
            replyError(message, connection, error::kInvalidArgs,
                QStringLiteral("StartCapture needs the file to write as a file descriptor (h)"));
            return;
        }
        authorized(message, connection, action::kCaptureTraffic, [this, file, options](const auto &m, const auto &c) {
            const auto started = m_captures->start(m.service(), file.fileDescriptor(), options);
            if (!started) {
                replyError(m, c, started.error());
                return;
            }
            m_captureOwners->addWatchedService(m.service());
            c.send(m.createReply(QVariant::fromValue(QDBusObjectPath(capturePath(*started)))));
        });
    } else if (member == QLatin1String("ForgetDownTargets")) {
        authorized(message, connection, action::kConfigureDiscovery, [this](const auto &m, const auto &c) {
            if (auto done = m_service.forgetDown(); !done)
                replyError(m, c, done.error());
            else
                c.send(m.createReply());
        });
    } else if (member == QLatin1String("SetInterfaces")) {
        const QStringList names = args.value(0).toStringList();
        const auto every = std::chrono::seconds(args.value(1).toUInt());
        authorized(
            message, connection, action::kConfigureDiscovery, [this, names, every](const auto &m, const auto &c) {
                if (auto done = m_service.setInterfaces(names, every); !done)
                    replyError(m, c, done.error());
                else
                    c.send(m.createReply());
            });
    } else if (member == QLatin1String("Attach")) {
        const QString target = args.value(0).toString();
        const QVariantMap options = mapArgument(args.value(1));
        QStringList interfaces;
        std::chrono::seconds timeout {20};
        for (auto it = options.cbegin(); it != options.cend(); ++it) {
            if (it.key() == QLatin1String(kernel_key::kInterfaces)
                && it.value().metaType() == QMetaType::fromType<QStringList>()) {
                interfaces = it.value().toStringList();
            } else if (it.key() == QLatin1String(kernel_key::kTimeoutSeconds)
                && it.value().metaType() == QMetaType::fromType<uint>() && it.value().toUInt() >= 1
                && it.value().toUInt() <= kernel_key::kMaxAttachTimeoutSeconds) {
                timeout = std::chrono::seconds(it.value().toUInt());
            } else {
                replyError(message, connection, error::kInvalidArgs,
                    QStringLiteral("Attach takes the options %1 (as) and %2 (u, 1 to %3), not '%4'")
                        .arg(QLatin1String(kernel_key::kInterfaces), QLatin1String(kernel_key::kTimeoutSeconds))
                        .arg(kernel_key::kMaxAttachTimeoutSeconds)
                        .arg(it.key()));
                return;
            }
        }
        authorized(message, connection, action::kAttachTargets,
            [this, target, interfaces, timeout](const QDBusMessage &m, const QDBusConnection &c) {
                m.setDelayedReply(true);
                m_service.attach(target, interfaces, timeout, [m, c](Result<QString, ServiceError> done) {
                    if (!done)
                        replyError(m, c, done.error());
                    else
                        c.send(m.createReply(done.value()));
                });
            });
    } else if (member == QLatin1String("Detach")) {
        const QString target = args.value(0).toString();
        if (const QVariantMap options = mapArgument(args.value(1)); !options.isEmpty()) {
            replyError(message, connection, error::kInvalidArgs,
                QStringLiteral("Detach takes no options yet, not '%1'").arg(options.firstKey()));
            return;
        }
        authorized(message, connection, action::kAttachTargets, [this, target](const auto &m, const auto &c) {
            if (auto done = m_service.detach(target); !done)
                replyError(m, c, done.error());
            else
                c.send(m.createReply());
        });
    } else if (member == QLatin1String("SetKernelSettings")) {
        const QVariantMap settings = mapArgument(args.value(0));
        std::optional<int> flushDown;
        std::optional<bool> reattach;
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            if (it.key() == QLatin1String(kernel_key::kFlushDownAfterSeconds)
                && it.value().metaType() == QMetaType::fromType<uint>()
                && it.value().toUInt() <= kernel_key::kMaxFlushDownAfterSeconds) {
                flushDown = static_cast<int>(it.value().toUInt());
            } else if (it.key() == QLatin1String(kernel_key::kReattach)
                && it.value().metaType() == QMetaType::fromType<bool>()) {
                reattach = it.value().toBool();
            } else {
                replyError(message, connection, error::kInvalidArgs,
                    QStringLiteral("KernelSettings has %1 (u, 0 to %2) and %3 (b), not '%4' of that type")
                        .arg(QLatin1String(kernel_key::kFlushDownAfterSeconds))
                        .arg(kernel_key::kMaxFlushDownAfterSeconds)
                        .arg(QLatin1String(kernel_key::kReattach), it.key()));
                return;
            }
        }
        authorized(
            message, connection, action::kAttachTargets, [this, flushDown, reattach](const auto &m, const auto &c) {
                if (auto done = m_service.setKernelSettings(flushDown, reattach); !done)
                    replyError(m, c, done.error());
                else
                    c.send(m.createReply());
            });
    } else if (member == QLatin1String("AddExport")) {
        auto record = recordFromVariant(mapArgument(args.value(0)));
        QHash<QString, bool> flags;
        if (!record) {
            replyError(message, connection, record.error());
            return;
        }
        if (auto bad
            = readFlags(mapArgument(args.value(1)), {QStringLiteral("start"), QStringLiteral("force")}, &flags)) {
            replyError(message, connection, *bad);
            return;
        }
        if (auto bad = checkBackingPath(record->path)) {
            replyError(message, connection, *bad);
            return;
        }
        authorized(message, connection, action::kManageExports,
            [this, r = record.value(), flags](const auto &m, const auto &c) {
                const bool existed = m_service.record(r.name).has_value();
                auto added
                    = m_service.add(r, flags.value(QStringLiteral("start")), flags.value(QStringLiteral("force")));
                if (!added && (existed || !m_service.record(r.name))) {
                    replyError(m, c, added.error());
                    return;
                }
                if (!added) {
                    // Added, but its start was refused: the export exists, and the caller hears why.
                    replyError(m, c,
                        ServiceError {added.error().name,
                            QStringLiteral("the export '%1' was added but did not start: %2")
                                .arg(r.name, added.error().message)});
                    return;
                }
                c.send(m.createReply(QVariant::fromValue(QDBusObjectPath(exportPath(r.name)))));
            });
    }
}

void DbusTree::handleExport(const QDBusMessage &message, const QDBusConnection &connection, const QString &name)
{
    const QString member = message.member();
    const QVariantList args = message.arguments();
    if (member == QLatin1String("Start")) {
        QHash<QString, bool> flags;
        if (auto bad = readFlags(mapArgument(args.value(0)), {QStringLiteral("force")}, &flags)) {
            replyError(message, connection, *bad);
            return;
        }
        authorized(message, connection, action::kManageExports, [this, name, flags](const auto &m, const auto &c) {
            if (auto done = m_service.startExport(name, flags.value(QStringLiteral("force"))); !done)
                replyError(m, c, done.error());
            else
                c.send(m.createReply());
        });
    } else if (member == QLatin1String("Stop") || member == QLatin1String("Remove")) {
        const bool remove = member == QLatin1String("Remove");
        authorized(message, connection, action::kManageExports, [this, name, remove](const auto &m, const auto &c) {
            auto done = remove ? m_service.remove(name) : m_service.stopExport(name);
            if (!done)
                replyError(m, c, done.error());
            else
                c.send(m.createReply());
        });
    } else if (member == QLatin1String("StartBoot")) {
        const QVariantMap options = mapArgument(args.value(0));
        authorized(message, connection, action::kNetworkBoot, [this, name, options](const auto &m, const auto &c) {
            if (auto done = m_service.startBoot(name, options); !done)
                replyError(m, c, done.error());
            else
                c.send(m.createReply());
        });
    } else if (member == QLatin1String("StopBoot")) {
        authorized(message, connection, action::kNetworkBoot, [this, name](const auto &m, const auto &c) {
            if (auto done = m_service.stopBoot(name); !done)
                replyError(m, c, done.error());
            else
                c.send(m.createReply());
        });
    } else if (member == QLatin1String("Change")) {
        auto record = recordFromVariant(mapArgument(args.value(0)));
        if (!record) {
            replyError(message, connection, record.error());
            return;
        }
        if (record->name != name) {
            replyError(message, connection, error::kBadName,
                QStringLiteral("an export's name cannot change ('%1' is not '%2'); add a new one instead")
                    .arg(record->name, name));
            return;
        }
        if (auto bad = checkBackingPath(record->path)) {
            replyError(message, connection, *bad);
            return;
        }
        authorized(
            message, connection, action::kManageExports, [this, r = record.value()](const auto &m, const auto &c) {
                if (auto done = m_service.change(r); !done)
                    replyError(m, c, done.error());
                else
                    c.send(m.createReply());
            });
    }
}

void DbusTree::handleTarget(const QDBusMessage &message, const QDBusConnection &connection, quint32 key)
{
    auto request = SanService::parseRequest(message.arguments().value(0).toString());
    if (!request) {
        replyError(message, connection, request.error());
        return;
    }
    if (SanService::keyOf(request->target.shelf, request->target.slot) != key) {
        replyError(message, connection, error::kInvalidArgs,
            QStringLiteral("the request names e%1.%2, but this object is %3")
                .arg(request->target.shelf)
                .arg(request->target.slot)
                .arg(message.path()));
        return;
    }
    using K = discovery::ProbeRequest::Kind;
    const bool changes
        = request->kind == K::ConfigSet || request->kind == K::MaskEdit || request->kind == K::ReserveSet;
    const auto run = [this, r = request.value()](const QDBusMessage &m, const QDBusConnection &c) {
        m.setDelayedReply(true);
        m_service.request(r, [m, c](Result<QString, ServiceError> answer) {
            if (!answer)
                replyError(m, c, answer.error());
            else
                c.send(m.createReply(answer.value()));
        });
    };
    if (changes)
        authorized(message, connection, action::kChangeTargets, run);
    else
        run(message, connection);
}

void DbusTree::emitAdded(const QString &path, const QString &interface, const QVariantMap &props)
{
    m_sent.insert(path, props);
    QDBusMessage signal = QDBusMessage::createSignal(
        QLatin1String(kRootPath), QLatin1String(kObjectManagerInterface), QStringLiteral("InterfacesAdded"));
    signal << QVariant::fromValue(QDBusObjectPath(path))
           << QVariant::fromValue(InterfaceProperties {{interface, props}});
    m_bus.send(signal);
}

void DbusTree::emitRemoved(const QString &path, const QString &interface)
{
    m_sent.remove(path);
    QDBusMessage signal = QDBusMessage::createSignal(
        QLatin1String(kRootPath), QLatin1String(kObjectManagerInterface), QStringLiteral("InterfacesRemoved"));
    signal << QVariant::fromValue(QDBusObjectPath(path)) << QStringList {interface};
    m_bus.send(signal);
}

void DbusTree::emitChanged(const QString &path, const QString &interface, const QVariantMap &props)
{
    // Only what differs from what clients were last told.
    QVariantMap &sent = m_sent[path];
    QVariantMap changed;
    for (auto it = props.cbegin(); it != props.cend(); ++it) {
        const auto old = sent.constFind(it.key());
        const bool same = old != sent.cend() && old->metaType() == it->metaType()
            && (it->metaType() == QMetaType::fromType<ProblemTriple>()
                    ? (old->value<ProblemTriple>().code == it->value<ProblemTriple>().code
                        && old->value<ProblemTriple>().message == it->value<ProblemTriple>().message)
                    : *old == *it);
        if (!same) {
            changed.insert(it.key(), it.value());
            sent.insert(it.key(), it.value());
        }
    }
    if (changed.isEmpty())
        return;
    QDBusMessage signal
        = QDBusMessage::createSignal(path, QLatin1String(kPropertiesInterface), QStringLiteral("PropertiesChanged"));
    signal << interface << changed << QStringList {};
    m_bus.send(signal);
}

void DbusTree::exportAdded(const QString &name)
{
    if (const auto r = m_service.record(name))
        emitAdded(exportPath(name), QLatin1String(kExportInterface),
            exportProperties(*r, m_service.status(name), m_service.bootJson(name)));
}

void DbusTree::exportChanged(const QString &name)
{
    if (const auto r = m_service.record(name))
        emitChanged(exportPath(name), QLatin1String(kExportInterface),
            exportProperties(*r, m_service.status(name), m_service.bootJson(name)));
}

void DbusTree::exportRemoved(const QString &name)
{
    emitRemoved(exportPath(name), QLatin1String(kExportInterface));
}

void DbusTree::targetTouched(quint32 key)
{
    m_touchedTargets[key] = true;
    if (!m_targetFlush.isActive())
        m_targetFlush.start();
}

void DbusTree::flushTargets()
{
    auto touched = std::move(m_touchedTargets);
    m_touchedTargets.clear();
    for (const auto &[key, unused] : touched) {
        const QString path = targetPathOf(key);
        const bool known = m_sent.contains(path);
        const bool exists = m_service.targets().contains(key);
        if (exists && !known)
            emitAdded(path, QLatin1String(kTargetInterface), targetProperties(key));
        else if (exists)
            emitChanged(path, QLatin1String(kTargetInterface), targetProperties(key));
        else if (known)
            emitRemoved(path, QLatin1String(kTargetInterface));
    }
}

} // namespace aoesan::service
