// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernel/AoeDriver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

#include "platform/BlockDevicesSysfs.h"
#include "platform/BlockDevicesUdev.h"

namespace aoesan::kernel {

namespace {

QString readText(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // sysfs attributes are a page at most; the cap keeps a fixture's mistake from reading forever.
    return QString::fromUtf8(f.read(4096)).trimmed();
}

std::optional<std::uint64_t> readNumber(const QString &file)
{
    bool ok = false;
    const std::uint64_t value = readText(file).toULongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

Result<bool, QString> modprobeAoe(const QStringList &interfaces)
{
    return modprobeAoeWith(QStringLiteral("modprobe"), interfaces);
}

Result<bool, QString> modprobeAoeWith(const QString &program, const QStringList &interfaces)
{
    if (interfaces.isEmpty())
        return Unexpected(QStringLiteral("no interface named for the aoe driver (it would use every one)"));
    QProcess modprobe;
    modprobe.setProcessChannelMode(QProcess::MergedChannels);
    modprobe.start(program, {QStringLiteral("aoe"), QStringLiteral("aoe_iflist=") + interfaces.join(QLatin1Char(','))});
    if (!modprobe.waitForStarted(5000))
        return Unexpected(QStringLiteral("cannot run modprobe: %1 (is kmod installed?)").arg(modprobe.errorString()));
    if (!modprobe.waitForFinished(30000)) {
        modprobe.kill();
        modprobe.waitForFinished(1000);
        return Unexpected(QStringLiteral("modprobe aoe did not finish within 30 s"));
    }
    if (modprobe.exitStatus() != QProcess::NormalExit || modprobe.exitCode() != 0) {
        const QString said = QString::fromLocal8Bit(modprobe.readAll()).trimmed();
        return Unexpected(
            QStringLiteral("modprobe aoe failed%1").arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said));
    }
    return true;
}

AoeDriver::AoeDriver(QString root, ModuleLoader loader)
    : m_root(std::move(root))
    , m_loader(std::move(loader))
{ }

QString AoeDriver::path(const QString &relative) const
{
    return QDir::cleanPath(m_root + QLatin1Char('/') + relative);
}

bool AoeDriver::loaded() const
{
    return QFileInfo(path(QStringLiteral("sys/module/aoe"))).isDir();
}

std::optional<QStringList> AoeDriver::interfaces() const
{
    if (!loaded())
        return std::nullopt;
    const QString parameter = path(QStringLiteral("sys/module/aoe/parameters/aoe_iflist"));
    QFile file(parameter);
    if (file.open(QIODevice::ReadOnly))
        return splitList(QString::fromUtf8(file.read(4096)));
    // The parameter is readable by root only (mode 0600). Without it, the interfaces the devices use are the
    // best that can be said: never "every interface", which would be a guess that widens the list.
    QStringList seen;
    for (const auto &device : devices()) {
        for (const auto &name : device.interfaces) {
            if (!seen.contains(name))
                seen << name;
        }
    }
    if (seen.isEmpty())
        return std::nullopt;
    return seen;
}

Result<QString, QString> AoeDriver::use(const QStringList &wanted)
{
    if (wanted.isEmpty())
        return Unexpected(QStringLiteral("name the interfaces the target is on"));
    if (!loaded()) {
        if (auto loadedNow = m_loader(wanted); !loadedNow)
            return Unexpected(loadedNow.error());
        if (!loaded())
            return Unexpected(QStringLiteral("the aoe driver is not loaded after loading it (%1 is missing)")
                                  .arg(path(QStringLiteral("sys/module/aoe"))));
        return QStringLiteral("loaded the aoe driver for %1").arg(wanted.join(QLatin1Char(' ')));
    }
    const QString parameter = path(QStringLiteral("sys/module/aoe/parameters/aoe_iflist"));
    QFile file(parameter);
    if (file.open(QIODevice::ReadOnly)) {
        const QStringList current = splitList(QString::fromUtf8(file.read(4096)));
        if (current.isEmpty())
            return QStringLiteral("the aoe driver was loaded for every interface; it stays so");
        QStringList missing;
        for (const auto &name : wanted) {
            if (!current.contains(name))
                missing << name;
        }
        if (missing.isEmpty())
            return QString();
        const QStringList all = current + missing;
        if (auto written = writeControl(QStringLiteral("interfaces"), all.join(QLatin1Char(' ')).toUtf8()); !written)
            return Unexpected(written.error());
        return QStringLiteral("the aoe driver now uses %1").arg(all.join(QLatin1Char(' ')));
    }
    // Not root: the list cannot be read, so it cannot be widened without the risk of dropping an interface
    // another disk needs. Discovery on the interfaces it has is all that can be done.
    return QStringLiteral("the aoe driver's interface list cannot be read here; it is left as it is");
}

Result<bool, QString> AoeDriver::writeControl(const QString &control, const QByteArray &text) const
{
    const QString file = path(QStringLiteral("dev/etherd/") + control);
    if (!QFileInfo::exists(file)) {
        return Unexpected(loaded()
                ? QStringLiteral("%1 does not exist (no udev or devtmpfs node for the aoe driver)").arg(file)
                : QStringLiteral("the aoe driver is not loaded"));
    }
    // O_TRUNC matters only for a fixture's plain file; the driver's character devices ignore it.
    const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int error = errno;
        return Unexpected(QStringLiteral("cannot open %1: %2").arg(file, QString::fromLocal8Bit(std::strerror(error))));
    }
    const ssize_t written = ::write(fd, text.constData(), static_cast<size_t>(text.size()));
    const int error = errno;
    ::close(fd);
    if (written != text.size())
        return Unexpected(
            QStringLiteral("cannot write to %1: %2").arg(file, QString::fromLocal8Bit(std::strerror(error))));
    return true;
}

Result<bool, QString> AoeDriver::discover() const
{
    return writeControl(QStringLiteral("discover"), "discover\n");
}

Result<bool, QString> AoeDriver::flush(const QString &name) const
{
    return writeControl(QStringLiteral("flush"), name.toUtf8());
}

Result<bool, QString> AoeDriver::revalidate(const QString &name) const
{
    return writeControl(QStringLiteral("revalidate"), name.toUtf8());
}

std::optional<KernelDevice> AoeDriver::readDevice(const QString &sysName) const
{
    const auto address = parseDeviceName(sysName.section(QLatin1Char('!'), 1));
    if (!sysName.startsWith(QLatin1String("etherd!")) || !address)
        return std::nullopt;
    const QString dir = path(QStringLiteral("sys/block/") + sysName) + QLatin1Char('/');
    KernelDevice d;
    d.shelf = address->first;
    d.slot = address->second;
    d.sectors = readNumber(dir + QStringLiteral("size"));
    d.state = readText(dir + QStringLiteral("state"));
    d.mac = readText(dir + QStringLiteral("mac"));
    d.interfaces = splitList(readText(dir + QStringLiteral("netif")));
    if (const auto payload = readNumber(dir + QStringLiteral("payload")); payload && *payload <= 0xFFFFFFFFU)
        d.payload = static_cast<std::uint32_t>(*payload);
    d.firmware = readText(dir + QStringLiteral("firmware-version"));
    d.majorMinor = readText(dir + QStringLiteral("dev"));
    // A partition is a subdirectory named after the disk with pN and a "partition" file.
    const QDir disk(dir);
    for (const QString &sub : disk.entryList({sysName + QStringLiteral("p*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!QFileInfo::exists(dir + sub + QStringLiteral("/partition")))
            continue;
        KernelPartition p;
        p.name = sub.section(QLatin1Char('!'), 1);
        p.path = QStringLiteral("/dev/etherd/") + p.name;
        p.sectors = readNumber(dir + sub + QStringLiteral("/size")).value_or(0);
        d.partitions.push_back(p);
    }
    std::sort(d.partitions.begin(), d.partitions.end(), [](const auto &a, const auto &b) {
        return a.name.size() != b.name.size() ? a.name.size() < b.name.size() : a.name < b.name;
    });
    return d;
}

void AoeDriver::readUsers(std::vector<KernelDevice> &devices) const
{
    if (devices.empty())
        return;
    // Mounts, holders, filesystems: the block-device scan the export wizard uses, over the same root. On this
    // machine udev adds filesystem types and labels; blkid is not asked, since reading a down AoE device
    // would wait for the driver's timeout.
    std::unique_ptr<platform::BlockDeviceBackend> backend;
    if (m_root == QLatin1String("/"))
        backend = std::make_unique<platform::SystemBlockDevices>(false);
    else
        backend = std::make_unique<platform::SysfsBlockDevices>(m_root);
    const auto scanned = backend->scan();
    const auto find = [&](const QString &sysName) -> const platform::BlockDevice * {
        if (!scanned)
            return nullptr;
        for (const auto &b : scanned.value()) {
            if (b.name == sysName)
                return &b;
        }
        return nullptr;
    };
    for (auto &d : devices) {
        const auto note = [&d](const platform::BlockDevice *b, const QString &name) {
            if (!b)
                return;
            for (const auto &m : b->mountPoints)
                d.users.mountPoints << QStringLiteral("%1 (%2)").arg(m, name);
            for (const auto &h : b->holders)
                d.users.holders << h;
        };
        note(find(d.sysName()), d.name());
        for (auto &p : d.partitions) {
            const auto *b = find(QStringLiteral("etherd!") + p.name);
            note(b, p.name);
            if (b) {
                p.fsType = b->fsType;
                p.label = b->label;
                p.mountPoints = b->mountPoints;
            }
        }
    }
    // Open file descriptors: /proc/PID/fd links to the nodes. Only the processes this one may see (all of them
    // for root; a service with ProtectProc=invisible sees its own), which the callers say where it matters.
    const QDir proc(path(QStringLiteral("proc")));
    // This process is not a user: it may have inherited a descriptor from the shell that holds the device, and
    // the shell is named anyway.
    const QString self = m_root == QLatin1String("/") ? QString::number(::getpid()) : QString();
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (pid.isEmpty() || !pid.front().isDigit() || pid == self)
            continue;
        const QDir fds(proc.filePath(pid + QStringLiteral("/fd")));
        const QStringList links = fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
        if (links.isEmpty())
            continue;
        QString command;
        for (const QString &fd : links) {
            const QString target = QFile::symLinkTarget(fds.filePath(fd));
            if (!target.startsWith(QLatin1String("/dev/etherd/")))
                continue;
            for (auto &d : devices) {
                const bool disk = target == d.devicePath();
                const bool partition = std::any_of(
                    d.partitions.begin(), d.partitions.end(), [&](const auto &p) { return target == p.path; });
                if (!disk && !partition)
                    continue;
                if (command.isNull())
                    command = readText(proc.filePath(pid + QStringLiteral("/comm")));
                const QString entry = pid + QLatin1Char(' ') + command;
                if (!d.users.processes.contains(entry))
                    d.users.processes << entry;
            }
        }
    }
}

std::vector<KernelDevice> AoeDriver::devices() const
{
    std::vector<KernelDevice> result;
    const QDir block(path(QStringLiteral("sys/block")));
    for (const QString &name : block.entryList({QStringLiteral("etherd!*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (auto d = readDevice(name))
            result.push_back(std::move(*d));
    }
    std::sort(result.begin(), result.end(),
        [](const auto &a, const auto &b) { return a.shelf != b.shelf ? a.shelf < b.shelf : a.slot < b.slot; });
    readUsers(result);
    return result;
}

std::optional<KernelDevice> AoeDriver::device(std::uint16_t shelf, std::uint8_t slot) const
{
    for (auto &d : devices()) {
        if (d.shelf == shelf && d.slot == slot)
            return d;
    }
    return std::nullopt;
}

bool AoeDriver::nodeExists(const KernelDevice &device) const
{
    return QFileInfo::exists(path(device.devicePath()));
}

Result<bool, QString> AoeDriver::detach(std::uint16_t shelf, std::uint8_t slot) const
{
    const auto d = device(shelf, slot);
    if (!d)
        return Unexpected(
            QStringLiteral("%1 is not attached (the aoe driver has no such device)").arg(deviceName(shelf, slot)));
    if (!d->users.empty())
        return Unexpected(QStringLiteral("%1 is in use: %2").arg(d->name(), d->users.describe()));
    return flush(d->name());
}

} // namespace aoesan::kernel
