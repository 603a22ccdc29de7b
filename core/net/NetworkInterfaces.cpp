// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/NetworkInterfaces.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <net/if.h>

namespace aoesan::net {

namespace {

constexpr int kArphrdEther = 1;
constexpr unsigned kIffUp = 0x1;
constexpr unsigned kIffLoopback = 0x8;

std::optional<std::string> readLine(const std::filesystem::path &path)
{
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line))
        return std::nullopt;
    return line;
}

std::optional<long> readNumber(const std::filesystem::path &path)
{
    const auto line = readLine(path);
    if (!line)
        return std::nullopt;
    try {
        return std::stol(*line, nullptr, 0);
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

InterfaceInfo readInterface(const std::filesystem::path &dir)
{
    InterfaceInfo info;
    info.name = dir.filename().string();
    if (const auto mac = readLine(dir / "address"))
        info.mac = protocol::MacAddress::fromString(*mac).value_or(protocol::MacAddress());
    info.index = static_cast<int>(readNumber(dir / "ifindex").value_or(0));
    info.mtu = static_cast<int>(readNumber(dir / "mtu").value_or(0));
    const auto flags = static_cast<unsigned long>(readNumber(dir / "flags").value_or(0));
    info.up = (flags & kIffUp) != 0;
    info.loopback = (flags & kIffLoopback) != 0;
    // Reading `carrier` of a down interface fails with EINVAL: that is "no carrier".
    info.carrier = readNumber(dir / "carrier").value_or(0) == 1;
    info.operState = readLine(dir / "operstate").value_or("unknown");
    return info;
}

} // namespace

Result<std::vector<InterfaceInfo>, std::string> listInterfaces(const std::string &sysfsNet)
{
    std::error_code ec;
    std::filesystem::directory_iterator it(sysfsNet, ec);
    if (ec)
        return Unexpected("cannot list network interfaces in " + sysfsNet + ": " + ec.message());
    // sysfs shows the network namespace it was mounted in, which need not be this process's (`unshare
    // --net`, some containers): the host's eth0 listed where there is no eth0 made discovery fail with
    // "no interface named eth0". On the real tree, keep only what this namespace's kernel knows by name.
    const bool ownTree = sysfsNet == "/sys/class/net";
    std::vector<InterfaceInfo> result;
    for (const auto &entry : it) {
        if (readNumber(entry.path() / "type").value_or(-1) != kArphrdEther)
            continue;
        InterfaceInfo info = readInterface(entry.path());
        if (ownTree && static_cast<int>(::if_nametoindex(info.name.c_str())) != info.index)
            continue;
        result.push_back(std::move(info));
    }
    std::ranges::sort(result, {}, &InterfaceInfo::name);
    return result;
}

bool isInterfaceName(std::string_view name)
{
    if (name.empty() || name.size() > 15 || name == "." || name == "..")
        return false;
    return std::ranges::none_of(name, [](char c) {
        return c == '/' || c == ':' || std::isspace(static_cast<unsigned char>(c))
            || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
}

Result<InterfaceInfo, std::string> findInterface(const std::string &name, const std::string &sysfsNet)
{
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
        return Unexpected("'" + name + "' is not a valid interface name");
    const std::filesystem::path dir = std::filesystem::path(sysfsNet) / name;
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec))
        return Unexpected("no network interface named '" + name + "'");
    return readInterface(dir);
}

Result<InterfaceInfo, std::string> findAoeInterface(const std::string &name, const std::string &sysfsNet)
{
    auto found = findInterface(name, sysfsNet);
    if (!found)
        return found;
    if (readNumber(std::filesystem::path(sysfsNet) / name / "type").value_or(-1) != kArphrdEther)
        return Unexpected("'" + name + "' is not an Ethernet interface"
            + std::string(name == "lo" ? " (on loopback every host is this one: AoE needs a real link)" : ""));
    return found;
}

} // namespace aoesan::net
