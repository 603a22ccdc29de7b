// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/VbladeConf.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "supervisor/VbladeArguments.h"
#include "util/ReadSmallFile.h"

namespace aoesan::supervisor {

namespace {

// A vblade.conf.d file is a handful of assignments; anything near this size is not one.
constexpr qint64 kMaxConfBytes = util::kMiB;

// Splits shell words the way sh would for a fragment of assignments: quotes and backslashes are
// honoured, newlines and ';' end a command, '#' at the start of a word starts a comment. Anything
// that would make sh expand or run something is refused rather than guessed at.
class WordReader
{
public:
    explicit WordReader(const QString &text)
        : m_text(text)
    { }

    // Appends the words of the whole text; each word carries the line it started on.
    Result<bool, QString> read(std::vector<std::pair<int, QString>> &words)
    {
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at);
            if (c == QLatin1Char('\n')) {
                ++m_line;
                ++m_at;
            } else if (c.isSpace() || c == QLatin1Char(';')) {
                ++m_at;
            } else if (c == QLatin1Char('#')) {
                while (m_at < m_text.size() && m_text.at(m_at) != QLatin1Char('\n'))
                    ++m_at;
            } else {
                const int line = m_line;
                auto word = readWord();
                if (!word)
                    return Unexpected(word.error());
                words.emplace_back(line, word.value());
            }
        }
        return true;
    }

private:
    QString refuse(const QString &what) const
    {
        return QStringLiteral("line %1 uses %2, which only a shell could evaluate; aoesan reads these files "
                              "without running them")
            .arg(m_line)
            .arg(what);
    }

    Result<QString, QString> readWord()
    {
        QString word;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at);
            if (c.isSpace() || c == QLatin1Char(';'))
                break;
            ++m_at;
            if (c == QLatin1Char('\'')) {
                const qsizetype end = m_text.indexOf(QLatin1Char('\''), m_at);
                if (end < 0)
                    return Unexpected(QStringLiteral("line %1 has a ' without its closing quote").arg(m_line));
                const QString quoted = m_text.mid(m_at, end - m_at);
                m_line += int(quoted.count(QLatin1Char('\n')));
                word += quoted;
                m_at = end + 1;
            } else if (c == QLatin1Char('"')) {
                auto quoted = readDoubleQuoted();
                if (!quoted)
                    return Unexpected(quoted.error());
                word += quoted.value();
            } else if (c == QLatin1Char('\\')) {
                if (m_at >= m_text.size())
                    break;
                const QChar next = m_text.at(m_at++);
                if (next == QLatin1Char('\n'))
                    ++m_line; // a line continuation
                else
                    word += next;
            } else if (c == QLatin1Char('$') || c == QLatin1Char('`')) {
                return Unexpected(refuse(c == QLatin1Char('$') ? QStringLiteral("$ (an expansion)")
                                                               : QStringLiteral("` (a command substitution)")));
            } else if (QStringLiteral("|&<>(){}").contains(c)) {
                return Unexpected(refuse(QStringLiteral("'%1'").arg(c)));
            } else {
                word += c;
            }
        }
        return word;
    }

    Result<QString, QString> readDoubleQuoted()
    {
        QString out;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at++);
            if (c == QLatin1Char('"'))
                return out;
            if (c == QLatin1Char('$') || c == QLatin1Char('`'))
                return Unexpected(refuse(c == QLatin1Char('$') ? QStringLiteral("$ (an expansion)")
                                                               : QStringLiteral("` (a command substitution)")));
            if (c == QLatin1Char('\\') && m_at < m_text.size()) {
                const QChar next = m_text.at(m_at);
                // Inside double quotes a backslash only escapes these; elsewhere it stays.
                if (QStringLiteral("$`\"\\\n").contains(next)) {
                    ++m_at;
                    if (next == QLatin1Char('\n'))
                        ++m_line;
                    else
                        out += next;
                    continue;
                }
            }
            if (c == QLatin1Char('\n'))
                ++m_line;
            out += c;
        }
        return Unexpected(QStringLiteral("line %1 has a \" without its closing quote").arg(m_line));
    }

    const QString &m_text;
    qsizetype m_at = 0;
    int m_line = 1;
};

} // namespace

Result<QMap<QString, QString>, QString> parseShellAssignments(const QString &text)
{
    std::vector<std::pair<int, QString>> words;
    WordReader reader(text);
    if (auto read = reader.read(words); !read)
        return Unexpected(read.error());
    static const QRegularExpression assignment(
        QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$"), QRegularExpression::DotMatchesEverythingOption);
    QMap<QString, QString> values;
    for (const auto &[line, word] : words) {
        const auto match = assignment.match(word);
        if (!match.hasMatch())
            return Unexpected(QStringLiteral("line %1 is not a variable assignment ('%2'); aoesan reads these files "
                                             "without running them")
                                  .arg(line)
                                  .arg(word));
        values.insert(match.captured(1), match.captured(2));
    }
    return values;
}

Result<ExportRecord, QString> recordFromVbladeConf(const QString &name, const QString &text)
{
    auto values = parseShellAssignments(text);
    if (!values)
        return Unexpected(values.error());
    QStringList missing;
    for (const char *key : {"shelf", "slot", "netif", "filename"}) {
        if (values->value(QString::fromLatin1(key)).isEmpty())
            missing << QString::fromLatin1(key);
    }
    if (!missing.isEmpty())
        return Unexpected(QStringLiteral("it does not set %1 (vblade-persistence ignores it too)")
                              .arg(missing.join(QStringLiteral(", "))));
    const QString filename = values->value(QStringLiteral("filename"));
    if (!QDir::isAbsolutePath(filename))
        return Unexpected(QStringLiteral("filename '%1' is not an absolute path").arg(filename));
    // systemd hands $options to vblade unquoted: split on whitespace, as it does.
    QStringList words = values->value(QStringLiteral("options"))
                            .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    words << values->value(QStringLiteral("shelf")) << values->value(QStringLiteral("slot"))
          << values->value(QStringLiteral("netif")) << filename;
    auto record = recordFromVbladeArguments(name, words, QStringLiteral("/"));
    if (!record)
        return Unexpected(record.error());
    record->autostart = true;
    return record;
}

Result<VbladeConfImport, QString> readVbladeConfDirectory(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return Unexpected(QStringLiteral("%1 does not exist or is not a directory").arg(directory));
    if (!QFileInfo(directory).isReadable())
        return Unexpected(QStringLiteral("cannot read the directory %1").arg(directory));
    VbladeConfImport result;
    // System too: a FIFO or a device named *.conf is reported as skipped, not passed over in silence.
    const auto files = dir.entryInfoList(
        {QStringLiteral("*.conf")}, QDir::Files | QDir::System | QDir::Readable | QDir::Hidden, QDir::Name);
    for (const QFileInfo &info : files) {
        // vblade-persistence: the instance name is the file name without .conf.
        const QString name = info.fileName().chopped(5);
        // A few shell assignments: a FIFO would hang the import, /dev/zero would grow it without end.
        const auto read = util::readSmallFile(info.absoluteFilePath(), {kMaxConfBytes});
        if (!read) {
            // The skip names the file already: "skipped PATH: it is a FIFO, not a regular file".
            QString reason = read.error().message;
            result.skipped.push_back(
                {info.absoluteFilePath(), reason.replace(info.absoluteFilePath(), QStringLiteral("it"))});
            continue;
        }
        const QString text = QString::fromUtf8(read.value());
        auto record = recordFromVbladeConf(name, text);
        if (!record) {
            result.skipped.push_back({info.absoluteFilePath(), record.error()});
            continue;
        }
        if (auto values = parseShellAssignments(text); values && values->contains(QStringLiteral("ionice")))
            result.notes << QStringLiteral(
                "%1: ionice='%2' was not carried over; aoesan's engine schedules its own I/O")
                                .arg(info.fileName(), values->value(QStringLiteral("ionice")));
        result.records.push_back(std::move(record).value());
    }
    return result;
}

} // namespace aoesan::supervisor
