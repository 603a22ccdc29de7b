// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "Version.h"
#include "log/Logging.h"
#include "settings/AppSettings.h"
#include "shell/Translations.h"

namespace aoesan::ui {

namespace {

// The options QGuiApplication and QApplication read themselves (Qt's documentation of both). They
// reach this parser before QApplication has taken them out of argv, so they are known here, hidden.
const char *const kQtValueOptions[]
    = {"platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry", "qwindowicon", "qwindowtitle",
        "session", "display", "geometry", "style", "stylesheet", "name", "title", "visual", "qmljsdebugger"};
const char *const kQtFlagOptions[] = {"reverse", "widgetcount", "nograb", "dograb", "sync"};

struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption help = parser.addHelpOption();
    QCommandLineOption version = parser.addVersionOption();
    QCommandLineOption lab {QStringLiteral("lab"),
        QCoreApplication::translate("main",
            "Start in a private network namespace with demo targets and exports; nothing is sent on this machine's "
            "interfaces.")};
    QCommandLineOption autostart {QStringLiteral("autostart"),
        QCoreApplication::translate("main",
            "Started by the desktop at login: end at once unless \"Start aoesan in the tray when I log in\" is on "
            "in the settings; then start with the window hidden, in the tray.")};
    QCommandLineOption logLevel {QStringLiteral("log-level"),
        QCoreApplication::translate("main", "trace, debug, info, warn, error or off (default: $AOESAN_LOG or info)."),
        QStringLiteral("level")};

    Parser()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "ATA over Ethernet SAN manager: discover, export and watch AoE targets."));
        // -platform is one option as Qt reads it, not the letters p, l, a, ...
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOption(lab);
        parser.addOption(autostart);
        parser.addOption(logLevel);
        for (const char *name : kQtValueOptions) {
            QCommandLineOption qt(QString::fromLatin1(name), QString(), QStringLiteral("value"));
            qt.setFlags(QCommandLineOption::HiddenFromHelp);
            parser.addOption(qt);
        }
        for (const char *name : kQtFlagOptions) {
            QCommandLineOption qt(QString::fromLatin1(name));
            qt.setFlags(QCommandLineOption::HiddenFromHelp);
            parser.addOption(qt);
        }
    }
};

} // namespace

CommandLineVerdict readCommandLine(const QStringList &arguments)
{
    Parser p;
    CommandLineVerdict verdict;
    if (!p.parser.parse(arguments)) {
        verdict.action = CommandLineVerdict::Action::Refuse;
        verdict.error = p.parser.errorText();
        return verdict;
    }
    if (p.parser.isSet(p.help) || p.parser.isSet(QStringLiteral("help-all"))) {
        verdict.action = CommandLineVerdict::Action::PrintHelp;
        return verdict;
    }
    if (p.parser.isSet(p.version)) {
        verdict.action = CommandLineVerdict::Action::PrintVersion;
        return verdict;
    }
    verdict.options.lab = p.parser.isSet(p.lab);
    verdict.options.autostart = p.parser.isSet(p.autostart);
    if (p.parser.isSet(p.logLevel)) {
        const QString level = p.parser.value(p.logLevel);
        // core/log owns the level names: the same words as aoesan-ctl and aoesan-engine take.
        if (!log::parseLevel(level.toStdString())) {
            verdict.action = CommandLineVerdict::Action::Refuse;
            verdict.error = QCoreApplication::translate("main", "unknown log level '%1' (use %2)")
                                .arg(level, QString::fromLatin1(log::kLevelNames));
            return verdict;
        }
        verdict.options.logLevel = level;
    }
    return verdict;
}

CommandLine commandLineOrExit(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLineVerdict verdict = readCommandLine(arguments);
    if (verdict.action == CommandLineVerdict::Action::Run)
        return verdict.options;

    // Text only: a QCoreApplication needs no display; the person's language comes from their settings.
    // argv[0] as the person types it: the usage line says "aoesan", not the binary's full path.
    char name[] = "aoesan";
    std::vector<char *> args(argv, argv + argc);
    args[0] = name;
    int count = argc;
    QCoreApplication app(count, args.data());
    QCoreApplication::setApplicationName(QStringLiteral("aoesan"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersionString));
    installTranslations(app, SettingsStore().load().settings.language);
    Parser translated; // made after the translator, so its descriptions are in the person's language
    translated.parser.parse(arguments);
    switch (verdict.action) {
    case CommandLineVerdict::Action::PrintHelp:
        std::fputs(qPrintable(translated.parser.helpText()), stdout);
        std::exit(0);
    case CommandLineVerdict::Action::PrintVersion:
        std::printf("aoesan %s\n", kVersionString);
        std::exit(0);
    default:
        std::fprintf(stderr, "aoesan: %s\n%s\n", qPrintable(verdict.error),
            qPrintable(QCoreApplication::translate("main", "Try aoesan --help.")));
        std::exit(2);
    }
}

} // namespace aoesan::ui
