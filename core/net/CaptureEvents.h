// SPDX-License-Identifier: GPL-3.0-or-later
// The event stream of `aoesan-engine capture` (docs/capture-events.md), one JSON object per line on its stdout:
// the one definition that the engine writes and the service reads (Manager.StartCapture's Capture objects).
//   {"event":"capture-started","interface":"eth1","filter":"AoE frames"}
//   {"event":"capture-counters","frames":120,"dropped":0}          about every 500 ms, and at the end
//   {"event":"capture-stopped","frames":120,"dropped":0,"reason":"stdin-closed|signal|seconds|count"}
//   {"event":"error","code":"no-permission","message":"...","fix":"..."}   (the engine's error words)
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace aoesan::net {

struct CaptureEvent
{
    enum class Kind : std::uint8_t { Started, Counters, Stopped, Error };
    Kind kind = Kind::Counters;
    QString interface; // started
    QString filter; // started: what it captures, for people
    std::uint64_t frames = 0; // counters, stopped
    std::uint64_t dropped = 0;
    QString reason; // stopped
    QString code; // error: an error word
    QString message; // error
    QString fix; // error
    bool operator==(const CaptureEvent &) const = default;
};

QByteArray encodeCaptureEvent(const CaptureEvent &event); // with its newline
std::optional<CaptureEvent> parseCaptureEvent(const QByteArray &line);

// "AoE frames", "e7.3's frames", "AoE and network boot frames".
QString captureFilterText(std::optional<std::uint16_t> shelf, std::optional<std::uint8_t> slot, bool boot);

} // namespace aoesan::net
