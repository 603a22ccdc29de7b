// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ServiceExports.h"

#include "util/ExitCode.h"

namespace aoesan::cli {

ServiceExports::ServiceExports(const Command &command, QDBusConnection bus)
    : m_command(command)
    , m_client(std::move(bus))
{ }

int ServiceExports::failed(const service::ServiceError &error) const
{
    m_command.error(error.message.toStdString());
    return service::exitCodeFor(error);
}

std::optional<std::vector<supervisor::ExportRecord>> ServiceExports::list()
{
    if (auto loaded = m_client.refresh(); !loaded) {
        failed(loaded.error());
        return std::nullopt;
    }
    std::vector<supervisor::ExportRecord> records;
    for (const auto &[name, view] : m_client.exports())
        records.push_back(view.record);
    return records;
}

int ServiceExports::add(const supervisor::ExportRecord &record)
{
    auto added = m_client.addExport(record, false, false);
    return added ? ExitOk : failed(added.error());
}

int ServiceExports::remove(const QString &name)
{
    auto done = m_client.removeExport(name);
    return done ? ExitOk : failed(done.error());
}

int ServiceExports::start(const QString &name)
{
    auto done = m_client.startExport(name, false);
    return done ? ExitOk : failed(done.error());
}

int ServiceExports::stop(const QString &name)
{
    auto done = m_client.stopExport(name);
    return done ? ExitOk : failed(done.error());
}

int ServiceExports::change(const supervisor::ExportRecord &record)
{
    auto done = m_client.changeExport(record);
    return done ? ExitOk : failed(done.error());
}

std::optional<supervisor::ExportStatus> ServiceExports::status(const QString &name)
{
    if (!m_client.refresh())
        return std::nullopt;
    const auto it = m_client.exports().find(name);
    if (it == m_client.exports().end())
        return std::nullopt;
    return it->second.status;
}

QString ServiceExports::location() const
{
    const QString path = m_client.manager().exportListPath;
    return path.isEmpty() ? QStringLiteral("the aoesan service") : QStringLiteral("the aoesan service (%1)").arg(path);
}

} // namespace aoesan::cli
