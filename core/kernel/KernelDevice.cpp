// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernel/KernelDevice.h"

#include <QRegularExpression>

namespace aoesan::kernel {

QString DeviceUsers::describe() const
{
    QStringList parts;
    if (!mountPoints.isEmpty())
        parts << QStringLiteral("mounted at ") + mountPoints.join(QStringLiteral(", "));
    if (!processes.isEmpty())
        parts << QStringLiteral("open by ") + processes.join(QStringLiteral(", "));
    if (!holders.isEmpty())
        parts << QStringLiteral("held by ") + holders.join(QStringLiteral(", "));
    return parts.join(QStringLiteral("; "));
}

QString KernelDevice::name() const
{
    return deviceName(shelf, slot);
}

QString KernelDevice::sysName() const
{
    return QStringLiteral("etherd!") + name();
}

QString KernelDevice::devicePath() const
{
    return QStringLiteral("/dev/etherd/") + name();
}

bool KernelDevice::up() const
{
    return state.startsWith(QLatin1String("up"));
}

bool KernelDevice::closewait() const
{
    return state.contains(QLatin1String("closewait"));
}

QString explainState(const QString &state)
{
    const QStringList words = state.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QStringLiteral("unknown: the driver's state file could not be read");
    QString text;
    if (words.first() == QLatin1String("up"))
        text = QStringLiteral("up: the kernel reaches the target");
    else if (words.first() == QLatin1String("down"))
        text = QStringLiteral("down: the target stopped answering and the kernel failed its pending I/O");
    else
        text = words.first();
    if (words.contains(QLatin1String("closewait")))
        text += QStringLiteral(
            "; still open: the kernel keeps it down until every program has closed it, then it comes back at the "
            "next discovery");
    if (words.contains(QLatin1String("kickme")))
        text += QStringLiteral("; the driver has queued requests to restart");
    return text;
}

QString deviceName(std::uint16_t shelf, std::uint8_t slot)
{
    return QStringLiteral("e%1.%2").arg(shelf).arg(slot);
}

std::optional<std::pair<std::uint16_t, std::uint8_t>> parseDeviceName(const QString &name)
{
    // e7.3, 7.3, e7.3p1 (a partition names its disk).
    static const QRegularExpression pattern(QStringLiteral("^e?(\\d{1,5})\\.(\\d{1,3})(p\\d+)?$"));
    const auto match = pattern.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    const uint shelf = match.captured(1).toUInt();
    const uint slot = match.captured(2).toUInt();
    // 0xFFFF and 0xFF are the broadcast shelf and slot: no device has them.
    if (shelf >= 0xFFFFU || slot >= 0xFFU)
        return std::nullopt;
    return std::pair {static_cast<std::uint16_t>(shelf), static_cast<std::uint8_t>(slot)};
}

} // namespace aoesan::kernel
