// SPDX-License-Identifier: GPL-3.0-or-later
// Help for a program's subcommand: asked for with -h or --help, printed on stdout with the usage line
// naming the program as a person types it ("aoesan-ctl stat ..."), never the binary's full path, and
// before anything else happens (no log file, no socket, no frame).
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace aoesan {

// True when the words hold -h or --help before a "--" (a subcommand's arguments, without its name).
bool isHelpRequest(const QStringList &words);

// QCommandLineParser's help text with "Usage: <argv[0]>" replaced by "Usage: <usageName>".
QString commandHelpText(const QCommandLineParser &parser, const QString &usageName);

} // namespace aoesan
