// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl: the command-line front end. It reads the program's own options (--help, --version,
// --log-level), sets up logging and hands the rest to a subcommand of core/cli (cli/Subcommands.h).
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

#include "Version.h"
#include "cli/Subcommands.h"
#include "log/Logging.h"
#include "util/CommandHelp.h"
#include "util/ExitCode.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aoesan-ctl"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(aoesan::kVersionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Command-line front end of aoesan, the ATA over Ethernet SAN manager.\n\n")
        + aoesan::cli::commandsHelp() + QStringLiteral("\naoesan-ctl COMMAND --help says more about a command.\n")
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
        return aoesan::ExitUsage;
    }
    if (parser.isSet(version)) {
        std::printf("aoesan-ctl %s\n", aoesan::kVersionString);
        return aoesan::ExitOk;
    }
    if (parser.isSet(logLevel) && !aoesan::log::parseLevel(parser.value(logLevel).toStdString())) {
        std::fprintf(stderr, "aoesan-ctl: unknown --log-level '%s'; use %s\n", qPrintable(parser.value(logLevel)),
            aoesan::log::kLevelNames);
        return aoesan::ExitUsage;
    }

    QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fprintf(stderr, "aoesan-ctl: no command given\n\n%s", qPrintable(aoesan::cli::commandsHelp()));
        return aoesan::ExitUsage;
    }
    const QString name = args.takeFirst();
    const aoesan::cli::Subcommand *command = aoesan::cli::findSubcommand(name);
    if (!command) {
        std::fprintf(stderr, "aoesan-ctl: unknown command '%s'\n\n%s", qPrintable(name),
            qPrintable(aoesan::cli::commandsHelp()));
        return aoesan::ExitUsage;
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
    return command->run(args, aoesan::cli::Console {stdout, stderr});
}
