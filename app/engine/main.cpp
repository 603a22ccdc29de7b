// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-engine: the one privileged helper. It opens raw sockets and backing devices, then drops
// its capabilities; the GUI and the supervisor talk to it over stdin/stdout.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "CaptureMode.h"
#include "ProbeMode.h"
#include "Version.h"
#include "engine/ServeSession.h"
#include "log/Logging.h"
#include "util/CommandHelp.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

namespace {

// vblade's arguments (-b 16 -d ...) are not QCommandLineParser's: serve parses its own.
int serve(const std::vector<std::string> &args)
{
    for (const auto &a : args) {
        if (a == "-h" || a == "--help") {
            std::printf("%s", aoesan::engine::serveUsage("aoesan-engine").c_str());
            return aoesan::ExitOk;
        }
    }
    auto options = aoesan::engine::parseServeArguments(args);
    // A supervisor that asked for events gets a bad-arguments event too, not only a line on stderr.
    const bool json = options.ok() ? options->events : std::find(args.begin(), args.end(), "--events") != args.end();
    aoesan::engine::EngineEvents events(json);
    if (!options) {
        events.error(aoesan::error_word::kBadArguments, options.error());
        std::fprintf(stderr, "%s", aoesan::engine::serveUsage("aoesan-engine").c_str());
        return aoesan::ExitUsage;
    }
    // stdout may be the supervisor's event stream: logs go to stderr and the file only.
    aoesan::log::initLogging({"aoesan-engine", std::nullopt, true, true});
    return aoesan::engine::runServe(options.value(), events);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && std::string(argv[1]) == "serve")
        return serve(std::vector<std::string>(argv + 2, argv + argc));

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aoesan-engine"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(aoesan::kVersionString));
    // probe has its own options (-i, --interval), which the parser below does not know.
    if (argc > 1 && std::string(argv[1]) == "probe")
        return aoesan::engine::runProbe(QCoreApplication::arguments().mid(2));
    if (argc > 1 && std::string(argv[1]) == "capture")
        return aoesan::engine::runCapture(QCoreApplication::arguments().mid(2));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "The privileged AoE engine of aoesan. It is started by aoesan and aoesan-ctl;\n"
            "it needs CAP_NET_RAW (membership of group 'aoesan' in an installed system, or root).\n\n"
            "Modes:\n"
            "  serve [vblade options] SHELF SLOT NETIF FILE   export FILE as AoE target eSHELF.SLOT\n"
            "                                                (aoesan-engine serve --help for the options)\n"
            "  probe -i IFACE... [--interval SECS]            discover AoE targets; JSON Lines on stdout until\n"
            "                                                stdin closes (docs/probe-events.md)\n"
            "  capture -i IFACE --pcap-fd FD [--boot] [--target SHELF.SLOT] [--seconds N] [--count N]\n"
            "                                                AoE frames as pcap onto FD, events as JSON Lines on\n"
            "                                                stdout until stdin closes (docs/capture-events.md)\n\n")
        + QString::fromLatin1(aoesan::kExitCodeHelp));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QStringLiteral("trace, debug, info, warn, error or off (default: $AOESAN_LOG or info)."),
        QStringLiteral("level"));
    parser.addOption(logLevel);
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("What to run: serve, probe or capture."));
    const bool parsed = parser.parse(QCoreApplication::arguments());
    if (parser.isSet(help)) {
        std::printf("%s", qPrintable(aoesan::commandHelpText(parser, QStringLiteral("aoesan-engine"))));
        return aoesan::ExitOk;
    }
    if (!parsed) {
        std::fprintf(stderr, "aoesan-engine: %s; see aoesan-engine --help\n", qPrintable(parser.errorText()));
        return aoesan::ExitUsage;
    }
    if (parser.isSet(version)) {
        std::printf("aoesan-engine %s\n", aoesan::kVersionString);
        return aoesan::ExitOk;
    }
    if (parser.isSet(logLevel) && !aoesan::log::parseLevel(parser.value(logLevel).toStdString())) {
        std::fprintf(stderr, "aoesan-engine: unknown --log-level '%s'; use %s\n", qPrintable(parser.value(logLevel)),
            aoesan::log::kLevelNames);
        return aoesan::ExitUsage;
    }

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fprintf(stderr, "aoesan-engine: no mode given; see aoesan-engine --help\n");
        return aoesan::ExitUsage;
    }
    std::fprintf(stderr, "aoesan-engine: unknown mode '%s'; see aoesan-engine --help\n", qPrintable(args.first()));
    return aoesan::ExitUsage;
}
