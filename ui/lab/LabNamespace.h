// SPDX-License-Identifier: GPL-3.0-or-later
// Lab mode's private network: `aoesan --lab` runs in a network namespace of its own, so its AoE frames
// never reach the machine's interfaces. Done in two steps around QApplication:
//  1. before QApplication (no thread may exist yet): without root, enter a new user namespace that maps
//     our own uid and gid (so X11 and D-Bus still know us) and keep CAP_NET_ADMIN and CAP_NET_RAW as
//     ambient capabilities, so `ip` and aoesan-engine started later can use the lab's interfaces;
//  2. after QApplication has opened the display (X11 abstract sockets are per network namespace, and a
//     TCP display would be out of reach): unshare the network and mount namespaces of the main thread,
//     and mount a fresh sysfs, so /sys/class/net lists the lab's interfaces. Processes started
//     afterwards from the main thread inherit both.
#pragma once

#include <QString>

namespace aoesan::ui::lab {

struct StepResult
{
    bool ok = true;
    QString error; // what failed, with the fix
};

// True when the command line asks for lab mode (checked before QApplication parses it).
bool requested(int argc, char **argv);

// Step 1. A no-op for root.
StepResult enterUserNamespace();

// Step 2.
StepResult enterNetworkNamespace();

} // namespace aoesan::ui::lab
