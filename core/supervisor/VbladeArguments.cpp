// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/VbladeArguments.h"

#include <QDir>

#include "engine/ServeOptions.h"

namespace aoesan::supervisor {

Result<ExportRecord, QString> recordFromVbladeArguments(
    const QString &name, const QStringList &words, const QString &workingDirectory)
{
    std::vector<std::string> args;
    for (const auto &w : words) {
        // The engine's parser also takes aoesan's own long options (--events, --state-file); those
        // belong to the supervisor, not to a stored export.
        if (w.startsWith(QLatin1String("--")))
            return Unexpected(
                QStringLiteral("'%1' is not one of vblade's options (-b, -d, -s, -r, -m, -o, -l)").arg(w));
        args.push_back(w.toStdString());
    }
    auto parsed = engine::parseServeArguments(args);
    if (!parsed)
        return Unexpected(QString::fromStdString(parsed.error()));
    const engine::ServeOptions &o = parsed.value();

    ExportRecord r;
    r.name = name;
    r.path = QDir::cleanPath(QDir(workingDirectory).absoluteFilePath(QString::fromStdString(o.path)));
    r.shelf = o.shelf;
    r.slot = o.slot;
    r.interface = QString::fromStdString(o.interface);
    r.readOnly = o.readOnly;
    r.direct = o.direct;
    r.sync = o.sync;
    r.bufferCount = o.bufferCount;
    r.macs = o.masks;
    r.offsetSectors = o.offsetSectors;
    r.lengthSectors = o.lengthSectors;
    if (auto invalid = validateRecord(r))
        return Unexpected(invalid->message);
    return r;
}

} // namespace aoesan::supervisor
