// SPDX-License-Identifier: GPL-3.0-or-later
// How numbers reach a person: sizes in aoe-stat's GB and in binary units, exact byte counts, round
// trips, durations and times. Models keep raw values and call these only for display.
#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>
#include <cstdint>
#include <optional>

namespace aoesan::ui::format {

// "5.000GB", exactly what aoe-stat prints for that many sectors.
QString aoeStatGb(std::uint64_t sectors);
// "4.66 GiB" in the user's locale.
QString binarySize(std::uint64_t bytes);
// "10,995,116,277,760 bytes" in the user's locale.
QString exactBytes(std::uint64_t bytes);
// "4.5 MiB/s", "45 MiB/s" in the user's locale, for a rate in bytes per second.
QString rate(double bytesPerSecond);
// "0.3 ms", "12 ms"; "—" when unknown.
QString roundTrip(std::optional<std::chrono::microseconds> rtt);
// "3 s", "4 min 10 s", "2 h 5 min", "3 d 4 h".
QString duration(qint64 seconds);
// "14:02:33" today, else a short date and time.
QString clockTime(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTime());
// "1.2 MiB" style counters and "1,234" counts.
QString count(std::uint64_t value);

} // namespace aoesan::ui::format
