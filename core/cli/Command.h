// SPDX-License-Identifier: GPL-3.0-or-later
// What every aoesan-ctl subcommand has: its name, the console it writes to, one way to read its words
// (help on stdout before anything is opened or sent; a usage error with the usage on stderr) and one way
// to say what went wrong ("aoesan-ctl NAME: message", with the exit code from util/ExitCode.h).
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>
#include <string>

#include "cli/Console.h"
#include "initiator/Clock.h"

namespace aoesan::cli {

class Command
{
public:
    // `name` as the person typed it after aoesan-ctl ("exports", or "exports run" for a part of one).
    Command(const char *name, const Console &console);

    const char *name() const { return m_name; }
    const Console &console() const { return m_console; }
    std::FILE *out() const { return m_console.out; }
    std::FILE *err() const { return m_console.err; }
    // "aoesan-ctl NAME", as usage lines name it.
    QString usageName() const;

    // Prints "aoesan-ctl NAME: message" on the error stream.
    void error(const std::string &message) const;
    // error(), then the exit code to return: 2 (usage) or 1 (failed).
    int usageError(const std::string &message) const;
    int failure(const std::string &message) const;

    // Parses the command's words (without the program and command names) with `parser`, after adding -h and
    // the exit codes to its help. Returns the exit code when the command must end here: 0 after printing
    // the help for -h/--help (also next to a wrong word), 2 after printing the error and the usage;
    // nullopt when the command goes on.
    std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &args) const;
    // A positive number of seconds (at most a day) from `option`; nullopt after printing when it is not one.
    std::optional<initiator::Duration> seconds(
        const QCommandLineParser &parser, const QCommandLineOption &option) const;

private:
    const char *m_name;
    Console m_console;
};

// `text` as a whole number from `low` to `high`; nullopt when it is not one (the caller says what it wants).
std::optional<unsigned> wholeNumber(const QString &text, unsigned low, unsigned high);

} // namespace aoesan::cli
