// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/SystemReport.h"

#include <cerrno>
#include <cstdint>
#include <unistd.h>

#include <pcap/pcap.h>
#include <sys/utsname.h>
#include <sys/xattr.h>

#include "net/PacketCapability.h"

namespace aoesan::net {

namespace {
// linux/capability.h, kept here as PacketCapability.h does with the capability number.
constexpr std::uint32_t kVfsCapFlagsEffective = 0x000001;

std::uint32_t le32(const std::string &bytes, std::size_t at)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return v;
}
} // namespace

std::string pcapLibraryVersion()
{
    return pcap_lib_version();
}

std::string kernelDescription()
{
    utsname u {};
    if (::uname(&u) != 0)
        return "unknown";
    return std::string(u.sysname) + " " + u.release + " " + u.machine;
}

bool capabilityDataGrantsPacketCapability(const std::string &bytes)
{
    // magic_etc, then (permitted, inheritable) pairs: one pair in revision 1, two in 2 and 3.
    if (bytes.size() < 12)
        return false;
    const std::uint32_t magic = le32(bytes, 0);
    if ((magic & kVfsCapFlagsEffective) == 0)
        return false; // permitted but not effective: the program would have to raise it itself
    const std::uint32_t permittedLow = le32(bytes, 4);
    static_assert(kCapNetRaw < 32);
    return (permittedLow & (1U << kCapNetRaw)) != 0;
}

std::optional<bool> fileHasPacketCapability(const std::string &path)
{
    if (::access(path.c_str(), R_OK) != 0 && ::access(path.c_str(), X_OK) != 0)
        return std::nullopt;
    std::string bytes(64, '\0');
    const ssize_t n = ::getxattr(path.c_str(), "security.capability", bytes.data(), bytes.size());
    if (n < 0)
        return errno == ENODATA || errno == ENOTSUP ? std::optional<bool>(false) : std::nullopt;
    bytes.resize(static_cast<std::size_t>(n));
    return capabilityDataGrantsPacketCapability(bytes);
}

} // namespace aoesan::net
