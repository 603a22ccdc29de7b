// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl serve: a foreground target with vblade's arguments (switching from vblade is changing one
// word). Unlike vblade it first listens a moment on the interface and refuses a shelf.slot another host
// already answers there (two targets at one address mix up the initiators' data), unless --force; the
// check is the supervisor's own (ExportPreflight over AddressWatch), as `exports run` does it.
#include <QCoreApplication>

#include <string>
#include <vector>

#include "cli/AddressWatch.h"
#include "cli/Command.h"
#include "cli/Commands.h"
#include "engine/ServeSession.h"
#include "net/NetworkInterfaces.h"
#include "supervisor/ExportPreflight.h"
#include "util/CommandHelp.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

std::string usage()
{
    return engine::serveUsage("aoesan-ctl")
        + "aoesan-ctl serve also takes:\n"
          "  --force            serve even when another host already answers shelf.slot there\n";
}

// Who else answers the export's shelf.slot on its interface, as the supervisor asks before a start;
// nullopt when nobody does (or when the check cannot run: then the engine's own errors speak).
std::optional<supervisor::ExportProblem> addressInUse(const Command &command, const engine::ServeOptions &options)
{
    // An interface that cannot carry AoE is the engine's to refuse, once, with its fix.
    if (!net::findAoeInterface(options.interface))
        return std::nullopt;
    std::string why;
    auto watch = AddressWatch::open({QString::fromStdString(options.interface)}, &why);
    if (!watch) {
        std::fprintf(command.err(),
            "aoesan-ctl serve: warning: cannot check whether another host already serves e%u.%u (%s)\n",
            unsigned(options.shelf), unsigned(options.slot), why.c_str());
        return std::nullopt;
    }
    watch->whenSettled([] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    supervisor::ExportRecord record;
    record.name = QStringLiteral("serve");
    record.path = QString::fromStdString(options.path);
    record.shelf = options.shelf;
    record.slot = options.slot;
    record.interface = QString::fromStdString(options.interface);
    record.readOnly = options.readOnly;
    auto problem = supervisor::ExportPreflight(&watch->query(), nullptr).check(record, false);
    // A missing file is the engine's to report, in its own words and exit code.
    if (problem && problem->code != QLatin1String("address-in-use"))
        return std::nullopt;
    return problem;
}

} // namespace

int runServe(const QStringList &args, const Console &console)
{
    const Command command("serve", console);
    if (isHelpRequest(args)) {
        std::fprintf(console.out, "%s", usage().c_str());
        return ExitOk;
    }
    std::vector<std::string> words;
    bool force = false;
    for (const auto &a : args) {
        if (a == QLatin1String("--force"))
            force = true;
        else
            words.push_back(a.toStdString());
    }
    auto options = engine::parseServeArguments(words);
    engine::EngineEvents events(options.ok() && options->events, console.out, console.err);
    events.setProgram("aoesan-ctl serve");
    if (!options) {
        events.error(error_word::kBadArguments, options.error());
        std::fprintf(console.err, "%s", usage().c_str());
        return ExitUsage;
    }
    if (!force) {
        if (const auto taken = addressInUse(command, options.value()))
            return command.failure(
                taken->message.toStdString() + ". " + taken->fix.toStdString() + " --force serves it anyway.");
    }
    return engine::runServe(options.value(), events);
}

} // namespace aoesan::cli
