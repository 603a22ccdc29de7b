// The main window with its real views and controllers (a fake probe, a supervisor with no engines):
// every action has a unique shortcut and a tooltip, the shortcuts switch pages, a discovery problem is
// shown with its fix, selecting a tile selects the row, the status line counts, the log dock fills
// from spdlog, closing asks the application instead of quitting, quitting stops discovery first, and a
// hovered button's status tip (Stop, then disabled under the mouse) never replaces the status line.
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStatusTipEvent>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <thread>

#include "FakeProbe.h"
#include "Fixtures.h"
#include "discovery/DiscoveryController.h"
#include "exports/ExportController.h"
#include "exports/ExportsView.h"
#include "log/LogBuffer.h"
#include "log/LogDock.h"
#include "log/LogModel.h"
#include "log/Logging.h"
#include "models/ExportModel.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "settings/AppSettings.h"
#include "shell/Actions.h"
#include "shell/AppController.h"
#include "shell/ErrorBanner.h"
#include "shell/MainWindow.h"
#include "shell/QuitFlow.h"
#include "shell/ShelvesPage.h"
#include "shell/Translations.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "targets/ShelfView.h"
#include "targets/TargetDetails.h"
#include "targets/TargetsView.h"

using namespace aoesan;

namespace {
class NoEngines : public supervisor::ProcessLauncher
{
public:
    std::unique_ptr<supervisor::EngineProcess> launch(const QStringList &) override { return nullptr; }
};

struct Rig
{
    QTemporaryDir dir;
    ui::TargetModel targets;
    ui::TargetFilterModel filter;
    ui::ExportModel exportModel;
    std::shared_ptr<ui::LogBuffer> buffer = std::make_shared<ui::LogBuffer>();
    ui::LogModel log {buffer};
    test::FakeProbeLauncher launcher;
    ui::ProbeClient probe {launcher};
    QStringList interfaces {QStringLiteral("lan1")};
    ui::DiscoveryController discovery {probe, targets, [this] { return Result<QStringList, QString>(interfaces); }};
    NoEngines engines;
    supervisor::SteadySupervisorClock clock;
    supervisor::ExportSupervisor supervisor {engines, clock, supervisor::ExportPreflight(nullptr, nullptr)};
    supervisor::ExportStore store {dir.filePath(QStringLiteral("exports.json"))};
    ui::ExportController exports {store, supervisor, exportModel};
    std::unique_ptr<ui::MainWindow> window;

    Rig()
    {
        filter.setSourceModel(&targets);
        window = std::make_unique<ui::MainWindow>(
            ui::MainWindowParts {targets, filter, exportModel, log, discovery, exports});
    }
};
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    // English plural forms ("3 exports") come from the English translation, as in the program.
    void initTestCase() { ui::installTranslations(*qApp, QStringLiteral("en")); }

    void everyActionHasAShortcutAndATooltip()
    {
        Rig rig;
        QSet<QString> seen;
        const auto actions = rig.window->findChildren<QAction *>();
        int checked = 0;
        for (const QAction *action : actions) {
            if (action->text().isEmpty() || action->isSeparator() || action->menu()
                || action->parent() != rig.window.get())
                continue;
            ++checked;
            const QString keys = action->shortcut().toString();
            QVERIFY2(!keys.isEmpty(), qPrintable(action->text()));
            QVERIFY2(!seen.contains(keys), qPrintable(keys));
            seen.insert(keys);
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                qPrintable(action->toolTip()));
        }
        QVERIFY(checked >= 15);
    }

    void shortcutsSwitchPages()
    {
        Rig rig;
        rig.window->show();
        rig.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(rig.window.get()));
        QCOMPARE(rig.window->currentPage(), ui::MainWindow::Page::Targets);
        QTest::keyClick(rig.window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(rig.window->currentPage(), ui::MainWindow::Page::Shelves);
        QTest::keyClick(rig.window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(rig.window->currentPage(), ui::MainWindow::Page::Exports);
        QTest::keyClick(rig.window.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(rig.window->currentPage(), ui::MainWindow::Page::Targets);
        QTest::keyClick(rig.window.get(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(rig.window->logDock()->isVisible());
    }

    void discoveryFeedsTableShelvesAndStatus()
    {
        Rig rig;
        rig.window->show();
        rig.discovery.start({}, std::chrono::seconds(10));
        auto *probe = rig.launcher.last();
        probe->sayStarted({QStringLiteral("lan1")});
        probe->sayTarget("added", test::target(7, 1));
        probe->sayTarget("added", test::target(7, 3, 8, discovery::TargetState::Down));
        QTRY_COMPARE(rig.window->targetsView()->table()->model()->rowCount(), 2);
        QVERIFY(rig.window->statusText().startsWith(QStringLiteral("2 targets · 1 up · 1 down")));
        // A tile clicked in Shelves selects the row and shows the details.
        rig.window->showPage(ui::MainWindow::Page::Shelves);
        auto *shelves = rig.window->shelvesPage()->shelves();
        QTRY_COMPARE(shelves->layoutForTests().tileCount(), 2);
        QTest::mouseClick(shelves->viewport(), Qt::LeftButton, {}, shelves->tileRect({7, 3}).center());
        QCOMPARE(rig.window->targetsView()->selected()->slot, 3);
        QVERIFY(rig.window->shelvesPage()->details()->text().contains(QStringLiteral("down since")));
        QTest::keyClick(shelves, Qt::Key_Return);
        QCOMPARE(rig.window->currentPage(), ui::MainWindow::Page::Targets);
        QVERIFY(rig.window->targetsView()->details()->text().contains(QStringLiteral("aoe:e7.3")));
        // Forget down targets.
        rig.window->actions().forgetDown->trigger();
        QCOMPARE(rig.targets.rowCount(), 1);
    }

    void problemsAreShownWithTheFix()
    {
        Rig rig;
        rig.interfaces.clear();
        rig.window->show();
        rig.discovery.start({}, std::chrono::seconds(10));
        auto *banner = rig.window->targetsView()->banner();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->fix().contains(QStringLiteral("aoesan --lab")));
        rig.interfaces << QStringLiteral("lan1");
        QSignalSpy launched(&rig.probe, &ui::ProbeClient::started);
        QTest::mouseClick(banner->findChild<QPushButton *>(), Qt::LeftButton); // "Try again"
        QCOMPARE(rig.launcher.launched.size(), 1U);
        rig.launcher.last()->end(supervisor::ProcessExit::failedToStart(QStringLiteral("no such file")));
        QVERIFY(banner->message().contains(QStringLiteral("could not be started")));
    }

    void logDockShowsSpdlog()
    {
        Rig rig;
        auto sink = std::make_shared<ui::LogBufferSink>(rig.buffer);
        ui::attachSink(sink, {"ui"});
        aoesan::log::logger("ui")->warn("the {} is {}", "tray", "red");
        // Many threads at once: the buffer takes them all.
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([] {
                for (int i = 0; i < 100; ++i)
                    aoesan::log::logger("ui")->info("line {}", i);
            });
        for (auto &t : threads)
            t.join();
        rig.log.pull();
        QCOMPARE(rig.log.rowCount(), 401);
        QCOMPARE(rig.log.index(0, ui::LogModel::Message).data().toString(), QStringLiteral("the tray is red"));
        QCOMPARE(rig.log.index(0, ui::LogModel::Level).data().toString(), QStringLiteral("warning"));
        ui::LogModel bounded(nullptr, nullptr, 10);
        std::vector<ui::LogEntry> many(
            25, ui::LogEntry {QDateTime::currentDateTime(), 2, QStringLiteral("x"), QStringLiteral("m")});
        bounded.append(many);
        QCOMPARE(bounded.rowCount(), 10);
    }

    void quittingWithRunningExportsAsksFirst()
    {
        Rig rig;
        ui::QuitFlow quit(rig.exports);
        QSignalSpy quitNow(&quit, &ui::QuitFlow::quitNow);
        // Nothing running: quit at once.
        quit.requestQuit(rig.window.get());
        QCOMPARE(quitNow.count(), 1);

        ui::QuitFlow asking(rig.exports);
        QSignalSpy asked(&asking, &ui::QuitFlow::quitNow);
        rig.exportModel.setRecords({test::exportRecord(QStringLiteral("media"), 7, 3)});
        rig.exportModel.setStatus(test::exportStatus(QStringLiteral("media"), supervisor::ExportState::Running));
        rig.window->show();
        asking.requestQuit(rig.window.get());
        auto *box = rig.window->findChild<QMessageBox *>(QStringLiteral("quitQuestion"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("Stop 1 export and quit?")));
        QTest::keyClick(box, Qt::Key_Escape); // Cancel is the default
        QTRY_VERIFY(!rig.window->findChild<QMessageBox *>(QStringLiteral("quitQuestion")));
        QCOMPARE(asked.count(), 0);
        asking.requestQuit(rig.window.get());
        box = rig.window->findChild<QMessageBox *>(QStringLiteral("quitQuestion"));
        QVERIFY(box);
        for (auto *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole)
                QTest::mouseClick(button, Qt::LeftButton);
        }
        // The supervisor has nothing running for real: allStopped follows stopAll at once.
        QTRY_COMPARE(asked.count(), 1);
    }

    void closingAsksTheApplication()
    {
        Rig rig;
        rig.window->show();
        QSignalSpy close(rig.window.get(), &ui::MainWindow::closeRequested);
        rig.window->close();
        QCOMPARE(close.count(), 1);
        QVERIFY(rig.window->isVisible()); // the application decides: tray or quit
    }

    void statusTipsLeaveTheStatusLine()
    {
        Rig rig;
        rig.window->show();
        rig.window->showPage(ui::MainWindow::Page::Exports);
        QVERIFY(QTest::qWaitForWindowExposed(rig.window.get()));
        QToolButton *stop = nullptr;
        for (auto *bar : rig.window->exportsView()->findChildren<QToolBar *>()) {
            if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(rig.window->actions().stopExport)))
                stop = button;
        }
        QVERIFY(stop);
        QVERIFY(!stop->statusTip().isEmpty());
        QLabel *line = nullptr;
        for (auto *label : rig.window->statusBar()->findChildren<QLabel *>()) {
            if (label->text() == rig.window->statusText())
                line = label;
        }
        QVERIFY(line);
        // What Qt does when the mouse enters the button; the Stop click then disables it under the mouse,
        // so no empty tip follows.
        QStatusTipEvent tip(stop->statusTip());
        QCoreApplication::sendEvent(stop, &tip);
        rig.window->actions().stopExport->setEnabled(false);
        QCOMPARE(rig.window->statusBar()->currentMessage(), QString());
        QVERIFY(line->isVisible());
        QCOMPARE(line->text(), rig.window->statusText());
    }

    void quittingStopsDiscoveryFirst()
    {
        Rig rig;
        ui::QuitFlow quit(rig.exports);
        ui::SettingsStore settings(rig.dir.filePath(QStringLiteral("aoesan.conf")));
        ui::AppController app({settings, *rig.window, rig.discovery, rig.exports, quit, nullptr, {}}, {});
        app.start();
        QVERIFY(rig.discovery.isRunning());
        QSignalSpy stopping(&quit, &ui::QuitFlow::stopping);
        QSignalSpy quitNow(&quit, &ui::QuitFlow::quitNow);
        quit.quitWithoutAsking();
        QCOMPARE(stopping.count(), 1);
        QVERIFY(!rig.discovery.isRunning()); // stopped exports must not read as targets going down
        QTRY_VERIFY(quitNow.count() >= 1);
        // Quit asked again while leaving: nothing new starts.
        quit.requestQuit(rig.window.get());
        QCOMPARE(stopping.count(), 1);
    }

    void exportStateChangesAreLoggedOnce()
    {
        Rig rig;
        auto sink = std::make_shared<ui::LogBufferSink>(rig.buffer);
        ui::attachSink(sink, {"ui", "supervisor", "discovery"});
        rig.log.pull();
        rig.log.clear();
        // No engine can be launched: the export goes from starting to failed (or straight to failed).
        (void)rig.exports.add(test::exportRecord(QStringLiteral("twice"), 7, 4), /*startNow=*/true);
        rig.exports.stopAll();
        QTest::qWait(50);
        rig.log.pull();
        QStringList lines;
        for (int row = 0; row < rig.log.rowCount(); ++row) {
            const QString message = rig.log.index(row, ui::LogModel::Message).data().toString();
            if (message.contains(QStringLiteral("twice")))
                lines << message;
        }
        int stateLines = 0;
        for (const char *state : {"starting", "running", "stopping", "stopped", "failed", "restarting"}) {
            const int n = static_cast<int>(lines.filter(QStringLiteral(" is %1").arg(QLatin1String(state))).size());
            QVERIFY2(n <= 1, qPrintable(lines.join(QLatin1Char('\n'))));
            stateLines += n;
        }
        QVERIFY2(stateLines >= 1, qPrintable(lines.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
