// SPDX-License-Identifier: GPL-3.0-or-later
// The arguments of `aoesan-engine serve` and `aoesan-ctl serve`: vblade's, with vblade's meaning,
//   [-b bufcnt] [-d] [-s] [-r] [-m mac[,mac...]] [-o offset] [-l length] shelf slot netif file
// (offset and length in 512-byte sectors), plus aoesan's long options.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/ExportState.h"
#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::engine {

struct ServeOptions
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    std::string interface;
    std::string path;
    std::uint16_t bufferCount = 16;
    bool direct = false;
    bool sync = false;
    bool readOnly = false;
    std::vector<protocol::MacAddress> masks;
    std::uint64_t offsetSectors = 0;
    std::optional<std::uint64_t> lengthSectors;

    bool events = false; // --events: JSON Lines on stdout for the supervisor
    std::optional<std::string> stateFile; // --state-file PATH; default under the XDG state directory
    bool noState = false; // --no-state: keep config string, mask and reservations in memory only
    WireEdits wireEdits = WireEdits::Forget; // --wire-edits: what initiators' mask and reserve edits do
    std::optional<unsigned> workers; // --workers N: I/O threads (0 = inline); default from -d/-s
    std::vector<std::string> warnings; // things worth saying that do not stop the export
};

// Usage text for --help.
std::string serveUsage(const std::string &program);

// Parses the arguments after the mode word. Errors name the argument and what is wrong with it.
Result<ServeOptions, std::string> parseServeArguments(const std::vector<std::string> &args);

} // namespace aoesan::engine
