// SPDX-License-Identifier: GPL-3.0-or-later
// The machine's Ethernet interfaces (name, MAC, MTU, link state), read from sysfs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::net {

struct InterfaceInfo
{
    std::string name;
    protocol::MacAddress mac;
    int index = 0;
    int mtu = 0;
    bool up = false; // administratively up (IFF_UP)
    bool carrier = false; // link detected
    std::string operState; // "up", "down", "unknown", ... as the kernel says
    bool loopback = false; // IFF_LOOPBACK: every frame sent on it also arrives on it

    bool operator==(const InterfaceInfo &) const = default;
};

// Every interface of Ethernet type (ARPHRD_ETHER: NICs, veth, bridges, taps) in this network
// namespace, sorted by name. Loopback is left out: on `lo` every process sees its own frames.
// `sysfsNet` lets tests point at a fixture tree instead of /sys/class/net.
Result<std::vector<InterfaceInfo>, std::string> listInterfaces(const std::string &sysfsNet = "/sys/class/net");

// One interface by name, whatever its type; an error names what is wrong.
// A name the kernel accepts for an interface (dev_valid_name): 1 to 15 bytes, not "." or "..", no '/', ':' or white
// space; and no control character, which the kernel would take but no person could read or type back. Says
// nothing about whether it exists.
bool isInterfaceName(std::string_view name);

Result<InterfaceInfo, std::string> findInterface(
    const std::string &name, const std::string &sysfsNet = "/sys/class/net");

// An interface that can carry AoE: it exists and is Ethernet (not `lo`, not a tunnel); an error says
// which it is not. For what a person names to serve on.
Result<InterfaceInfo, std::string> findAoeInterface(
    const std::string &name, const std::string &sysfsNet = "/sys/class/net");

} // namespace aoesan::net
