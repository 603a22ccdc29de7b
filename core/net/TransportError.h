// SPDX-License-Identifier: GPL-3.0-or-later
// Why a transport could not open or send, with the fix a person can apply.
#pragma once

#include <cstdint>
#include <string>

namespace aoesan::net {

struct TransportError
{
    enum class Code : std::uint8_t {
        NoPermission, // no CAP_NET_RAW
        NoSuchInterface, // the named interface does not exist in this network namespace
        InterfaceDown, // exists, but is not up
        FrameTooBig, // larger than the interface's MTU (perhaps lowered since it opened): sending it again cannot help
        Unsupported, // not an Ethernet interface, or the platform lacks something
        Io, // anything else the system reported
    };

    Code code = Code::Io;
    std::string message; // what happened, naming the interface
    std::string fix; // what to do about it; may be empty

    // "message (fix)" for logs and the CLI.
    std::string describe() const { return fix.empty() ? message : message + ". " + fix; }
};

} // namespace aoesan::net
