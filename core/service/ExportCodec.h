// SPDX-License-Identifier: GPL-3.0-or-later
// Exports on the bus: a record as the a{sv} that AddExport and Change take (the export list's keys with
// fixed D-Bus types, docs/dbus-api.md), checked strictly on the service's side, and the properties of an
// export object. Service and clients both convert here.
#pragma once

#include <QVariantMap>

#include "service/ServiceError.h"
#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"
#include "util/Result.h"

namespace aoesan::service {

// The client side: the record's keys with their D-Bus types (qulonglong, ushort ...).
QVariantMap recordToVariant(const supervisor::ExportRecord &record);
// The service side: every key known and of its type (else InvalidArgs), the record valid (else the typed
// error of the rule it breaks).
Result<supervisor::ExportRecord, ServiceError> recordFromVariant(const QVariantMap &map);
// The backing file or device a record names must be there and be a regular file or a block device:
// not missing, not a directory, not a FIFO or socket; no ".." in its path. BadPath otherwise.
std::optional<ServiceError> checkBackingPath(const QString &path);
// The D-Bus error name for a record rule.
QString errorNameFor(supervisor::RecordError::Code code);

// The properties of io.github.aoesan1.Export; `boot` is the Boot property's JSON text (docs/dbus-api.md).
QVariantMap exportProperties(
    const supervisor::ExportRecord &record, const supervisor::ExportStatus &status, const QString &boot);
// Boot's JSON text for an export with no boot server: {"state":"off","rootPath":...,"script":...}.
QString bootOffJson(const supervisor::ExportRecord &record);

} // namespace aoesan::service
