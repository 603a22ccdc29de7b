// SPDX-License-Identifier: GPL-3.0-or-later
// Colours, icons and words for a TargetLook: one place, so tiles, table, details and tray agree.
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

#include "models/TargetLook.h"

namespace aoesan::ui {

QColor lookColor(TargetLook look);
QIcon lookIcon(TargetLook look);
// "up", "down", "conflict", "exported here" in the user's language.
QString lookName(TargetLook look);

} // namespace aoesan::ui
