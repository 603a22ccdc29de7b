// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/ExportDraft.h"

#include <algorithm>

#include "protocol/Constants.h"

namespace aoesan::ui {

namespace {
QString shellQuoted(const QString &word)
{
    static const QString safe
        = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:,=@%+");
    if (!word.isEmpty() && std::ranges::all_of(word, [](QChar c) { return safe.contains(c); }))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

QString serveCommandLine(const supervisor::ExportRecord &r)
{
    QStringList words {QStringLiteral("aoesan-ctl"), QStringLiteral("serve")};
    if (r.bufferCount != 16)
        words << QStringLiteral("-b") << QString::number(r.bufferCount);
    if (r.direct)
        words << QStringLiteral("-d");
    if (r.sync)
        words << QStringLiteral("-s");
    if (r.readOnly)
        words << QStringLiteral("-r");
    if (!r.macs.empty()) {
        QStringList macs;
        for (const auto &m : r.macs)
            macs << QString::fromStdString(m.toString());
        words << QStringLiteral("-m") << macs.join(QLatin1Char(','));
    }
    if (r.wireEdits != engine::WireEdits::Forget) {
        const std::string_view word = engine::wireEditsWord(r.wireEdits);
        words << QStringLiteral("--wire-edits") << QString::fromLatin1(word.data(), qsizetype(word.size()));
    }
    if (r.offsetSectors != 0)
        words << QStringLiteral("-o") << QString::number(r.offsetSectors);
    if (r.lengthSectors)
        words << QStringLiteral("-l") << QString::number(*r.lengthSectors);
    words << QString::number(r.shelf) << QString::number(r.slot) << shellQuoted(r.interface) << shellQuoted(r.path);
    return words.join(QLatin1Char(' '));
}

int sectorsPerFrame(int mtu)
{
    return mtu <= 0 ? 0 : protocol::sectorsPerFrame(static_cast<std::size_t>(mtu));
}

} // namespace aoesan::ui
