// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/AppController.h"

#include <QAction>
#include <QMessageBox>
#include <QSystemTrayIcon>

#include "discovery/DiscoveryController.h"
#include "exports/ExportController.h"
#include "exports/ExportsView.h"
#include "format/ColumnChooser.h"
#include "log/Logging.h"
#include "net/NetworkInterfaces.h"
#include "settings/SettingsDialog.h"
#include "shell/Actions.h"
#include "shell/MainWindow.h"
#include "shell/QuitFlow.h"
#include "targets/KernelDevicesFeed.h"
#include "targets/TargetsView.h"
#include "tray/TrayController.h"
#include "wizard/ExportWizard.h"

namespace aoesan::ui {

namespace {
TrayOptions trayOptions(const AppSettings &s)
{
    TrayOptions o;
    o.notifications = s.notifications;
    o.notifyTargets = s.notifyTargets;
    o.notifyExports = s.notifyExports;
    o.downAfter = std::chrono::seconds(3 * s.intervalSeconds);
    return o;
}
} // namespace

AppController::AppController(AppParts parts, AppSettings settings, QObject *parent)
    : QObject(parent)
    , m_parts(std::move(parts))
    , m_settings(std::move(settings))
{
    MainWindow &w = m_parts.window;
    connect(&w, &MainWindow::closeRequested, this, &AppController::onCloseRequested);
    connect(&w, &MainWindow::quitRequested, this, [this] { m_parts.quit.requestQuit(&m_parts.window); });
    connect(&w, &MainWindow::settingsRequested, this, &AppController::openSettings);
    connect(&w, &MainWindow::newExportRequested, this, &AppController::openWizard);
    connect(w.actions().showWindow, &QAction::triggered, this, &AppController::activate);
    connect(&m_parts.quit, &QuitFlow::stopping, this, [this] {
        m_parts.discovery.stop();
        if (m_parts.tray)
            m_parts.tray->silence();
    });
    connect(w.targetsView(), &TargetsView::columnsChanged, this, [this](const QStringList &visible) {
        m_settings.targetColumns = visible;
        saveSettings();
    });
    connect(w.exportsView()->columns(), &ColumnChooser::columnsChanged, this, [this](const QStringList &visible) {
        m_settings.exportColumns = visible;
        saveSettings();
    });
    connect(w.actions().pauseNotifications, &QAction::toggled, this,
        [](bool paused) { log::logger("ui")->info("notifications {}", paused ? "paused" : "resumed"); });
    if (m_parts.tray) {
        m_parts.tray->setOptions(trayOptions(m_settings));
        connect(m_parts.tray, &TrayController::toggleWindowRequested, this, &AppController::toggleWindow);
        connect(
            &m_parts.discovery, &DiscoveryController::targetWentDown, m_parts.tray, &TrayController::targetWentDown);
        connect(
            &m_parts.discovery, &DiscoveryController::targetCameBack, m_parts.tray, &TrayController::targetCameBack);
        connect(
            w.kernelFeed(), &KernelDevicesFeed::devicesChanged, m_parts.tray, &TrayController::kernelDevicesChanged);
        connect(&m_parts.exports, &ExportController::exportFailed, m_parts.tray,
            [this](const QString &name, const supervisor::ExportProblem &p) {
                m_parts.tray->exportFailed(name, p.describe());
            });
    }
}

void AppController::start(bool hidden)
{
    if (!m_settings.windowGeometry.isEmpty())
        m_parts.window.restoreGeometry(m_settings.windowGeometry);
    if (!m_settings.windowState.isEmpty())
        m_parts.window.restoreState(m_settings.windowState);
    m_parts.window.targetsView()->setVisibleColumns(m_settings.targetColumns);
    m_parts.window.exportsView()->columns()->setVisibleColumns(m_settings.exportColumns);
    if (!hidden || !m_parts.tray || !m_parts.tray->isVisible())
        m_parts.window.show();
}

void AppController::activate()
{
    MainWindow &w = m_parts.window;
    if (w.isMinimized())
        w.showNormal();
    w.show();
    w.raise();
    w.activateWindow();
}

void AppController::toggleWindow()
{
    if (m_parts.window.isVisible() && !m_parts.window.isMinimized())
        m_parts.window.hide();
    else
        activate();
}

void AppController::onCloseRequested()
{
    if (!m_parts.tray || !m_parts.tray->isVisible()) {
        m_parts.quit.requestQuit(&m_parts.window);
        return;
    }
    saveWindowState();
    m_parts.window.hide();
    if (!m_settings.closeHintShown) {
        m_settings.closeHintShown = true;
        saveSettings();
        m_parts.tray->icon()->showMessage(tr("aoesan is still running"),
            tr("It keeps watching your targets and exports from the tray. "
               "Use Quit in the tray menu to leave."),
            QSystemTrayIcon::Information, 6000);
    }
}

void AppController::openSettings()
{
    QStringList names;
    if (const auto listed = net::listInterfaces()) {
        for (const auto &i : listed.value())
            names << QString::fromStdString(i.name);
    }
    // Discovery's settings are the service's: show what it runs with.
    AppSettings shown = m_settings;
    shown.interfaces = m_parts.discovery.interfacesSetting();
    if (const auto interval = m_parts.discovery.interval().count(); interval > 0)
        shown.intervalSeconds = static_cast<int>(interval);
    m_settings.interfaces = shown.interfaces;
    m_settings.intervalSeconds = shown.intervalSeconds;
    auto *dialog = new SettingsDialog(shown, names, &m_parts.window, &m_parts.discovery.link());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applySettings(dialog->settings()); });
    dialog->open();
}

void AppController::applySettings(const AppSettings &next)
{
    const bool rediscover
        = next.interfaces != m_settings.interfaces || next.intervalSeconds != m_settings.intervalSeconds;
    const bool newLanguage = next.language != m_settings.language;
    m_settings = next;
    saveSettings();
    if (m_parts.tray)
        m_parts.tray->setOptions(trayOptions(m_settings));
    if (rediscover)
        m_parts.discovery.configure(m_settings.interfaces, std::chrono::seconds(m_settings.intervalSeconds));
    if (newLanguage) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Language"),
            tr("The new language is used the next time aoesan starts."), QMessageBox::Ok, &m_parts.window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void AppController::openWizard()
{
    auto *wizard = new ExportWizard(m_parts.wizardContext(), &m_parts.window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        const ExportDraft &draft = wizard->draft();
        m_parts.window.showPage(MainWindow::Page::Exports);
        m_parts.exports.add(draft.record, draft.startNow, [this](const std::optional<Problem> &problem) {
            if (!problem)
                return;
            auto *box = new QMessageBox(
                QMessageBox::Warning, tr("New export"), problem->message, QMessageBox::Ok, &m_parts.window);
            box->setInformativeText(problem->fix);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    });
    wizard->open();
}

void AppController::saveWindowState()
{
    m_settings.windowGeometry = m_parts.window.saveGeometry();
    m_settings.windowState = m_parts.window.saveState();
    saveSettings();
}

void AppController::rememberOldExportListOffered()
{
    m_settings.oldExportListOffered = true;
    saveSettings();
}

void AppController::saveSettings()
{
    QString error;
    if (!m_parts.settingsStore.save(m_settings, &error))
        log::logger("ui")->error("{}", error.toStdString());
}

} // namespace aoesan::ui
