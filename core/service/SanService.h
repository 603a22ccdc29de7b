// SPDX-License-Identifier: GPL-3.0-or-later
// What aoesan-service is, without the bus: the export list (an ExportStore in the config directory), one
// engine per running export under the ExportSupervisor, discovery in a supervised `aoesan-engine probe`,
// and the targets it knows with this machine's own exports merged in. DbusTree publishes it; every method
// here is already authorised. Exports keep running whatever happens to any client.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "discovery/ProbeEvent.h"
#include "kernel/AoeDriver.h"
#include "service/BootServers.h"
#include "service/KernelDisks.h"
#include "service/RunningExports.h"
#include "service/ServiceError.h"
#include "service/ServiceSettings.h"
#include "supervisor/AddressInUseQuery.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "supervisor/ProbeSupervisor.h"

namespace aoesan::platform {
class BlockDeviceBackend;
}

namespace aoesan::service {

struct SanServiceOptions
{
    QString configDir; // exports.json and service.json
    QString stateDir; // exports/NAME.json: each engine's config string, mask and reserve lists
    QStringList interfaces; // from the command line: wins over the saved setting
    bool discovery = true;
    std::optional<std::chrono::seconds> interval; // from the command line
    std::optional<QString> bootId; // this boot's id (RunningExports); nullopt: the kernel's
    // The aoe driver: where its files are ("/" on a machine, a fixture tree in tests), how the module is
    // loaded (empty: modprobe) and how often the service reads it.
    QString kernelRoot = QStringLiteral("/");
    kernel::ModuleLoader kernelLoader;
    std::chrono::milliseconds kernelPoll {2000};
    // How the exports' boot servers run (BootServers.h); empty: as children (aoesan-ctl boot serve), their
    // events in the state directory.
    std::function<std::unique_ptr<BootLauncher>()> bootLauncher;
};

// One published target: what discovery heard, or what an export of this machine serves.
struct PublishedTarget
{
    discovery::TargetInfo info;
    bool local = false; // an export of this machine serves this shelf.slot
    bool operator==(const PublishedTarget &) const = default;
};

class SanService : public QObject, private supervisor::AddressInUseQuery
{
    Q_OBJECT

public:
    using LocalMacs = std::function<std::vector<protocol::MacAddress>()>;
    using InterfaceLister = std::function<QStringList()>; // Ethernet interfaces that are up

    SanService(SanServiceOptions options, supervisor::ProcessLauncher &engines, supervisor::ProbeLauncher &probes,
        supervisor::SupervisorClock &clock, const platform::BlockDeviceBackend *devices, QObject *parent = nullptr);
    ~SanService() override;

    // Seams for tests: this machine's MACs and its usable interfaces.
    void setLocalMacs(LocalMacs macs) { m_localMacs = std::move(macs); }
    void setInterfaceLister(InterfaceLister lister) { m_lister = std::move(lister); }

    // Loads the list and the settings, starts discovery and the exports: those that were serving when the
    // service last stopped in this boot (RunningExports), else the autostart ones. The problems found
    // (a damaged file set aside, an export that would not start) are returned and logged.
    QStringList start();
    // Stops every engine and the probe; stopped() follows.
    void shutdown();

    // Exports.
    const std::vector<supervisor::ExportRecord> &records() const { return m_store.records(); }
    std::optional<supervisor::ExportRecord> record(const QString &name) const { return m_store.find(name); }
    supervisor::ExportStatus status(const QString &name) const;
    // Export.Boot's JSON text (docs/dbus-api.md).
    QString bootJson(const QString &name) const;
    QString exportListPath() const { return m_store.path(); }
    Result<bool, ServiceError> add(const supervisor::ExportRecord &record, bool startNow, bool force);
    Result<bool, ServiceError> change(const supervisor::ExportRecord &record);
    Result<bool, ServiceError> remove(const QString &name);
    Result<bool, ServiceError> startExport(const QString &name, bool force);
    Result<bool, ServiceError> stopExport(const QString &name);
    // The export's network boot server (Export.StartBoot's options).
    Result<bool, ServiceError> startBoot(const QString &name, const QVariantMap &options);
    Result<bool, ServiceError> stopBoot(const QString &name);

    // Discovery.
    const std::map<quint32, PublishedTarget> &targets() const { return m_published; }
    QStringList interfaces() const { return m_interfaces; }
    QStringList interfacesSetting() const { return m_settings.interfaces; }
    std::chrono::seconds interval() const;
    qint64 lastProbeMs() const { return m_lastProbeMs; }
    const std::optional<supervisor::ExportProblem> &discoveryProblem() const { return m_problem; }
    // The running probe's bounds and what they refused (Manager.DiscoveryLimit).
    const discovery::DiscoveryLimit &discoveryLimit() const { return m_limit; }
    void probeNow();
    Result<bool, ServiceError> forgetDown();
    Result<bool, ServiceError> setInterfaces(const QStringList &interfaces, std::chrono::seconds interval);

    // A per-target request: the probe's command line without its id ("config-set e7.3 text"). Parsing
    // errors are InvalidArgs. `done` gets the `reply` event as JSON text, or the failure.
    using RequestDone = std::function<void(Result<QString, ServiceError>)>;
    static Result<discovery::ProbeRequest, ServiceError> parseRequest(const QString &line);
    void request(discovery::ProbeRequest request, RequestDone done);

    // Disks of this machine through the aoe driver. `target` is e7.3 or 7.3; `interfaces` empty: where
    // discovery heard it. `done` gets the device path or the error, always later.
    const KernelDisks &kernel() const { return *m_kernel; }
    void attach(
        const QString &target, const QStringList &interfaces, std::chrono::seconds timeout, KernelDisks::Done done);
    Result<bool, ServiceError> detach(const QString &target);
    Result<bool, ServiceError> setKernelSettings(
        std::optional<int> flushDownAfterSeconds, std::optional<bool> reattach);
    const ServiceSettings &settings() const { return m_settings; }

    static quint32 keyOf(std::uint16_t shelf, std::uint8_t slot) { return (quint32(shelf) << 8) | slot; }

signals:
    void exportAdded(const QString &name);
    void exportChanged(const QString &name);
    void exportRemoved(const QString &name);
    void targetAdded(quint32 key);
    void targetChanged(quint32 key);
    void targetRemoved(quint32 key);
    // Manager properties changed (their D-Bus names).
    void managerChanged(const QStringList &properties);
    void stopped();

private:
    std::optional<QString> answeredBy(std::uint16_t shelf, std::uint8_t slot, const QString &interface) const override;
    void onStatus(const QString &name, const supervisor::ExportStatus &status);
    void onTargetEvent(const discovery::probe::TargetEvent &event);
    void onProbeProblem(const supervisor::ExportProblem &problem);
    void startDiscovery();
    QStringList resolveInterfaces() const;
    void republish(quint32 key);
    void republishAll();
    void failPending(const ServiceError &error);
    void setProblem(std::optional<supervisor::ExportProblem> problem);
    void setDiscoveryLimit(const discovery::DiscoveryLimit &limit);
    Result<bool, ServiceError> saveList();
    void setWanted(const QString &name, bool serving);
    void saveWanted();

    SanServiceOptions m_options;
    supervisor::ExportStore m_store;
    ServiceSettingsFile m_settingsFile;
    RunningExports m_running;
    std::set<QString> m_wanted; // started and not stopped by a client: what comes back after a restart
    ServiceSettings m_settings;
    supervisor::ExportPreflight m_preflight;
    supervisor::ExportSupervisor m_supervisor;
    supervisor::ProbeSupervisor m_probe;
    LocalMacs m_localMacs;
    InterfaceLister m_lister;
    QStringList m_interfaces;
    std::optional<supervisor::ExportProblem> m_problem;
    discovery::DiscoveryLimit m_limit;
    qint64 m_lastProbeMs = 0;
    QTimer m_probeClock; // follows the probe's interval for LastProbe
    QTimer m_interfaceWatch; // with no interfaces chosen: notices interfaces that come up later
    std::map<quint32, discovery::TargetInfo> m_heard;
    std::map<quint32, PublishedTarget> m_published;
    std::unique_ptr<KernelDisks> m_kernel;
    std::unique_ptr<BootServers> m_boot;
    std::map<std::uint32_t, RequestDone> m_pending;
    std::uint32_t m_nextRequestId = 1;
    bool m_shuttingDown = false;
};

} // namespace aoesan::service
