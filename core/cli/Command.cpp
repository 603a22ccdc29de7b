// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Command.h"

#include "util/CommandHelp.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

Command::Command(const char *name, const Console &console)
    : m_name(name)
    , m_console(console)
{ }

QString Command::usageName() const
{
    return QStringLiteral("aoesan-ctl %1").arg(QString::fromLatin1(m_name));
}

void Command::error(const std::string &message) const
{
    std::fprintf(err(), "aoesan-ctl %s: %s\n", m_name, message.c_str());
}

int Command::usageError(const std::string &message) const
{
    error(message);
    return ExitUsage;
}

int Command::failure(const std::string &message) const
{
    error(message);
    return ExitFailed;
}

std::optional<int> Command::parseArguments(QCommandLineParser &parser, const QStringList &args) const
{
    const QCommandLineOption help = parser.addHelpOption();
    const QString description = parser.applicationDescription();
    if (!description.contains(QLatin1String("Exit codes:")))
        parser.setApplicationDescription(description + QStringLiteral("\n") + QString::fromLatin1(kExitCodeHelp));
    QStringList argv {usageName()};
    argv += args;
    const bool parsed = parser.parse(argv);
    // Help wins over every other word, also over a wrong one: a person asking for help gets it.
    if (parser.isSet(help) || (!parsed && isHelpRequest(args))) {
        std::fprintf(out(), "%s", qPrintable(commandHelpText(parser, usageName())));
        return ExitOk;
    }
    if (!parsed) {
        error(parser.errorText().toStdString());
        std::fprintf(err(), "%s", qPrintable(commandHelpText(parser, usageName())));
        return ExitUsage;
    }
    return std::nullopt;
}

std::optional<initiator::Duration> Command::seconds(
    const QCommandLineParser &parser, const QCommandLineOption &option) const
{
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || value <= 0 || value > 86400) {
        error("--" + option.names().constLast().toStdString() + " needs a number of seconds, not '"
            + parser.value(option).toStdString() + "'");
        return std::nullopt;
    }
    return std::chrono::duration_cast<initiator::Duration>(std::chrono::duration<double>(value));
}

std::optional<unsigned> wholeNumber(const QString &text, unsigned low, unsigned high)
{
    bool ok = false;
    const unsigned value = text.toUInt(&ok);
    if (!ok || value < low || value > high)
        return std::nullopt;
    return value;
}

} // namespace aoesan::cli
