// SPDX-License-Identifier: GPL-3.0-or-later
// The Shelves view: bands per shelf, holes as outlines (long runs collapsed), wrapping to the width,
// hit testing and keyboard neighbours; and the widget on a real model (click selects, Enter opens).
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include "Fixtures.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "targets/ShelfLayout.h"
#include "targets/ShelfView.h"

using namespace aoesan;
using ui::ShelfLayout;
using ui::ShelfMetrics;
using ui::TileInput;

namespace {
std::vector<TileInput> tiles(std::initializer_list<std::pair<int, int>> ids)
{
    std::vector<TileInput> out;
    for (const auto &[shelf, slot] : ids)
        out.push_back({{static_cast<std::uint16_t>(shelf), static_cast<std::uint8_t>(slot)}, ui::TargetLook::Up,
            QStringLiteral("1GB")});
    return out;
}
} // namespace

class TestShelfLayout : public QObject
{
    Q_OBJECT

private slots:
    void holesAreOutlined()
    {
        ShelfLayout layout;
        // UI.md: slots 0–3 present and 5 present: tile 4 is an empty outline.
        layout.build(tiles({{7, 0}, {7, 1}, {7, 2}, {7, 3}, {7, 5}, {2, 1}}), 2000, ShelfMetrics {});
        QCOMPARE(layout.bands().size(), 2U);
        QCOMPARE(layout.bands()[0].shelf, 2); // shelves in order
        const auto &shelf7 = layout.bands()[1].tiles;
        QCOMPARE(shelf7.size(), 6U);
        QVERIFY(shelf7[4].isHole());
        QCOMPARE(int(shelf7[4].id.slot), 4);
        QCOMPARE(layout.tileCount(), 6);
    }

    void longRunsOfHolesCollapse()
    {
        ShelfLayout layout;
        layout.build(tiles({{1, 0}, {1, 200}}), 2000, ShelfMetrics {});
        const auto &band = layout.bands()[0].tiles;
        QCOMPARE(band.size(), 3U);
        QCOMPARE(band[1].holeSlots, 199);
    }

    void tilesWrapAndHitTest()
    {
        ShelfMetrics m;
        ShelfLayout layout;
        const int width = 2 * m.margin + m.labelWidth + 3 * (m.tileWidth + m.spacing);
        layout.build(tiles({{0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 0}}), width, m);
        const auto &band = layout.bands()[0];
        QCOMPARE(band.tiles[3].rect.top(), band.tiles[0].rect.bottom() + 1 + m.spacing); // second line
        QCOMPARE(band.tiles[3].rect.left(), band.tiles[0].rect.left());
        QVERIFY(layout.bands()[1].rect.top() > band.tiles[4].rect.bottom());
        const auto hit = layout.targetAt(band.tiles[4].rect.center());
        QVERIFY(hit);
        QCOMPARE(int(hit->slot), 4);
        QVERIFY(!layout.targetAt(QPoint(1, 1)));
        QCOMPARE(layout.neighbour({0, 2}, 1, 0)->slot, 3);
        QCOMPARE(layout.neighbour({0, 4}, 1, 0)->shelf, 1);
        QCOMPARE(layout.neighbour({0, 0}, 0, 1)->shelf, 1);
        QVERIFY(!layout.neighbour({0, 0}, -1, 0));
    }

    void hundredsOfShelvesStayCheap()
    {
        std::vector<TileInput> rack;
        for (int shelf = 0; shelf < 500; ++shelf) {
            for (int slot = 0; slot < 16; ++slot)
                rack.push_back(
                    {{static_cast<std::uint16_t>(shelf), static_cast<std::uint8_t>(slot)}, ui::TargetLook::Up, {}});
        }
        ShelfLayout layout;
        const auto m = ShelfMetrics::forShelfCount(500);
        QVERIFY(m.tileWidth < ShelfMetrics {}.tileWidth); // smaller tiles for big racks
        layout.build(rack, 1200, m);
        QCOMPARE(layout.bands().size(), 500U);
        const auto [first, last] = layout.bandsBetween(10000, 10600);
        QVERIFY(last > first);
        QVERIFY(last - first < 20); // only what is visible gets painted
        QVERIFY(layout.tileFor({499, 15}));
    }

    void viewSelectsAndActivates()
    {
        ui::TargetModel model;
        ui::TargetFilterModel filter;
        filter.setSourceModel(&model);
        ui::ShelfView view(&model, &filter);
        view.resize(800, 400);
        view.show();
        model.upsert({test::target(1, 0), test::target(1, 1), test::target(1, 3), test::target(2, 0)});
        QTRY_COMPARE(view.layoutForTests().tileCount(), 4);
        QSignalSpy current(&view, &ui::ShelfView::currentChanged);
        QSignalSpy activated(&view, &ui::ShelfView::targetActivated);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.tileRect({1, 1}).center());
        QCOMPARE(current.count(), 1);
        QCOMPARE(view.current()->slot, 1);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.current()->slot, 3);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.tileRect({2, 0}).center());
        QCOMPARE(activated.count(), 2);
        // The filter of the Targets table applies here too.
        filter.setFilterText(QStringLiteral("e2.*"));
        QTRY_COMPARE(view.layoutForTests().tileCount(), 1);
        QVERIFY(!view.current()); // e1.3 is no longer shown
    }
};

QTEST_MAIN(TestShelfLayout)
#include "tst_shelf_layout.moc"
