// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/SizeFormat.h"

#include <cstdio>

namespace aoesan::protocol {

std::string aoeStatSize(std::uint64_t sectors)
{
    // q = sectors × 512 / 10^6 = sectors × 64 / 125000, split so that no sector count can overflow.
    constexpr std::uint64_t kDivisor = 125000;
    const std::uint64_t q = (sectors / kDivisor) * 64 + (sectors % kDivisor) * 64 / kDivisor;
    char text[48];
    std::snprintf(text, sizeof text, "%llu.%03lluGB", static_cast<unsigned long long>(q / 1000),
        static_cast<unsigned long long>(q % 1000));
    return text;
}

std::string aoeDeviceName(std::uint16_t shelf, std::uint8_t slot)
{
    return "e" + std::to_string(shelf) + "." + std::to_string(slot);
}

std::string aoeStatLine(std::string_view device, std::string_view size, std::string_view interfaces,
    std::string_view payload, std::string_view state)
{
    // printf pads but never cuts, exactly like the shell printf aoe-stat uses; the fields may be long.
    const std::string d(device), s(size), i(interfaces), p(payload), t(state);
    const int needed = std::snprintf(
        nullptr, 0, "%10s %15s %10s %-5s %-14s\n", d.c_str(), s.c_str(), i.c_str(), p.c_str(), t.c_str());
    std::string line(static_cast<std::size_t>(needed) + 1, '\0');
    std::snprintf(
        line.data(), line.size(), "%10s %15s %10s %-5s %-14s\n", d.c_str(), s.c_str(), i.c_str(), p.c_str(), t.c_str());
    line.pop_back();
    return line;
}

} // namespace aoesan::protocol
