// SPDX-License-Identifier: GPL-3.0-or-later
// The stable `code` words of the engine's `error` events, in `aoesan-engine serve --events`
// (docs/engine-events.md) and `aoesan-engine probe` (docs/probe-events.md). One home for the writer (the
// engine) and every reader (the supervisor, the service, the GUI, aoesan-ctl): programs act on these words,
// the message beside them is for people. A new word goes here and into the docs (tests check both).
#pragma once

#include <array>
#include <string_view>

namespace aoesan::error_word {

inline constexpr char kBadArguments[] = "bad-arguments"; // the command line is wrong (also: an MTU too small)
inline constexpr char kNoPermission[] = "no-permission"; // no CAP_NET_RAW or no access to the file; exit code 3
inline constexpr char kNoSuchInterface[] = "no-such-interface"; // not in this network namespace
inline constexpr char kInterfaceDown[] = "interface-down"; // exists, but is not up
inline constexpr char kNotFound[] = "not-found"; // the backing file or device does not exist
inline constexpr char kBusy[] = "busy"; // a block device is mounted or held
inline constexpr char kOutOfRange[] = "out-of-range"; // offset or length do not fit the backing file
inline constexpr char kIo[] = "io"; // anything else the system reported

// The words each stream may carry, as its docs list them.
inline constexpr std::array<std::string_view, 8> kServeWords {
    kBadArguments, kNoPermission, kNoSuchInterface, kInterfaceDown, kNotFound, kBusy, kOutOfRange, kIo};
inline constexpr std::array<std::string_view, 5> kProbeWords {
    kBadArguments, kNoPermission, kNoSuchInterface, kInterfaceDown, kIo};

} // namespace aoesan::error_word
