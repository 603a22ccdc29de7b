// SPDX-License-Identifier: GPL-3.0-or-later
// An ExportStatus as JSON: what the service publishes as an export's Status property and what
// `aoesan-ctl exports list --json` prints; written and read here only, so both sides agree.
#pragma once

#include <QJsonObject>

#include "supervisor/ExportStatus.h"
#include "util/Result.h"

namespace aoesan::supervisor {

QJsonObject statusToJson(const ExportStatus &status);
// The inverse; missing fields keep their defaults (an older service), a mistyped one is an error.
Result<ExportStatus, QString> statusFromJson(const QJsonObject &object);
// stateName()'s inverse.
std::optional<ExportState> stateFromName(const QString &word);

} // namespace aoesan::supervisor
