// SPDX-License-Identifier: GPL-3.0-or-later
// The boot servers of the service's exports (Export.StartBoot, StopBoot and Boot; docs/network-boot.md). Each is
// `aoesan-ctl boot serve --settings boot/NAME.json --events FILE`: the service's child when the service runs as
// root (started by hand, the tests), else systemd's aoesan-boot@NAME.service, which runs it as root: DHCP and TFTP
// need ports 67 and 69 and dnsmasq's capabilities, and the service has none of them. Either way the service learns
// what happens from the events file (boot/BootEvents.h). The settings file in the service's configuration
// directory is what makes a boot server run again when the service starts.
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <memory>

#include "boot/BootEvents.h"
#include "service/ServiceError.h"
#include "supervisor/ExportRecord.h"
#include "util/Result.h"

namespace aoesan::service {

// How a boot server is run. `ended` reports a server that stopped by itself without saying why in its events
// (it could not start, it crashed too often): a sentence.
class BootLauncher
{
public:
    virtual ~BootLauncher() = default;
    virtual void start(const QString &name, const QString &settingsPath) = 0; // or restart
    virtual void stop(const QString &name) = 0;
    virtual QString eventsPath(const QString &name) const = 0;
    virtual QString whereToLook(const QString &name) const = 0; // for an error: where its log is
    std::function<void(const QString &name, const QString &why)> ended;
};

// `program` is aoesan-ctl; the events files go to `eventsDir`.
std::unique_ptr<BootLauncher> childBootLauncher(QString program, QString eventsDir);
// aoesan-boot@NAME.service (packaging/systemd); its events are in /run/aoesan-boot (the unit's RuntimeDirectory).
std::unique_ptr<BootLauncher> systemdBootLauncher();
QString bootUnitName(const QString &exportName);

class BootServers : public QObject
{
    Q_OBJECT

public:
    // `dnsmasq` and `ipxeDir`: where the checks before a start look (the server itself looks in the same places).
    BootServers(QString configDir, std::unique_ptr<BootLauncher> launcher, QString dnsmasq = QStringLiteral("dnsmasq"),
        QString ipxeDir = QString::fromLatin1(boot::kIpxeDir), QObject *parent = nullptr);
    ~BootServers() override;

    // StartBoot's options (interface s, range s, proxy b, macs as) for this export: the typed error of the first
    // problem, found before anything runs (a bad key, a range outside the interface's network, no dnsmasq ...).
    Result<boot::BootRequest, ServiceError> requestFor(
        const supervisor::ExportRecord &record, const QVariantMap &options) const;
    // Keeps the request (boot/NAME.json) and runs the server; one that runs is replaced.
    Result<bool, ServiceError> start(const QString &name, const boot::BootRequest &request);
    // Stops it and forgets it. Nothing to stop is not an error.
    Result<bool, ServiceError> stop(const QString &name);
    // At the service's start: the kept requests of exports that are still in the list.
    QStringList resume(const std::vector<supervisor::ExportRecord> &records);
    // The export's address may have changed: the root path follows it.
    void exportChanged(const supervisor::ExportRecord &record);
    void exportRemoved(const QString &name);
    void shutdown(); // stops the children (systemd's units stop with aoesan.service: PartOf=)

    bool running(const QString &name) const { return m_servers.contains(name); }
    // Export.Boot's JSON text.
    QString json(const supervisor::ExportRecord &record) const;

signals:
    void changed(const QString &name);

private:
    struct Server
    {
        boot::BootRequest request;
        QString state; // starting, running, failed
        QString serving;
        QString error;
        std::deque<QJsonObject> clients;
        qint64 since = 0; // when it was started (ms since the epoch): older events are a former run's
        qint64 offset = 0; // read so far in the events file
        QByteArray partial;
        QElapsedTimer quiet; // since the start with no word from the server
    };
    QString settingsPath(const QString &name) const;
    void launch(const QString &name, Server &server);
    void poll();
    bool readEvents(const QString &name, Server &server);

    QString m_dir; // CONFIG/boot
    std::unique_ptr<BootLauncher> m_launcher;
    QString m_dnsmasq;
    QString m_ipxeDir;
    std::map<QString, Server> m_servers;
    QTimer m_poll;
};

} // namespace aoesan::service
