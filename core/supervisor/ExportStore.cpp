// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "util/ReadSmallFile.h"
#include "util/SetAsideName.h"
#include "util/WriteFileAtomically.h"

namespace aoesan::supervisor {

namespace {

constexpr int kFormatVersion = 1;
// A record is a few hundred bytes: this is tens of thousands of exports, and far from what would hurt.
constexpr qint64 kMaxListBytes = 16 * util::kMiB;

StoreError storeError(StoreError::Code code, const QString &message)
{
    return StoreError {code, message};
}

} // namespace

QString ExportStore::defaultPath()
{
    // The XDG rule itself rather than QStandardPaths: the CLI and the systemd units must agree on the
    // file without a QCoreApplication's organisation settings, and an empty variable means "unset".
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/aoesan/exports.json");
}

ExportStore::ExportStore(QString path)
    : m_path(std::move(path))
{ }

QString ExportStore::moveAside(QString *error) const
{
    const QString target = util::unusedAsideName(m_path);
    // A copy, not a rename, when the file still has good records: they stay in exports.json until the
    // next save, and the bad ones are safe in the copy whatever happens next.
    if (!QFile::copy(m_path, target)) {
        *error = QStringLiteral("could not keep a copy of %1 as %2").arg(m_path, target);
        return {};
    }
    return target;
}

Result<LoadReport, StoreError> ExportStore::load()
{
    m_records.clear();
    m_unreadable.clear();
    LoadReport report;
    const auto read = util::readSmallFile(m_path, {kMaxListBytes, QStringLiteral("the export list")});
    if (!read && read.error().code == util::ReadFileError::Code::NotFound)
        return report;
    if (!read) {
        // Not ours to set aside or replace (a FIFO, a device, a huge file, no permission): until a load
        // succeeds, save() leaves it alone, so what the person had there is never lost.
        m_unreadable = read.error().message;
        return Unexpected(storeError(StoreError::Code::Io, read.error().message));
    }
    const QByteArray &bytes = read.value();

    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject root = doc.object();
    QString damage;
    if (parseError.error != QJsonParseError::NoError)
        damage = QStringLiteral("it is not valid JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
    else if (!doc.isObject() || !root.value(QStringLiteral("exports")).isArray())
        damage = QStringLiteral("it has no \"exports\" list");
    else if (root.value(QStringLiteral("version")).toInt() != kFormatVersion)
        damage = QStringLiteral("it is format version %1; this aoesan reads version %2")
                     .arg(root.value(QStringLiteral("version")).toVariant().toString())
                     .arg(kFormatVersion);

    QStringList skipped;
    if (damage.isEmpty()) {
        for (const auto &item : root.value(QStringLiteral("exports")).toArray()) {
            auto record = item.isObject()
                ? recordFromJson(item.toObject())
                : Result<ExportRecord, RecordError>(Unexpected(
                    RecordError {RecordError::Code::BadFormat, QStringLiteral("an entry is not an object")}));
            if (record) {
                if (auto clash = validateAgainst(record.value(), m_records))
                    skipped << clash->message;
                else
                    m_records.push_back(std::move(record).value());
            } else {
                skipped << record.error().message;
            }
        }
    }
    if (damage.isEmpty() && skipped.isEmpty())
        return report;

    QString copyError;
    report.movedAsidePath = moveAside(&copyError);
    if (report.movedAsidePath.isEmpty())
        return Unexpected(storeError(StoreError::Code::Io,
            QStringLiteral("the export list %1 is damaged and %2; fix or move it by hand").arg(m_path, copyError)));
    if (!damage.isEmpty()) {
        // Nothing in it can be trusted: start empty, and the next save writes a good file.
        if (!QFile::remove(m_path))
            return Unexpected(storeError(
                StoreError::Code::Io, QStringLiteral("cannot remove the damaged export list %1").arg(m_path)));
        report.problems << QStringLiteral("The export list %1 could not be used because %2. It was kept as %3 "
                                          "and the list starts empty.")
                               .arg(m_path, damage, report.movedAsidePath);
        return report;
    }
    for (const auto &reason : skipped)
        report.problems << QStringLiteral("Skipped an export: %1. The original list is kept as %2.")
                               .arg(reason, report.movedAsidePath);
    return report;
}

Result<bool, StoreError> ExportStore::save() const
{
    if (!m_unreadable.isEmpty())
        return Unexpected(storeError(
            StoreError::Code::Io, QStringLiteral("%1; it was left as it is and nothing was saved").arg(m_unreadable)));
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return Unexpected(storeError(
            StoreError::Code::Io, QStringLiteral("cannot create the directory %1").arg(info.absolutePath())));
    QJsonArray list;
    for (const auto &r : m_records)
        list.append(recordToJson(r));
    const QJsonObject root {{QStringLiteral("version"), kFormatVersion}, {QStringLiteral("exports"), list}};

    // Readers see the old list or the new one; a link to a device at the path is refused, not written through.
    const auto written = util::writeFileAtomically(
        m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), QStringLiteral("the export list"));
    if (!written)
        return Unexpected(storeError(StoreError::Code::Io, written.error()));
    return true;
}

std::optional<ExportRecord> ExportStore::find(const QString &name) const
{
    const auto it = std::ranges::find(m_records, name, &ExportRecord::name);
    if (it == m_records.end())
        return std::nullopt;
    return *it;
}

Result<bool, StoreError> ExportStore::add(const ExportRecord &record)
{
    if (auto invalid = validateAgainst(record, m_records))
        return Unexpected(storeError(StoreError::Code::Invalid, invalid->message));
    m_records.push_back(record);
    return true;
}

Result<bool, StoreError> ExportStore::replace(const ExportRecord &record)
{
    const auto it = std::ranges::find(m_records, record.name, &ExportRecord::name);
    if (it == m_records.end())
        return Unexpected(
            storeError(StoreError::Code::NotFound, QStringLiteral("no export is named '%1'").arg(record.name)));
    std::vector<ExportRecord> others;
    for (const auto &r : m_records) {
        if (r.name != record.name)
            others.push_back(r);
    }
    if (auto invalid = validateAgainst(record, others))
        return Unexpected(storeError(StoreError::Code::Invalid, invalid->message));
    *it = record;
    return true;
}

Result<bool, StoreError> ExportStore::remove(const QString &name)
{
    const auto removed = std::erase_if(m_records, [&name](const ExportRecord &r) { return r.name == name; });
    if (removed == 0)
        return Unexpected(storeError(StoreError::Code::NotFound, QStringLiteral("no export is named '%1'").arg(name)));
    return true;
}

} // namespace aoesan::supervisor
