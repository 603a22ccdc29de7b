// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl: the command-line front end. Each subcommand is a small function over core.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "Version.h"
#include "cli/Commands.h"
#include "cli/ExportCommands.h"
#include "log/Logging.h"
#include "util/CommandHelp.h"
#include "util/ExitCode.h"

namespace {

constexpr int kExitUsage = aoesan::ExitUsage;

struct Subcommand
{
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const std::map<QString, Subcommand> &subcommands()
{
    static const std::map<QString, Subcommand> table {
        {QStringLiteral("interfaces"),
            {"list Ethernet interfaces with MAC, MTU and link state", aoesan::cli::runInterfaces}},
        {QStringLiteral("stat"), {"discover AoE targets and list them as aoe-stat does", aoesan::cli::runStat}},
        {QStringLiteral("identify"), {"show a target's IDENTIFY data: model, serial, size", aoesan::cli::runIdentify}},
        {QStringLiteral("config"), {"read, test or set a target's config string", aoesan::cli::runConfig}},
        {QStringLiteral("mask"), {"read or edit a target's MAC mask list", aoesan::cli::runMask}},
        {QStringLiteral("reserve"), {"read, set or release a target's reserve list", aoesan::cli::runReserve}},
        {QStringLiteral("exports"), {"list, add, remove, run, start or stop local exports", aoesan::cli::runExports}},
        {QStringLiteral("supervise"),
            {"run the autostart exports until SIGTERM (headless)", aoesan::cli::runSupervise}},
        {QStringLiteral("import-vblade-conf"),
            {"import Debian's vblade.conf.d exports", aoesan::cli::runImportVbladeConf}},
        {QStringLiteral("serve"),
            {"export a file or block device as an AoE target (vblade's arguments)", aoesan::cli::runServe}},
    };
    return table;
}

QString commandsHelp()
{
    // One column for the summaries, as wide as the longest command name.
    qsizetype width = 0;
    for (const auto &entry : subcommands())
        width = std::max(width, entry.first.size());
    QString text = QStringLiteral("Commands:\n");
    for (const auto &[name, command] : subcommands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(name, -static_cast<int>(width))
                    .arg(QString::fromLatin1(command.summary));
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aoesan-ctl"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(aoesan::kVersionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Command-line front end of aoesan, the ATA over Ethernet SAN manager.\n\n") + commandsHelp()
        + QStringLiteral("\naoesan-ctl COMMAND --help says more about a command.\n")
        + QString::fromLatin1(aoesan::kExitCodeHelp));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QStringLiteral("%1 (default: $AOESAN_LOG or warn).").arg(QString::fromLatin1(aoesan::log::kLevelNames)),
        QStringLiteral("level"));
    parser.addOption(logLevel);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run (see above)."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const bool parsed = parser.parse(QCoreApplication::arguments());
    if (parsed && parser.isSet(help)) {
        std::printf("%s", qPrintable(aoesan::commandHelpText(parser, QStringLiteral("aoesan-ctl"))));
        return aoesan::ExitOk;
    }
    if (!parsed) {
        std::fprintf(stderr, "aoesan-ctl: %s; see aoesan-ctl --help\n", qPrintable(parser.errorText()));
        return kExitUsage;
    }
    if (parser.isSet(version)) {
        std::printf("aoesan-ctl %s\n", aoesan::kVersionString);
        return aoesan::ExitOk;
    }
    if (parser.isSet(logLevel) && !aoesan::log::parseLevel(parser.value(logLevel).toStdString())) {
        std::fprintf(stderr, "aoesan-ctl: unknown --log-level '%s'; use %s\n", qPrintable(parser.value(logLevel)),
            aoesan::log::kLevelNames);
        return kExitUsage;
    }

    QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fprintf(stderr, "aoesan-ctl: no command given\n\n%s", qPrintable(commandsHelp()));
        return kExitUsage;
    }
    const QString name = args.takeFirst();
    const auto found = subcommands().find(name);
    if (found == subcommands().end()) {
        std::fprintf(stderr, "aoesan-ctl: unknown command '%s'\n\n%s", qPrintable(name), qPrintable(commandsHelp()));
        return kExitUsage;
    }
    // A question about a command touches nothing: no log file is opened for it.
    if (!aoesan::isHelpRequest(args)) {
        aoesan::log::LogOptions logOptions {"aoesan-ctl", std::string("warn"), true, true};
        if (parser.isSet(logLevel))
            logOptions.level = parser.value(logLevel).toStdString();
        else if (qEnvironmentVariableIsSet("AOESAN_LOG"))
            logOptions.level.reset();
        aoesan::log::initLogging(logOptions);
    }
    return found->second.run(args);
}
