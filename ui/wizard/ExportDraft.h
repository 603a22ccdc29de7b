// SPDX-License-Identifier: GPL-3.0-or-later
// What the export wizard is building, shared by its pages, and what it needs to know about the machine.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

#include "net/NetworkInterfaces.h"
#include "platform/BlockDevices.h"
#include "supervisor/ExportRecord.h"
#include "util/Result.h"

namespace aoesan::ui {

class TargetModel;

struct ExportDraft
{
    QString path; // the device or image file to serve
    std::uint64_t sizeBytes = 0;
    bool isDevice = false;
    bool readOnlyRequired = false; // the device may only be exported read-only
    QString sourceWarning; // shown again on the review page
    supervisor::ExportRecord record; // address, interface and options filled in by the later pages
    bool startNow = true;
};

struct WizardContext
{
    // A device scan; called on a worker thread (it may read superblocks).
    std::function<Result<std::vector<platform::BlockDevice>, QString>()> scanDevices;
    std::function<Result<std::vector<net::InterfaceInfo>, std::string>()> listInterfaces;
    const TargetModel *targets = nullptr; // what discovery sees, for clashes
    std::vector<supervisor::ExportRecord> exports; // this machine's exports
    QString imageDirectory; // where new image files go by default
    QString preferredInterface; // offered first (lab mode: the SAN side of its veth pair)
};

// The line a vblade user would type for the same export.
QString serveCommandLine(const supervisor::ExportRecord &record);

// Sectors per AoE frame an interface of this MTU carries (core/protocol decides).
int sectorsPerFrame(int mtu);

} // namespace aoesan::ui
