// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl interfaces: the Ethernet interfaces with MAC, MTU and link state.
#include <cstdio>

#include "cli/Commands.h"
#include "cli/CtlSupport.h"
#include "net/NetworkInterfaces.h"

namespace aoesan::cli {

int runInterfaces(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the Ethernet interfaces of this machine (loopback left out) with MAC, MTU and link state."));
    if (const auto stop = parseArguments(parser, "interfaces", args))
        return *stop;
    if (!parser.positionalArguments().isEmpty()) {
        printError("interfaces", "takes no arguments");
        return kExitUsage;
    }
    const auto listed = net::listInterfaces();
    if (!listed) {
        printError("interfaces", listed.error());
        return kExitFailure;
    }
    std::printf("%-16s %-17s %6s %s\n", "INTERFACE", "MAC", "MTU", "LINK");
    for (const auto &i : listed.value()) {
        const char *link = i.up ? (i.carrier ? "up" : "up, no carrier") : "down";
        std::printf("%-16s %-17s %6d %s\n", i.name.c_str(), i.mac.toString().c_str(), i.mtu, link);
    }
    return kExitOk;
}

} // namespace aoesan::cli
