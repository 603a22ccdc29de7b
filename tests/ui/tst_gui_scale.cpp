// SPDX-License-Identifier: GPL-3.0-or-later
// The window with 10,000 discovered targets (label bench: prints figures, not part of the default run).
// Measures what a probe round costs the GUI (the service's events through the link and the discovery
// controller into the model, then the Targets table and the Shelves view painting), a filter change, and
// the program's resident memory; checks that every target is there and the views show them.
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <cstdio>

#include "Fixtures.h"
#include "ResidentMemory.h"
#include "WindowRig.h"
#include "shell/ShelvesPage.h"
#include "targets/ShelfView.h"
#include "targets/TargetsView.h"

using namespace aoesan;

namespace {

constexpr int kShelves = 400;
constexpr int kSlots = 25; // 400 × 25 = 10,000 targets

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void figure(const char *what, double value, const char *unit)
{
    std::printf("  %-58s %10.1f %s\n", what, value, unit);
    std::fflush(stdout);
}

} // namespace

class TestGuiScale : public QObject
{
    Q_OBJECT

private slots:
    void tenThousandTargets()
    {
        test::WindowRig rig;
        rig.window->resize(1100, 640);
        rig.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(rig.window.get()));
        auto *probe = rig.probe();
        QVERIFY(probe);
        probe->sayStarted({QStringLiteral("lan1")});
        QCoreApplication::processEvents();
        const qint64 rssBefore = test::residentKiB();
        std::printf("GUI at %d targets (%d shelves of %d slots)\n", kShelves * kSlots, kShelves, kSlots);

        // The first round: every target is new.
        QElapsedTimer timer;
        timer.start();
        for (int shelf = 0; shelf < kShelves; ++shelf) {
            for (int slot = 0; slot < kSlots; ++slot)
                probe->sayTarget("added", test::target(std::uint16_t(shelf), std::uint8_t(slot), 2097152));
        }
        const double serviceMs = msSince(timer);
        QTRY_COMPARE_WITH_TIMEOUT(rig.targets.rowCount(), kShelves * kSlots, 60000);
        const double firstRoundMs = msSince(timer);
        figure("first round: events through the service and link", serviceMs, "ms");
        figure("first round: until the model holds every target", firstRoundMs, "ms");

        auto *table = rig.window->targetsView()->table();
        timer.restart();
        table->viewport()->repaint();
        figure("Targets table: one repaint", msSince(timer), "ms");
        QCOMPARE(table->model()->rowCount(), kShelves * kSlots);

        // A round where every target changed (each answer differs: the worst a probe round can bring).
        timer.restart();
        for (int shelf = 0; shelf < kShelves; ++shelf) {
            for (int slot = 0; slot < kSlots; ++slot) {
                auto t = test::target(std::uint16_t(shelf), std::uint8_t(slot), 2097152);
                t.configString = "round 2";
                probe->sayTarget("changed", t);
            }
        }
        const double changeEventsMs = msSince(timer);
        const QModelIndex last = rig.targets.index(rig.targets.rowCount() - 1, 0);
        QVERIFY(last.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(rig.targets.rowAt(rig.targets.rowCount() - 1).info.configString == "round 2", 60000);
        figure("round with all 10,000 changed: events", changeEventsMs, "ms");
        figure("round with all 10,000 changed: until the model has them", msSince(timer), "ms");

        // A round where 1 % changed (one target's state flips, a few sizes grow).
        timer.restart();
        for (int i = 0; i < 100; ++i) {
            auto t = test::target(std::uint16_t(i * 4), std::uint8_t(i % kSlots), 2097152);
            t.configString = "round 3";
            probe->sayTarget("changed", t);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.targets.rowAt(rig.targets.rowOf(discovery::TargetId {396, 24})).info.configString == "round 3", 60000);
        figure("round with 100 changed: until the model has them", msSince(timer), "ms");

        timer.restart();
        rig.filter.setFilterText(QStringLiteral("e7.*"));
        const double filterMs = msSince(timer);
        QCOMPARE(rig.filter.rowCount(), kSlots);
        figure("filter e7.* over 10,000 rows", filterMs, "ms");
        timer.restart();
        rig.filter.setFilterText({});
        figure("filter cleared", msSince(timer), "ms");
        QCOMPARE(rig.filter.rowCount(), kShelves * kSlots);

        rig.window->showPage(ui::MainWindow::Page::Shelves);
        QCoreApplication::processEvents();
        auto *shelves = rig.window->shelvesPage()->shelves();
        timer.restart();
        shelves->viewport()->repaint();
        figure("Shelves view: one repaint", msSince(timer), "ms");
        QVERIFY(shelves->verticalScrollBar()->maximum() > 0); // 400 shelves do not fit: it scrolls

        const qint64 rssAfter = test::residentKiB();
        figure("resident memory with 10,000 targets (whole test program)", double(rssAfter) / 1024.0, "MiB");
        figure("resident memory the targets added", double(rssAfter - rssBefore) / 1024.0, "MiB");
        QVERIFY(rssAfter > 0);
    }
};

QTEST_MAIN(TestGuiScale)
#include "tst_gui_scale.moc"
