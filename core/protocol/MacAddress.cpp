// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/MacAddress.h"

#include <cstdio>

namespace aoesan::protocol {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

std::optional<MacAddress> MacAddress::fromString(std::string_view text)
{
    Bytes bytes {};
    std::size_t nibbles = 0;
    for (const char c : text) {
        if (c == ':' || c == '-' || c == '.')
            continue;
        const int v = hexValue(c);
        if (v < 0 || nibbles >= 12)
            return std::nullopt;
        const auto index = nibbles / 2;
        bytes[index] = static_cast<std::uint8_t>((unsigned {bytes[index]} << 4U) | static_cast<unsigned>(v));
        ++nibbles;
    }
    if (nibbles != 12)
        return std::nullopt;
    return MacAddress(bytes);
}

std::string MacAddress::toString() const
{
    char text[18];
    std::snprintf(text, sizeof text, "%02x:%02x:%02x:%02x:%02x:%02x", m_bytes[0], m_bytes[1], m_bytes[2], m_bytes[3],
        m_bytes[4], m_bytes[5]);
    return text;
}

} // namespace aoesan::protocol
