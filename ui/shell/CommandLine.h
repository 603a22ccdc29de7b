// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program's command line, read before any GUI exists: `aoesan --help` and `--version`
// print and exit 0 on a machine without a display (creating a QApplication there aborts), and a bad
// option is refused the same way. Qt's own GUI options (-platform, -style, ...) are let through for
// QApplication, which takes them out of argv itself.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace aoesan::ui {

struct CommandLine
{
    bool lab = false;
    bool autostart = false; // started by the login entry: only if the settings say so, and then in the tray
    std::optional<QString> logLevel; // checked by main (core/log owns the level names)
};

struct CommandLineVerdict
{
    enum class Action { Run, PrintHelp, PrintVersion, Refuse };
    Action action = Action::Run;
    CommandLine options;
    QString error; // for Refuse: what was wrong, as QCommandLineParser says it
};

// Pure: no application object needed (a seam for tests).
CommandLineVerdict readCommandLine(const QStringList &arguments);

// For main: reads argv; for help, version and errors makes a QCoreApplication (so the text follows the
// person's language), prints, and ends the process (0 for help and version, 2 for a bad option).
CommandLine commandLineOrExit(int argc, char **argv);

} // namespace aoesan::ui
