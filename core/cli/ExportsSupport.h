// SPDX-License-Identifier: GPL-3.0-or-later
// What the export subcommands (exports, supervise, import-vblade-conf) share about the export list: the
// --store option, loading the list with its problems reported, saving it, and the words that name the
// same list again in a command they suggest.
#pragma once

#include <QCommandLineOption>

#include <optional>
#include <string>

#include "cli/Command.h"
#include "supervisor/ExportStore.h"

namespace aoesan::cli {

QCommandLineOption storeOption();
// The export list at `path` (the default one when empty), loaded; problems go to the error stream (they are
// no reason to stop). nullopt, after printing why, when it cannot be read at all.
std::optional<supervisor::ExportStore> openStore(const Command &command, const QString &path);
// Saves, printing the reason on failure.
bool saveStore(const Command &command, const supervisor::ExportStore &store);
// " --store PATH" (quoted for a shell when needed) when the person named a store, else nothing: a command
// suggested in a message must work on the same list.
std::string storeWords(const QString &path);

} // namespace aoesan::cli
