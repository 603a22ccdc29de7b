// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl supervise: the headless supervisor. Runs every export marked autostart under the supervisor
// until SIGTERM/SIGINT, printing each state change; what packaging/systemd/aoesan-supervise.service runs.
#include "cli/CtlSupport.h"
#include "cli/ExportCommands.h"
#include "cli/ExportsSupport.h"

namespace aoesan::cli {

int runSupervise(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs every export marked autostart (aoesan-ctl exports add --autostart ...) until SIGTERM or SIGINT,\n"
        "restarting engines that crash and printing each change of state."));
    const QCommandLineOption store = storeOption();
    const QCommandLineOption force(
        QStringLiteral("force"), QStringLiteral("Start exports of devices that look in use (mounted, LVM, ...)."));
    parser.addOption(store);
    parser.addOption(force);
    if (const auto stop = parseArguments(parser, "supervise", args))
        return *stop;
    if (!parser.positionalArguments().isEmpty()) {
        printError("supervise", "takes no arguments");
        return kExitUsage;
    }
    auto exports = openStore("supervise", parser.value(store));
    if (!exports)
        return kExitFailure;
    std::vector<supervisor::ExportRecord> autostart;
    for (const auto &r : exports->records()) {
        if (r.autostart)
            autostart.push_back(r);
    }
    return runInForeground("supervise", autostart, ForegroundOptions {parser.isSet(force), false});
}

} // namespace aoesan::cli
