// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/RunningExports.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "util/ReadSmallFile.h"
#include "util/WriteFileAtomically.h"

namespace aoesan::service {

namespace {

constexpr qint64 kMaxListBytes = util::kMiB; // a boot id and a list of export names
constexpr auto kBootKey = "boot";
constexpr auto kRunningKey = "running";

} // namespace

RunningExports::RunningExports(QString path, QString bootId)
    : m_path(std::move(path))
    , m_bootId(std::move(bootId))
{ }

QString RunningExports::currentBootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).trimmed();
}

std::optional<QStringList> RunningExports::restore(QString *problem) const
{
    m_unreadable.clear();
    if (m_bootId.isEmpty())
        return std::nullopt;
    const auto read = util::readSmallFile(m_path, {kMaxListBytes, QStringLiteral("the list of running exports")});
    if (!read && read.error().code == util::ReadFileError::Code::NotFound)
        return std::nullopt; // none yet: the first start of this boot
    if (!read) {
        // Not set aside and not replaced by save(): whatever is there is left for a person to look at.
        m_unreadable = read.error().message;
        if (problem)
            *problem = QStringLiteral("%1: the autostart exports are started instead").arg(m_unreadable);
        return std::nullopt;
    }
    QJsonParseError parseError {};
    const auto doc = QJsonDocument::fromJson(read.value(), &parseError);
    const auto object = doc.object();
    const auto running = object.value(QLatin1String(kRunningKey));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !running.isArray()) {
        const QString aside = m_path + QStringLiteral(".damaged-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss"));
        QFile::rename(m_path, aside);
        if (problem)
            *problem = QStringLiteral("%1 was damaged (set aside as %2): the autostart exports are started instead")
                           .arg(m_path, aside);
        return std::nullopt;
    }
    if (object.value(QLatin1String(kBootKey)).toString() != m_bootId)
        return std::nullopt; // the last boot's: autostart decides
    QStringList names;
    for (const auto &v : running.toArray()) {
        if (v.isString())
            names << v.toString();
    }
    return names;
}

Result<bool, QString> RunningExports::save(QStringList names) const
{
    if (!m_unreadable.isEmpty())
        return Unexpected(QStringLiteral("%1; it was left as it is and not replaced").arg(m_unreadable));
    names.sort();
    QJsonArray list;
    for (const auto &n : names)
        list.append(n);
    const QJsonObject object {{QLatin1String(kBootKey), m_bootId}, {QLatin1String(kRunningKey), list}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    return util::writeFileAtomically(m_path, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace aoesan::service
