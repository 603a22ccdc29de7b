// SPDX-License-Identifier: GPL-3.0-or-later
// How the desktop program reaches the aoesan service. The installed one on the system bus first, then
// one on the person's session bus. When none answers (a build tree, nothing installed), it starts
// `aoesan-service --session` itself: on the session bus when there is one (that service outlives the
// program, as an installed one would), else on a private dbus-daemon of its own (tests, Xvfb runs without
// a session bus), where the service ends with the program. Lab mode always uses a private bus and service
// inside the lab's namespace, so the lab exercises the same client path as an installed system.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace aoesan::gui {

class ServiceConnection : public QObject
{
    Q_OBJECT

public:
    struct Reached
    {
        QDBusConnection bus;
        bool ownedByUs; // a private service on a private bus: it ends with this program
        QString description; // for the log: "the system bus", "a private bus" ...
    };

    explicit ServiceConnection(QObject *parent = nullptr);
    // Stops the private service (SIGTERM, so its engines stop cleanly) and the private bus.
    ~ServiceConnection() override;

    // The service that answers now, or one started as above. `privateArguments` go to a service this
    // program starts (lab mode: its directories and interfaces); `forcePrivate` skips the other buses.
    std::optional<Reached> reach(
        const QStringList &privateArguments, const QString &logFile, bool forcePrivate, QString *error);

    // Ends the private service now (before the lab's namespace goes away); waits at most `timeoutMs`.
    void stopPrivate(int timeoutMs = 3000);

    // A session bus that this program may use: DBUS_SESSION_BUS_ADDRESS names one, or the standard
    // $XDG_RUNTIME_DIR/bus exists (never D-Bus's autolaunch, which would start a stray bus).
    static bool sessionBusConfigured();

private:
    bool startPrivateBus(QString *error);
    bool startService(const QDBusConnection &bus, const QString &address, const QStringList &arguments,
        const QString &logFile, bool detached, QString *error);
    static bool waitForName(const QDBusConnection &bus, QProcess *process, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_runtime;
    QProcess m_bus;
    QProcess m_service;
    QString m_address;
};

} // namespace aoesan::gui
