// SPDX-License-Identifier: GPL-3.0-or-later
#include "tray/TrayController.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

#include "discovery/TargetInfo.h"
#include "exports/ExportController.h"
#include "log/Logging.h"
#include "models/ExportModel.h"
#include "models/TargetModel.h"
#include "shell/Actions.h"

namespace aoesan::ui {

TrayController::TrayController(
    TargetModel &targets, ExportModel &exports, ExportController &exportControl, Actions &actions, QObject *parent)
    : QObject(parent)
    , m_targets(targets)
    , m_exports(exports)
    , m_exportControl(exportControl)
    , m_actions(actions)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_exportsMenu(new QMenu(tr("E&xports"), m_menu))
{
    m_menu->addAction(mirror(m_actions.showWindow));
    m_menu->addAction(mirror(m_actions.discover));
    m_menu->addMenu(m_exportsMenu);
    m_menu->addSeparator();
    m_menu->addAction(mirror(m_actions.pauseNotifications));
    m_menu->addSeparator();
    m_menu->addAction(mirror(m_actions.quit));
    m_newExport = mirror(m_actions.newExport);
    m_icon->setContextMenu(m_menu);
    connect(m_exportsMenu, &QMenu::aboutToShow, this, &TrayController::rebuildExportsMenu);
    rebuildExportsMenu();

    m_groupTimer.setSingleShot(true);
    connect(&m_groupTimer, &QTimer::timeout, this, &TrayController::flush);
    connect(&m_targets, &TargetModel::countsChanged, this, &TrayController::refresh);
    connect(&m_targets, &QAbstractItemModel::modelReset, this, &TrayController::refresh);
    connect(&m_exports, &ExportModel::countsChanged, this, &TrayController::refresh);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit toggleWindowRequested();
    });
    refresh();
}

TrayController::~TrayController()
{
    delete m_menu; // a context menu has no parent widget
}

QAction *TrayController::mirror(QAction *shared)
{
    // The window's shortcuts do nothing while the tray menu is open, so its entries show none: each is a
    // copy without a shortcut that runs the window's action and follows its text, state and check mark.
    auto *copy = new QAction(shared->icon(), shared->text(), this);
    copy->setObjectName(shared->objectName());
    copy->setCheckable(shared->isCheckable());
    const auto follow = [copy, shared] {
        copy->setText(shared->text());
        copy->setEnabled(shared->isEnabled());
        copy->setChecked(shared->isChecked());
    };
    follow();
    connect(shared, &QAction::changed, copy, follow);
    connect(shared, &QAction::toggled, copy, follow);
    connect(copy, &QAction::triggered, shared, [copy, shared] {
        if (shared->isCheckable())
            shared->setChecked(copy->isChecked());
        else
            shared->trigger();
    });
    return copy;
}

void TrayController::silence()
{
    m_silenced = true;
    m_groupTimer.stop();
    m_pending.clear();
}

bool TrayController::show()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    m_icon->show();
    return true;
}

bool TrayController::isVisible() const
{
    return m_icon->isVisible();
}

QString TrayController::toolTip() const
{
    if (!m_exportControl.servedBySystem())
        return trayToolTip(m_summary);
    return trayToolTip(m_summary) + QLatin1Char('\n')
        + tr("Exports are served by the system and keep running after Quit.");
}

void TrayController::refresh()
{
    const auto c = m_targets.counts();
    m_summary = {c.total, c.up, c.down, c.conflicts, m_exports.activeCount(), m_exports.failedCount()};
    const TrayLook look = trayLook(m_summary);
    if (look != m_look || m_icon->icon().isNull()) {
        m_look = look;
        m_icon->setIcon(QIcon(trayIconPath(look)));
    }
    m_icon->setToolTip(toolTip());
}

bool TrayController::paused() const
{
    return m_silenced || m_actions.pauseNotifications->isChecked() || !m_options.notifications;
}

void TrayController::targetWentDown(const discovery::TargetInfo &target)
{
    // Only news arrives here: DiscoveryController drops the silence of this machine's stopped exports.
    if (m_options.notifyTargets)
        queue({Notice::Kind::TargetDown, QString::fromStdString(target.id.deviceName()), {}});
}

void TrayController::targetCameBack(const discovery::TargetInfo &target)
{
    if (m_options.notifyTargets)
        queue({Notice::Kind::TargetUp, QString::fromStdString(target.id.deviceName()), {}});
}

void TrayController::exportFailed(const QString &name, const QString &detail)
{
    if (m_options.notifyExports)
        queue({Notice::Kind::ExportFailed, name, detail});
}

void TrayController::kernelDevicesChanged(const std::vector<kernel::KernelDevice> &devices)
{
    QHash<QString, bool> next;
    for (const auto &d : devices) {
        next.insert(d.name(), d.up());
        const auto before = m_kernelUp.constFind(d.name());
        // A device first seen is no news; only a change of an attached one is.
        if (before == m_kernelUp.constEnd() || before.value() == d.up() || paused() || !m_options.notifyTargets)
            continue;
        showNotification(d.up() ? kernelBackText(d) : kernelDownText(d));
    }
    m_kernelUp = std::move(next);
}

NotificationText TrayController::kernelDownText(const kernel::KernelDevice &d)
{
    NotificationText text;
    text.critical = true;
    text.title = tr("%1 on this machine is down").arg(d.devicePath());
    QStringList body;
    body << kernel::explainState(d.state);
    if (!d.users.empty())
        body << tr("In use: %1. Programs reading or writing it wait until the target answers again.")
                    .arg(d.users.describe());
    if (d.closewait())
        body << tr("Closewait: the kernel keeps the device down until every program has closed it; close them (or "
                   "unmount) and attach again.");
    text.body = body.join(QLatin1Char('\n'));
    return text;
}

NotificationText TrayController::kernelBackText(const kernel::KernelDevice &d)
{
    return {tr("%1 on this machine is back up").arg(d.devicePath()),
        tr("The target answers again; what uses it can carry on."), false};
}

void TrayController::queue(Notice notice)
{
    if (paused())
        return;
    m_pending.push_back(std::move(notice));
    if (!m_groupTimer.isActive())
        m_groupTimer.start(m_options.groupWindow);
}

void TrayController::flush()
{
    if (m_pending.empty() || paused()) {
        m_pending.clear();
        return;
    }
    showNotification(composeNotification(std::exchange(m_pending, {}), m_options.downAfter));
}

void TrayController::showNotification(const NotificationText &text)
{
    m_shown.push_back(text);
    log::logger("ui")->info("notification: {} — {}", text.title.toStdString(), text.body.toStdString());
    if (m_icon->isVisible()) {
        m_icon->showMessage(
            text.title, text.body, text.critical ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
    }
}

void TrayController::rebuildExportsMenu()
{
    m_exportsMenu->clear();
    if (m_exportControl.servedBySystem()) {
        auto *note = m_exportsMenu->addAction(tr("Served by the system: they keep running after Quit"));
        note->setObjectName(QStringLiteral("servedBySystem"));
        note->setEnabled(false);
    }
    if (m_exports.rowCount() == 0) {
        m_exportsMenu->addAction(tr("No exports yet"))->setEnabled(false);
        m_exportsMenu->addAction(m_newExport);
        return;
    }
    for (int row = 0; row < m_exports.rowCount(); ++row) {
        const auto &r = m_exports.rowAt(row);
        const QString name = r.record.name;
        auto *sub = m_exportsMenu->addMenu(
            QStringLiteral("%1 (%2) — %3").arg(name, r.record.address(), ExportModel::stateText(r.status.state)));
        const bool active = r.status.state == supervisor::ExportState::Running
            || r.status.state == supervisor::ExportState::Starting
            || r.status.state == supervisor::ExportState::Restarting;
        auto *start = sub->addAction(tr("Start"), this, [this, name] { m_exportControl.start(name); });
        start->setEnabled(!active);
        auto *stop = sub->addAction(tr("Stop"), this, [this, name] { m_exportControl.stop(name); });
        stop->setEnabled(active);
    }
}

} // namespace aoesan::ui
