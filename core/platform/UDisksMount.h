// SPDX-License-Identifier: GPL-3.0-or-later
// Mounting a filesystem of an attached disk the way the desktop does: through udisks2 on the system bus
// (org.freedesktop.UDisks2), which asks polkit and the person's agent for the password where it is needed
// and mounts under /media/USER. The block is found among udisks2's managed objects by its device node
// (Block.Device, PreferredDevice or one of its Symlinks); an already mounted one answers its mount point
// without a call. Every call has a bound; the answer comes later in the event loop. Qt Core and D-Bus only.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include "util/Result.h"

namespace aoesan::platform {

struct MountError
{
    enum class Kind : std::uint8_t {
        NotRunning, // udisks2 is not on the bus (nor can the bus start it)
        UnknownDevice, // udisks2 has no block with that node
        NoFilesystem, // the block has no filesystem udisks2 can mount (a partition table, swap, unknown)
        NotAuthorized, // polkit said no, or the person cancelled the password prompt
        Timeout, // udisks2 did not answer within the bound
        Failed, // udisks2 refused (its own message)
    };
    Kind kind = Kind::Failed;
    QString message; // a sentence (English: udisks2's own messages are)
};

class UDisksMount : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<QString, MountError>)>;

    static constexpr char kService[] = "org.freedesktop.UDisks2";

    explicit UDisksMount(QDBusConnection bus = QDBusConnection::systemBus(), QObject *parent = nullptr);
    ~UDisksMount() override;

    // Mounts the filesystem on `node` (/dev/etherd/e0.1p1) and answers its mount point, or the mount point
    // it has already. `done` is called exactly once, never before mount() returns, and not after this
    // object is gone.
    void mount(const QString &node, Done done);

    // Bounds: listing the objects (the bus may start udisks2 first) and the Mount call itself (which may
    // wait for the person to type a password).
    void setListTimeout(std::chrono::milliseconds timeout) { m_listTimeout = timeout; }
    void setMountTimeout(std::chrono::milliseconds timeout) { m_mountTimeout = timeout; }

private:
    QDBusConnection m_bus;
    std::chrono::milliseconds m_listTimeout {15000};
    std::chrono::milliseconds m_mountTimeout {120000};
};

} // namespace aoesan::platform
