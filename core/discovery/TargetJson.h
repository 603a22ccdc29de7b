// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery snapshots as JSON, for `aoesan-ctl stat --json` and the event stream of `aoesan-engine probe`
// (docs/probe-events.md lists the fields). Sizes are numbers; the aoe-stat text is included for people.
#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include <vector>

#include "discovery/TargetInfo.h"

namespace aoesan::discovery {

QJsonObject targetToJson(const TargetInfo &target);
QJsonArray targetsToJson(const std::vector<TargetInfo> &targets);
// ISO 8601 UTC with milliseconds, "2026-11-24T17:56:21.123Z"; empty for a default time point.
QString isoTime(WallClock time);

} // namespace aoesan::discovery
