// How a target looks on screen, from its state and whether this machine exports it. The shelf tiles,
// the state icons, the tray and the table all use this one rule, so they never disagree.
#pragma once

#include <cstdint>

#include "discovery/TargetInfo.h"

namespace aoesan::ui {

enum class TargetLook : std::uint8_t {
    Up, // green
    Down, // red; the row stays listed, greyed
    Conflict, // amber: two backends answer one shelf.slot
    Exported, // blue: up, and served by an export of this machine
};

// A conflict outranks everything (it must stand out), then down, then "ours".
inline TargetLook lookOf(const discovery::TargetInfo &target, bool exportedHere)
{
    if (target.conflict)
        return TargetLook::Conflict;
    if (target.state == discovery::TargetState::Down)
        return TargetLook::Down;
    return exportedHere ? TargetLook::Exported : TargetLook::Up;
}

} // namespace aoesan::ui
