// SPDX-License-Identifier: GPL-3.0-or-later
// The checks before an engine is launched for an export: does its file or device exist, would
// exporting that device hurt this machine (mounted, held, swap, the system disk), and does someone
// else already answer its shelf.slot. Each refusal is an ExportProblem saying what to do.
#pragma once

#include <optional>

#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"

namespace aoesan::platform {
class BlockDeviceBackend;
}

namespace aoesan::supervisor {

class AddressInUseQuery;

class ExportPreflight
{
public:
    // Either may be null: that check is then skipped (no discovery running, no device scan wanted).
    ExportPreflight(const AddressInUseQuery *addresses, const platform::BlockDeviceBackend *devices);

    // nullopt when the export may start. `force` overrides the device-safety refusals that can be
    // overridden, never a missing file or an address in use.
    std::optional<ExportProblem> check(const ExportRecord &record, bool force) const;
    // The safety warnings of the last check() that allowed a start (mounted read-only, forced, ...).
    const QStringList &warnings() const { return m_warnings; }

private:
    std::optional<ExportProblem> checkDevice(const ExportRecord &record, bool force) const;

    const AddressInUseQuery *m_addresses;
    const platform::BlockDeviceBackend *m_devices;
    mutable QStringList m_warnings;
};

} // namespace aoesan::supervisor
