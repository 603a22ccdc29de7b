// SPDX-License-Identifier: GPL-3.0-or-later
// Giving up privileges once the engine holds what it needs (its packet socket and backing file):
// the Wireshark/dumpcap model. Whatever a request does afterwards, it cannot use CAP_NET_RAW again.
#pragma once

#include <string>

#include "util/Result.h"

namespace aoesan::platform {

// Clears the effective, permitted, inheritable and ambient capability sets and sets no_new_privs.
Result<bool, std::string> dropAllCapabilities();

// For a program that only hands its capabilities on (aoesan-service to its engines): empties the effective
// set, so it cannot use them itself, and keeps the permitted, inheritable and ambient sets, which is all a
// child needs to start with them.
Result<bool, std::string> dropEffectiveCapabilities();

} // namespace aoesan::platform
