// SPDX-License-Identifier: GPL-3.0-or-later
// How `aoesan-ctl monitor` shows one export's rates (supervisor/ExportRates): an iostat-like text row or a
// JSON object.
#pragma once

#include <QJsonObject>
#include <QString>

#include "supervisor/ExportRates.h"

namespace aoesan::cli {

// One row of the text view: name, state and the rates, in the columns of monitorHeader().
QString monitorHeader();
QString monitorRow(const QString &name, const QString &state, const supervisor::ExportRates &rates);
QJsonObject monitorJson(const QString &name, const QString &state, const supervisor::ExportRates &rates);

} // namespace aoesan::cli
