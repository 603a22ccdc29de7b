// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program's preferences as a value, and their file: an INI file in the XDG config
// directory read through QSettings. Every value is checked on load; a damaged file is set aside (kept as
// <file>.corrupt-<time>) and the defaults are used, with a message for the person — never a crash.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace aoesan::ui {

struct AppSettings
{
    QStringList interfaces; // empty: every Ethernet interface that is up
    int intervalSeconds = 10; // between probes; a target is down after 3 intervals
    bool notifications = true; // master switch
    bool notifyTargets = true; // a target went down or came back
    bool notifyExports = true; // an export failed
    QString language; // "" follows the system; "en", "es", "de"
    bool trayAtLogin = false; // `aoesan --autostart` (the login entry) starts in the tray; off: it ends at once
    bool closeHintShown = false; // the one-time "still running in the tray" hint
    bool oldExportListOffered = false; // the one-time offer to move ~/.config/aoesan/exports.json into the service
    QByteArray windowGeometry;
    QByteArray windowState;
    QStringList targetColumns; // the Targets table's shown columns by name; empty: the defaults
    QStringList exportColumns; // the same for the Exports table

    static constexpr int kMinInterval = 1;
    static constexpr int kMaxInterval = 3600;
    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("de")}; }

    bool operator==(const AppSettings &) const = default;
};

struct LoadedSettings
{
    AppSettings settings;
    QStringList problems; // for the person: what was wrong and what happened to it
};

class SettingsStore
{
public:
    // $XDG_CONFIG_HOME/aoesan/aoesan.conf (or ~/.config/...).
    static QString defaultPath();

    explicit SettingsStore(QString path = defaultPath());

    LoadedSettings load() const;
    // Only the trayAtLogin setting, for `aoesan --autostart` before any window: false unless the file says
    // true. Never changes the file (a damaged one is set aside by load(), when the program really starts).
    bool trayAtLogin() const;
    // false with a reason when the file cannot be written.
    bool save(const AppSettings &settings, QString *error = nullptr) const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

} // namespace aoesan::ui
