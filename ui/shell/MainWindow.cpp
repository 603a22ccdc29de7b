// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/MainWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include <climits>

#include "capture/CaptureDialog.h"
#include "discovery/DiscoveryController.h"
#include "exports/BootDialog.h"
#include "exports/ExportController.h"
#include "exports/ExportsView.h"
#include "log/LogDock.h"
#include "log/Logging.h"
#include "log/PersonLog.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "shell/Actions.h"
#include "shell/ErrorBanner.h"
#include "shell/HelpMenu.h"
#include "shell/ShelvesPage.h"
#include "targets/KernelDevicesFeed.h"
#include "targets/ShelfView.h"
#include "targets/TargetActions.h"
#include "targets/TargetDetails.h"
#include "targets/TargetsView.h"

namespace aoesan::ui {

MainWindow::MainWindow(const MainWindowParts &parts, QWidget *parent)
    : QMainWindow(parent)
    , m_parts(parts)
    , m_actions(new Actions(this))
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_targetsView(new TargetsView(&parts.targets, &parts.filter, this))
    , m_shelvesPage(new ShelvesPage(&parts.targets, &parts.filter, this))
    , m_exportsView(new ExportsView(&parts.exports, *m_actions, this))
    , m_logDock(new LogDock(&parts.log, this))
    , m_targetActions(new TargetActions(parts.discovery, parts.targets, this))
    , m_kernel(new KernelDevicesFeed(parts.discovery.link(), this))
    , m_status(new QLabel(this))
    , m_interfaces(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The platform appends the application's display name ("AoE SAN Manager — aoesan"): aoesan once.
    setWindowTitle(tr("AoE SAN Manager"));
    setWindowIcon(QIcon(QStringLiteral(":/aoesan/icons/io.github.aoesan.svg")));

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->addItems({tr("Targets"), tr("Shelves"), tr("Exports")});
    m_nav->setFixedWidth(m_nav->fontMetrics().horizontalAdvance(QStringLiteral("MMMMMMMMMMMM")));
    m_nav->setToolTip(tr("Targets (Ctrl+1), Shelves (Ctrl+2), Exports (Ctrl+3)"));
    m_stack->addWidget(m_targetsView);
    m_stack->addWidget(m_shelvesPage);
    // The details of a target served here say who may use it.
    m_targetsView->details()->setExports(&parts.exports);
    m_shelvesPage->details()->setExports(&parts.exports);
    m_stack->addWidget(m_exportsView);
    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(4, 4, 4, 0);
    row->addWidget(m_nav);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);

    new PersonLog(parts.log, parts.discovery, parts.exportControl, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_interfaces);
    buildActions();

    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(&parts.targets, &TargetModel::countsChanged, this, &MainWindow::updateNavigation);
    connect(&parts.exports, &ExportModel::countsChanged, this, &MainWindow::updateNavigation);
    connect(&parts.discovery, &DiscoveryController::problemChanged, this, &MainWindow::showDiscoveryProblem);
    showDiscoveryProblem(parts.discovery.problem());
    connect(&parts.discovery, &DiscoveryController::statusChanged, this, &MainWindow::updateStatus);
    connect(&parts.exportControl, &ExportController::actionFailed, this, &MainWindow::showExportProblem);
    m_exportsView->setServedBySystem(parts.exportControl.servedBySystem());
    connect(&parts.exportControl, &ExportController::reachabilityChanged, this, [this](bool reachable) {
        if (reachable) {
            m_exportsView->banner()->clear();
            return;
        }
        m_exportsView->banner()->showMessage(ErrorBanner::Level::Warning,
            tr("The aoesan service went away. What it served before may still run; its exports are shown "
               "again as soon as it is back."));
    });
    connect(m_shelvesPage->shelves(), &ShelfView::currentChanged, this, [this](auto id) {
        if (id)
            m_targetsView->select(*id);
    });
    connect(m_shelvesPage->shelves(), &ShelfView::targetActivated, this, [this](discovery::TargetId id) {
        showPage(Page::Targets);
        m_targetsView->select(id);
        m_targetsView->table()->setFocus();
    });
    connect(m_targetsView, &TargetsView::selectionChanged, this, [this](auto id) {
        if (id)
            m_shelvesPage->shelves()->setCurrent(id);
    });
    // A target's actions: the table's and the tiles' context menus, and buttons in both details panes.
    connect(m_targetsView, &TargetsView::targetMenuRequested, m_targetActions, &TargetActions::showMenu);
    connect(m_shelvesPage->shelves(), &ShelfView::targetMenuRequested, m_targetActions, &TargetActions::showMenu);
    m_targetsView->details()->setActions(m_targetActions);
    m_shelvesPage->details()->setActions(m_targetActions);
    connect(m_targetActions, &TargetActions::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
        log::logger("ui")->info("{}", text.toStdString());
    });
    // The kernel's view: the feed fills the model; a finished Attach or Detach reads it again at once.
    connect(m_kernel, &KernelDevicesFeed::devicesChanged, &parts.targets, &TargetModel::setKernelDevices);
    connect(m_targetActions, &TargetActions::kernelChanged, m_kernel, &KernelDevicesFeed::refreshNow);
    connect(m_targetActions, &TargetActions::kernelNoteChanged, this, &MainWindow::updateTargetActions);
    connect(&parts.targets, &QAbstractItemModel::dataChanged, this, &MainWindow::updateTargetActions);
    connect(m_targetsView, &TargetsView::selectionChanged, this, &MainWindow::updateTargetActions);
    connect(m_shelvesPage->shelves(), &ShelfView::currentChanged, this, &MainWindow::updateTargetActions);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateTargetActions);
    m_kernel->start();
    updateTargetActions();
    connect(m_targetsView->banner(), &ErrorBanner::actionTriggered, this, [this] { m_parts.discovery.discoverNow(); });
    m_statusTimer.setInterval(1000);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_statusTimer.start();

    m_nav->setCurrentRow(0);
    updateNavigation();
    updateStatus();
    resize(1100, 640);
}

void MainWindow::buildActions()
{
    Actions &a = *m_actions;
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(a.newExport);
    file->addAction(a.settings);
    file->addSeparator();
    file->addAction(a.closeWindow);
    file->addAction(a.quit);
    auto *view = menuBar()->addMenu(tr("&View"));
    view->addAction(a.showTargets);
    view->addAction(a.showShelves);
    view->addAction(a.showExports);
    view->addAction(a.toggleLog);
    view->addSeparator();
    view->addAction(a.findTarget);
    auto *targets = menuBar()->addMenu(tr("&Targets"));
    targets->addAction(a.discover);
    targets->addAction(a.forgetDown);
    targets->addAction(a.captureTraffic);
    targets->addSeparator();
    targets->addAction(a.useTarget);
    targets->addAction(a.detachTarget);
    auto *exports = menuBar()->addMenu(tr("&Exports"));
    exports->addAction(a.newExport);
    exports->addAction(a.startExport);
    exports->addAction(a.stopExport);
    exports->addAction(a.removeExport);
    exports->addSeparator();
    exports->addAction(a.networkBoot);
    exports->addSeparator();
    exports->addAction(a.pauseNotifications);
    m_help = new HelpMenu(*this, m_parts.log, this);
    menuBar()->addMenu(m_help->menu());

    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(a.discover);
    bar->addAction(a.newExport);
    bar->addAction(a.forgetDown);
    bar->addAction(a.captureTraffic);

    connect(a.discover, &QAction::triggered, this, [this] { m_parts.discovery.discoverNow(); });
    connect(a.forgetDown, &QAction::triggered, this, [this] { m_parts.discovery.forgetDown(); });
    connect(a.useTarget, &QAction::triggered, this, [this] {
        if (const auto id = selectedTarget(); id && m_targetActions->canUse(*id))
            m_targetActions->useOnThisMachine(*id);
    });
    connect(a.detachTarget, &QAction::triggered, this, [this] {
        if (const auto id = selectedTarget(); id && m_targetActions->canDetach(*id))
            m_targetActions->detach(*id);
    });
    connect(a.newExport, &QAction::triggered, this, &MainWindow::newExportRequested);
    connect(a.startExport, &QAction::triggered, this, &MainWindow::startSelected);
    connect(a.stopExport, &QAction::triggered, this, &MainWindow::stopSelected);
    connect(a.removeExport, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(a.networkBoot, &QAction::triggered, this, &MainWindow::networkBootSelected);
    connect(a.captureTraffic, &QAction::triggered, this, [this] {
        // The selected target, when there is one, is what a person wants to see.
        const auto id = currentPage() == Page::Exports ? std::nullopt : selectedTarget();
        auto *dialog = new CaptureDialog(
            m_parts.discovery.link(), id ? QString::fromStdString(id->deviceName()) : QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(a.showTargets, &QAction::triggered, this, [this] { showPage(Page::Targets); });
    connect(a.showShelves, &QAction::triggered, this, [this] { showPage(Page::Shelves); });
    connect(a.showExports, &QAction::triggered, this, [this] { showPage(Page::Exports); });
    connect(a.findTarget, &QAction::triggered, this, [this] {
        showPage(Page::Targets);
        m_targetsView->focusFilter();
    });
    connect(a.toggleLog, &QAction::toggled, m_logDock, &QDockWidget::setVisible);
    connect(m_logDock, &QDockWidget::visibilityChanged, a.toggleLog, [this](bool visible) {
        if (!isMinimized() && isVisible())
            m_actions->toggleLog->setChecked(visible);
    });
    connect(a.settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(a.quit, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(a.closeWindow, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::setLabMode(bool lab)
{
    m_lab = lab;
    setWindowTitle(lab ? tr("AoE SAN Manager [lab]") : tr("AoE SAN Manager"));
    m_interfaces->setToolTip(lab
            ? tr("Lab mode: a private network namespace; nothing is sent on this machine's interfaces")
            : tr("The interfaces discovery watches"));
    updateStatus();
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_stack->currentIndex());
}

std::optional<discovery::TargetId> MainWindow::selectedTarget() const
{
    return currentPage() == Page::Shelves ? m_shelvesPage->shelves()->current() : m_targetsView->selected();
}

void MainWindow::updateTargetActions()
{
    const auto id = selectedTarget();
    m_actions->useTarget->setEnabled(id && m_targetActions->canUse(*id));
    m_actions->detachTarget->setEnabled(id && m_targetActions->canDetach(*id));
}

void MainWindow::updateNavigation()
{
    const auto counts = m_parts.targets.counts();
    m_nav->item(0)->setText(counts.total > 0 ? tr("Targets  %1").arg(counts.total) : tr("Targets"));
    const int exports = m_parts.exports.rowCount();
    m_nav->item(2)->setText(exports > 0 ? tr("Exports  %1").arg(exports) : tr("Exports"));
    updateStatus();
}

QString MainWindow::statusText() const
{
    const auto c = m_parts.targets.counts();
    QStringList parts;
    parts << tr("%n target(s)", nullptr, c.total) << tr("%n up", nullptr, c.up) << tr("%n down", nullptr, c.down);
    if (c.conflicts > 0)
        parts << tr("%n conflict(s)", nullptr, c.conflicts);
    parts << tr("%n export(s) running", nullptr, m_parts.exports.runningCount());
    if (const auto limit = m_parts.discovery.limit(); limit.reached) {
        const auto refused = std::min<std::uint64_t>(limit.refusedTargets + limit.refusedPaths, INT_MAX);
        parts << tr("target limit reached: %n answer(s) refused", nullptr, static_cast<int>(refused));
    }
    const QDateTime last = m_parts.discovery.lastProbe();
    if (last.isValid())
        parts << tr("last probe %1 s ago").arg(std::max<qint64>(0, last.secsTo(QDateTime::currentDateTime())));
    else if (!m_parts.discovery.isRunning())
        parts << tr("discovery is not running");
    return parts.join(QStringLiteral(" · "));
}

void MainWindow::updateStatus()
{
    m_status->setText(statusText());
    QStringList names;
    const bool ok = m_parts.discovery.isRunning() && !m_parts.discovery.problem();
    for (const QString &name : m_parts.discovery.interfaces())
        names << name + (ok ? QStringLiteral(" ✓") : QStringLiteral(" ✗"));
    // The lab note is in the title and the tooltip: the status line stays short enough for every language.
    m_interfaces->setText(names.isEmpty() ? QString() : tr("interfaces: %1").arg(names.join(QStringLiteral("  "))));
}

void MainWindow::showDiscoveryProblem(const std::optional<Problem> &problem)
{
    auto *banner = m_targetsView->banner();
    if (!problem) {
        banner->clear();
        return;
    }
    banner->showMessage(ErrorBanner::Level::Error, problem->message, problem->fix, tr("Try again"));
}

void MainWindow::showStartupProblems(const QStringList &problems)
{
    if (problems.isEmpty() || m_parts.discovery.problem())
        return;
    m_targetsView->banner()->showMessage(ErrorBanner::Level::Warning, problems.join(QLatin1Char('\n')));
}

void MainWindow::showExportProblem(const Problem &problem)
{
    m_exportsView->banner()->showMessage(ErrorBanner::Level::Error, problem.message, problem.fix);
}

void MainWindow::startSelected()
{
    const QString name = m_exportsView->selectedName();
    if (name.isEmpty())
        return;
    m_exportsView->banner()->clear();
    m_parts.exportControl.start(name);
}

void MainWindow::stopSelected()
{
    const QString name = m_exportsView->selectedName();
    if (!name.isEmpty())
        m_parts.exportControl.stop(name);
}

void MainWindow::networkBootSelected()
{
    const QString name = m_exportsView->selectedName();
    if (name.isEmpty())
        return;
    // One dialog per export: asking again raises the open one.
    for (auto *open : findChildren<BootDialog *>()) {
        if (open->exportName() == name) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    auto *dialog = new BootDialog(m_parts.discovery.link(), name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::removeSelected()
{
    const QString name = m_exportsView->selectedName();
    if (name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove export"),
        tr("Stop export '%1' and remove it from the list? The disk or image file is kept.").arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, name] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes)
            return;
        m_parts.exportControl.remove(name);
    });
    box->open();
}

bool MainWindow::event(QEvent *event)
{
    // QMainWindow shows a hovered action's status tip as a temporary message that hides the status line
    // and the interfaces; a button disabled under the mouse (Stop) never sends the empty tip that ends it.
    // The tooltips say the same, so the status line stays what it is.
    if (event->type() == QEvent::StatusTip)
        return true;
    // The kernel's view: every 2 s while a person looks; slower while hidden, enough for the tray.
    if (event->type() == QEvent::Show || event->type() == QEvent::Hide) {
        m_kernel->setInterval(std::chrono::seconds(event->type() == QEvent::Show ? 2 : 10));
        if (event->type() == QEvent::Show)
            m_kernel->refreshNow();
    }
    return QMainWindow::event(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The application decides: hide to the tray, or quit (asking about running exports).
    event->ignore();
    emit closeRequested();
}

} // namespace aoesan::ui
