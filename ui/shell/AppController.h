// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program's behaviour between its parts: applying and saving settings, opening the export
// wizard and handing its record to the exports, closing to the tray (with a one-time hint) or quitting,
// and answering a second launch by showing the window.
#pragma once

#include <QObject>

#include <functional>

#include "settings/AppSettings.h"
#include "wizard/ExportDraft.h"

namespace aoesan::ui {

class DiscoveryController;
class ExportController;
class MainWindow;
class QuitFlow;
class TrayController;

struct AppParts
{
    SettingsStore &settingsStore;
    MainWindow &window;
    DiscoveryController &discovery;
    ExportController &exports;
    QuitFlow &quit;
    TrayController *tray; // null when the desktop has no tray
    // What the wizard needs, made fresh each time it opens (the current exports and targets).
    std::function<WizardContext()> wizardContext;
};

class AppController : public QObject
{
    Q_OBJECT

public:
    AppController(AppParts parts, AppSettings settings, QObject *parent = nullptr);

    const AppSettings &settings() const { return m_settings; }
    // Shows the window (or only the tray icon when `hidden`); the service runs discovery already.
    void start(bool hidden = false);
    void activate();
    void openSettings();
    void openWizard();
    void applySettings(const AppSettings &settings);
    // Saves window geometry and state into the settings file.
    void saveWindowState();
    // The old per-user export list was offered for moving into the service: never again.
    void rememberOldExportListOffered();

private:
    void onCloseRequested();
    void toggleWindow();
    void saveSettings();

    AppParts m_parts;
    AppSettings m_settings;
};

} // namespace aoesan::ui
