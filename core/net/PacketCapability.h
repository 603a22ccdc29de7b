// SPDX-License-Identifier: GPL-3.0-or-later
// Whether this process may open raw packet sockets (CAP_NET_RAW), and the fix to offer a person when
// it may not. The CLI and the GUI check before they start anything; transports map the kernel's
// refusal to the same text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "net/TransportError.h"

namespace aoesan::net {

// The capability number of CAP_NET_RAW (linux/capability.h), kept here so callers need no kernel header.
inline constexpr int kCapNetRaw = 13;

// What a person can do about a refused raw socket. `program` names the executable for the setcap hint;
// empty means "PROGRAM".
std::string packetPermissionFix(const std::string &program = {});

// The running executable's path (for the setcap hint); empty when /proc does not say.
std::string currentProgram();

// The effective capability set of the "CapEff:" line of a /proc/<pid>/status text; nullopt when absent.
std::optional<std::uint64_t> parseEffectiveCapabilities(std::string_view procStatus);

// True when the calling thread holds CAP_NET_RAW in its effective set.
bool hasPacketCapability();

// nullopt when raw packet sockets are allowed; otherwise a NoPermission error with the fix.
std::optional<TransportError> checkPacketCapability(const std::string &program = {});

} // namespace aoesan::net
