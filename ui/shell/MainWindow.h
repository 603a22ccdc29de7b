// SPDX-License-Identifier: GPL-3.0-or-later
// The main window (UI.md): a toolbar, the navigation (Targets, Shelves, Exports), the pages, the log
// dock and a status line. It arranges views and forwards commands; the work is in the controllers.
#pragma once

#include <QMainWindow>
#include <QTimer>

#include <optional>

#include "discovery/TargetInfo.h"
#include "shell/Problem.h"

class QLabel;
class QListWidget;
class QStackedWidget;

namespace aoesan::ui {

struct Actions;
class DiscoveryController;
class ExportController;
class ExportModel;
class ExportsView;
class HelpMenu;
class KernelDevicesFeed;
class LogDock;
class LogModel;
class ShelvesPage;
class TargetActions;
class TargetFilterModel;
class TargetModel;
class TargetsView;

struct MainWindowParts
{
    TargetModel &targets;
    TargetFilterModel &filter;
    ExportModel &exports;
    LogModel &log;
    DiscoveryController &discovery;
    ExportController &exportControl;
};

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Targets, Shelves, Exports };

    explicit MainWindow(const MainWindowParts &parts, QWidget *parent = nullptr);

    Actions &actions() const { return *m_actions; }
    void showPage(Page page);
    Page currentPage() const;
    TargetsView *targetsView() const { return m_targetsView; }
    ShelvesPage *shelvesPage() const { return m_shelvesPage; }
    ExportsView *exportsView() const { return m_exportsView; }
    LogDock *logDock() const { return m_logDock; }
    HelpMenu *helpMenu() const { return m_help; }
    TargetActions *targetActions() const { return m_targetActions; }
    // The aoe driver's devices through the service, read every 2 s while the window shows (10 s hidden).
    KernelDevicesFeed *kernelFeed() const { return m_kernel; }
    // The target selected on the current page (the table or the shelves).
    std::optional<discovery::TargetId> selectedTarget() const;
    QString statusText() const;
    void setLabMode(bool lab);
    // Problems found at start (a damaged settings file, a bad export list): shown on the Targets page.
    void showStartupProblems(const QStringList &problems);

signals:
    void newExportRequested();
    void settingsRequested();
    void quitRequested();
    // The person closed the window (the tray decides whether that hides or quits).
    void closeRequested();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void updateNavigation();
    void updateStatus();
    void showDiscoveryProblem(const std::optional<Problem> &problem);
    void showExportProblem(const Problem &problem);
    void startSelected();
    void stopSelected();
    void removeSelected();
    void networkBootSelected();
    void updateTargetActions();

    MainWindowParts m_parts;
    Actions *m_actions;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    TargetsView *m_targetsView;
    ShelvesPage *m_shelvesPage;
    ExportsView *m_exportsView;
    LogDock *m_logDock;
    TargetActions *m_targetActions;
    KernelDevicesFeed *m_kernel;
    QLabel *m_status;
    QLabel *m_interfaces;
    QTimer m_statusTimer;
    HelpMenu *m_help = nullptr;
    bool m_lab = false;
};

} // namespace aoesan::ui
