// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl interfaces: the Ethernet interfaces with MAC, MTU and link state.
#include "cli/Command.h"
#include "cli/Commands.h"
#include "net/NetworkInterfaces.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

int runInterfaces(const QStringList &args, const Console &console)
{
    const Command command("interfaces", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the Ethernet interfaces of this machine (loopback left out) with MAC, MTU and link state."));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return command.usageError("takes no arguments");
    const auto listed = net::listInterfaces();
    if (!listed)
        return command.failure(listed.error());
    std::fprintf(console.out, "%-16s %-17s %6s %s\n", "INTERFACE", "MAC", "MTU", "LINK");
    for (const auto &i : listed.value()) {
        const char *link = i.up ? (i.carrier ? "up" : "up, no carrier") : "down";
        std::fprintf(console.out, "%-16s %-17s %6d %s\n", i.name.c_str(), i.mac.toString().c_str(), i.mtu, link);
    }
    return ExitOk;
}

} // namespace aoesan::cli
