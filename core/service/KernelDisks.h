// SPDX-License-Identifier: GPL-3.0-or-later
// The service's side of the Linux aoe driver: the disks it has (polled every two seconds while it is loaded,
// announced when anything changes), attaching (kernel::AttachJob, one per target; a second caller joins the
// first), detaching, and looking after what is attached: a down disk that nobody holds is flushed after the
// setting's delay so that it cannot hang the next fdisk or shutdown; such a disk is attached again when its
// target is back (a setting); a disk a person detached is flushed again when the driver finds it at its next
// discovery, so it stays detached. What it remembers lives as long as the service.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "kernel/AoeDriver.h"
#include "kernel/AttachJob.h"
#include "service/ServiceError.h"

namespace aoesan::service {

struct KernelDiskSettings
{
    std::chrono::seconds flushDownAfter {60}; // 0: never
    bool reattach = false;
};

class KernelDisks : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<QString, ServiceError>)>;

    KernelDisks(kernel::AoeDriver driver, std::chrono::milliseconds pollInterval, QObject *parent = nullptr);
    ~KernelDisks() override;

    void setSettings(const KernelDiskSettings &settings) { m_settings = settings; }
    const KernelDiskSettings &settings() const { return m_settings; }

    // Starts polling (the first refresh at once).
    void start();
    // Reads the driver again now.
    void refresh();

    const std::vector<kernel::KernelDevice> &devices() const { return m_devices; }
    const kernel::KernelDevice *device(std::uint16_t shelf, std::uint8_t slot) const;
    bool loaded() const { return m_loaded; }
    QStringList driverInterfaces() const { return m_driverInterfaces; }

    // Attaches; `done` gets the device's path or the error (NoKernelDriver, Failed), always later.
    void attach(const kernel::AttachRequest &request, Done done);
    // Releases a disk: InUse while anything holds it, NotFound when the driver has no such disk.
    Result<bool, ServiceError> detach(std::uint16_t shelf, std::uint8_t slot);
    // Discovery sees the target up on `interfaces` with `sectors` (0: unknown): a disk flushed while down is
    // attached again when the setting says so.
    void targetUp(std::uint16_t shelf, std::uint8_t slot, const QStringList &interfaces, std::uint64_t sectors);

signals:
    void devicesChanged(); // the list, the driver's state or its interfaces changed
    void deviceChanged(std::uint16_t shelf, std::uint8_t slot); // one disk came, went or changed
    // Something happened that a person reading the log should know (flushed a down disk, attached it again).
    void notice(const QString &text);

private:
    static quint32 keyOf(std::uint16_t shelf, std::uint8_t slot) { return (quint32(shelf) << 8) | slot; }
    void lookAfter(std::chrono::steady_clock::time_point now);
    void finished(quint32 key, const Result<QString, QString> &result);

    kernel::AoeDriver m_driver;
    KernelDiskSettings m_settings;
    QTimer m_poll;
    std::vector<kernel::KernelDevice> m_devices;
    bool m_loaded = false;
    QStringList m_driverInterfaces;

    struct Pending
    {
        std::unique_ptr<kernel::AttachJob> job;
        std::vector<Done> waiting;
        bool automatic = false; // a reattach nobody waits for
    };
    std::map<quint32, Pending> m_pending;
    std::map<quint32, std::chrono::steady_clock::time_point> m_downSince; // down and held by nobody
    std::set<quint32> m_flushedDown; // flushed while down: attached again when reattach is set
    std::map<quint32, std::chrono::steady_clock::time_point> m_lastReattach;
    std::set<quint32> m_detached; // released by a person: kept released
};

} // namespace aoesan::service
