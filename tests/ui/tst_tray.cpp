// SPDX-License-Identifier: GPL-3.0-or-later
// The tray's rules without a tray: which icon, what the tooltip says, how notifications read alone and
// grouped; and the TrayController fed by real models (grouping window, pause, per-kind switches, silence
// while quitting); its menu shows no shortcut (the window's shortcuts do nothing there) yet runs the
// window's actions.
#include <QAction>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

#include <functional>

#include "Fixtures.h"
#include "WindowRig.h"
#include "exports/ExportController.h"
#include "models/ExportModel.h"
#include "models/TargetModel.h"
#include "shell/Actions.h"
#include "shell/Translations.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "tray/TrayController.h"
#include "tray/TrayState.h"

using namespace aoesan;
using ui::Notice;
using ui::TrayLook;
using ui::TraySummary;

namespace {

// The tray with everything it watches, as main() wires it, but no engine is ever launched.
struct TrayRig
{
    explicit TrayRig(ui::SanLink::Owner owner = ui::SanLink::Owner::Gui)
        : link({QStringLiteral("lan1")}, owner)
    { }
    ui::TargetModel targets;
    ui::ExportModel exports;
    test::LocalLink link;
    ui::ExportController control {link, exports};
    QMainWindow window;
    ui::Actions actions {&window};
    ui::TrayController tray {targets, exports, control, actions};
};
} // namespace

class TestTray : public QObject
{
    Q_OBJECT

private slots:
    // English plural forms ("3 exports") come from the English translation, as in the program.
    void initTestCase() { ui::installTranslations(*qApp, QStringLiteral("en")); }

    void look_data()
    {
        QTest::addColumn<TraySummary>("summary");
        QTest::addColumn<TrayLook>("look");
        QTest::addRow("nothing known") << TraySummary {} << TrayLook::Unknown;
        QTest::addRow("all up") << TraySummary {3, 3, 0, 0, 0, 0} << TrayLook::AllUp;
        QTest::addRow("only exports") << TraySummary {0, 0, 0, 0, 2, 0} << TrayLook::AllUp;
        QTest::addRow("one down") << TraySummary {3, 2, 1, 0, 0, 0} << TrayLook::SomethingDown;
        // A conflict alone is amber (README, UI.md): red is for what is down or failed.
        QTest::addRow("conflict alone") << TraySummary {3, 3, 0, 1, 0, 0} << TrayLook::Conflict;
        QTest::addRow("conflict and exports") << TraySummary {3, 3, 0, 2, 1, 0} << TrayLook::Conflict;
        QTest::addRow("conflict and down") << TraySummary {3, 2, 1, 1, 0, 0} << TrayLook::SomethingDown;
        QTest::addRow("conflict and failed export") << TraySummary {3, 3, 0, 1, 1, 1} << TrayLook::SomethingDown;
        QTest::addRow("export failed") << TraySummary {3, 3, 0, 0, 1, 1} << TrayLook::SomethingDown;
    }

    void look()
    {
        QFETCH(TraySummary, summary);
        QFETCH(TrayLook, look);
        QCOMPARE(ui::trayLook(summary), look);
        const QString path = ui::trayIconPath(look);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY(!QIcon(path).pixmap(22, 22).isNull());
    }

    // Each look has its own icon; the amber one is amber, not the red one again.
    void iconsDiffer()
    {
        QSet<QString> paths;
        for (const auto look : {TrayLook::Unknown, TrayLook::AllUp, TrayLook::SomethingDown, TrayLook::Conflict})
            paths.insert(ui::trayIconPath(look));
        QCOMPARE(paths.size(), 4);
        QFile conflict(ui::trayIconPath(TrayLook::Conflict));
        QVERIFY(conflict.open(QIODevice::ReadOnly));
        const QByteArray svg = conflict.readAll();
        QVERIFY(svg.contains("#e69b00")); // lookColor(TargetLook::Conflict), as the table and the tiles use
        QVERIFY(!svg.contains("#d0312d"));
    }

    void toolTip()
    {
        QCOMPARE(ui::trayToolTip({12, 11, 1, 0, 3, 0}), QStringLiteral("aoesan — 11 up, 1 down, 3 exports"));
        QCOMPARE(ui::trayToolTip({}), QStringLiteral("aoesan — no targets known yet"));
        // Plural forms in every language: one target down is "1 caído", not "1 caídos".
        ui::installTranslations(*qApp, QStringLiteral("es"));
        const QString spanish = ui::trayToolTip({2, 1, 1, 0, 1, 0});
        ui::installTranslations(*qApp, QStringLiteral("en"));
        QVERIFY2(spanish.startsWith(QStringLiteral("aoesan — 1 activo, 1 caído")), qPrintable(spanish));
    }

    void notificationText_data()
    {
        using K = Notice::Kind;
        QTest::addColumn<std::vector<Notice>>("notices");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::addRow("down") << std::vector<Notice> {{K::TargetDown, QStringLiteral("e7.3"), {}}}
                              << QStringLiteral("e7.3 is down") << QStringLiteral("No answer for 30 s.");
        QTest::addRow("up") << std::vector<Notice> {{K::TargetUp, QStringLiteral("e7.3"), {}}}
                            << QStringLiteral("e7.3 is back up") << QStringLiteral("It answers again.");
        QTest::addRow("export") << std::vector<Notice> {{K::ExportFailed, QStringLiteral("media"),
            QStringLiteral("/dev/sdd5 is mounted")}}
                                << QStringLiteral("Export 'media' failed") << QStringLiteral("/dev/sdd5 is mounted");
        QTest::addRow("many down") << std::vector<Notice> {{K::TargetDown, QStringLiteral("e1.1"), {}},
            {K::TargetDown, QStringLiteral("e1.2"), {}}, {K::TargetDown, QStringLiteral("e1.3"), {}}}
                                   << QStringLiteral("3 targets are down") << QStringLiteral("e1.1, e1.2, e1.3");
        QTest::addRow("mixed") << std::vector<Notice> {{K::TargetDown, QStringLiteral("e1.1"), {}},
            {K::TargetUp, QStringLiteral("e1.2"), {}}}
                               << QStringLiteral("2 changes on the SAN")
                               << QStringLiteral("e1.1 is down\ne1.2 is back up");
    }

    void notificationText()
    {
        QFETCH(std::vector<Notice>, notices);
        QFETCH(QString, title);
        QFETCH(QString, body);
        const auto text = ui::composeNotification(notices, std::chrono::seconds(30));
        QCOMPARE(text.title, title);
        QCOMPARE(text.body, body);
    }

    // An export of this machine that the person stopped is not "down" in the tray's colour. (That its
    // silence raises no notification is decided before the tray: tst_discovery_controller's
    // stoppedExportHereIsNoNews.) A running export that goes silent is news.
    void stoppedExportHereIsNotDown()
    {
        using supervisor::ExportState;
        TrayRig rig;
        ui::TrayOptions options;
        options.groupWindow = std::chrono::milliseconds(20);
        rig.tray.setOptions(options);
        const auto mine = [](ExportState state) {
            return ui::LocalExport {{5, 1}, QStringLiteral("disk"), QStringLiteral("lan0"), state, 8, {}};
        };

        rig.targets.upsert(test::target(5, 1));
        rig.targets.setLocalExports({mine(ExportState::Stopped)});
        rig.targets.upsert(test::target(5, 1, 8, discovery::TargetState::Down));
        QVERIFY(rig.tray.look() != TrayLook::SomethingDown); // a stopped export is not down
        rig.targets.setLocalExports({mine(ExportState::Running)});
        rig.targets.upsert(test::target(5, 1));
        QTest::qWait(80);
        QCOMPARE(rig.tray.shown().size(), 0U);

        // Running, and discovery loses it: that is news.
        rig.tray.targetWentDown(test::target(5, 1, 8, discovery::TargetState::Down));
        QTRY_COMPARE(rig.tray.shown().size(), 1U);
        QCOMPARE(rig.tray.shown().back().title, QStringLiteral("e5.1 is down"));
        rig.tray.targetCameBack(test::target(5, 1));
        QTRY_COMPARE(rig.tray.shown().size(), 2U);
    }

    // Exports served by the system's service: the tooltip and the Exports submenu say they keep running.
    void systemServedExportsAreNamedSo()
    {
        TrayRig own;
        QVERIFY(!own.tray.toolTip().contains(QStringLiteral("keep running")));
        TrayRig rig(ui::SanLink::Owner::System);
        rig.targets.upsert({test::target(1, 1)});
        QVERIFY(rig.tray.toolTip().startsWith(QStringLiteral("aoesan — 1 up, 0 down, 0 exports")));
        QVERIFY(rig.tray.toolTip().contains(QStringLiteral("served by the system and keep running after Quit")));
        QVERIFY(rig.tray.icon()->toolTip().contains(QStringLiteral("keep running")));
        bool noted = false;
        for (auto *menu : rig.tray.icon()->contextMenu()->findChildren<QMenu *>()) {
            for (auto *action : menu->actions())
                noted = noted || action->objectName() == QLatin1String("servedBySystem");
        }
        QVERIFY(noted);
    }

    void controllerGroupsAndPauses()
    {
        TrayRig rig;
        ui::TrayOptions options;
        options.groupWindow = std::chrono::milliseconds(50);
        rig.tray.setOptions(options);

        QCOMPARE(rig.tray.look(), TrayLook::Unknown);
        rig.targets.upsert({test::target(1, 1), test::target(1, 2)});
        QCOMPARE(rig.tray.look(), TrayLook::AllUp);
        QCOMPARE(rig.tray.toolTip(), QStringLiteral("aoesan — 2 up, 0 down, 0 exports"));
        rig.targets.upsert(test::target(1, 2, 8, discovery::TargetState::Down));
        QCOMPARE(rig.tray.look(), TrayLook::SomethingDown);
        QCOMPARE(rig.tray.icon()->toolTip(), QStringLiteral("aoesan — 1 up, 1 down, 0 exports"));

        // A conflict elsewhere does not hide the red; once the down target is gone, amber remains.
        auto conflicted = test::target(1, 4);
        conflicted.conflict = true;
        conflicted.backends.push_back({*protocol::MacAddress::fromString("02:00:00:00:01:99"), true, 8, "other"});
        rig.targets.upsert(conflicted);
        QCOMPARE(rig.tray.look(), TrayLook::SomethingDown);
        QVERIFY(rig.targets.remove({1, 2}));
        QCOMPARE(rig.tray.look(), TrayLook::Conflict);
        rig.targets.upsert(test::target(1, 2, 8, discovery::TargetState::Down));

        rig.tray.targetWentDown(test::target(1, 2));
        rig.tray.targetWentDown(test::target(1, 3));
        QTRY_COMPARE(rig.tray.shown().size(), 1U);
        QCOMPARE(rig.tray.shown().back().title, QStringLiteral("2 targets are down"));
        QVERIFY(rig.tray.shown().back().critical);

        rig.actions.pauseNotifications->setChecked(true);
        rig.tray.targetCameBack(test::target(1, 2));
        QTest::qWait(120);
        QCOMPARE(rig.tray.shown().size(), 1U);
        rig.actions.pauseNotifications->setChecked(false);

        options.notifyTargets = false;
        rig.tray.setOptions(options);
        rig.tray.targetCameBack(test::target(1, 2));
        rig.tray.exportFailed(QStringLiteral("media"), QStringLiteral("gone"));
        QTRY_COMPARE(rig.tray.shown().size(), 2U);
        QCOMPARE(rig.tray.shown().back().title, QStringLiteral("Export 'media' failed"));
    }

    void menuShowsNoShortcuts()
    {
        TrayRig rig;
        QMenu *menu = rig.tray.icon()->contextMenu();
        QVERIFY(menu);
        QCOMPARE(menu, rig.tray.menu());

        // Every entry, the Exports submenu's too (built when it opens).
        std::vector<QAction *> entries;
        const std::function<void(QMenu *)> walk = [&](QMenu *m) {
            emit m->aboutToShow();
            for (QAction *a : m->actions()) {
                if (a->isSeparator())
                    continue;
                if (a->menu())
                    walk(a->menu());
                else
                    entries.push_back(a);
            }
        };
        walk(menu);
        QVERIFY(entries.size() >= 5);
        QAction *quit = nullptr;
        QAction *pause = nullptr;
        for (QAction *a : entries) {
            QVERIFY2(a->shortcut().isEmpty(), qPrintable(a->text()));
            QVERIFY2(!a->text().contains(QLatin1Char('\t')), qPrintable(a->text())); // no "Quit\tCtrl+Q" either
            if (a->text() == rig.actions.quit->text())
                quit = a;
            if (a->text() == rig.actions.pauseNotifications->text())
                pause = a;
        }
        QVERIFY(quit && pause);
        // The rig.window's rig.actions keep their shortcuts, and the rig.tray's entries run them.
        QVERIFY(!rig.actions.quit->shortcut().isEmpty());
        QSignalSpy quitting(rig.actions.quit, &QAction::triggered);
        quit->trigger();
        QCOMPARE(quitting.count(), 1);
        QVERIFY(pause->isCheckable());
        pause->trigger();
        QVERIFY(rig.actions.pauseNotifications->isChecked());
        rig.actions.pauseNotifications->setChecked(false);
        QVERIFY(!pause->isChecked());
        rig.actions.quit->setEnabled(false);
        QVERIFY(!quit->isEnabled());
    }

    void silentWhileQuitting()
    {
        TrayRig rig;
        ui::TrayOptions options;
        options.groupWindow = std::chrono::milliseconds(50);
        rig.tray.setOptions(options);
        rig.tray.targetWentDown(test::target(1, 2)); // pending when quitting begins
        rig.tray.silence();
        rig.tray.targetWentDown(test::target(1, 3));
        rig.tray.exportFailed(QStringLiteral("media"), QStringLiteral("gone"));
        QTest::qWait(150);
        QVERIFY(rig.tray.shown().empty());
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
