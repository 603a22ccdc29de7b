// SPDX-License-Identifier: GPL-3.0-or-later
// The checks an export gets on this machine when it is added or changed, beyond the record's own rules
// (validateRecord): does its offset and length fit its file or device, sized as the engine sizes it, and is
// its interface an Ethernet interface here. Without them a mistake is found only when the engine refuses to
// start, five restarts later. One home for aoesan-ctl (its own list or the service's) and the service.
#pragma once

#include <cstdint>
#include <optional>

#include "supervisor/ExportRecord.h"

namespace aoesan::supervisor {

enum class InterfacePresence : std::uint8_t {
    Required, // it must be here now
    MayBeMissing, // it may appear later (a USB NIC, a VLAN or bridge made at boot): not looked up
};

// nullopt when the record may be kept. BadOption: the offset or length does not fit (checked only when the
// file or device exists and can be sized: a missing image is a warning, an unreadable device the engine's to
// judge). BadInterface: no such Ethernet interface here (with Required only).
std::optional<RecordError> checkRecordOnThisMachine(const ExportRecord &record, InterfacePresence interface);

} // namespace aoesan::supervisor
