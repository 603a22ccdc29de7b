// SPDX-License-Identifier: GPL-3.0-or-later
// Reading Debian's vblade-persistence files (/etc/vblade.conf.d/NAME.conf): POSIX shell fragments that
// set shelf=, slot=, netif=, filename= and optionally options= and ionice=. They are parsed as plain
// assignments with shell quoting and never run: a file that needs a shell to mean anything (a command,
// $expansion, `backquotes`) is skipped with the reason, as are incomplete ones.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

#include "supervisor/ExportRecord.h"
#include "util/Result.h"

namespace aoesan::supervisor {

// The assignments of a shell fragment, quotes removed; an error names the line and what is wrong.
Result<QMap<QString, QString>, QString> parseShellAssignments(const QString &text);

// One file's text as an export named `name` (autostart, as vblade-persistence starts every file).
Result<ExportRecord, QString> recordFromVbladeConf(const QString &name, const QString &text);

struct SkippedFile
{
    QString path;
    QString reason;
};

struct VbladeConfImport
{
    std::vector<ExportRecord> records; // in file name order
    std::vector<SkippedFile> skipped;
    QStringList notes; // things that were read but not carried over (ionice)
};

// Reads every *.conf in `directory`. An unreadable directory is an error; a bad file is skipped.
Result<VbladeConfImport, QString> readVbladeConfDirectory(const QString &directory);

} // namespace aoesan::supervisor
