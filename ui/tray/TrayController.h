// SPDX-License-Identifier: GPL-3.0-or-later
// Everything about the system tray in one class: the state icon and tooltip (from the target and export
// models), notifications when a target goes down or comes back and when an export fails (grouped when
// several arrive within a moment, silent while paused or turned off), and the menu: show, discover now,
// exports with Start/Stop, pause notifications, quit.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <vector>

#include "kernel/KernelDevice.h"
#include "tray/TrayState.h"

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace aoesan::discovery {
struct TargetInfo;
}

namespace aoesan::ui {

struct Actions;
class ExportController;
class ExportModel;
class TargetModel;

struct TrayOptions
{
    bool notifications = true;
    bool notifyTargets = true;
    bool notifyExports = true;
    std::chrono::seconds downAfter {30};
    std::chrono::milliseconds groupWindow {1500}; // notices this close together become one notification
};

class TrayController : public QObject
{
    Q_OBJECT

public:
    TrayController(TargetModel &targets, ExportModel &exports, ExportController &exportControl, Actions &actions,
        QObject *parent = nullptr);
    ~TrayController() override;

    void setOptions(const TrayOptions &options) { m_options = options; }
    const TrayOptions &options() const { return m_options; }
    // Shows the icon when the desktop has a tray; false when it has none (then closing the window quits).
    bool show();
    bool isVisible() const;

    TrayLook look() const { return m_look; }
    QString toolTip() const;
    QSystemTrayIcon *icon() const { return m_icon; }
    // Every notification shown so far (tests look at it; the person sees them on the desktop).
    const std::vector<NotificationText> &shown() const { return m_shown; }

    void targetWentDown(const discovery::TargetInfo &target);
    void targetCameBack(const discovery::TargetInfo &target);
    void exportFailed(const QString &name, const QString &detail);
    // The aoe driver's devices (KernelDevicesFeed): a device of this machine that turns from up to down is
    // news (what uses it now hangs), named with its users; "back up" when it returns.
    void kernelDevicesChanged(const std::vector<kernel::KernelDevice> &devices);
    // The notification for one device's change (tests; the tray's own wording in one place).
    static NotificationText kernelDownText(const kernel::KernelDevice &device);
    static NotificationText kernelBackText(const kernel::KernelDevice &device);
    // Quitting: no notification any more (stopping the exports is not targets going down).
    void silence();
    QMenu *menu() const { return m_menu; }

signals:
    void toggleWindowRequested();

private:
    void refresh();
    void queue(Notice notice);
    void flush();
    void showNotification(const NotificationText &text);
    void rebuildExportsMenu();
    bool paused() const;
    QAction *mirror(QAction *shared);

    TargetModel &m_targets;
    ExportModel &m_exports;
    ExportController &m_exportControl;
    Actions &m_actions;
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    QMenu *m_exportsMenu;
    QAction *m_newExport = nullptr; // the tray's copy of New export, for the empty Exports submenu
    bool m_silenced = false;
    TrayOptions m_options;
    TrayLook m_look = TrayLook::Unknown;
    TraySummary m_summary;
    std::vector<Notice> m_pending;
    QTimer m_groupTimer;
    std::vector<NotificationText> m_shown;
    QHash<QString, bool> m_kernelUp; // device name → up when last seen
};

} // namespace aoesan::ui
