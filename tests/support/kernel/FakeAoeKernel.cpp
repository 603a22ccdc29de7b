// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernel/FakeAoeKernel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace aoesan::test {

namespace {

// The driver's block major, and minors 16 apart (15 partitions each), as aoe_dyndevs hands them out.
constexpr int kMajor = 152;

QString nameOf(std::uint16_t shelf, std::uint8_t slot)
{
    return kernel::deviceName(shelf, slot);
}

} // namespace

FakeAoeKernel::FakeAoeKernel(const QString &where)
    : m_dir(where.isEmpty() ? QDir::tempPath() + QStringLiteral("/aoesan-kernel-XXXXXX") : where)
{
    QDir(root()).mkpath(QStringLiteral("sys/block"));
    QDir(root()).mkpath(QStringLiteral("dev/etherd"));
    QDir(root()).mkpath(QStringLiteral("proc/self"));
    writeFile(QStringLiteral("proc/self/mountinfo"), {});
}

QString FakeAoeKernel::path(const QString &relative) const
{
    return m_dir.filePath(relative);
}

void FakeAoeKernel::writeFile(const QString &relative, const QByteArray &text) const
{
    const QString file = path(relative);
    QDir().mkpath(QFileInfo(file).path());
    QFile f(file);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(text);
}

kernel::AoeDriver FakeAoeKernel::driver()
{
    return kernel::AoeDriver(root(), [this](const QStringList &interfaces) -> Result<bool, QString> {
        ++m_loads;
        m_loadedWith = interfaces;
        setLoaded(interfaces);
        return true;
    });
}

void FakeAoeKernel::setLoaded(const QStringList &interfaces)
{
    writeFile(
        QStringLiteral("sys/module/aoe/parameters/aoe_iflist"), interfaces.join(QLatin1Char(' ')).toUtf8() + '\n');
    for (const char *control : {"discover", "interfaces", "flush", "revalidate"})
        writeFile(QStringLiteral("dev/etherd/") + QLatin1String(control), {});
}

QString FakeAoeKernel::lastWrite(const QString &control) const
{
    const auto it = m_lastWrites.find(control);
    return it == m_lastWrites.end() ? QString() : it->second;
}

void FakeAoeKernel::addTarget(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors, const QString &interface)
{
    m_targets[{shelf, slot}] = {sectors, interface};
}

void FakeAoeKernel::removeTarget(std::uint16_t shelf, std::uint8_t slot)
{
    m_targets.erase({shelf, slot});
}

void FakeAoeKernel::addDevice(
    std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors, const QString &interface, const QString &state)
{
    makeDevice(shelf, slot, sectors, interface, state);
}

void FakeAoeKernel::makeDevice(
    std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors, const QString &interface, const QString &state)
{
    const QString name = nameOf(shelf, slot);
    const QString dir = QStringLiteral("sys/block/etherd!") + name + QLatin1Char('/');
    const int minor = (shelf * 16 + slot) * 16;
    writeFile(dir + QStringLiteral("size"), QByteArray::number(static_cast<qulonglong>(sectors)) + '\n');
    writeFile(dir + QStringLiteral("state"), state.toUtf8() + '\n');
    writeFile(dir + QStringLiteral("mac"), "020000aa0001\n");
    writeFile(dir + QStringLiteral("netif"), interface.toUtf8() + '\n');
    writeFile(dir + QStringLiteral("payload"), "1024\n");
    writeFile(dir + QStringLiteral("firmware-version"), "0x4019\n");
    writeFile(dir + QStringLiteral("dev"), QByteArray::number(kMajor) + ':' + QByteArray::number(minor) + '\n');
    if (m_makeNodes)
        writeFile(QStringLiteral("dev/etherd/") + name, {});
}

void FakeAoeKernel::setState(std::uint16_t shelf, std::uint8_t slot, const QString &state)
{
    const QString dir = QStringLiteral("sys/block/etherd!") + nameOf(shelf, slot) + QLatin1Char('/');
    writeFile(dir + QStringLiteral("state"), state.toUtf8() + '\n');
    // The driver sets the capacity to 0 when it takes a device down.
    if (state.startsWith(QLatin1String("down")))
        writeFile(dir + QStringLiteral("size"), "0\n");
}

void FakeAoeKernel::addPartition(std::uint16_t shelf, std::uint8_t slot, int number, std::uint64_t sectors)
{
    const QString disk = QStringLiteral("etherd!") + nameOf(shelf, slot);
    const QString part = disk + QLatin1Char('p') + QString::number(number);
    const QString dir = QStringLiteral("sys/block/") + disk + QLatin1Char('/') + part + QLatin1Char('/');
    const int minor = (shelf * 16 + slot) * 16 + number;
    writeFile(dir + QStringLiteral("partition"), QByteArray::number(number) + '\n');
    writeFile(dir + QStringLiteral("size"), QByteArray::number(static_cast<qulonglong>(sectors)) + '\n');
    writeFile(dir + QStringLiteral("dev"), QByteArray::number(kMajor) + ':' + QByteArray::number(minor) + '\n');
    if (m_makeNodes)
        writeFile(QStringLiteral("dev/etherd/") + part.section(QLatin1Char('!'), 1), {});
}

void FakeAoeKernel::mount(const QString &deviceName, const QString &mountPoint)
{
    // The device number from sysfs, so the mount is matched as the real table would be.
    const auto address = kernel::parseDeviceName(deviceName);
    const QString disk = address ? QStringLiteral("etherd!") + nameOf(address->first, address->second) : QString();
    QString dev = disk + QLatin1Char('/');
    if (deviceName.contains(QLatin1Char('p')))
        dev += QStringLiteral("etherd!") + deviceName + QLatin1Char('/');
    QFile f(path(QStringLiteral("sys/block/") + dev + QStringLiteral("dev")));
    const QString majorMinor
        = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QStringLiteral("0:0");
    // The kernel writes a space in a mount point as \040.
    QString escaped = mountPoint;
    escaped.replace(QLatin1Char(' '), QStringLiteral("\\040"));
    m_mountInfo += QStringLiteral("%1 1 %2 / %3 rw,relatime shared:1 - ext4 /dev/etherd/%4 rw\n")
                       .arg(100 + m_mountInfo.count(QLatin1Char('\n')))
                       .arg(majorMinor, escaped, deviceName);
    writeFile(QStringLiteral("proc/self/mountinfo"), m_mountInfo.toUtf8());
}

void FakeAoeKernel::openBy(int pid, const QString &command, const QString &deviceName)
{
    const QString dir = path(QStringLiteral("proc/%1/fd").arg(pid));
    QDir().mkpath(dir);
    writeFile(QStringLiteral("proc/%1/comm").arg(pid), command.toUtf8() + '\n');
    QFile::link(QStringLiteral("/dev/etherd/") + deviceName, dir + QStringLiteral("/3"));
}

void FakeAoeKernel::closeBy(int pid)
{
    QDir(path(QStringLiteral("proc/%1").arg(pid))).removeRecursively();
}

void FakeAoeKernel::react()
{
    const auto take = [this](const char *control) -> std::optional<QString> {
        QFile f(path(QStringLiteral("dev/etherd/") + QLatin1String(control)));
        if (!f.exists() || f.size() == 0 || !f.open(QIODevice::ReadWrite))
            return std::nullopt;
        const QString text = QString::fromUtf8(f.readAll()).trimmed();
        f.resize(0);
        m_lastWrites[QString::fromLatin1(control)] = text;
        return text;
    };
    if (const auto list = take("interfaces"))
        writeFile(QStringLiteral("sys/module/aoe/parameters/aoe_iflist"), list->toUtf8() + '\n');
    if (const auto name = take("flush")) {
        QDir(path(QStringLiteral("sys/block/etherd!") + *name)).removeRecursively();
        const QDir dev(path(QStringLiteral("dev/etherd")));
        for (const QString &node : dev.entryList({*name, *name + QStringLiteral("p*")}, QDir::Files))
            QFile::remove(dev.filePath(node));
    }
    if (take("discover")) {
        const QString iflist = [this] {
            QFile f(path(QStringLiteral("sys/module/aoe/parameters/aoe_iflist")));
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        }();
        const QStringList allowed = iflist.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        for (const auto &[address, target] : m_targets) {
            if (!allowed.isEmpty() && !allowed.contains(target.second))
                continue;
            const QString dir = QStringLiteral("sys/block/etherd!") + nameOf(address.first, address.second);
            // An existing device is brought up again only when it is closed; an open one stays closewait.
            if (QFileInfo(path(dir)).isDir())
                continue;
            makeDevice(address.first, address.second, target.first, target.second, QStringLiteral("up"));
        }
    }
}

} // namespace aoesan::test
