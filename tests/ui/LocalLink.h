// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI tests' service: a real SanService in this process (its probe a FakeProbe, its engines never
// launched) behind the SanLink the controllers use, answering each call in the next event-loop turn as
// the bus would. The tests feed probe events and see them arrive through the service's own logic (local
// exports merged in, requests numbered); vanish() and appear() play the service going away and back.
#pragma once

#include <QDBusObjectPath>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

#include "FakeProbe.h"
#include "service/DbusApi.h"
#include "service/SanLink.h"
#include "service/SanService.h"
#include "supervisor/ProcessLauncher.h"
#include "supervisor/SupervisorClock.h"

namespace aoesan::test {

// An engine that never runs: it says nothing (the export stays starting) and ends when told to.
class SilentEngine : public supervisor::EngineProcess
{
    Q_OBJECT

public:
    qint64 pid() const override { return 4343; }
    void terminate() override { end(); }
    void kill() override { end(); }

private:
    void end()
    {
        if (m_ended)
            return;
        m_ended = true;
        QTimer::singleShot(0, this, [this] { emit finished(supervisor::ProcessExit::exited(0)); });
    }
    bool m_ended = false;
};

// Exports are recorded and "started", but no engine process is ever launched.
class NoEngines : public supervisor::ProcessLauncher
{
public:
    std::unique_ptr<supervisor::EngineProcess> launch(const QStringList &) override
    {
        return std::make_unique<SilentEngine>();
    }
};

class LocalLink : public ui::SanLink
{
    Q_OBJECT

    QTemporaryDir m_dir; // first: the service's files outlive it

public:
    // `interfaces`: what the service's discovery watches (none: the lister's, which answers none).
    // `realProbes`: a real probe launcher instead of the FakeProbe (the namespace lab tests).
    // `realEngines`: a real engine launcher instead of engines that never run (the own-export lab test).
    explicit LocalLink(QStringList interfaces = {QStringLiteral("lan1")}, Owner owner = Owner::Gui,
        supervisor::ProbeLauncher *realProbes = nullptr, supervisor::ProcessLauncher *realEngines = nullptr)
        : m_owner(owner)
    {
        service::SanServiceOptions options;
        options.configDir = m_dir.filePath(QStringLiteral("etc"));
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        options.interfaces = std::move(interfaces);
        san = std::make_unique<service::SanService>(options,
            realEngines ? *realEngines : static_cast<supervisor::ProcessLauncher &>(engines),
            realProbes ? *realProbes : static_cast<supervisor::ProbeLauncher &>(probes), clock, nullptr);
        san->setInterfaceLister([this] { return up; });
        san->setLocalMacs([] { return std::vector<protocol::MacAddress>(); });
        connect(san.get(), &service::SanService::exportAdded, this, &LocalLink::onExport);
        connect(san.get(), &service::SanService::exportChanged, this, &LocalLink::onExport);
        connect(san.get(), &service::SanService::exportRemoved, this, [this](const QString &name) {
            if (m_exports.erase(name) && m_up)
                emit exportRemoved(name);
        });
        connect(san.get(), &service::SanService::targetAdded, this, [this](quint32 key) { onTarget(key, true); });
        connect(san.get(), &service::SanService::targetChanged, this, [this](quint32 key) { onTarget(key, false); });
        connect(san.get(), &service::SanService::targetRemoved, this, [this](quint32 key) {
            const auto it = m_targets.find(key);
            if (it == m_targets.end())
                return;
            const auto last = it->second.info;
            m_targets.erase(it);
            if (m_up)
                emit targetRemoved(key, last);
        });
        connect(san.get(), &service::SanService::managerChanged, this, &LocalLink::onManager);
        san->start();
        onManager();
    }

    FakeProbe *probe() const { return probes.last(); }

    // The service goes away (its objects with it) and comes back with what it has.
    void vanish()
    {
        m_up = false;
        for (const auto &[name, e] : std::exchange(m_exports, {}))
            emit exportRemoved(name);
        for (const auto &[key, t] : std::exchange(m_targets, {}))
            emit targetRemoved(key, t.info);
        emit serviceVanished();
    }
    void appear()
    {
        m_up = true;
        for (const auto &r : san->records())
            onExport(r.name);
        for (const auto &[key, t] : san->targets())
            onTarget(key, true);
        onManager();
        emit serviceAppeared();
    }

    Owner owner() const override { return m_owner; }
    bool isConnected() const override { return m_up; }
    const std::map<QString, service::ExportView> &exports() const override { return m_exports; }
    const std::map<quint32, service::TargetView> &targets() const override { return m_targets; }
    const service::ManagerView &manager() const override { return m_manager; }

    void addExport(const supervisor::ExportRecord &record, bool start, bool force, Done done) override
    {
        answer(std::move(done), [=, this]() -> Result<QVariantList, service::ServiceError> {
            if (auto r = san->add(record, start, force); !r)
                return Unexpected(r.error());
            return QVariantList {QVariant::fromValue(QDBusObjectPath(service::exportPath(record.name)))};
        });
    }
    void exportCall(const QString &name, const QString &method, const QVariantList &args, Done done) override
    {
        answer(std::move(done), [=, this]() -> Result<QVariantList, service::ServiceError> {
            Result<bool, service::ServiceError> r = true;
            if (method == QLatin1String("Start"))
                r = san->startExport(name, args.value(0).toMap().value(QStringLiteral("force")).toBool());
            else if (method == QLatin1String("Stop"))
                r = san->stopExport(name);
            else if (method == QLatin1String("Remove"))
                r = san->remove(name);
            else
                r = Unexpected(service::ServiceError {QLatin1String(service::error::kUnknownMethod), method});
            if (!r)
                return Unexpected(r.error());
            return QVariantList {};
        });
    }
    void managerCall(const QString &method, const QVariantList &args, Done done) override
    {
        calls << method;
        callArgs << QVariant(args);
        answer(std::move(done), [=, this]() -> Result<QVariantList, service::ServiceError> {
            // The kernel calls (Attach, Detach) answer what the test says: the service here has no driver.
            if (kernelCall)
                if (auto answered = kernelCall(method, args))
                    return *answered;
            Result<bool, service::ServiceError> r = true;
            if (method == QLatin1String("ProbeNow"))
                san->probeNow();
            else if (method == QLatin1String("ForgetDownTargets"))
                r = san->forgetDown();
            else if (method == QLatin1String("SetInterfaces"))
                r = san->setInterfaces(args.value(0).toStringList(), std::chrono::seconds(args.value(1).toUInt()));
            else
                r = Unexpected(service::ServiceError {QLatin1String(service::error::kUnknownMethod), method});
            if (!r)
                return Unexpected(r.error());
            return QVariantList {};
        });
    }
    // Manager properties read afresh: KernelDevices is `kernelDevicesJson` when set, KernelSettings
    // `kernelSettings`; otherwise, as an older
    // service, no such property.
    void managerProperty(const QString &name, Done done) override
    {
        propertyReads << name;
        answer(std::move(done), [=, this]() -> Result<QVariantList, service::ServiceError> {
            if (name == QLatin1String("KernelDevices") && kernelDevicesJson)
                return QVariantList {*kernelDevicesJson};
            if (name == QLatin1String("KernelSettings") && kernelSettings)
                return QVariantList {*kernelSettings};
            return Unexpected(service::ServiceError {
                QStringLiteral("org.freedesktop.DBus.Error.UnknownProperty"), QStringLiteral("No such property")});
        });
    }

    void request(std::uint16_t, std::uint8_t, const QString &line, Done done) override
    {
        requests << line;
        auto parsed = service::SanService::parseRequest(line);
        if (!parsed) {
            answer(std::move(done),
                [e = parsed.error()]() -> Result<QVariantList, service::ServiceError> { return Unexpected(e); });
            return;
        }
        // As on the bus, the answer comes in a later event-loop turn even when the service knows it at once.
        san->request(
            std::move(parsed).value(), [this, done = std::move(done)](Result<QString, service::ServiceError> r) {
                QTimer::singleShot(0, this, [done, r] {
                    if (r)
                        done(QVariantList {r.value()});
                    else
                        done(Unexpected(r.error()));
                });
            });
    }

    QStringList up; // the Ethernet interfaces that are up, for the service's default (none chosen)
    QStringList calls; // the Manager methods called, in order
    QVariantList callArgs; // their arguments (each a QVariantList), in the same order
    QStringList propertyReads; // the Manager properties read
    std::optional<QString> kernelDevicesJson; // KernelDevices as the service would publish it; none: no property
    std::optional<QVariantMap> kernelSettings; // KernelSettings; none: no property
    // Answers a Manager call instead of the service (Attach, Detach); nullopt: the service answers.
    std::function<std::optional<Result<QVariantList, service::ServiceError>>(const QString &, const QVariantList &)>
        kernelCall;
    QStringList requests; // the Target.Request lines
    NoEngines engines;
    FakeProbeLauncher probes;
    supervisor::SteadySupervisorClock clock;
    std::unique_ptr<service::SanService> san;

private:
    void answer(Done done, std::function<Result<QVariantList, service::ServiceError>()> work)
    {
        QTimer::singleShot(0, this, [done = std::move(done), work = std::move(work)] { done(work()); });
    }
    void onExport(const QString &name)
    {
        const auto record = san->record(name);
        if (!record)
            return;
        m_exports[name] = service::ExportView {*record, san->status(name), service::bootFromJson(san->bootJson(name))};
        if (m_up)
            emit exportUpdated(name);
    }
    void onTarget(quint32 key, bool added)
    {
        const auto it = san->targets().find(key);
        if (it == san->targets().end())
            return;
        added = added || !m_targets.contains(key);
        m_targets[key] = service::TargetView {it->second.info, it->second.local};
        if (m_up)
            emit targetUpdated(key, added);
    }
    void onManager()
    {
        m_manager.mode = QStringLiteral("session");
        m_manager.interfaces = san->interfaces();
        m_manager.interfacesSetting = san->interfacesSetting();
        m_manager.intervalSeconds = static_cast<uint>(san->interval().count());
        m_manager.lastProbeMs = static_cast<qulonglong>(san->lastProbeMs());
        m_manager.discoveryProblem = san->discoveryProblem();
        m_manager.discoveryLimit = san->discoveryLimit();
        m_manager.exportListPath = san->exportListPath();
        if (m_up)
            emit managerUpdated();
    }

    Owner m_owner;
    bool m_up = true;
    std::map<QString, service::ExportView> m_exports;
    std::map<quint32, service::TargetView> m_targets;
    service::ManagerView m_manager;
};

} // namespace aoesan::test
