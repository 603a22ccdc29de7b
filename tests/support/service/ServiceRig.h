// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-service on a private bus, for tests: tests/support/dbus/private-bus.py (a bus configured like the
// system bus, and python3-dbusmock's polkitd in one of its modes), the real service binary on it with its
// own config and state directories, and client connections of its own. Everything is stopped by pid and
// removed in the destructor; no test needs an installed package or the machine's own bus.
#pragma once

#include <QDBusConnection>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <csignal>
#include <functional>
#include <memory>

namespace aoesan::test {

struct ServiceRigOptions
{
    QString polkit = QStringLiteral("allow"); // allow, deny, hang, none (private-bus.py --mode)
    bool session = false; // run the service with --session (no polkit) on the same private bus
    // Runs the service inside this network namespace (`ip netns exec NS`); empty: in the test's own.
    QString netns;
    // Runs the service as this user (root only), with nothing but the capabilities and the no-new-privileges
    // rule of packaging/systemd/aoesan.service (setpriv), as systemd would.
    QString runAs;
};

// The unit's AmbientCapabilities= and CapabilityBoundingSet= ("cap_net_raw"), lower case, for setpriv.
struct UnitCapabilities
{
    QStringList ambient;
    QStringList bounding;
    bool noNewPrivileges = false;
};
UnitCapabilities unitCapabilities(const QString &unitFile);

class ServiceRig
{
public:
    explicit ServiceRig(ServiceRigOptions options = {});
    ~ServiceRig();
    ServiceRig(const ServiceRig &) = delete;
    ServiceRig &operator=(const ServiceRig &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const QString &address() const { return m_address; }
    QString configDir() const { return m_dir.filePath(QStringLiteral("etc")); }
    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Starts aoesan-service with these extra arguments and waits (up to 15 s) for it to own its name.
    bool startService(const QStringList &arguments = {});
    // Sends `signal` and waits for the service to end; its exit code, or -1 after a crash or timeout.
    int stopService(int signal = SIGTERM, int timeoutMs = 15000);
    qint64 servicePid() const;
    QString serviceLog() const;
    bool serviceRunning() const;

    // A new client connection to the private bus (each has its own unique name).
    QDBusConnection connect(const QString &name);
    // Calls the polkit mock's control interface (org.freedesktop.DBus.Mock): SetAllowed, SimulateHang, ...
    bool polkitMock(const QString &method, const QVariantList &arguments);

    // Waits until `condition` holds, running the event loop; false after `timeoutMs`.
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000);

private:
    ServiceRigOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_service;
    QString m_address;
    QString m_error;
    QStringList m_connections;
    int m_logs = 0;
    int m_uid = -1;
    int m_gid = -1;
};

} // namespace aoesan::test
