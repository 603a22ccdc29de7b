// SPDX-License-Identifier: GPL-3.0-or-later
// The exports of `aoesan-ctl exports` as this user keeps them: the export list in a file (ExportStore;
// --store names another) and, for start and stop, systemd's aoesan-export@NAME.service, which serves
// the export with `aoesan-ctl exports run NAME`.
#pragma once

#include "cli/Command.h"
#include "cli/ExportsBackend.h"

namespace aoesan::cli {

class LocalExports final : public ExportsBackend
{
public:
    // `storePath` as the person gave it: empty for the default list.
    LocalExports(const Command &command, QString storePath);

    std::optional<std::vector<supervisor::ExportRecord>> list() override;
    int add(const supervisor::ExportRecord &record) override;
    int remove(const QString &name) override;
    int start(const QString &name) override;
    int stop(const QString &name) override;
    int change(const supervisor::ExportRecord &record) override;
    // The file has no state: the systemd unit's is systemctl's to tell.
    std::optional<supervisor::ExportStatus> status(const QString &) override { return std::nullopt; }
    QString location() const override;

    // The export named `name`; nullopt after printing that the list has none, or why it cannot be read.
    std::optional<supervisor::ExportRecord> find(const QString &name);

private:
    // start and stop belong to whoever supervises the export in the background: systemd's template unit.
    int viaSystemd(const QString &verb, const QString &name);

    const Command &m_command;
    QString m_storePath;
};

} // namespace aoesan::cli
