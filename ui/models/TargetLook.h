// SPDX-License-Identifier: GPL-3.0-or-later
// How a target looks on screen, from its state and, for an address this machine exports, the export's
// state. The shelf tiles, the state icons, the tray and the table all use this one rule, so they never
// disagree.
#pragma once

#include <cstdint>
#include <optional>

#include "discovery/TargetInfo.h"
#include "supervisor/ExportStatus.h"

namespace aoesan::ui {

enum class TargetLook : std::uint8_t {
    Up, // green
    Down, // red; the row stays listed, greyed
    Conflict, // amber: two backends answer one shelf.slot
    Exported, // blue: served by a running export of this machine
    ExportStarting, // light blue: an export of this machine starting, restarting or stopping
    ExportStopped, // grey: an export of this machine that is stopped (not "down": nobody is missing it)
    ExportFailed, // red: an export of this machine that failed
};

// A conflict outranks everything (it must stand out). For an address this machine exports, the
// supervisor knows better than the wire: the export's state decides, whether or not discovery hears it
// (it may serve on an interface discovery does not watch). Otherwise discovery's up or down.
inline TargetLook lookOf(const discovery::TargetInfo &target, std::optional<supervisor::ExportState> exportHere)
{
    using supervisor::ExportState;
    if (target.conflict)
        return TargetLook::Conflict;
    if (exportHere) {
        switch (*exportHere) {
        case ExportState::Running:
            return TargetLook::Exported;
        case ExportState::Starting:
        case ExportState::Restarting:
        case ExportState::Stopping:
            return TargetLook::ExportStarting;
        case ExportState::Failed:
            return TargetLook::ExportFailed;
        case ExportState::Stopped:
            return TargetLook::ExportStopped;
        }
    }
    if (target.state == discovery::TargetState::Down)
        return TargetLook::Down;
    return TargetLook::Up;
}

} // namespace aoesan::ui
