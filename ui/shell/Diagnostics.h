// SPDX-License-Identifier: GPL-3.0-or-later
// Help › Copy diagnostics: what a bug report needs, as plain text for the clipboard. The text stays in
// English on purpose (it is read by whoever answers the report), and it holds no file contents or
// addresses beyond the interfaces' own.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace aoesan::ui {

class LogModel;

struct DiagnosticsFacts
{
    QString aoesanVersion;
    QString qtVersion; // the Qt the program runs with
    QString pcapVersion;
    QString kernel;
    QStringList interfaces; // "eth1  up  carrier  mtu 1500  52:54:00:12:34:56"
    QString interfacesError; // when they could not be listed
    QString enginePath; // empty: not found
    std::optional<bool> engineHasCapNetRaw; // nullopt: unknown (not found or unreadable)
    bool runningAsRoot = false;
    QStringList lastProblems; // the newest warnings and errors of the log, oldest first
};

// Reads this machine and the log (the newest `maxProblems` warnings and errors).
DiagnosticsFacts collectDiagnostics(LogModel &log, int maxProblems = 15);

QString formatDiagnostics(const DiagnosticsFacts &facts);

} // namespace aoesan::ui
