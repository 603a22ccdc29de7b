// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PacketCapability.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace aoesan::net {

std::string packetPermissionFix(const std::string &program)
{
    const std::string name = program.empty() ? std::string("PROGRAM") : program;
    return "run as root, or give the program CAP_NET_RAW (sudo setcap cap_net_raw+ep " + name
        + "), or add yourself to group aoesan (sudo usermod -aG aoesan $USER) when aoesan is installed";
}

std::string currentProgram()
{
    std::error_code ec;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : path.string();
}

std::optional<std::uint64_t> parseEffectiveCapabilities(std::string_view procStatus)
{
    constexpr std::string_view key = "CapEff:";
    std::size_t at = 0;
    // The key must start a line, so a longer key ending in "CapEff:" never matches.
    while ((at = procStatus.find(key, at)) != std::string_view::npos) {
        if (at == 0 || procStatus[at - 1] == '\n')
            break;
        at += key.size();
    }
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = procStatus.substr(at + key.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
        rest.remove_prefix(1);
    std::uint64_t mask = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), mask, 16);
    if (ec != std::errc() || end == rest.data())
        return std::nullopt;
    return mask;
}

bool hasPacketCapability()
{
    // thread-self, not self: capabilities are per thread, and the question is about the caller.
    std::ifstream in("/proc/thread-self/status");
    if (!in)
        in.open("/proc/self/status");
    std::ostringstream text;
    text << in.rdbuf();
    const auto mask = parseEffectiveCapabilities(text.str());
    return mask && (*mask & (std::uint64_t {1} << kCapNetRaw)) != 0;
}

std::optional<TransportError> checkPacketCapability(const std::string &program)
{
    if (hasPacketCapability())
        return std::nullopt;
    return TransportError {TransportError::Code::NoPermission,
        "no permission to send and receive raw Ethernet frames (CAP_NET_RAW is missing)", packetPermissionFix(program)};
}

} // namespace aoesan::net
