// SPDX-License-Identifier: GPL-3.0-or-later
// What `aoesan-ctl exports` lists, adds, removes, starts and stops, behind one small interface so that the
// command reads the same whoever keeps the list: LocalExports is the export list in a file with systemd's
// template unit for start and stop; a client of aoesan-service can be a second one. Each operation prints
// why it failed (through the command it was made for) and gives the exit code (util/ExitCode.h).
#pragma once

#include <QString>

#include <optional>
#include <vector>

#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"

namespace aoesan::cli {

class ExportsBackend
{
public:
    virtual ~ExportsBackend() = default;

    // The exports in the list, in its order; nullopt after printing why they cannot be read.
    virtual std::optional<std::vector<supervisor::ExportRecord>> list() = 0;
    // The record must be valid on its own; the list may still refuse it (a name or address taken).
    virtual int add(const supervisor::ExportRecord &record) = 0;
    virtual int remove(const QString &name) = 0;
    virtual int start(const QString &name) = 0;
    virtual int stop(const QString &name) = 0;
    // Replaces the record of the same name (the service restarts a running export with it).
    virtual int change(const supervisor::ExportRecord &record) = 0;
    // The export's state, where someone supervises it and says (the service); nullopt otherwise.
    virtual std::optional<supervisor::ExportStatus> status(const QString &name) = 0;
    // Where the list is, as a person reads it ("/home/me/.config/aoesan/exports.json").
    virtual QString location() const = 0;
};

} // namespace aoesan::cli
