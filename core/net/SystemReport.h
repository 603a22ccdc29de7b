// SPDX-License-Identifier: GPL-3.0-or-later
// Facts about this machine for a bug report (the GUI's Help › Copy diagnostics): the libpcap and kernel
// versions, and whether a program file carries CAP_NET_RAW as a file capability (setcap).
#pragma once

#include <optional>
#include <string>

namespace aoesan::net {

// libpcap's own version line, e.g. "libpcap version 1.10.3 (with TPACKET_V3)".
std::string pcapLibraryVersion();

// The running kernel: "Linux 6.1.0-13-amd64 x86_64".
std::string kernelDescription();

// true when the file's security.capability xattr grants CAP_NET_RAW (permitted and effective), false
// when it has none or no CAP_NET_RAW, nullopt when the file cannot be read.
std::optional<bool> fileHasPacketCapability(const std::string &path);

// The same test on the raw xattr bytes (struct vfs_cap_data, little-endian): a seam for tests.
bool capabilityDataGrantsPacketCapability(const std::string &bytes);

} // namespace aoesan::net
