// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl supervise: the headless supervisor. Runs every export marked autostart under the supervisor
// until SIGTERM/SIGINT, printing each state change: in the foreground, what aoesan.service does for the system.
#include "cli/Commands.h"
#include "cli/ExportsSupport.h"
#include "cli/ForegroundRun.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

int runSupervise(const QStringList &args, const Console &console)
{
    const Command command("supervise", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs every export marked autostart (aoesan-ctl exports add --autostart ...) until SIGTERM or SIGINT,\n"
        "restarting engines that crash and printing each change of state."));
    const QCommandLineOption store = storeOption();
    const QCommandLineOption force(
        QStringLiteral("force"), QStringLiteral("Start exports of devices that look in use (mounted, LVM, ...)."));
    parser.addOption(store);
    parser.addOption(force);
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return command.usageError("takes no arguments");
    const auto exports = openStore(command, parser.value(store));
    if (!exports)
        return ExitFailed;
    std::vector<supervisor::ExportRecord> autostart;
    for (const auto &r : exports->records()) {
        if (r.autostart)
            autostart.push_back(r);
    }
    return runInForeground(command, autostart, ForegroundOptions {parser.isSet(force), false});
}

} // namespace aoesan::cli
