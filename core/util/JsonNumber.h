// SPDX-License-Identifier: GPL-3.0-or-later
// Whole numbers read from JSON, where every number is a double: converting a double that is negative, not
// a number, or 2^63 or more to an integer type is undefined behaviour (the fuzzers found it in the engine's
// event reader), and a status or state file from another program, or a damaged one, may hold any of them.
// These clamp instead: below zero or NaN reads as 0, too large as the largest value the writers write.
#pragma once

#include <QJsonValue>

#include <cstdint>
#include <limits>

namespace aoesan::util {

inline std::uint64_t jsonCount(const QJsonValue &value)
{
    const double d = value.toDouble(0);
    constexpr double kTooLarge = 9223372036854775808.0; // 2^63: writers write qint64
    if (!(d > 0))
        return 0;
    return d >= kTooLarge ? std::uint64_t {std::numeric_limits<qint64>::max()} : static_cast<std::uint64_t>(d);
}

inline qint64 jsonInteger(const QJsonValue &value)
{
    const double d = value.toDouble(0);
    constexpr double kLimit = 9223372036854775808.0; // 2^63
    if (d != d) // NaN
        return 0;
    if (d >= kLimit)
        return std::numeric_limits<qint64>::max();
    if (d <= -kLimit)
        return std::numeric_limits<qint64>::min();
    return static_cast<qint64>(d);
}

} // namespace aoesan::util
