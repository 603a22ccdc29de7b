// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStringDecoder>

#include <optional>

#include "util/ReadSmallFile.h"
#include "util/SetAsideName.h"
#include "util/WriteFileAtomically.h"

namespace aoesan::ui {

namespace {

constexpr qint64 kMaxFileBytes = 1 << 20; // preferences are a few hundred bytes; more is not ours

// QSettings reads almost anything as INI without complaint, so look at the bytes first: a settings
// file with NUL bytes, invalid UTF-8 or a megabyte of text is damaged, whatever QSettings says.
QString damage(const QString &path)
{
    // Never QFile::readAll on what is at the path: a FIFO there would hang the program's start.
    const auto read = util::readSmallFile(path, {kMaxFileBytes});
    if (!read) {
        switch (read.error().code) {
        case util::ReadFileError::Code::NotFound:
            return {};
        case util::ReadFileError::Code::TooBig:
            return QCoreApplication::translate("SettingsStore", "it is far too large");
        case util::ReadFileError::Code::NotRegular:
            return QCoreApplication::translate("SettingsStore", "it is not a regular file");
        default:
            return QCoreApplication::translate("SettingsStore", "it cannot be read: %1").arg(read.error().message);
        }
    }
    const QByteArray &bytes = read.value();
    if (bytes.contains('\0'))
        return QCoreApplication::translate("SettingsStore", "it holds binary data");
    QStringDecoder utf8(QStringDecoder::Utf8);
    (void)QString(utf8(bytes));
    if (utf8.hasError())
        return QCoreApplication::translate("SettingsStore", "it is not UTF-8 text");
    return {};
}

} // namespace

QString SettingsStore::defaultPath()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/aoesan/aoesan.conf");
}

SettingsStore::SettingsStore(QString path)
    : m_path(std::move(path))
{ }

LoadedSettings SettingsStore::load() const
{
    LoadedSettings out;
    QString why = damage(m_path);
    // QSettings reads the file as it is made: only once the file is known to be a small regular one.
    std::optional<QSettings> read;
    if (why.isEmpty()) {
        read.emplace(m_path, QSettings::IniFormat);
        if (read->status() == QSettings::FormatError)
            why = QCoreApplication::translate("SettingsStore", "it is not a settings file");
    }
    if (!why.isEmpty()) {
        const QString aside = util::unusedAsideName(m_path);
        const bool moved = QFile::rename(m_path, aside);
        out.problems << (moved ? QCoreApplication::translate("SettingsStore",
                             "The settings file %1 was damaged (%2); it was kept as %3 and the defaults are used.")
                                     .arg(m_path, why, aside)
                               : QCoreApplication::translate(
                                   "SettingsStore", "The settings file %1 was damaged (%2); the defaults are used.")
                                     .arg(m_path, why));
        return out;
    }

    QSettings &ini = *read;
    AppSettings &s = out.settings;
    const auto bad = [&](const QString &key) {
        out.problems << QCoreApplication::translate(
            "SettingsStore", "The setting %1 in %2 was not valid; its default is used.")
                            .arg(key, m_path);
    };
    ini.beginGroup(QStringLiteral("discovery"));
    const QVariant interfaces = ini.value(QStringLiteral("interfaces"));
    if (interfaces.isValid()) {
        s.interfaces = interfaces.toStringList();
        s.interfaces.removeAll(QString());
    }
    if (ini.contains(QStringLiteral("interval"))) {
        bool ok = false;
        const int interval = ini.value(QStringLiteral("interval")).toString().toInt(&ok);
        if (ok && interval >= AppSettings::kMinInterval && interval <= AppSettings::kMaxInterval)
            s.intervalSeconds = interval;
        else
            bad(QStringLiteral("discovery/interval"));
    }
    ini.endGroup();

    const auto readBool = [&](const QString &key, bool &into) {
        if (!ini.contains(key))
            return;
        const QString text = ini.value(key).toString().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            into = true;
        else if (text == QLatin1String("false") || text == QLatin1String("0"))
            into = false;
        else
            bad(key);
    };
    readBool(QStringLiteral("notifications/enabled"), s.notifications);
    readBool(QStringLiteral("notifications/targets"), s.notifyTargets);
    readBool(QStringLiteral("notifications/exports"), s.notifyExports);
    readBool(QStringLiteral("window/closeHintShown"), s.closeHintShown);
    readBool(QStringLiteral("exports/oldListOffered"), s.oldExportListOffered);
    readBool(QStringLiteral("startup/trayAtLogin"), s.trayAtLogin);
    if (ini.contains(QStringLiteral("ui/language"))) {
        const QString language = ini.value(QStringLiteral("ui/language")).toString();
        if (language.isEmpty() || AppSettings::languages().contains(language))
            s.language = language;
        else
            bad(QStringLiteral("ui/language"));
    }
    s.windowGeometry = ini.value(QStringLiteral("window/geometry")).toByteArray();
    s.windowState = ini.value(QStringLiteral("window/state")).toByteArray();
    s.targetColumns = ini.value(QStringLiteral("window/targetColumns")).toStringList();
    s.exportColumns = ini.value(QStringLiteral("window/exportColumns")).toStringList();
    return out;
}

bool SettingsStore::trayAtLogin() const
{
    if (!damage(m_path).isEmpty())
        return false;
    const QSettings ini(m_path, QSettings::IniFormat);
    const QString text = ini.value(QStringLiteral("startup/trayAtLogin")).toString().toLower();
    return text == QLatin1String("true") || text == QLatin1String("1");
}

bool SettingsStore::save(const AppSettings &s, QString *error) const
{
    // QSettings writes through a link to whatever it names (as root, a link to /dev/zero would replace the
    // device node): only a regular file, or nothing yet, is written.
    if (util::refusedWriteTarget(m_path)) {
        if (error)
            *error = QCoreApplication::translate(
                "SettingsStore", "The settings could not be written to %1: it is not a regular file.")
                         .arg(m_path);
        return false;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSettings ini(m_path, QSettings::IniFormat);
    ini.clear();
    ini.setValue(QStringLiteral("discovery/interfaces"), s.interfaces);
    ini.setValue(QStringLiteral("discovery/interval"), s.intervalSeconds);
    ini.setValue(QStringLiteral("notifications/enabled"), s.notifications);
    ini.setValue(QStringLiteral("notifications/targets"), s.notifyTargets);
    ini.setValue(QStringLiteral("notifications/exports"), s.notifyExports);
    ini.setValue(QStringLiteral("ui/language"), s.language);
    ini.setValue(QStringLiteral("window/closeHintShown"), s.closeHintShown);
    ini.setValue(QStringLiteral("exports/oldListOffered"), s.oldExportListOffered);
    ini.setValue(QStringLiteral("startup/trayAtLogin"), s.trayAtLogin);
    ini.setValue(QStringLiteral("window/geometry"), s.windowGeometry);
    ini.setValue(QStringLiteral("window/state"), s.windowState);
    ini.setValue(QStringLiteral("window/targetColumns"), s.targetColumns);
    ini.setValue(QStringLiteral("window/exportColumns"), s.exportColumns);
    ini.sync();
    if (ini.status() != QSettings::NoError) {
        if (error)
            *error
                = QCoreApplication::translate("SettingsStore", "The settings could not be written to %1.").arg(m_path);
        return false;
    }
    return true;
}

} // namespace aoesan::ui
