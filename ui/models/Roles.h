// SPDX-License-Identifier: GPL-3.0-or-later
// The item roles every aoesan model answers besides Qt's own: a raw value to sort by (so a column shows
// "10.995TB" but sorts by bytes) and the stable key of the row (shelf.slot, export name).
#pragma once

#include <Qt>

namespace aoesan::ui {

enum ItemRole : int {
    SortRole = Qt::UserRole + 1, // raw value: qint64 bytes, microseconds, msecs since epoch, ...
    KeyRole, // the stable id of the row, as a QString ("e7.3", "media")
    StateRole, // the row's state as an int (TargetLook, supervisor::ExportState)
    TechnicalRole, // bool: a log line for bug reports (English by design), not written for a person
    HistoryRole, // ActivityHistory: the last minute of an export's throughput (its graph)
};

} // namespace aoesan::ui
