// SPDX-License-Identifier: GPL-3.0-or-later
// Making a target a local disk through the aoe driver, bounded: make the driver use the interfaces, trigger
// discovery (again every two seconds: a config reply can be lost), and wait until /dev/etherd/eX.Y exists, is
// up and has the size discovery saw. Reports each step, then ends with the device's path or an error that
// says what was seen (no device, a different size, still down). Runs on the caller's event loop, so the CLI
// and the service share it; nothing in it blocks.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <optional>

#include "kernel/AoeDriver.h"

namespace aoesan::kernel {

struct AttachRequest
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    QStringList interfaces; // where the target is; not empty
    std::optional<std::uint64_t> expectedSectors; // what discovery saw; unknown: any size but 0
    std::chrono::milliseconds timeout {std::chrono::seconds(20)};
    std::chrono::milliseconds pollInterval {std::chrono::milliseconds(100)};
    std::chrono::milliseconds rediscoverInterval {std::chrono::seconds(2)};
};

class AttachJob : public QObject
{
    Q_OBJECT
public:
    AttachJob(AoeDriver &driver, AttachRequest request, QObject *parent = nullptr);

    // Starts the work; finished() comes later, never from inside start().
    void start();

signals:
    // One line per step, for progress output: "loading the aoe driver for eth0", "waiting for e0.1 ...".
    void progress(const QString &line);
    // The device's path (/dev/etherd/e0.1), or the reason it is not there.
    void finished(const aoesan::Result<QString, QString> &result);

private:
    void poll();
    void finish(Result<QString, QString> result);

    AoeDriver &m_driver;
    AttachRequest m_request;
    QTimer m_timer;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_lastDiscover;
    QString m_lastSeen; // what the last poll saw, for the timeout message
    bool m_done = false;
};

} // namespace aoesan::kernel
