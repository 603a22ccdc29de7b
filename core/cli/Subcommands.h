// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl's subcommands by name, each with its one-line summary and the function that runs it: the
// table the program dispatches with and prints in its help, and that tests walk to reach every command.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

#include "cli/Console.h"

namespace aoesan::cli {

struct Subcommand
{
    QString name;
    const char *summary;
    int (*run)(const QStringList &args, const Console &console);
};

// Every subcommand, sorted by name.
const std::vector<Subcommand> &subcommands();
// The subcommand called `name`; null when there is none.
const Subcommand *findSubcommand(const QString &name);
// "Commands:" and one line per subcommand, the summaries in one column.
QString commandsHelp();

} // namespace aoesan::cli
