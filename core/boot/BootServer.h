// SPDX-License-Identifier: GPL-3.0-or-later
// A boot server for one export: dnsmasq under aoesan's supervision, with a configuration made for this run
// (BootConfig) in a private directory that holds the iPXE binaries for TFTP, and nothing of the system's
// dnsmasq. Each client's answer is announced (DnsmasqLog). dnsmasq that ends by itself is started again (a few
// times, then the server fails with dnsmasq's own words); stop() ends it and removes the directory.
#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

#include "boot/BootConfig.h"
#include "boot/DnsmasqLog.h"

namespace aoesan::boot {

class BootServer : public QObject
{
    Q_OBJECT

public:
    explicit BootServer(BootServerOptions options, QString dnsmasq = QStringLiteral("dnsmasq"),
        QString ipxeDir = QString::fromLatin1(kIpxeDir), QObject *parent = nullptr);
    ~BootServer() override;

    // Checks the interface and the range against its address, writes the files and starts dnsmasq. An error is a
    // sentence with the fix. Started: dnsmasq runs (started() follows once it said so).
    Result<bool, QString> start();
    void stop();
    bool running() const { return m_process && m_process->state() != QProcess::NotRunning; }
    const BootServerOptions &options() const { return m_options; }
    // What the server hands out, for people: "DHCP 10.0.0.100-10.0.0.150 on eth0" or "proxy DHCP on eth0".
    QString describe() const;
    QString configPath() const;

signals:
    void started();
    void client(const aoesan::boot::BootClientEvent &event);
    void failed(const QString &why); // dnsmasq would not run; the server is stopped
    void stopped();

private:
    void launch();
    void onFinished(int code, QProcess::ExitStatus status);
    void onOutput();

    BootServerOptions m_options;
    QString m_dnsmasq;
    QString m_ipxeDir;
    Ipv4Network m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    DnsmasqLog m_log;
    QStringList m_recent; // dnsmasq's last lines, for the error
    QByteArray m_partial;
    int m_restarts = 0;
    bool m_stopping = false;
    bool m_announced = false;
};

} // namespace aoesan::boot
