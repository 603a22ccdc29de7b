// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl serve: a foreground target with vblade's arguments (switching from vblade is changing one
// word). Unlike vblade it first listens a moment on the interface and refuses a shelf.slot another host
// already answers there (two targets at one address mix up the initiators' data), unless --force; the
// check is the supervisor's own (ExportPreflight over AddressWatch), as `exports run` does it.
#include <QCoreApplication>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/AddressWatch.h"
#include "cli/Commands.h"
#include "cli/CtlSupport.h"
#include "engine/ServeSession.h"
#include "net/NetworkInterfaces.h"
#include "supervisor/ExportPreflight.h"
#include "util/CommandHelp.h"

namespace aoesan::cli {

namespace {

constexpr const char *kCommand = "serve";

std::string usage()
{
    return engine::serveUsage("aoesan-ctl")
        + "aoesan-ctl serve also takes --force: serve even when another host already answers shelf.slot there.\n";
}

// Who else answers the export's shelf.slot on its interface, as the supervisor asks before a start;
// nullopt when nobody does (or when the check cannot run: then the engine's own errors speak).
std::optional<supervisor::ExportProblem> addressInUse(const engine::ServeOptions &options)
{
    // An interface that cannot carry AoE is the engine's to refuse, once, with its fix.
    if (!net::findAoeInterface(options.interface))
        return std::nullopt;
    std::string why;
    auto watch = AddressWatch::open({QString::fromStdString(options.interface)}, &why);
    if (!watch) {
        std::fprintf(stderr,
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

int runServe(const QStringList &args)
{
    if (isHelpRequest(args)) {
        std::printf("%s", usage().c_str());
        return kExitOk;
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
    engine::EngineEvents events(options.ok() && options->events);
    events.setProgram("aoesan-ctl serve");
    if (!options) {
        events.error("bad-arguments", options.error());
        std::fprintf(stderr, "%s", usage().c_str());
        return kExitUsage;
    }
    if (!force) {
        if (const auto taken = addressInUse(options.value())) {
            printError(kCommand,
                taken->message.toStdString() + ". " + taken->fix.toStdString() + " --force serves it anyway.");
            return kExitFailure;
        }
    }
    return engine::runServe(options.value(), events);
}

} // namespace aoesan::cli
