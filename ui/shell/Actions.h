// SPDX-License-Identifier: GPL-3.0-or-later
// Every command of the window as a QAction with its shortcut, tooltip and icon, made in one place so the
// menus, toolbar, views and tray menu share them (and the shortcuts stay unique).
#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace aoesan::ui {

struct Actions
{
    explicit Actions(QWidget *window);

    QAction *discover;
    QAction *forgetDown;
    QAction *useTarget; // the selected target as a disk of this machine (the kernel's aoe driver)
    QAction *detachTarget;
    QAction *newExport;
    QAction *startExport;
    QAction *stopExport;
    QAction *removeExport;
    QAction *networkBoot; // the selected export's boot server (BootDialog)
    QAction *captureTraffic; // frames of an interface to a pcap file through the service (CaptureDialog)
    QAction *showTargets;
    QAction *showShelves;
    QAction *showExports;
    QAction *toggleLog;
    QAction *findTarget;
    QAction *settings;
    QAction *pauseNotifications;
    QAction *showWindow;
    QAction *closeWindow;
    QAction *quit;
};

} // namespace aoesan::ui
