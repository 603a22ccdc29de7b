// SPDX-License-Identifier: GPL-3.0-or-later
// The main window with its real views and controllers (a fake probe, a supervisor with no engines):
// every action has a unique shortcut and a tooltip, the shortcuts switch pages, a discovery problem is
// shown with its fix, selecting a tile selects the row, the status line counts, the log dock fills
// from spdlog, closing asks the application instead of quitting, quitting stops discovery first, and a
// hovered button's status tip (Stop, then disabled under the mouse) never replaces the status line.
#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
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
#include "WindowRig.h"
#include "discovery/DiscoveryController.h"
#include "exports/BootDialog.h"
#include "exports/ExportController.h"
#include "exports/ExportsView.h"
#include "format/ColumnChooser.h"
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

using Rig = test::WindowRig;
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
        auto *probe = rig.probe();
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
        // Forget down targets: the service's probe is told, and its answer removes the row.
        rig.window->actions().forgetDown->trigger();
        QTRY_VERIFY(probe->written.contains(QByteArrayLiteral("forget-down")));
        probe->sayTarget("removed", test::target(7, 3, 8, discovery::TargetState::Down));
        QTRY_COMPARE(rig.targets.rowCount(), 1);
    }

    void problemsAreShownWithTheFix()
    {
        Rig rig(QStringList {});
        rig.window->show();
        auto *banner = rig.window->targetsView()->banner();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->fix().contains(QStringLiteral("aoesan --lab")));
        QTest::mouseClick(banner->findChild<QPushButton *>(), Qt::LeftButton); // "Try again"
        QTRY_COMPARE(rig.link.calls, QStringList {QStringLiteral("ProbeNow")});
        // The settings name an interface: the service's probe starts there, and fails.
        rig.discovery.configure({QStringLiteral("lan1")}, std::chrono::seconds(10));
        QTRY_COMPARE(rig.link.probes.launched.size(), 1U);
        rig.probe()->end(supervisor::ProcessExit::failedToStart(QStringLiteral("no such file")));
        QTRY_VERIFY(banner->message().contains(QStringLiteral("could not be started")));
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

    // The installed service (or one on the session bus) keeps the exports running: quitting asks
    // nothing and stops nothing; the Exports page and the tray say so.
    void quittingLeavesASystemServicesExportsRunning()
    {
        Rig rig({QStringLiteral("lan1")}, ui::SanLink::Owner::System);
        QVERIFY(rig.exports.servedBySystem());
        QVERIFY(rig.window->exportsView()->hintText().contains(QStringLiteral("keep running")));
        rig.exportModel.setRecords({test::exportRecord(QStringLiteral("media"), 7, 3)});
        rig.exportModel.setStatus(test::exportStatus(QStringLiteral("media"), supervisor::ExportState::Running));
        ui::QuitFlow quit(rig.exports);
        QSignalSpy stopping(&quit, &ui::QuitFlow::stopping);
        QSignalSpy quitNow(&quit, &ui::QuitFlow::quitNow);
        rig.window->show();
        quit.requestQuit(rig.window.get());
        QVERIFY(!rig.window->findChild<QMessageBox *>(QStringLiteral("quitQuestion")));
        QCOMPARE(stopping.count(), 1);
        QCOMPARE(quitNow.count(), 1);
        Rig own;
        QVERIFY(!own.exports.servedBySystem());
        QVERIFY(!own.window->exportsView()->hintText().contains(QStringLiteral("keep running")));
    }

    // The service going away and coming back: the Exports page says so, and its exports return.
    void serviceGoneAndBackIsShown()
    {
        Rig rig;
        rig.window->show();
        bool added = false;
        rig.exports.add(rig.record(QStringLiteral("media"), 7, 3), false,
            [&added](const std::optional<ui::Problem> &problem) { added = !problem; });
        QTRY_VERIFY(added);
        QTRY_COMPARE(rig.exportModel.rowCount(), 1);
        rig.link.vanish();
        QCOMPARE(rig.exportModel.rowCount(), 0);
        QVERIFY(rig.window->exportsView()->banner()->message().contains(QStringLiteral("went away")));
        QCOMPARE(rig.window->targetsView()->banner()->message(), rig.discovery.problem()->message);
        rig.link.appear();
        QCOMPARE(rig.exportModel.rowCount(), 1);
        QVERIFY(rig.window->exportsView()->banner()->message().isEmpty());
        // A refused call is shown on the Exports page with the service's sentence.
        rig.exports.start(QStringLiteral("nonesuch"));
        QTRY_VERIFY(rig.window->exportsView()->banner()->message().contains(QStringLiteral("nonesuch")));
    }

    // Qt appends the display name to a window's title unless the title ends with it (the rule of
    // QPlatformWindow::formatWindowTitle, which xcb and wayland apply): the title as shown says aoesan once.
    void titleSaysAoesanOnce_data()
    {
        QTest::addColumn<bool>("lab");
        QTest::addRow("normal") << false;
        QTest::addRow("lab") << true;
    }

    void titleSaysAoesanOnce()
    {
        QFETCH(bool, lab);
        const QString displayName = QGuiApplication::applicationDisplayName();
        QGuiApplication::setApplicationDisplayName(QStringLiteral("aoesan"));
        Rig rig;
        rig.window->setLabMode(lab);
        const QString title = rig.window->windowTitle();
        const QString shown = title.endsWith(QStringLiteral("aoesan")) ? title : title + QStringLiteral(" — aoesan");
        QGuiApplication::setApplicationDisplayName(displayName);
        QCOMPARE(shown.count(QStringLiteral("aoesan")), 1);
        QCOMPARE(shown.contains(QStringLiteral("[lab]")), lab);
    }

    // The less-used columns start hidden; the header's menu shows and hides them and says so (the
    // application keeps the choice in the settings); Device stays.
    void headerMenuChoosesColumns()
    {
        Rig rig;
        auto *view = rig.window->targetsView();
        auto *table = view->table();
        QCOMPARE(view->visibleColumns(), ui::TargetsView::defaultColumns());
        QVERIFY(table->isColumnHidden(ui::TargetModel::Serial));
        QVERIFY(table->isColumnHidden(ui::TargetModel::Buffers));
        QVERIFY(!table->isColumnHidden(ui::TargetModel::State));
        QSignalSpy changed(view, &ui::TargetsView::columnsChanged);
        QMenu *menu = view->columnMenu();
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("device"))->isEnabled());
        auto *serial = menu->findChild<QAction *>(QStringLiteral("serial"));
        QVERIFY(!serial->isChecked());
        serial->trigger();
        QVERIFY(!table->isColumnHidden(ui::TargetModel::Serial));
        QCOMPARE(changed.count(), 1);
        QVERIFY(changed.last().at(0).toStringList().contains(QStringLiteral("serial")));
        menu->findChild<QAction *>(QStringLiteral("rtt"))->trigger();
        QVERIFY(table->isColumnHidden(ui::TargetModel::Rtt));
        // What the settings hold comes back; names the program does not know are ignored.
        const QStringList kept = view->visibleColumns();
        Rig again;
        again.window->targetsView()->setVisibleColumns(kept + QStringList {QStringLiteral("warp-factor")});
        QCOMPARE(again.window->targetsView()->visibleColumns(), kept);
        menu->findChild<QAction *>(QStringLiteral("defaultColumns"))->trigger();
        QCOMPARE(view->visibleColumns(), ui::TargetsView::defaultColumns());
        delete menu;
        // The Exports table has the same chooser: interface and uptime start hidden.
        auto *exports = rig.window->exportsView()->table();
        QVERIFY(exports->isColumnHidden(ui::ExportModel::Interface));
        QVERIFY(exports->isColumnHidden(ui::ExportModel::Uptime));
        QVERIFY(!exports->isColumnHidden(ui::ExportModel::LastError));
        QMenu *exportMenu = rig.window->exportsView()->columns()->menu();
        exportMenu->findChild<QAction *>(QStringLiteral("uptime"))->trigger();
        QVERIFY(!exports->isColumnHidden(ui::ExportModel::Uptime));
        delete exportMenu;
    }

    // Network boot…: in the Exports menu, the toolbar and the row's context menu; it needs a selected export and
    // opens one dialog per export (asking again raises it).
    void networkBootOpensTheDialog()
    {
        Rig rig;
        auto *boot = rig.window->actions().networkBoot;
        QVERIFY(!boot->isEnabled());
        QVERIFY(rig.window->exportsView()->table()->actions().contains(boot));
        rig.exports.add(rig.record(QStringLiteral("media"), 7, 3), false);
        QTRY_COMPARE(rig.exportModel.rowCount(), 1);
        rig.window->exportsView()->select(QStringLiteral("media"));
        QVERIFY(boot->isEnabled());
        boot->trigger();
        auto dialogs = rig.window->findChildren<ui::BootDialog *>();
        QCOMPARE(dialogs.size(), 1);
        QCOMPARE(dialogs[0]->exportName(), QStringLiteral("media"));
        QCOMPARE(dialogs[0]->rootPathLabel()->text(), QStringLiteral("aoe:e7.3"));
        boot->trigger();
        QCOMPARE(rig.window->findChildren<ui::BootDialog *>().size(), 1);
        dialogs[0]->close();
    }

    // The status line's counts have plural forms in every language ("1 caído", not "1 caídos").
    void statusSaysWhenTheTargetLimitIsReached()
    {
        // [12]: the probe's limit event shows in the status line while it lasts, and goes with it.
        Rig rig;
        auto *probe = rig.probe();
        probe->sayStarted({QStringLiteral("lan1")});
        QVERIFY(!rig.window->statusText().contains(QStringLiteral("limit")));
        const auto limit = [&](bool reached) {
            probe->say({{QStringLiteral("event"), QStringLiteral("limit")}, {QStringLiteral("reached"), reached},
                {QStringLiteral("maxTargets"), 4096}, {QStringLiteral("maxPaths"), 16},
                {QStringLiteral("refusedTargets"), 15904}, {QStringLiteral("refusedPaths"), 96}});
        };
        limit(true);
        QTRY_VERIFY2(rig.window->statusText().contains(QStringLiteral("target limit reached: 16000 answers refused")),
            qPrintable(rig.window->statusText()));
        limit(false);
        QTRY_VERIFY(!rig.window->statusText().contains(QStringLiteral("limit")));
    }

    void statusCountsArePlural_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::addRow("en") << QStringLiteral("en") << QStringLiteral("2 targets · 1 up · 1 down");
        QTest::addRow("es") << QStringLiteral("es") << QStringLiteral("2 destinos · 1 activo · 1 caído");
        QTest::addRow("de") << QStringLiteral("de") << QStringLiteral("2 Ziele · 1 erreichbar · 1 nicht erreichbar");
    }

    void statusCountsArePlural()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        ui::installTranslations(*qApp, language);
        Rig rig;
        rig.targets.upsert({test::target(7, 1), test::target(7, 3, 8, discovery::TargetState::Down)});
        const QString status = rig.window->statusText();
        ui::installTranslations(*qApp, QStringLiteral("en"));
        QVERIFY2(status.startsWith(expected), qPrintable(status));
    }

    // The log dock's lines for a person follow the language; spdlog's English lines are marked
    // technical and shown on request (errors always).
    void logDockSpeaksThePersonsLanguage()
    {
        ui::installTranslations(*qApp, QStringLiteral("de"));
        Rig rig;
        auto sink = std::make_shared<ui::LogBufferSink>(rig.buffer);
        ui::attachSink(sink, {"discovery"});
        auto *probe = rig.probe();
        probe->sayStarted({QStringLiteral("lan1")});
        probe->sayTarget("added", test::target(7, 1));
        probe->sayTarget("state", test::target(7, 1, 131072, discovery::TargetState::Down));
        aoesan::log::logger("discovery")->error("probe socket closed");
        QTRY_VERIFY(rig.targets.counts().down == 1);
        rig.log.pull();
        auto *shown = rig.window->logDock()->shown();
        QStringList messages;
        QStringList sources;
        for (int row = 0; row < shown->rowCount(); ++row) {
            messages << shown->index(row, ui::LogModel::Message).data().toString();
            sources << shown->index(row, ui::LogModel::Source).data().toString();
        }
        ui::installTranslations(*qApp, QStringLiteral("en"));
        QVERIFY2(messages.contains(QStringLiteral("e7.1 ist nicht erreichbar.")), qPrintable(messages.join(u'|')));
        QVERIFY2(messages.contains(QStringLiteral("Suche auf lan1 gestartet.")), qPrintable(messages.join(u'|')));
        QVERIFY(!messages.contains(QStringLiteral("e7.1 is down"))); // the technical twin waits for the check box
        const qsizetype error = messages.indexOf(QStringLiteral("probe socket closed"));
        QVERIFY(error >= 0); // a technical error is always shown, marked
        QCOMPARE(sources.at(error), QStringLiteral("discovery (technisch)"));
        rig.window->logDock()->findChild<QCheckBox *>(QStringLiteral("technicalMessages"))->setChecked(true);
        bool twin = false;
        for (int row = 0; row < shown->rowCount(); ++row)
            twin = twin || shown->index(row, ui::LogModel::Message).data().toString() == QStringLiteral("e7.1 is down");
        QVERIFY(twin);
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
        rig.probe()->sayStarted({QStringLiteral("lan1")});
        rig.probe()->sayTarget("added", test::target(7, 1));
        QTRY_VERIFY(rig.discovery.isRunning());
        QTRY_COMPARE(rig.targets.rowCount(), 1);
        QSignalSpy stopping(&quit, &ui::QuitFlow::stopping);
        QSignalSpy quitNow(&quit, &ui::QuitFlow::quitNow);
        QSignalSpy down(&rig.discovery, &ui::DiscoveryController::targetWentDown);
        quit.quitWithoutAsking();
        QCOMPARE(stopping.count(), 1);
        // Stopped exports must not read as targets going down.
        rig.probe()->sayTarget("state", test::target(7, 1, 131072, discovery::TargetState::Down));
        QTRY_COMPARE(rig.targets.counts().down, 1);
        QTest::qWait(150);
        QCOMPARE(down.count(), 0);
        QTRY_VERIFY(quitNow.count() >= 1);
        // Quit asked again while leaving: nothing new starts.
        quit.requestQuit(rig.window.get());
        QCOMPARE(stopping.count(), 1);
    }

    void exportStateChangesAreLoggedOnce()
    {
        Rig rig;
        auto sink = std::make_shared<ui::LogBufferSink>(rig.buffer);
        // The GUI's own loggers: the service's ("supervisor") log in its own process, not here.
        ui::attachSink(sink, {"ui", "discovery"});
        rig.log.pull();
        rig.log.clear();
        // No engine can be launched: the export goes from starting to failed (or straight to failed).
        rig.exports.add(rig.record(QStringLiteral("twice"), 7, 4), /*startNow=*/true);
        QTRY_COMPARE(rig.exportModel.rowCount(), 1);
        rig.exports.stopAll();
        QTest::qWait(100);
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
