// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/Format.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

#include "protocol/SizeFormat.h"

namespace aoesan::ui::format {

QString aoeStatGb(std::uint64_t sectors)
{
    return QString::fromStdString(protocol::aoeStatSize(sectors));
}

QString binarySize(std::uint64_t bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 2, QLocale::DataSizeIecFormat);
}

QString rate(double bytesPerSecond)
{
    const auto bytes = static_cast<qint64>(std::clamp(bytesPerSecond, 0.0, 9.0e18));
    // iostat's precision: "4.5 MiB/s", but "45 MiB/s" and "450 MiB/s" (a tenth of those is noise).
    double inUnit = double(bytes);
    while (inUnit >= 1024.0)
        inUnit /= 1024.0;
    const int decimals = bytes >= 1024 && inUnit < 10.0 ? 1 : 0;
    return QCoreApplication::translate("Format", "%1/s")
        .arg(QLocale().formattedDataSize(bytes, decimals, QLocale::DataSizeIecFormat));
}

QString exactBytes(std::uint64_t bytes)
{
    return QCoreApplication::translate("Format", "%1 bytes").arg(QLocale().toString(static_cast<qulonglong>(bytes)));
}

QString roundTrip(std::optional<std::chrono::microseconds> rtt)
{
    if (!rtt)
        return QStringLiteral("—");
    const double ms = static_cast<double>(rtt->count()) / 1000.0;
    return QCoreApplication::translate("Format", "%1 ms").arg(QLocale().toString(ms, 'f', ms < 10.0 ? 1 : 0));
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return QCoreApplication::translate("Format", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("Format", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return QCoreApplication::translate("Format", "%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return QCoreApplication::translate("Format", "%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QString clockTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QStringLiteral("—");
    const QDateTime local = when.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString count(std::uint64_t value)
{
    return QLocale().toString(static_cast<qulonglong>(value));
}

} // namespace aoesan::ui::format
