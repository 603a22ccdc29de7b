// SPDX-License-Identifier: GPL-3.0-or-later
// The exports of `aoesan-ctl exports` as aoesan-service keeps them: every operation is a call to the service
// (polkit may ask for a password; a refusal exits 3 with the fix), so the list, the engines and the GUI all
// see the same thing at once.
#pragma once

#include <memory>

#include "cli/Command.h"
#include "cli/ExportsBackend.h"
#include "service/ServiceClient.h"

namespace aoesan::cli {

class ServiceExports final : public ExportsBackend
{
public:
    ServiceExports(const Command &command, QDBusConnection bus);

    std::optional<std::vector<supervisor::ExportRecord>> list() override;
    int add(const supervisor::ExportRecord &record) override;
    int remove(const QString &name) override;
    int start(const QString &name) override;
    int stop(const QString &name) override;
    int change(const supervisor::ExportRecord &record) override;
    std::optional<supervisor::ExportStatus> status(const QString &name) override;
    QString location() const override;

private:
    int failed(const service::ServiceError &error) const;

    const Command &m_command;
    service::ServiceClient m_client;
};

} // namespace aoesan::cli
