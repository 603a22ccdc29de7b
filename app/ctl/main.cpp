// aoesan-ctl: the command-line front end. Each subcommand is a small function over core.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <functional>
#include <map>

#include "Commands.h"
#include "ExportCommands.h"
#include "Version.h"
#include "log/Logging.h"
#include "target/ServeSession.h"

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitFailure = 1;

// A foreground target with vblade's arguments: switching from vblade is changing one word.
int cmdServe(const QStringList &args)
{
    std::vector<std::string> words;
    for (const auto &a : args) {
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            std::printf("%s", aoesan::target::serveUsage("aoesan-ctl").c_str());
            return 0;
        }
        words.push_back(a.toStdString());
    }
    auto options = aoesan::target::parseServeArguments(words);
    aoesan::target::EngineEvents events(options.ok() && options->events);
    if (!options) {
        events.error("bad-arguments", options.error());
        std::fprintf(stderr, "%s", aoesan::target::serveUsage("aoesan-ctl").c_str());
        return kExitUsage;
    }
    return aoesan::target::runServe(options.value(), events);
}

struct Subcommand
{
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const std::map<QString, Subcommand> &subcommands()
{
    static const std::map<QString, Subcommand> table {
        {QStringLiteral("interfaces"),
            {"list Ethernet interfaces with MAC, MTU and link state", aoesan::ctl::runInterfaces}},
        {QStringLiteral("stat"), {"discover AoE targets and list them as aoe-stat does", aoesan::ctl::runStat}},
        {QStringLiteral("identify"), {"show a target's IDENTIFY data: model, serial, size", aoesan::ctl::runIdentify}},
        {QStringLiteral("config"), {"read, test or set a target's config string", aoesan::ctl::runConfig}},
        {QStringLiteral("mask"), {"read or edit a target's MAC mask list", aoesan::ctl::runMask}},
        {QStringLiteral("reserve"), {"read, set or release a target's reserve list", aoesan::ctl::runReserve}},
        {QStringLiteral("exports"), {"list, add, remove, run, start or stop local exports", aoesan::ctl::runExports}},
        {QStringLiteral("supervise"),
            {"run the autostart exports until SIGTERM (headless)", aoesan::ctl::runSupervise}},
        {QStringLiteral("import-vblade-conf"),
            {"import Debian's vblade.conf.d exports", aoesan::ctl::runImportVbladeConf}},
        {QStringLiteral("serve"), {"export a file or block device as an AoE target (vblade's arguments)", cmdServe}},
    };
    return table;
}

QString commandsHelp()
{
    QString text = QStringLiteral("Commands:\n");
    for (const auto &[name, command] : subcommands())
        text += QStringLiteral("  %1  %2\n").arg(name, -12).arg(QString::fromLatin1(command.summary));
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
        QStringLiteral("Command-line front end of aoesan, the ATA over Ethernet SAN manager.\n\n") + commandsHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QStringLiteral("trace, debug, info, warn, error or off (default: $AOESAN_LOG or warn)."),
        QStringLiteral("level"));
    parser.addOption(logLevel);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run (see above)."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);

    aoesan::log::LogOptions logOptions {"aoesan-ctl", std::string("warn"), true, true};
    if (parser.isSet(logLevel))
        logOptions.level = parser.value(logLevel).toStdString();
    else if (qEnvironmentVariableIsSet("AOESAN_LOG"))
        logOptions.level.reset();
    aoesan::log::initLogging(logOptions);

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
    return found->second.run(args);
}
