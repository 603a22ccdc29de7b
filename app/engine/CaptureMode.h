// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-engine capture: AoE frames (and with --boot DHCP, TFTP and ARP) from one interface as pcap onto a file
// descriptor it was given, with its events as JSON Lines on stdout (net/CaptureEvents.h, docs/capture-events.md)
// until stdin closes, SIGTERM, --seconds or --count. The service runs it for Manager.StartCapture, with the file
// the person opened: the engine stays the one program that opens raw sockets, and drops every capability once
// its capture is open.
#pragma once

#include <QStringList>

namespace aoesan::engine {

// `args` are the words after "capture". Returns the process exit code.
int runCapture(const QStringList &args);

} // namespace aoesan::engine
