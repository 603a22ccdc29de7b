// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/ServiceSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include "net/NetworkInterfaces.h"
#include "service/DbusApi.h"
#include "util/ReadSmallFile.h"
#include "util/SetAsideName.h"
#include "util/WriteFileAtomically.h"

namespace aoesan::service {

namespace {

// A handful of keys: a settings file of this size is not one.
constexpr qint64 kMaxSettingsBytes = util::kMiB;

} // namespace

ServiceSettingsFile::ServiceSettingsFile(QString path)
    : m_path(std::move(path))
{ }

ServiceSettings ServiceSettingsFile::load(QString *problem) const
{
    ServiceSettings settings;
    m_unreadable.clear();
    const auto read = util::readSmallFile(m_path, {kMaxSettingsBytes, QStringLiteral("the settings file")});
    if (!read && read.error().code == util::ReadFileError::Code::NotFound)
        return settings;
    if (!read) {
        // Not set aside and not replaced by a later save: it may be something the person needs.
        m_unreadable = read.error().message;
        *problem = QStringLiteral("%1; using the default settings").arg(m_unreadable);
        return settings;
    }
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(read.value(), &error);
    const QJsonObject o = doc.object();
    const QJsonValue interfaces = o.value(QStringLiteral("interfaces"));
    const QJsonValue interval = o.value(QStringLiteral("intervalSeconds"));
    const QJsonValue flushDown = o.value(QStringLiteral("flushDownAfterSeconds"));
    const QJsonValue reattach = o.value(QStringLiteral("reattach"));
    const QJsonValue maxTargets = o.value(QStringLiteral("maxTargets"));
    bool good = error.error == QJsonParseError::NoError && doc.isObject()
        && (interfaces.isUndefined() || interfaces.isArray()) && (interval.isUndefined() || interval.isDouble())
        && (flushDown.isUndefined() || flushDown.isDouble()) && (reattach.isUndefined() || reattach.isBool())
        && (maxTargets.isUndefined() || maxTargets.isDouble());
    if (good) {
        for (const auto &v : interfaces.toArray()) {
            if (!v.isString() || !net::isInterfaceName(v.toString().toStdString()))
                good = false;
            settings.interfaces << v.toString();
        }
        const int seconds = interval.toInt(settings.intervalSeconds);
        if (seconds < kMinIntervalSeconds || seconds > kMaxIntervalSeconds)
            good = false;
        settings.intervalSeconds = seconds;
        const int after = flushDown.toInt(settings.flushDownAfterSeconds);
        if (after < 0 || after > static_cast<int>(kernel_key::kMaxFlushDownAfterSeconds))
            good = false;
        settings.flushDownAfterSeconds = after;
        settings.reattach = reattach.toBool(settings.reattach);
        // In range before the cast: a negative or huge double converted to an unsigned is undefined.
        const double keep = maxTargets.toDouble(settings.maxTargets);
        if (keep >= discovery::kMinMaxTargets && keep <= discovery::kMaxMaxTargets && std::floor(keep) == keep)
            settings.maxTargets = static_cast<std::uint32_t>(keep);
        else
            good = false;
    }
    if (good)
        return settings;
    const QString aside = util::unusedAsideName(m_path);
    const bool moved = QFile::rename(m_path, aside);
    *problem = moved ? QStringLiteral("the settings file %1 was damaged; it was kept as %2 and the defaults are used")
                           .arg(m_path, aside)
                     : QStringLiteral("the settings file %1 is damaged and could not be moved aside; the defaults are "
                                      "used")
                           .arg(m_path);
    return ServiceSettings {};
}

Result<bool, QString> ServiceSettingsFile::save(const ServiceSettings &settings) const
{
    if (!m_unreadable.isEmpty())
        return Unexpected(QStringLiteral("%1; it was left as it is and the settings were not saved").arg(m_unreadable));
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QJsonObject o {{QStringLiteral("version"), 1},
        {QStringLiteral("interfaces"), QJsonArray::fromStringList(settings.interfaces)},
        {QStringLiteral("intervalSeconds"), settings.intervalSeconds},
        {QStringLiteral("flushDownAfterSeconds"), settings.flushDownAfterSeconds},
        {QStringLiteral("reattach"), settings.reattach},
        {QStringLiteral("maxTargets"), static_cast<double>(settings.maxTargets)}};
    return util::writeFileAtomically(m_path, QJsonDocument(o).toJson(QJsonDocument::Indented));
}

} // namespace aoesan::service
