// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/Actions.h"

#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QStyle>
#include <QWidget>

namespace aoesan::ui {

namespace {

QAction *make(QWidget *window, const QString &text, const QKeySequence &shortcut, const QString &tip,
    const QString &themeIcon = {}, QStyle::StandardPixmap fallback = QStyle::SP_CustomBase)
{
    auto *action = new QAction(text, window);
    action->setShortcut(shortcut);
    // The tooltip names the shortcut too, so a person learns it by hovering.
    const QString keys = shortcut.toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, keys));
    action->setStatusTip(tip);
    // The desktop's icon theme where it has one; Qt's own style icons where it has none.
    if (!themeIcon.isEmpty()) {
        action->setIcon(QIcon::fromTheme(
            themeIcon, fallback == QStyle::SP_CustomBase ? QIcon() : window->style()->standardIcon(fallback)));
    }
    window->addAction(action);
    return action;
}

} // namespace

Actions::Actions(QWidget *w)
    : discover(make(w, QCoreApplication::translate("Actions", "&Discover now"), QKeySequence(Qt::Key_F5),
        QCoreApplication::translate("Actions", "Probe every interface for AoE targets now"),
        QStringLiteral("view-refresh"), QStyle::SP_BrowserReload))
    , forgetDown(make(w, QCoreApplication::translate("Actions", "&Forget down targets"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
          QCoreApplication::translate("Actions", "Remove the targets that stopped answering from the list"),
          QStringLiteral("edit-clear"), QStyle::SP_DialogDiscardButton))
    , useTarget(make(w, QCoreApplication::translate("Actions", "&Use on this machine"),
          QKeySequence(Qt::CTRL | Qt::Key_U),
          QCoreApplication::translate("Actions", "Make the selected target a disk of this machine (/dev/etherd/eX.Y)"),
          QStringLiteral("drive-harddisk")))
    , detachTarget(make(w, QCoreApplication::translate("Actions", "De&tach from this machine"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
          QCoreApplication::translate(
              "Actions", "Release the selected target's disk on this machine (refused while it is mounted or open)"),
          QStringLiteral("media-eject")))
    , newExport(make(w, QCoreApplication::translate("Actions", "&New export…"), QKeySequence(Qt::CTRL | Qt::Key_N),
          QCoreApplication::translate("Actions", "Export a disk, partition or image file as an AoE target"),
          QStringLiteral("list-add"), QStyle::SP_FileDialogNewFolder))
    , startExport(make(w, QCoreApplication::translate("Actions", "&Start export"), QKeySequence(Qt::CTRL | Qt::Key_R),
          QCoreApplication::translate("Actions", "Start serving the selected export"),
          QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay))
    , stopExport(make(w, QCoreApplication::translate("Actions", "S&top export"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
          QCoreApplication::translate("Actions", "Stop serving the selected export"),
          QStringLiteral("media-playback-stop"), QStyle::SP_MediaStop))
    , removeExport(
          make(w, QCoreApplication::translate("Actions", "&Remove export"), QKeySequence(Qt::CTRL | Qt::Key_Delete),
              QCoreApplication::translate(
                  "Actions", "Stop the selected export and remove it from the list (the disk or file is kept)"),
              QStringLiteral("list-remove"), QStyle::SP_TrashIcon))
    , networkBoot(make(w, QCoreApplication::translate("Actions", "Network &boot…"), QKeySequence(Qt::CTRL | Qt::Key_B),
          QCoreApplication::translate(
              "Actions", "Let machines with no disk boot from the selected export over the network"),
          QStringLiteral("network-wired")))
    , captureTraffic(
          make(w, QCoreApplication::translate("Actions", "&Capture…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
              QCoreApplication::translate("Actions",
                  "Write the AoE traffic of an interface (or of the selected target) to a file for Wireshark"),
              QStringLiteral("media-record")))
    , showTargets(make(w, QCoreApplication::translate("Actions", "&Targets"), QKeySequence(Qt::CTRL | Qt::Key_1),
          QCoreApplication::translate("Actions", "Show the table of discovered targets")))
    , showShelves(make(w, QCoreApplication::translate("Actions", "S&helves"), QKeySequence(Qt::CTRL | Qt::Key_2),
          QCoreApplication::translate("Actions", "Show every shelf with its slots at a glance")))
    , showExports(make(w, QCoreApplication::translate("Actions", "&Exports"), QKeySequence(Qt::CTRL | Qt::Key_3),
          QCoreApplication::translate("Actions", "Show the exports served from this machine")))
    , toggleLog(make(w, QCoreApplication::translate("Actions", "&Log"), QKeySequence(Qt::CTRL | Qt::Key_L),
          QCoreApplication::translate("Actions", "Show or hide the log of events")))
    , findTarget(make(w, QCoreApplication::translate("Actions", "&Filter targets"), QKeySequence(Qt::CTRL | Qt::Key_F),
          QCoreApplication::translate("Actions", "Filter the targets by device pattern or text"),
          QStringLiteral("edit-find")))
    , settings(make(w, QCoreApplication::translate("Actions", "&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
          QCoreApplication::translate("Actions", "Interfaces, probe interval, notifications and language"),
          QStringLiteral("preferences-system")))
    , pauseNotifications(make(w, QCoreApplication::translate("Actions", "&Pause notifications"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
          QCoreApplication::translate("Actions", "Do not show notifications until you turn this off")))
    , showWindow(make(w, QCoreApplication::translate("Actions", "Show &aoesan"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
          QCoreApplication::translate("Actions", "Show the aoesan window")))
    , closeWindow(make(w, QCoreApplication::translate("Actions", "&Close window"), QKeySequence(Qt::CTRL | Qt::Key_W),
          QCoreApplication::translate("Actions", "Hide the window; aoesan keeps watching from the tray")))
    , quit(make(w, QCoreApplication::translate("Actions", "&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q),
          QCoreApplication::translate("Actions", "Stop watching and quit aoesan (asks first when exports are running)"),
          QStringLiteral("application-exit"), QStyle::SP_DialogCloseButton))
{
    // Our own mark where the theme has no network icon: the one the Exports table shows for a boot server.
    networkBoot->setIcon(
        QIcon::fromTheme(QStringLiteral("network-wired"), QIcon(QStringLiteral(":/aoesan/icons/boot-serving.svg"))));
    pauseNotifications->setCheckable(true);
    toggleLog->setCheckable(true);
    quit->setMenuRole(QAction::QuitRole);
    settings->setMenuRole(QAction::PreferencesRole);
}

} // namespace aoesan::ui
