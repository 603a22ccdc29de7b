// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/MountTable.h"

#include <QRegularExpression>

namespace aoesan::platform {

namespace {

QStringList fieldsOf(const QString &line)
{
    static const QRegularExpression whitespace(QStringLiteral("[ \\t]+"));
    return line.split(whitespace, Qt::SkipEmptyParts);
}

} // namespace

QString unescapeMountField(const QString &field)
{
    QString out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (c == QLatin1Char('\\') && i + 3 < field.size()) {
            bool ok = false;
            const int code = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok && code >= 0 && code < 256) {
                out += QChar(code);
                i += 3;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::vector<MountEntry> parseMountInfo(const QString &text)
{
    // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue": six fixed
    // fields, optional ones up to "-", then type, source and super options.
    std::vector<MountEntry> entries;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = fieldsOf(line);
        const qsizetype dash = f.indexOf(QStringLiteral("-"), 6);
        if (f.size() < 6 || dash < 0 || dash + 2 >= f.size())
            continue;
        entries.push_back({f.at(2), unescapeMountField(f.at(4)), f.at(dash + 1), unescapeMountField(f.at(dash + 2))});
    }
    return entries;
}

QStringList parseSwaps(const QString &text)
{
    QStringList names;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Filename")))
            continue;
        const QStringList f = fieldsOf(line);
        if (!f.isEmpty())
            names << unescapeMountField(f.first());
    }
    return names;
}

} // namespace aoesan::platform
