// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/LocalExports.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include "cli/ExportsSupport.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

LocalExports::LocalExports(const Command &command, QString storePath)
    : m_command(command)
    , m_storePath(std::move(storePath))
{ }

QString LocalExports::location() const
{
    return m_storePath.isEmpty() ? supervisor::ExportStore::defaultPath() : m_storePath;
}

std::optional<std::vector<supervisor::ExportRecord>> LocalExports::list()
{
    const auto store = openStore(m_command, m_storePath);
    if (!store)
        return std::nullopt;
    return store->records();
}

int LocalExports::add(const supervisor::ExportRecord &record)
{
    auto store = openStore(m_command, m_storePath);
    if (!store)
        return ExitFailed;
    if (const auto added = store->add(record); !added)
        return m_command.failure(added.error().message.toStdString());
    return saveStore(m_command, *store) ? ExitOk : ExitFailed;
}

int LocalExports::remove(const QString &name)
{
    auto store = openStore(m_command, m_storePath);
    if (!store)
        return ExitFailed;
    if (const auto removed = store->remove(name); !removed)
        return m_command.failure(removed.error().message.toStdString());
    return saveStore(m_command, *store) ? ExitOk : ExitFailed;
}

int LocalExports::change(const supervisor::ExportRecord &record)
{
    auto store = openStore(m_command, m_storePath);
    if (!store)
        return ExitFailed;
    if (const auto replaced = store->replace(record); !replaced)
        return m_command.failure(replaced.error().message.toStdString());
    return saveStore(m_command, *store) ? ExitOk : ExitFailed;
}

std::optional<supervisor::ExportRecord> LocalExports::find(const QString &name)
{
    const auto store = openStore(m_command, m_storePath);
    if (!store)
        return std::nullopt;
    auto record = store->find(name);
    if (!record)
        m_command.error("no export is named '" + name.toStdString() + "' in " + store->path().toStdString());
    return record;
}

int LocalExports::start(const QString &name)
{
    return viaSystemd(QStringLiteral("start"), name);
}

int LocalExports::stop(const QString &name)
{
    return viaSystemd(QStringLiteral("stop"), name);
}

int LocalExports::viaSystemd(const QString &verb, const QString &name)
{
    if (!find(name))
        return ExitFailed;
    const QString systemctl = QStandardPaths::findExecutable(QStringLiteral("systemctl"));
    if (systemctl.isEmpty() || !QFileInfo::exists(QStringLiteral("/run/systemd/system")))
        return m_command.failure(
            "systemd is not running here, so exports cannot be started in the background; run this one "
            "in the foreground with `aoesan-ctl exports run "
            + name.toStdString() + storeWords(m_storePath) + "`, or every autostart export with `aoesan-ctl supervise"
            + storeWords(m_storePath) + "`");
    const QString unit = QStringLiteral("aoesan-export@%1.service").arg(name);
    if (QProcess::execute(systemctl, {verb, unit}) != 0)
        return m_command.failure("systemctl " + verb.toStdString() + " " + unit.toStdString()
            + " failed; see `systemctl status " + unit.toStdString() + "`");
    return ExitOk;
}

} // namespace aoesan::cli
