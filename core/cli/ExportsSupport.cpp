// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ExportsSupport.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace aoesan::cli {

QCommandLineOption storeOption()
{
    return QCommandLineOption(QStringLiteral("store"),
        QStringLiteral("The export list to use (default: %1).").arg(supervisor::ExportStore::defaultPath()),
        QStringLiteral("FILE"));
}

std::optional<supervisor::ExportStore> openStore(const Command &command, const QString &path)
{
    supervisor::ExportStore store(path.isEmpty() ? supervisor::ExportStore::defaultPath() : path);
    const auto loaded = store.load();
    if (!loaded) {
        command.error(loaded.error().message.toStdString());
        return std::nullopt;
    }
    for (const auto &problem : loaded->problems)
        command.error(problem.toStdString());
    return store;
}

bool saveStore(const Command &command, const supervisor::ExportStore &store)
{
    const auto saved = store.save();
    if (!saved)
        command.error(saved.error().message.toStdString());
    return saved.ok();
}

std::string storeWords(const QString &store)
{
    if (store.isEmpty())
        return {};
    std::string path = store.toStdString();
    const bool plain = std::all_of(path.begin(), path.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c))
            || std::string_view("/._-+=:@,").find(c) != std::string_view::npos;
    });
    if (!plain) {
        std::string quoted = "'";
        for (char c : path)
            quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        path = quoted + "'";
    }
    return " --store " + path;
}

} // namespace aoesan::cli
