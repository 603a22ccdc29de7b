// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl import-vblade-conf [DIR]: Debian's vblade-persistence files (/etc/vblade.conf.d/*.conf)
// into the export list, read as data and never run; every file left out is named with the reason.
#include "cli/Commands.h"
#include "cli/ExportsSupport.h"
#include "supervisor/VbladeConf.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

int runImportVbladeConf(const QStringList &args, const Console &console)
{
    const Command command("import-vblade-conf", console);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Adds the exports of vblade-persistence (one NAME.conf per export, with shelf=, slot=, netif=, filename=\n"
        "and options=) to aoesan's export list, marked autostart as vblade-persistence starts them. The files are\n"
        "read, never run; files that need a shell to mean anything are skipped with the reason."));
    const QCommandLineOption store = storeOption();
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Say what would be imported; change nothing."));
    parser.addOption(store);
    parser.addOption(dryRun);
    parser.addPositionalArgument(
        QStringLiteral("DIR"), QStringLiteral("Where the .conf files are (default /etc/vblade.conf.d)."));
    if (const auto stop = command.parseArguments(parser, args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return command.usageError("takes one directory");
    const QString directory = positional.value(0, QStringLiteral("/etc/vblade.conf.d"));
    const auto read = supervisor::readVbladeConfDirectory(directory);
    if (!read)
        return command.failure(read.error().toStdString());
    auto exports = openStore(command, parser.value(store));
    if (!exports)
        return ExitFailed;

    int imported = 0;
    for (const auto &skipped : read->skipped)
        std::fprintf(console.err, "skipped %s: %s\n", qPrintable(skipped.path), qPrintable(skipped.reason));
    for (const auto &record : read->records) {
        const auto added = exports->add(record);
        if (!added) {
            std::fprintf(console.err, "skipped %s/%s.conf: %s\n", qPrintable(directory), qPrintable(record.name),
                qPrintable(added.error().message));
            continue;
        }
        ++imported;
        std::fprintf(console.out, "%s %s: %s\n", parser.isSet(dryRun) ? "would import" : "imported",
            qPrintable(record.name), qPrintable(supervisor::describeRecord(record)));
    }
    for (const auto &note : read->notes)
        std::fprintf(console.out, "note: %s\n", qPrintable(note));
    if (imported > 0 && !parser.isSet(dryRun) && !saveStore(command, *exports))
        return ExitFailed;
    std::fprintf(console.out, "%d of %d file(s) %s into %s\n", imported,
        int(read->records.size() + read->skipped.size()), parser.isSet(dryRun) ? "would be imported" : "imported",
        qPrintable(exports->path()));
    return ExitOk;
}

} // namespace aoesan::cli
