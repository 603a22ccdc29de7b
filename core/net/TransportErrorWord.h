// SPDX-License-Identifier: GPL-3.0-or-later
// The error word (util/ErrorWords.h) for a transport that could not open: `serve` and `probe` say the same
// word for the same failure.
#pragma once

#include "net/TransportError.h"
#include "util/ErrorWords.h"

namespace aoesan::net {

inline const char *errorWord(TransportError::Code code)
{
    switch (code) {
    case TransportError::Code::NoPermission:
        return error_word::kNoPermission;
    case TransportError::Code::NoSuchInterface:
        return error_word::kNoSuchInterface;
    case TransportError::Code::InterfaceDown:
        return error_word::kInterfaceDown;
    case TransportError::Code::FrameTooBig:
    case TransportError::Code::Unsupported:
    case TransportError::Code::Io:
        break;
    }
    return error_word::kIo;
}

} // namespace aoesan::net
