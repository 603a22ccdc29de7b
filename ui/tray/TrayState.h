// SPDX-License-Identifier: GPL-3.0-or-later
// What the tray says, as pure functions of counts and events, so the rules are tested without a tray:
// the icon (grey nothing known, green every target up, amber a conflict and nothing worse, red something
// down or an export failed), the tooltip, and the text of notifications, grouped when many things happen
// at once.
#pragma once

#include <QString>

#include <chrono>
#include <cstdint>
#include <vector>

namespace aoesan::ui {

enum class TrayLook : std::uint8_t {
    Unknown,
    AllUp,
    SomethingDown, // red: a target down or an export failed
    Conflict, // amber: two backends answer one shelf.slot, and nothing is down
};

struct TraySummary
{
    int targets = 0;
    int up = 0;
    int down = 0;
    int conflicts = 0;
    int exportsActive = 0;
    int exportsFailed = 0;
    bool operator==(const TraySummary &) const = default;
};

TrayLook trayLook(const TraySummary &summary);
// "aoesan — 11 up, 1 down, 3 exports"
QString trayToolTip(const TraySummary &summary);
QString trayIconPath(TrayLook look);

struct Notice
{
    enum class Kind : std::uint8_t { TargetDown, TargetUp, ExportFailed };
    Kind kind = Kind::TargetDown;
    QString subject; // "e7.3" or the export's name
    QString detail; // for a failed export: what went wrong
    bool operator==(const Notice &) const = default;
};

struct NotificationText
{
    QString title;
    QString body;
    bool critical = false; // something went down or failed
    bool operator==(const NotificationText &) const = default;
};

// One notice reads as itself; many become one notification that lists them.
// `downAfter` is how long a target was silent before it counted as down.
NotificationText composeNotification(const std::vector<Notice> &notices, std::chrono::seconds downAfter);

} // namespace aoesan::ui
