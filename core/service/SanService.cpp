// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/SanService.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>

#include <set>

#include "discovery/TargetJson.h"
#include "kernel/KernelDevice.h"
#include "log/Logging.h"
#include "net/NetworkInterfaces.h"
#include "service/DbusApi.h"
#include "service/ExportCodec.h"
#include "supervisor/EngineLocation.h"
#include "supervisor/ExportAddChecks.h"

namespace aoesan::service {

using supervisor::ExportProblem;
using supervisor::ExportRecord;
using supervisor::ExportState;
using supervisor::ExportStatus;

namespace {

constexpr std::chrono::seconds kRequestTimeout {30}; // the probe answers or gives up well before this
constexpr std::chrono::seconds kInterfaceWatch {10};

bool active(ExportState s)
{
    return s == ExportState::Starting || s == ExportState::Running || s == ExportState::Restarting;
}

ServiceError storeErrorToService(const supervisor::StoreError &e)
{
    switch (e.code) {
    case supervisor::StoreError::Code::NotFound:
        return {QLatin1String(error::kNotFound), e.message};
    case supervisor::StoreError::Code::Invalid:
        // The record rules are checked before the store is asked (validateAgainst), with their own names.
        return {QLatin1String(error::kBadOption), e.message};
    case supervisor::StoreError::Code::Io:
        break;
    }
    return {QLatin1String(error::kFailed), e.message};
}

QStringList upEthernetInterfaces()
{
    QStringList names;
    if (const auto listed = net::listInterfaces()) {
        for (const auto &i : listed.value()) {
            if (i.up)
                names << QString::fromStdString(i.name);
        }
    }
    return names;
}

} // namespace

SanService::SanService(SanServiceOptions options, supervisor::ProcessLauncher &engines,
    supervisor::ProbeLauncher &probes, supervisor::SupervisorClock &clock, const platform::BlockDeviceBackend *devices,
    QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_store(QDir(m_options.configDir).filePath(QStringLiteral("exports.json")))
    , m_settingsFile(QDir(m_options.configDir).filePath(QStringLiteral("service.json")))
    , m_running(QDir(m_options.stateDir).filePath(QStringLiteral("running.json")),
          m_options.bootId.value_or(RunningExports::currentBootId()))
    , m_preflight(this, devices)
    , m_supervisor(engines, clock, m_preflight)
    , m_probe(probes)
    , m_localMacs(supervisor::thisMachineMacs)
    , m_lister(upEthernetInterfaces)
{
    m_supervisor.setStateDirectory(QDir(m_options.stateDir).filePath(QStringLiteral("exports")));
    connect(&m_supervisor, &supervisor::ExportSupervisor::statusChanged, this, &SanService::onStatus);
    connect(&m_supervisor, &supervisor::ExportSupervisor::allStopped, this, [this] {
        if (m_shuttingDown)
            emit stopped();
    });
    connect(&m_probe, &supervisor::ProbeSupervisor::targetEvent, this, &SanService::onTargetEvent);
    connect(&m_probe, &supervisor::ProbeSupervisor::problem, this, &SanService::onProbeProblem);
    connect(&m_probe, &supervisor::ProbeSupervisor::started, this, [this](const discovery::probe::Started &info) {
        QStringList opened;
        for (const auto &i : info.interfaces)
            opened << i.name;
        log::logger("service")->info("discovery runs on {}", opened.join(QStringLiteral(", ")).toStdString());
        setProblem(std::nullopt);
        setDiscoveryLimit({}); // a new probe starts with nothing refused
        m_lastProbeMs = QDateTime::currentMSecsSinceEpoch();
        m_probeClock.start(info.interval.count() > 0 ? info.interval : interval());
        emit managerChanged({QStringLiteral("LastProbe")});
    });
    connect(&m_probe, &supervisor::ProbeSupervisor::limitChanged, this, [this](const discovery::DiscoveryLimit &l) {
        if (l.reached && !m_limit.reached)
            log::logger("service")->warn("discovery refuses new targets or paths (at most {} targets, {} paths "
                                         "each): is a station on the segment forging config replies?",
                l.maxTargets, l.maxPaths);
        setDiscoveryLimit(l);
    });
    connect(&m_probe, &supervisor::ProbeSupervisor::warning, this,
        [](const QString &message) { log::logger("service")->warn("discovery: {}", message.toStdString()); });
    connect(&m_probe, &supervisor::ProbeSupervisor::ended, this, [this] {
        failPending({QLatin1String(error::kNoDiscovery),
            QStringLiteral("discovery stopped before the target answered; try again in a moment")});
    });
    connect(&m_probe, &supervisor::ProbeSupervisor::replied, this, [this](const discovery::RequestReply &reply) {
        const auto it = m_pending.find(reply.id);
        if (it == m_pending.end())
            return;
        auto done = std::move(it->second);
        m_pending.erase(it);
        done(QString::fromUtf8(QJsonDocument(discovery::replyToJson(reply)).toJson(QJsonDocument::Compact)));
    });
    connect(
        &m_probe, &supervisor::ProbeSupervisor::requestFailed, this, [this](const discovery::RequestFailure &failure) {
            const auto it = m_pending.find(failure.id);
            if (it == m_pending.end())
                return;
            auto done = std::move(it->second);
            m_pending.erase(it);
            done(Unexpected(ServiceError {QLatin1String(error::kRequestFailed),
                QString::fromUtf8(
                    QJsonDocument(discovery::requestFailureToJson(failure)).toJson(QJsonDocument::Compact))}));
        });
    connect(&m_probeClock, &QTimer::timeout, this, [this] {
        m_lastProbeMs = QDateTime::currentMSecsSinceEpoch();
        emit managerChanged({QStringLiteral("LastProbe")});
    });
    m_kernel = std::make_unique<KernelDisks>(
        kernel::AoeDriver(m_options.kernelRoot, m_options.kernelLoader ? m_options.kernelLoader : kernel::modprobeAoe),
        m_options.kernelPoll);
    connect(m_kernel.get(), &KernelDisks::devicesChanged, this, [this] {
        emit managerChanged({QStringLiteral("KernelDevices"), QStringLiteral("KernelDriverLoaded"),
            QStringLiteral("KernelDriverInterfaces")});
    });
    connect(m_kernel.get(), &KernelDisks::deviceChanged, this, [this](std::uint16_t shelf, std::uint8_t slot) {
        if (m_published.contains(keyOf(shelf, slot)))
            emit targetChanged(keyOf(shelf, slot));
    });
    auto launcher = m_options.bootLauncher
        ? m_options.bootLauncher()
        : childBootLauncher(supervisor::findCtlProgram(), m_options.stateDir + QStringLiteral("/boot"));
    m_boot = std::make_unique<BootServers>(m_options.configDir, std::move(launcher));
    connect(m_boot.get(), &BootServers::changed, this, [this](const QString &name) {
        if (m_store.find(name))
            emit exportChanged(name);
    });
    m_interfaceWatch.setInterval(kInterfaceWatch);
    connect(&m_interfaceWatch, &QTimer::timeout, this, [this] {
        if (resolveInterfaces() != m_interfaces)
            startDiscovery();
    });
}

SanService::~SanService()
{
    m_probe.stop();
    failPending({QLatin1String(error::kNoDiscovery), QStringLiteral("the service is stopping")});
}

QStringList SanService::start()
{
    QStringList problems;
    if (const auto loaded = m_store.load(); !loaded)
        problems << loaded.error().message;
    else
        problems << loaded->problems;
    QString settingsProblem;
    m_settings = m_settingsFile.load(&settingsProblem);
    if (!settingsProblem.isEmpty())
        problems << settingsProblem;
    QString runningProblem;
    const auto restored = m_running.restore(&runningProblem);
    if (!runningProblem.isEmpty())
        problems << runningProblem;
    if (restored)
        log::logger("service")->info("started again in the same boot: the exports that were serving come back ({})",
            restored->isEmpty() ? std::string("none") : restored->join(QStringLiteral(", ")).toStdString());
    for (const auto &r : m_store.records()) {
        emit exportAdded(r.name);
        if (restored ? restored->contains(r.name) : r.autostart) {
            if (auto started = m_supervisor.start(r); !started)
                problems << QStringLiteral("export '%1' did not start: %2").arg(r.name, started.error().describe());
            else
                m_wanted.insert(r.name);
        }
    }
    saveWanted(); // this boot's list, also when it is empty
    problems << m_boot->resume(m_store.records());
    m_kernel->setSettings({std::chrono::seconds(m_settings.flushDownAfterSeconds), m_settings.reattach});
    m_kernel->start();
    if (m_options.discovery)
        startDiscovery();
    for (const auto &p : problems)
        log::logger("service")->warn("{}", p.toStdString());
    return problems;
}

void SanService::shutdown()
{
    m_shuttingDown = true;
    m_probe.stop();
    m_probeClock.stop();
    m_interfaceWatch.stop();
    failPending({QLatin1String(error::kNoDiscovery), QStringLiteral("the service is stopping")});
    m_boot->shutdown();
    m_supervisor.stopAll();
}

QString SanService::bootJson(const QString &name) const
{
    const auto r = record(name);
    return r ? m_boot->json(*r) : QString();
}

Result<bool, ServiceError> SanService::startBoot(const QString &name, const QVariantMap &options)
{
    const auto r = record(name);
    if (!r)
        return Unexpected(
            ServiceError {QLatin1String(error::kNotFound), QStringLiteral("there is no export '%1'").arg(name)});
    const auto request = m_boot->requestFor(*r, options);
    if (!request)
        return Unexpected(request.error());
    return m_boot->start(name, *request);
}

Result<bool, ServiceError> SanService::stopBoot(const QString &name)
{
    if (!record(name))
        return Unexpected(
            ServiceError {QLatin1String(error::kNotFound), QStringLiteral("there is no export '%1'").arg(name)});
    return m_boot->stop(name);
}

ExportStatus SanService::status(const QString &name) const
{
    if (auto s = m_supervisor.status(name))
        return *s;
    ExportStatus s;
    s.name = name;
    return s;
}

Result<bool, ServiceError> SanService::saveList()
{
    if (auto saved = m_store.save(); !saved)
        return Unexpected(ServiceError {
            QLatin1String(error::kFailed), saved.error().message + QStringLiteral(". Nothing was changed.")});
    return true;
}

Result<bool, ServiceError> SanService::add(const ExportRecord &record, bool startNow, bool force)
{
    if (m_store.find(record.name))
        return Unexpected(ServiceError {
            QLatin1String(error::kExists), QStringLiteral("an export named '%1' exists already").arg(record.name)});
    if (auto bad = checkBackingPath(record.path))
        return Unexpected(*bad);
    if (auto invalid = supervisor::validateAgainst(record, m_store.records()))
        return Unexpected(ServiceError {errorNameFor(invalid->code), invalid->message});
    // The interface may appear later (a USB NIC): aoesan-ctl asks for --force, the service keeps it.
    if (auto bad = supervisor::checkRecordOnThisMachine(record, supervisor::InterfacePresence::MayBeMissing))
        return Unexpected(ServiceError {errorNameFor(bad->code), bad->message});
    if (auto added = m_store.add(record); !added)
        return Unexpected(storeErrorToService(added.error()));
    if (auto saved = saveList(); !saved) {
        (void)m_store.remove(record.name);
        return saved;
    }
    log::logger("service")->info(
        "export '{}' added: {}", record.name.toStdString(), supervisor::describeRecord(record).toStdString());
    emit exportAdded(record.name);
    if (startNow)
        return startExport(record.name, force);
    return true;
}

Result<bool, ServiceError> SanService::change(const ExportRecord &record)
{
    const auto old = m_store.find(record.name);
    if (!old)
        return Unexpected(
            ServiceError {QLatin1String(error::kNotFound), QStringLiteral("there is no export '%1'").arg(record.name)});
    if (auto bad = checkBackingPath(record.path))
        return Unexpected(*bad);
    if (record.path != old->path || record.offsetSectors != old->offsetSectors
        || record.lengthSectors != old->lengthSectors) {
        if (auto bad = supervisor::checkRecordOnThisMachine(record, supervisor::InterfacePresence::MayBeMissing))
            return Unexpected(ServiceError {errorNameFor(bad->code), bad->message});
    }
    if (auto replaced = m_store.replace(record); !replaced)
        return Unexpected(storeErrorToService(replaced.error()));
    if (auto saved = saveList(); !saved) {
        (void)m_store.replace(*old);
        return saved;
    }
    log::logger("service")->info(
        "export '{}' changed: {}", record.name.toStdString(), supervisor::describeRecord(record).toStdString());
    m_boot->exportChanged(record);
    emit exportChanged(record.name);
    if (active(status(record.name).state)) {
        // The engine serves the old record: start it again with the new one.
        m_supervisor.stop(record.name);
        if (auto started = m_supervisor.start(record); !started)
            return Unexpected(ServiceError {QLatin1String(error::kRefused),
                QStringLiteral("the export was changed but did not start again: %1").arg(started.error().describe())});
    }
    return true;
}

Result<bool, ServiceError> SanService::remove(const QString &name)
{
    if (!m_store.find(name))
        return Unexpected(
            ServiceError {QLatin1String(error::kNotFound), QStringLiteral("there is no export '%1'").arg(name)});
    const auto old = *m_store.find(name);
    (void)m_store.remove(name);
    if (auto saved = saveList(); !saved) {
        (void)m_store.add(old);
        return saved;
    }
    m_supervisor.stop(name);
    setWanted(name, false);
    m_supervisor.forget(name); // at once when it was not running; else when its engine has ended
    m_boot->exportRemoved(name);
    log::logger("service")->info("export '{}' removed", name.toStdString());
    emit exportRemoved(name);
    republishAll();
    return true;
}

Result<bool, ServiceError> SanService::startExport(const QString &name, bool force)
{
    const auto record = m_store.find(name);
    if (!record)
        return Unexpected(
            ServiceError {QLatin1String(error::kNotFound), QStringLiteral("there is no export '%1'").arg(name)});
    if (auto started = m_supervisor.start(*record, supervisor::StartOptions {force}); !started)
        return Unexpected(ServiceError {QLatin1String(error::kRefused), started.error().describe()});
    setWanted(name, true);
    return true;
}

Result<bool, ServiceError> SanService::stopExport(const QString &name)
{
    if (!m_store.find(name))
        return Unexpected(
            ServiceError {QLatin1String(error::kNotFound), QStringLiteral("there is no export '%1'").arg(name)});
    m_supervisor.stop(name);
    setWanted(name, false);
    return true;
}

void SanService::setWanted(const QString &name, bool serving)
{
    if (serving ? m_wanted.insert(name).second : m_wanted.erase(name) > 0)
        saveWanted();
}

void SanService::saveWanted()
{
    // Not while stopping: the service's own stop is not a client's, and the list must survive it.
    if (m_shuttingDown)
        return;
    const QStringList names(m_wanted.begin(), m_wanted.end());
    if (auto saved = m_running.save(names); !saved)
        log::logger("service")->warn(
            "{}: after a restart of the service the autostart exports start instead", saved.error().toStdString());
}

void SanService::onStatus(const QString &name, const ExportStatus &status)
{
    if (!m_store.find(name)) {
        // Removed while its engine was stopping: forget it once it has ended.
        if (!active(status.state) && status.state != ExportState::Stopping)
            m_supervisor.forget(name);
        republishAll();
        return;
    }
    emit exportChanged(name);
    const auto r = m_store.find(name);
    republish(keyOf(r->shelf, r->slot));
}

std::optional<QString> SanService::answeredBy(std::uint16_t shelf, std::uint8_t slot, const QString &interface) const
{
    (void)interface; // discovery may watch the other end of a segment, under another name: any answer counts
    const auto it = m_heard.find(keyOf(shelf, slot));
    if (it == m_heard.end())
        return std::nullopt;
    return supervisor::otherAnswerer(it->second, m_localMacs());
}

void SanService::onTargetEvent(const discovery::probe::TargetEvent &event)
{
    const quint32 key = keyOf(event.target.id.shelf, event.target.id.slot);
    if (event.kind == discovery::probe::TargetEvent::Kind::Removed)
        m_heard.erase(key);
    else
        m_heard[key] = event.target;
    republish(key);
    if (event.kind != discovery::probe::TargetEvent::Kind::Removed
        && event.target.state == discovery::TargetState::Up) {
        QStringList interfaces;
        for (const auto &p : event.target.paths) {
            if (const QString name = QString::fromStdString(p.interfaceName); !interfaces.contains(name))
                interfaces << name;
        }
        m_kernel->targetUp(event.target.id.shelf, event.target.id.slot, interfaces,
            event.target.identified ? event.target.sectors : 0);
    }
}

void SanService::republish(quint32 key)
{
    std::optional<PublishedTarget> next;
    const auto heard = m_heard.find(key);
    const ExportRecord *own = nullptr;
    ExportStatus ownStatus;
    for (const auto &r : m_store.records()) {
        if (keyOf(r.shelf, r.slot) != key)
            continue;
        const auto s = status(r.name);
        if (!own || active(s.state)) {
            own = &r;
            ownStatus = s;
        }
    }
    const bool local = own && active(ownStatus.state);
    if (heard != m_heard.end()) {
        next = PublishedTarget {heard->second, local};
    } else if (local && ownStatus.state == ExportState::Running) {
        // Served here but not heard (this host's own frames, another segment): publish what the engine said.
        // Only while it serves: a starting export published as down would come "back up" a moment later.
        discovery::TargetInfo info;
        info.id = {own->shelf, own->slot};
        info.state = discovery::TargetState::Up;
        info.sectors = ownStatus.sectors;
        info.identified = ownStatus.sectors > 0;
        discovery::TargetPath path;
        path.interfaceName = own->interface.toStdString();
        if (const auto mac = protocol::MacAddress::fromString(ownStatus.mac.toStdString()))
            path.mac = *mac;
        info.paths.push_back(path);
        next = PublishedTarget {info, true};
    }
    const auto old = m_published.find(key);
    if (!next) {
        if (old != m_published.end()) {
            m_published.erase(old);
            emit targetRemoved(key);
        }
        return;
    }
    if (old == m_published.end()) {
        m_published.emplace(key, *next);
        emit targetAdded(key);
    } else if (!(old->second == *next)) {
        old->second = *next;
        emit targetChanged(key);
    }
}

void SanService::republishAll()
{
    std::set<quint32> keys;
    for (const auto &[key, t] : m_heard)
        keys.insert(key);
    for (const auto &[key, t] : m_published)
        keys.insert(key);
    for (const auto &r : m_store.records())
        keys.insert(keyOf(r.shelf, r.slot));
    for (const quint32 key : keys)
        republish(key);
}

std::chrono::seconds SanService::interval() const
{
    return m_options.interval.value_or(std::chrono::seconds(m_settings.intervalSeconds));
}

QStringList SanService::resolveInterfaces() const
{
    if (!m_options.interfaces.isEmpty())
        return m_options.interfaces;
    if (!m_settings.interfaces.isEmpty())
        return m_settings.interfaces;
    return m_lister();
}

void SanService::startDiscovery()
{
    const QStringList next = resolveInterfaces();
    const bool automatic = m_options.interfaces.isEmpty() && m_settings.interfaces.isEmpty();
    if (automatic)
        m_interfaceWatch.start();
    else
        m_interfaceWatch.stop();
    if (next != m_interfaces) {
        m_interfaces = next;
        emit managerChanged({QStringLiteral("Interfaces")});
    }
    m_probe.stop();
    m_probeClock.stop();
    failPending({QLatin1String(error::kNoDiscovery), QStringLiteral("discovery was restarted; try again")});
    if (m_interfaces.isEmpty()) {
        setProblem(ExportProblem {QStringLiteral("no-interfaces"),
            QStringLiteral("No Ethernet interface is up, so discovery has nothing to watch."),
            QStringLiteral("Bring an interface up (ip link set IF up), or choose interfaces in the settings.")});
        return;
    }
    m_probe.start(m_interfaces, interval(), m_settings.maxTargets);
}

void SanService::onProbeProblem(const ExportProblem &problem)
{
    m_probeClock.stop();
    setProblem(problem);
}

void SanService::setDiscoveryLimit(const discovery::DiscoveryLimit &limit)
{
    if (limit == m_limit)
        return;
    m_limit = limit;
    emit managerChanged({QStringLiteral("DiscoveryLimit")});
}

void SanService::setProblem(std::optional<ExportProblem> problem)
{
    if (problem == m_problem)
        return;
    m_problem = std::move(problem);
    if (m_problem)
        log::logger("service")->error("discovery: {}", m_problem->describe().toStdString());
    emit managerChanged({QStringLiteral("DiscoveryProblem")});
}

void SanService::probeNow()
{
    m_probe.probeNow();
}

Result<bool, ServiceError> SanService::forgetDown()
{
    discovery::ProbeRequest forget;
    forget.kind = discovery::ProbeRequest::Kind::ForgetDown;
    if (!m_probe.send(forget))
        return Unexpected(ServiceError {QLatin1String(error::kNoDiscovery),
            QStringLiteral("discovery is not running, so there is nothing to forget")});
    return true;
}

Result<bool, ServiceError> SanService::setInterfaces(const QStringList &interfaces, std::chrono::seconds every)
{
    ServiceSettings next = m_settings;
    for (const auto &name : interfaces) {
        if (!net::isInterfaceName(name.toStdString()))
            return Unexpected(ServiceError {QLatin1String(error::kBadInterface),
                QStringLiteral("'%1' is not a network interface name (see `ip link`)").arg(name)});
    }
    if (every.count() != 0 && (every.count() < kMinIntervalSeconds || every.count() > kMaxIntervalSeconds))
        return Unexpected(ServiceError {QLatin1String(error::kBadOption),
            QStringLiteral("the probe interval must be %1 to %2 seconds")
                .arg(kMinIntervalSeconds)
                .arg(kMaxIntervalSeconds)});
    next.interfaces = interfaces;
    if (every.count() != 0)
        next.intervalSeconds = static_cast<int>(every.count());
    if (auto saved = m_settingsFile.save(next); !saved)
        return Unexpected(ServiceError {QLatin1String(error::kFailed), saved.error()});
    m_settings = next;
    emit managerChanged({QStringLiteral("InterfacesSetting"), QStringLiteral("ProbeIntervalSeconds")});
    if (m_options.discovery)
        startDiscovery();
    return true;
}

namespace {

Result<std::pair<std::uint16_t, std::uint8_t>, ServiceError> parseTarget(const QString &target)
{
    const auto address = kernel::parseDeviceName(target);
    if (!address || target.contains(QLatin1Char('p')) || address->first > 65534 || address->second > 254)
        return Unexpected(ServiceError {QLatin1String(error::kBadAddress),
            QStringLiteral("'%1' is not a target (e7.3: shelf 0-65534, slot 0-254)").arg(target)});
    return *address;
}

// An interface for the aoe driver: a name the kernel accepts, and no comma, which splits the driver's list
// (aoe_iflist and the aoesan-aoe@ unit's instance).
bool validInterfaceName(const QString &name)
{
    return net::isInterfaceName(name.toStdString()) && !name.contains(QLatin1Char(','));
}

} // namespace

void SanService::attach(
    const QString &target, const QStringList &given, std::chrono::seconds timeout, KernelDisks::Done done)
{
    const auto fail = [this, &done](const char *code, const QString &text) {
        QTimer::singleShot(0, this, [done, e = ServiceError {QLatin1String(code), text}] { done(Unexpected(e)); });
    };
    const auto address = parseTarget(target);
    if (!address) {
        fail(error::kBadAddress, address.error().message);
        return;
    }
    const auto [shelf, slot] = *address;
    const QString name = kernel::deviceName(shelf, slot);
    for (const auto &i : given) {
        if (!validInterfaceName(i)) {
            fail(error::kBadInterface, QStringLiteral("'%1' is not a network interface name (see `ip link`)").arg(i));
            return;
        }
    }
    // The kernel does not receive the frames of its own host: this machine's own export cannot be its disk.
    for (const auto &r : m_store.records()) {
        if (r.shelf == shelf && r.slot == slot && active(status(r.name).state)
            && (given.isEmpty() || given.contains(r.interface))) {
            fail(error::kOwnExport,
                QStringLiteral("%1 is this machine's export '%2': the kernel does not see its own frames, so it cannot "
                               "be a disk here. Use %3 itself")
                    .arg(name, r.name, r.path));
            return;
        }
    }
    const auto heard = m_heard.find(keyOf(shelf, slot));
    QStringList interfaces = given;
    std::optional<std::uint64_t> sectors;
    if (heard != m_heard.end()) {
        const auto macs = m_localMacs();
        for (const auto &p : heard->second.paths) {
            if (std::find(macs.begin(), macs.end(), p.mac) != macs.end()) {
                fail(error::kOwnExport,
                    QStringLiteral("%1 is served by this machine (%2): the kernel does not see its own frames, so it "
                                   "cannot be a disk here. Use its backing file or device itself")
                        .arg(name, QString::fromStdString(p.mac.toString())));
                return;
            }
            if (given.isEmpty()) {
                if (const QString i = QString::fromStdString(p.interfaceName); !interfaces.contains(i))
                    interfaces << i;
            }
        }
        if (heard->second.identified && heard->second.sectors > 0)
            sectors = heard->second.sectors;
    }
    if (interfaces.isEmpty()) {
        fail(error::kNotFound,
            QStringLiteral("discovery has not heard %1, so its interface is not known; check that it is up "
                           "(aoesan-ctl targets) or name its interface")
                .arg(name));
        return;
    }
    if (const auto *d = m_kernel->device(shelf, slot); d && d->up()) {
        // Already a disk here: the same answer at once (nothing to load or wait for).
        QTimer::singleShot(0, this, [done, path = d->devicePath()] { done(path); });
        return;
    }
    kernel::AttachRequest request;
    request.shelf = shelf;
    request.slot = slot;
    request.interfaces = interfaces;
    request.expectedSectors = sectors;
    request.timeout = timeout;
    m_kernel->attach(request, std::move(done));
}

Result<bool, ServiceError> SanService::detach(const QString &target)
{
    const auto address = parseTarget(target);
    if (!address)
        return Unexpected(address.error());
    return m_kernel->detach(address->first, address->second);
}

Result<bool, ServiceError> SanService::setKernelSettings(
    std::optional<int> flushDownAfter, std::optional<bool> reattach)
{
    ServiceSettings next = m_settings;
    if (flushDownAfter) {
        if (*flushDownAfter < 0 || *flushDownAfter > static_cast<int>(kernel_key::kMaxFlushDownAfterSeconds))
            return Unexpected(ServiceError {QLatin1String(error::kBadOption),
                QStringLiteral("%1 must be 0 (never) to %2 seconds")
                    .arg(QLatin1String(kernel_key::kFlushDownAfterSeconds))
                    .arg(kernel_key::kMaxFlushDownAfterSeconds)});
        next.flushDownAfterSeconds = *flushDownAfter;
    }
    if (reattach)
        next.reattach = *reattach;
    if (auto saved = m_settingsFile.save(next); !saved)
        return Unexpected(ServiceError {QLatin1String(error::kFailed), saved.error()});
    m_settings = next;
    m_kernel->setSettings({std::chrono::seconds(m_settings.flushDownAfterSeconds), m_settings.reattach});
    emit managerChanged({QStringLiteral("KernelSettings")});
    return true;
}

Result<discovery::ProbeRequest, ServiceError> SanService::parseRequest(const QString &line)
{
    // The caller's line has no id: put one in so the probe's own parser checks everything else.
    QStringList words = line.split(QLatin1Char(' '));
    if (words.size() < 2)
        return Unexpected(ServiceError {QLatin1String(error::kInvalidArgs),
            QStringLiteral("a request is WORD DEVICE [ARGUMENTS], e.g. \"config e7.3\"")});
    words.insert(1, QStringLiteral("1"));
    auto parsed = discovery::parseProbeRequest(words.join(QLatin1Char(' ')).toUtf8());
    if (!parsed)
        return Unexpected(ServiceError {QLatin1String(error::kInvalidArgs), parsed.error().message});
    if (!parsed->perTarget())
        return Unexpected(ServiceError {QLatin1String(error::kInvalidArgs),
            QStringLiteral("'%1' is not a per-target request; use the Manager's methods").arg(words.first())});
    return std::move(parsed).value();
}

void SanService::request(discovery::ProbeRequest request, RequestDone done)
{
    if (!m_probe.isReady()) {
        done(Unexpected(ServiceError {QLatin1String(error::kNoDiscovery),
            m_problem ? QStringLiteral("discovery is not running: %1").arg(m_problem->describe())
                      : QStringLiteral("discovery is not running yet; try again in a moment")}));
        return;
    }
    const std::uint32_t id = m_nextRequestId++;
    if (m_nextRequestId == 0)
        m_nextRequestId = 1;
    request.id = id;
    m_pending.emplace(id, std::move(done));
    m_probe.send(request);
    QTimer::singleShot(kRequestTimeout, this, [this, id] {
        const auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        auto late = std::move(it->second);
        m_pending.erase(it);
        late(Unexpected(ServiceError {QLatin1String(error::kRequestFailed),
            QStringLiteral("{\"code\":\"no-answer\",\"message\":\"discovery gave no answer within %1 s\"}")
                .arg(kRequestTimeout.count())}));
    });
}

void SanService::failPending(const ServiceError &error)
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &[id, done] : pending)
        done(Unexpected(error));
}

} // namespace aoesan::service
