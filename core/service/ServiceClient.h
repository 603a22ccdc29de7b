// SPDX-License-Identifier: GPL-3.0-or-later
// The client side of the aoesan service, for the GUI and aoesan-ctl: finds the service on a bus, calls
// its methods (with interactive authorisation allowed, so polkit may ask for a password) and keeps a mirror
// of its exports and targets that follows InterfacesAdded/Removed and PropertiesChanged, and the service
// going away and coming back (NameOwnerChanged). One proxy, one place: nothing else speaks D-Bus to it.
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>

#include <functional>
#include <map>
#include <optional>

#include "discovery/DiscoveryLimit.h"
#include "discovery/TargetInfo.h"
#include "service/BootView.h"
#include "service/ServiceError.h"
#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"
#include "util/Result.h"

namespace aoesan::service {

struct ExportView
{
    supervisor::ExportRecord record;
    supervisor::ExportStatus status;
    BootView boot; // its network boot server (the Boot property, read once per change)
};

struct TargetView
{
    discovery::TargetInfo info;
    bool local = false;
};

struct ManagerView
{
    QString version;
    QString mode;
    QStringList interfaces;
    QStringList interfacesSetting;
    uint intervalSeconds = 0;
    qulonglong lastProbeMs = 0;
    std::optional<supervisor::ExportProblem> discoveryProblem;
    discovery::DiscoveryLimit discoveryLimit;
    QString exportListPath;
};

class ServiceClient : public QObject
{
    Q_OBJECT

public:
    enum class Bus : std::uint8_t { System, Session };

    // The bus on which a service owns io.github.aoesan1 now: the system bus first, then the session bus
    // (`order` says which to try). nullopt when none.
    static std::optional<QDBusConnection> findService(const std::vector<Bus> &order = {Bus::System, Bus::Session});
    static QDBusConnection connectionFor(Bus bus);

    explicit ServiceClient(QDBusConnection bus, QObject *parent = nullptr);

    QDBusConnection connection() const { return m_bus; }
    bool serviceRunning() const;

    // Blocking calls (the CLI). Change calls allow interactive authorisation.
    Result<QString, ServiceError> addExport(const supervisor::ExportRecord &record, bool start, bool force);
    Result<bool, ServiceError> startExport(const QString &name, bool force);
    Result<bool, ServiceError> stopExport(const QString &name);
    Result<bool, ServiceError> removeExport(const QString &name);
    Result<bool, ServiceError> changeExport(const supervisor::ExportRecord &record);
    Result<bool, ServiceError> probeNow();
    Result<bool, ServiceError> forgetDownTargets();
    Result<bool, ServiceError> setInterfaces(const QStringList &interfaces, uint intervalSeconds);
    // Manager.Attach and Detach: the device's path; the call waits for the attach's own timeout too.
    Result<QString, ServiceError> attach(const QString &target, const QStringList &interfaces, uint timeoutSeconds);
    Result<bool, ServiceError> detach(const QString &target);
    // An export's network boot server (Export.StartBoot's options, docs/dbus-api.md) and its Boot JSON, asked
    // for now (the CLI's; the GUI follows Boot in its export views).
    Result<bool, ServiceError> startBoot(const QString &exportName, const QVariantMap &options);
    Result<bool, ServiceError> stopBoot(const QString &exportName);
    Result<QString, ServiceError> bootOf(const QString &exportName);
    // Reloads the mirror from GetManagedObjects and the Manager's properties.
    Result<bool, ServiceError> refresh();

    // The same without blocking (the GUI): `done` runs in the event loop with the reply or the error.
    using Done = std::function<void(Result<QVariantList, ServiceError>)>;
    void callAsync(const QString &path, const QString &interface, const QString &method, const QVariantList &args,
        Done done, bool change = true);
    void addExportAsync(const supervisor::ExportRecord &record, bool start, bool force, Done done);
    void exportCallAsync(const QString &name, const QString &method, const QVariantList &args, Done done);
    // Export.StartBoot (starts or replaces the export's boot server) and StopBoot; the CLI's blocking
    // calls are elsewhere, these are the GUI's.
    void startBootAsync(const QString &name, const BootRequest &request, Done done);
    void stopBootAsync(const QString &name, Done done);
    // A target request ("config e7.3"); the reply is the probe's `reply` event as JSON text.
    void requestAsync(std::uint16_t shelf, std::uint8_t slot, const QString &line, Done done);
    // A capture through the service (Manager.StartCapture) into the open file `fd`; `done` gets the capture's
    // object path. Its properties: capturePropertiesAsync (Interface, Filter, State, Frames, Dropped, Error, Owner).
    void startCaptureAsync(int fd, const QVariantMap &options, Done done);
    void stopCaptureAsync(const QString &path, Done done);
    void capturePropertiesAsync(const QString &path, Done done);

    // The mirror. follow() subscribes to the signals and loads everything; the signals below report each
    // change after it is applied.
    void follow();
    const std::map<QString, ExportView> &exports() const { return m_exports; }
    const std::map<quint32, TargetView> &targets() const { return m_targets; }
    const ManagerView &manager() const { return m_manager; }

signals:
    void exportUpdated(const QString &name);
    void exportRemoved(const QString &name);
    void targetUpdated(quint32 key, bool added);
    void targetRemoved(quint32 key, const aoesan::discovery::TargetInfo &last);
    void managerUpdated();
    // The service's name got an owner (started, restarted) or lost it (stopped, crashed).
    void serviceAppeared();
    void serviceVanished();

private slots:
    void onInterfacesAdded(const QDBusMessage &signal);
    void onInterfacesRemoved(const QDBusMessage &signal);
    void onPropertiesChanged(const QDBusMessage &signal);
    void onNameOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    Result<QVariantList, ServiceError> call(const QString &path, const QString &interface, const QString &method,
        const QVariantList &args, bool change = true, int extraTimeoutMs = 0);
    void applyObject(const QString &path, const QVariantMap &props, bool announce);
    void applyManager(const QVariantMap &props);
    void removeObject(const QString &path);
    void clearMirror();

    QDBusConnection m_bus;
    std::map<QString, ExportView> m_exports;
    std::map<quint32, TargetView> m_targets;
    std::map<QString, QVariantMap> m_raw; // each object's last properties, for PropertiesChanged
    ManagerView m_manager;
    bool m_following = false;
};

// Exit code for a service error in the CLI: 3 when not authorised (a person must act), else 1.
int exitCodeFor(const ServiceError &error);

} // namespace aoesan::service
