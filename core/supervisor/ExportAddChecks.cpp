// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportAddChecks.h"

#include "engine/BlockBackend.h"
#include "net/NetworkInterfaces.h"

namespace aoesan::supervisor {

std::optional<RecordError> checkRecordOnThisMachine(const ExportRecord &record, InterfacePresence interface)
{
    // The engine's own sizing and window rule, so that what is kept here is what it will serve.
    const std::string path = record.path.toStdString();
    if (const auto sectors = engine::storageSectors(path)) {
        if (const auto window = engine::exportWindow(path, sectors.value(), record.offsetSectors, record.lengthSectors);
            !window)
            return RecordError {RecordError::Code::BadOption, QString::fromStdString(window.error().message)};
    }
    if (interface == InterfacePresence::Required) {
        if (const auto found = net::findAoeInterface(record.interface.toStdString()); !found)
            return RecordError {RecordError::Code::BadInterface, QString::fromStdString(found.error())};
    }
    return std::nullopt;
}

} // namespace aoesan::supervisor
