// aoesan-engine: the one privileged helper. It opens raw sockets and backing devices, then drops
// its capabilities; the GUI and the supervisor talk to it over stdin/stdout.
#include <QCoreApplication>
#include <QCommandLineParser>

#include <cstdio>

#include "Version.h"
#include "log/Logging.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aoesan-engine"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(aoesan::kVersionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The privileged AoE engine of aoesan. It is started by aoesan and aoesan-ctl;\n"
        "it needs CAP_NET_RAW (membership of group 'aoesan' in an installed system, or root)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QStringLiteral("trace, debug, info, warn, error or off (default: $AOESAN_LOG or info)."),
                                      QStringLiteral("level"));
    parser.addOption(logLevel);
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("What to run. No mode is available yet."));
    parser.process(app);

    aoesan::log::LogOptions logOptions{"aoesan-engine", std::nullopt, true, true};
    if (parser.isSet(logLevel))
        logOptions.level = parser.value(logLevel).toStdString();
    aoesan::log::initLogging(logOptions);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fprintf(stderr, "aoesan-engine: no mode given; see aoesan-engine --help\n");
        return 2;
    }
    std::fprintf(stderr, "aoesan-engine: unknown mode '%s'; see aoesan-engine --help\n", qPrintable(args.first()));
    return 2;
}
