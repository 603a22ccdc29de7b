// SPDX-License-Identifier: GPL-3.0-or-later
// The Linux aoe driver, through its files: the module (/sys/module/aoe and its aoe_iflist parameter), the
// control devices /dev/etherd/{discover,interfaces,flush,revalidate} and each device's /sys/block/etherd!eX.Y.
// Every path is under `root` ("/" for this machine, a fixture directory in tests: tests/support/kernel),
// so all of the logic runs against a made-up kernel. Loading the module is the one step that is not a file
// write; it goes through a ModuleLoader so that tests (and the service, which may not load modules itself)
// replace it.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

#include "kernel/KernelDevice.h"
#include "util/Result.h"

namespace aoesan::kernel {

// Loads the aoe module restricted to `interfaces` (never empty: an empty list would mean every interface,
// the loopback included). Returns an error message for a person.
using ModuleLoader = std::function<Result<bool, QString>(const QStringList &interfaces)>;

// Runs `modprobe aoe aoe_iflist=IF1,IF2` (the driver splits its list at white space and commas; a comma needs no
// quoting through modprobe).
Result<bool, QString> modprobeAoe(const QStringList &interfaces);
// The same through another program that takes modprobe's arguments (tests give a stand-in that makes a fixture's
// module directory).
Result<bool, QString> modprobeAoeWith(const QString &program, const QStringList &interfaces);

class AoeDriver
{
public:
    explicit AoeDriver(QString root = QStringLiteral("/"), ModuleLoader loader = modprobeAoe);

    const QString &root() const { return m_root; }

    // True when the module is loaded (its /sys/module/aoe directory exists).
    bool loaded() const;
    // The interfaces the loaded driver uses (its aoe_iflist): nullopt when it is not loaded, an empty list when
    // it uses every interface.
    std::optional<QStringList> interfaces() const;

    // Makes the driver use `interfaces` (not empty): loads it restricted to them, or, when it is loaded with a
    // list, adds those missing from it (the others keep their devices). A driver loaded for every interface
    // is left so. The value is a note for the person ("the aoe driver already uses every interface"), empty
    // when there is nothing to say.
    Result<QString, QString> use(const QStringList &interfaces);

    // Asks the driver to broadcast a config query on its interfaces now (aoe-discover).
    Result<bool, QString> discover() const;
    // Makes the driver forget a device (aoe-flush eX.Y). The driver does this even while the device is open or
    // mounted, so callers check users() first; detach() does.
    Result<bool, QString> flush(const QString &name) const;
    // Re-reads an open device's size (aoe-revalidate eX.Y).
    Result<bool, QString> revalidate(const QString &name) const;

    // Every device the driver has, sorted by shelf then slot, with partitions and users.
    std::vector<KernelDevice> devices() const;
    std::optional<KernelDevice> device(std::uint16_t shelf, std::uint8_t slot) const;
    // True when /dev/etherd/eX.Y exists (udev or devtmpfs made the node), so it can be opened.
    bool nodeExists(const KernelDevice &device) const;

    // Releases a device: refused, naming them, while anything uses it; otherwise flushed.
    Result<bool, QString> detach(std::uint16_t shelf, std::uint8_t slot) const;

private:
    QString path(const QString &relative) const;
    Result<bool, QString> writeControl(const QString &control, const QByteArray &text) const;
    std::optional<KernelDevice> readDevice(const QString &sysName) const;
    void readUsers(std::vector<KernelDevice> &devices) const;

    QString m_root;
    ModuleLoader m_loader;
};

} // namespace aoesan::kernel
