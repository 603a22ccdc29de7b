// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/ServiceClient.h"

#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusUnixFileDescriptor>
#include <QDBusVariant>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "discovery/ProbeEvent.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"
#include "service/DiscoveryLimitCodec.h"
#include "service/ExportCodec.h"
#include "supervisor/ExportStatusJson.h"
#include "util/ExitCode.h"

namespace aoesan::service {

namespace {

constexpr int kQuietTimeoutMs = 25000;
constexpr int kChangeTimeoutMs = 150000; // polkit may be waiting for a person to type a password

ServiceError errorOf(const QDBusMessage &reply)
{
    return ServiceError {reply.errorName(), reply.errorMessage()};
}

QVariantMap mapOf(const QVariant &v)
{
    if (v.metaType() == QMetaType::fromType<QVariantMap>())
        return v.toMap();
    return qdbus_cast<QVariantMap>(v.value<QDBusArgument>());
}

// A D-Bus value inside a variant: basic types arrive as themselves, structures as a QDBusArgument.
std::optional<supervisor::ExportProblem> problemOf(const QVariant &v)
{
    ProblemTriple t;
    if (v.metaType() == QMetaType::fromType<ProblemTriple>())
        t = v.value<ProblemTriple>();
    else if (v.metaType() == QMetaType::fromType<QDBusArgument>())
        v.value<QDBusArgument>() >> t;
    if (t.code.isEmpty() && t.message.isEmpty())
        return std::nullopt;
    return supervisor::ExportProblem {t.code, t.message, t.fix};
}

QJsonObject jsonOf(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace

int exitCodeFor(const ServiceError &error)
{
    if (error.name == QLatin1String(error::kNotAuthorized)
        || error.name == QLatin1String(error::kAuthorizationUnavailable))
        return ExitNoPermission;
    return ExitFailed;
}

QDBusConnection ServiceClient::connectionFor(Bus bus)
{
    return bus == Bus::System ? QDBusConnection::systemBus() : QDBusConnection::sessionBus();
}

std::optional<QDBusConnection> ServiceClient::findService(const std::vector<Bus> &order)
{
    for (const Bus b : order) {
        // No session bus configured: do not let libdbus autolaunch one just to look.
        if (b == Bus::Session && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
            && !QFile::exists(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/bus")))
            continue;
        QDBusConnection c = connectionFor(b);
        if (c.isConnected() && c.interface() && c.interface()->isServiceRegistered(QLatin1String(kBusName)).value())
            return c;
    }
    return std::nullopt;
}

ServiceClient::ServiceClient(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    registerDbusTypes();
}

bool ServiceClient::serviceRunning() const
{
    return m_bus.isConnected() && m_bus.interface()
        && m_bus.interface()->isServiceRegistered(QLatin1String(kBusName)).value();
}

Result<QVariantList, ServiceError> ServiceClient::call(const QString &path, const QString &interface,
    const QString &method, const QVariantList &args, bool change, int extraTimeoutMs)
{
    QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(kBusName), path, interface, method);
    m.setArguments(args);
    m.setInteractiveAuthorizationAllowed(change);
    const QDBusMessage reply
        = m_bus.call(m, QDBus::Block, (change ? kChangeTimeoutMs : kQuietTimeoutMs) + extraTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return Unexpected(errorOf(reply));
    return reply.arguments();
}

void ServiceClient::callAsync(const QString &path, const QString &interface, const QString &method,
    const QVariantList &args, Done done, bool change)
{
    QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(kBusName), path, interface, method);
    m.setArguments(args);
    m.setInteractiveAuthorizationAllowed(change);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(m, change ? kChangeTimeoutMs : kQuietTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        if (reply.type() != QDBusMessage::ReplyMessage)
            done(Unexpected(errorOf(reply)));
        else
            done(reply.arguments());
    });
}

Result<QString, ServiceError> ServiceClient::addExport(const supervisor::ExportRecord &record, bool start, bool force)
{
    const QVariantMap options {{QStringLiteral("start"), start}, {QStringLiteral("force"), force}};
    auto reply = call(QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("AddExport"),
        {recordToVariant(record), options});
    if (!reply)
        return Unexpected(reply.error());
    return reply->value(0).value<QDBusObjectPath>().path();
}

void ServiceClient::addExportAsync(const supervisor::ExportRecord &record, bool start, bool force, Done done)
{
    const QVariantMap options {{QStringLiteral("start"), start}, {QStringLiteral("force"), force}};
    callAsync(QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("AddExport"),
        {recordToVariant(record), options}, std::move(done));
}

void ServiceClient::exportCallAsync(const QString &name, const QString &method, const QVariantList &args, Done done)
{
    callAsync(exportPath(name), QLatin1String(kExportInterface), method, args, std::move(done));
}

void ServiceClient::startBootAsync(const QString &name, const BootRequest &request, Done done)
{
    exportCallAsync(name, QStringLiteral("StartBoot"), {bootOptions(request)}, std::move(done));
}

void ServiceClient::stopBootAsync(const QString &name, Done done)
{
    exportCallAsync(name, QStringLiteral("StopBoot"), {}, std::move(done));
}

void ServiceClient::requestAsync(std::uint16_t shelf, std::uint8_t slot, const QString &line, Done done)
{
    callAsync(
        targetPath(shelf, slot), QLatin1String(kTargetInterface), QStringLiteral("Request"), {line}, std::move(done));
}

Result<bool, ServiceError> ServiceClient::startExport(const QString &name, bool force)
{
    auto r = call(exportPath(name), QLatin1String(kExportInterface), QStringLiteral("Start"),
        {QVariantMap {{QStringLiteral("force"), force}}});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<bool, ServiceError> ServiceClient::stopExport(const QString &name)
{
    auto r = call(exportPath(name), QLatin1String(kExportInterface), QStringLiteral("Stop"), {});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<bool, ServiceError> ServiceClient::removeExport(const QString &name)
{
    auto r = call(exportPath(name), QLatin1String(kExportInterface), QStringLiteral("Remove"), {});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<bool, ServiceError> ServiceClient::changeExport(const supervisor::ExportRecord &record)
{
    auto r = call(
        exportPath(record.name), QLatin1String(kExportInterface), QStringLiteral("Change"), {recordToVariant(record)});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<bool, ServiceError> ServiceClient::probeNow()
{
    auto r = call(QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("ProbeNow"), {}, false);
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<bool, ServiceError> ServiceClient::forgetDownTargets()
{
    auto r = call(QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("ForgetDownTargets"), {});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<QString, ServiceError> ServiceClient::attach(
    const QString &target, const QStringList &interfaces, uint timeoutSeconds)
{
    QVariantMap options {{QLatin1String(kernel_key::kTimeoutSeconds), QVariant::fromValue(timeoutSeconds)}};
    if (!interfaces.isEmpty())
        options.insert(QLatin1String(kernel_key::kInterfaces), interfaces);
    auto r = call(QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("Attach"),
        {target, options}, true, static_cast<int>(timeoutSeconds) * 1000);
    if (!r)
        return Unexpected(r.error());
    return r->value(0).toString();
}

Result<bool, ServiceError> ServiceClient::detach(const QString &target)
{
    auto r = call(
        QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("Detach"), {target, QVariantMap {}});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<bool, ServiceError> ServiceClient::startBoot(const QString &exportName, const QVariantMap &options)
{
    auto r = call(exportPath(exportName), QLatin1String(kExportInterface), QStringLiteral("StartBoot"), {options});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<bool, ServiceError> ServiceClient::stopBoot(const QString &exportName)
{
    auto r = call(exportPath(exportName), QLatin1String(kExportInterface), QStringLiteral("StopBoot"), {});
    if (!r)
        return Unexpected(r.error());
    return true;
}

Result<QString, ServiceError> ServiceClient::bootOf(const QString &exportName)
{
    auto r = call(exportPath(exportName), QLatin1String(kPropertiesInterface), QStringLiteral("Get"),
        {QLatin1String(kExportInterface), QStringLiteral("Boot")}, false);
    if (!r)
        return Unexpected(r.error());
    return r->value(0).value<QDBusVariant>().variant().toString();
}

void ServiceClient::startCaptureAsync(int fd, const QVariantMap &options, Done done)
{
    callAsync(QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("StartCapture"),
        {QVariant::fromValue(QDBusUnixFileDescriptor(fd)), options}, std::move(done));
}

void ServiceClient::stopCaptureAsync(const QString &path, Done done)
{
    callAsync(path, QLatin1String(kCaptureInterface), QStringLiteral("Stop"), {}, std::move(done), false);
}

void ServiceClient::capturePropertiesAsync(const QString &path, Done done)
{
    callAsync(path, QLatin1String(kPropertiesInterface), QStringLiteral("GetAll"), {QLatin1String(kCaptureInterface)},
        std::move(done), false);
}

Result<bool, ServiceError> ServiceClient::setInterfaces(const QStringList &interfaces, uint intervalSeconds)
{
    auto r = call(QLatin1String(kRootPath), QLatin1String(kManagerInterface), QStringLiteral("SetInterfaces"),
        {interfaces, QVariant::fromValue(intervalSeconds)});
    if (!r)
        return Unexpected(r.error());
    return true;
}

void ServiceClient::clearMirror()
{
    for (const auto &[name, e] : m_exports)
        emit exportRemoved(name);
    for (const auto &[key, t] : m_targets)
        emit targetRemoved(key, t.info);
    m_exports.clear();
    m_targets.clear();
    m_raw.clear();
}

Result<bool, ServiceError> ServiceClient::refresh()
{
    auto objects = call(QLatin1String(kRootPath), QLatin1String(kObjectManagerInterface),
        QStringLiteral("GetManagedObjects"), {}, false);
    if (!objects)
        return Unexpected(objects.error());
    auto props = call(QLatin1String(kRootPath), QLatin1String(kPropertiesInterface), QStringLiteral("GetAll"),
        {QLatin1String(kManagerInterface)}, false);
    if (!props)
        return Unexpected(props.error());
    const auto all = qdbus_cast<ManagedObjects>(objects->value(0).value<QDBusArgument>());
    // What is gone since the last load.
    std::vector<QString> gone;
    for (const auto &[path, unused] : m_raw) {
        if (!all.contains(QDBusObjectPath(path)))
            gone.push_back(path);
    }
    for (const auto &path : gone)
        removeObject(path);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        for (auto i = it->cbegin(); i != it->cend(); ++i) {
            m_raw[it.key().path()].clear();
            applyObject(it.key().path(), i.value(), m_following);
        }
    }
    applyManager(mapOf(props->value(0)));
    return true;
}

void ServiceClient::follow()
{
    if (!m_following) {
        m_following = true;
        const QString service = QLatin1String(kBusName);
        m_bus.connect(service, QLatin1String(kRootPath), QLatin1String(kObjectManagerInterface),
            QStringLiteral("InterfacesAdded"), this, SLOT(onInterfacesAdded(QDBusMessage)));
        m_bus.connect(service, QLatin1String(kRootPath), QLatin1String(kObjectManagerInterface),
            QStringLiteral("InterfacesRemoved"), this, SLOT(onInterfacesRemoved(QDBusMessage)));
        // Every object's PropertiesChanged: one match on the sender, the path checked here.
        m_bus.connect(service, QString(), QLatin1String(kPropertiesInterface), QStringLiteral("PropertiesChanged"),
            this, SLOT(onPropertiesChanged(QDBusMessage)));
        auto *watcher = new QDBusServiceWatcher(service, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
        connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &ServiceClient::onNameOwnerChanged);
    }
    (void)refresh();
}

void ServiceClient::onNameOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner)
{
    if (name != QLatin1String(kBusName))
        return;
    if (!oldOwner.isEmpty()) {
        clearMirror();
        emit serviceVanished();
    }
    if (!newOwner.isEmpty()) {
        (void)refresh();
        emit serviceAppeared();
    }
}

void ServiceClient::applyObject(const QString &path, const QVariantMap &changed, bool announce)
{
    QVariantMap &raw = m_raw[path];
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        raw.insert(it.key(), it.value());
    if (const auto name = exportNameFromPath(path)) {
        const auto record = supervisor::recordFromJson(jsonOf(raw.value(QStringLiteral("Record"))));
        auto status = supervisor::statusFromJson(jsonOf(raw.value(QStringLiteral("Status"))));
        if (!record)
            return; // a newer service's record this client cannot read: leave it out rather than guess
        // Boot is read again only when it changed (Status changes far more often: the counters).
        const auto before = m_exports.find(*name);
        const bool bootChanged = before == m_exports.end() || changed.contains(QStringLiteral("Boot"));
        ExportView view {record.value(), status ? status.value() : supervisor::ExportStatus {},
            bootChanged ? bootFromJson(raw.value(QStringLiteral("Boot")).toString()) : before->second.boot};
        view.status.name = *name;
        m_exports[*name] = view;
        if (announce)
            emit exportUpdated(*name);
    } else if (const auto address = targetAddressFromPath(path)) {
        auto info = discovery::targetFromJson(jsonOf(raw.value(QStringLiteral("Info"))));
        if (!info)
            return;
        const quint32 key = (quint32(address->shelf) << 8) | address->slot;
        const bool added = !m_targets.contains(key);
        m_targets[key] = TargetView {info.value(), raw.value(QStringLiteral("Local")).toBool()};
        if (announce)
            emit targetUpdated(key, added);
    }
}

void ServiceClient::applyManager(const QVariantMap &p)
{
    if (p.contains(QStringLiteral("Version")))
        m_manager.version = p.value(QStringLiteral("Version")).toString();
    if (p.contains(QStringLiteral("Mode")))
        m_manager.mode = p.value(QStringLiteral("Mode")).toString();
    if (p.contains(QStringLiteral("Interfaces")))
        m_manager.interfaces = p.value(QStringLiteral("Interfaces")).toStringList();
    if (p.contains(QStringLiteral("InterfacesSetting")))
        m_manager.interfacesSetting = p.value(QStringLiteral("InterfacesSetting")).toStringList();
    if (p.contains(QStringLiteral("ProbeIntervalSeconds")))
        m_manager.intervalSeconds = p.value(QStringLiteral("ProbeIntervalSeconds")).toUInt();
    if (p.contains(QStringLiteral("LastProbe")))
        m_manager.lastProbeMs = p.value(QStringLiteral("LastProbe")).toULongLong();
    if (p.contains(QStringLiteral("DiscoveryProblem")))
        m_manager.discoveryProblem = problemOf(p.value(QStringLiteral("DiscoveryProblem")));
    if (p.contains(QStringLiteral("DiscoveryLimit")))
        m_manager.discoveryLimit = discoveryLimitFromVariant(p.value(QStringLiteral("DiscoveryLimit")));
    if (p.contains(QStringLiteral("ExportListPath")))
        m_manager.exportListPath = p.value(QStringLiteral("ExportListPath")).toString();
    emit managerUpdated();
}

void ServiceClient::onInterfacesAdded(const QDBusMessage &signal)
{
    const auto args = signal.arguments();
    const QString path = args.value(0).value<QDBusObjectPath>().path();
    const auto interfaces = qdbus_cast<InterfaceProperties>(args.value(1).value<QDBusArgument>());
    for (auto it = interfaces.cbegin(); it != interfaces.cend(); ++it) {
        m_raw[path].clear();
        applyObject(path, it.value(), true);
    }
}

void ServiceClient::onInterfacesRemoved(const QDBusMessage &signal)
{
    removeObject(signal.arguments().value(0).value<QDBusObjectPath>().path());
}

void ServiceClient::removeObject(const QString &path)
{
    m_raw.erase(path);
    if (const auto name = exportNameFromPath(path)) {
        if (m_exports.erase(*name))
            emit exportRemoved(*name);
    } else if (const auto address = targetAddressFromPath(path)) {
        const quint32 key = (quint32(address->shelf) << 8) | address->slot;
        const auto it = m_targets.find(key);
        if (it != m_targets.end()) {
            const auto last = it->second.info;
            m_targets.erase(it);
            emit targetRemoved(key, last);
        }
    }
}

void ServiceClient::onPropertiesChanged(const QDBusMessage &signal)
{
    const auto args = signal.arguments();
    const QString interface = args.value(0).toString();
    const QVariantMap changed = mapOf(args.value(1));
    const QString path = signal.path();
    if (interface == QLatin1String(kManagerInterface) && path == QLatin1String(kRootPath)) {
        applyManager(changed);
        return;
    }
    if (!m_raw.contains(path))
        return; // an object this mirror has not seen added: the next refresh brings it
    applyObject(path, changed, true);
}

} // namespace aoesan::service
