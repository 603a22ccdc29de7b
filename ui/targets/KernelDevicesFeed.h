// SPDX-License-Identifier: GPL-3.0-or-later
// The aoe driver's devices as the service reports them: its Manager property KernelDevices (JSON, the shape
// of kernel::devicesToJson) read every few seconds through the SanLink, parsed, and announced when they
// change. A class of its own so the window does not care where the list comes from: when ServiceClient's
// mirror carries the property (kernelUpdated()), this poll can give way to it. A service without the property
// (an older one) or none at all: the list stays empty and nothing is logged beyond one debug line.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>
#include <vector>

#include "kernel/KernelDevice.h"

namespace aoesan::ui {

class SanLink;

class KernelDevicesFeed : public QObject
{
    Q_OBJECT

public:
    explicit KernelDevicesFeed(SanLink &link, QObject *parent = nullptr);

    // Polls every `interval` (2 s while the window shows; slower while it is hidden, for the tray).
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return std::chrono::milliseconds(m_timer.interval()); }
    void start();
    void stop();
    void refreshNow();

    const std::vector<kernel::KernelDevice> &devices() const { return m_devices; }
    std::optional<kernel::KernelDevice> device(std::uint16_t shelf, std::uint8_t slot) const;
    // The service answered the property at least once since it (re)appeared.
    bool available() const { return m_available; }

    // Takes a list as if the service had sent it (tests; a mirror that has the list already).
    void apply(std::vector<kernel::KernelDevice> devices);

signals:
    void devicesChanged(const std::vector<aoesan::kernel::KernelDevice> &devices);

private:
    void onReply(const QString &json);
    void onUnavailable(const QString &why);

    SanLink &m_link;
    QTimer m_timer;
    std::vector<kernel::KernelDevice> m_devices;
    bool m_inFlight = false;
    bool m_available = false;
    bool m_toldUnavailable = false;
};

} // namespace aoesan::ui
