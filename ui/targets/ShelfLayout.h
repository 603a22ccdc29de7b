// SPDX-License-Identifier: GPL-3.0-or-later
// Where each tile of the Shelves view goes: one band per shelf ("Shelf 7"), tiles in slot order that
// wrap to the width, holes between answering slots drawn as empty outlines (a long run of holes becomes
// one outline), rows found by binary search so hundreds of shelves paint and hit-test quickly.
// Pure geometry, no painting: the unit tests check it directly.
#pragma once

#include <QRect>
#include <QString>

#include <optional>
#include <vector>

#include "discovery/TargetInfo.h"
#include "models/TargetLook.h"

namespace aoesan::ui {

struct TileInput
{
    discovery::TargetId id;
    TargetLook look = TargetLook::Up;
    QString size; // short, "1.00 GiB" in the locale's form
};

struct ShelfTile
{
    discovery::TargetId id; // for a hole: the first missing slot
    int holeSlots = 0; // 0 for a target; the number of missing slots it stands for otherwise
    TargetLook look = TargetLook::Up;
    QString size;
    QRect rect;

    bool isHole() const { return holeSlots > 0; }
};

struct ShelfBand
{
    std::uint16_t shelf = 0;
    QRect rect; // the whole band, label included
    QRect labelRect; // "Shelf 7"
    std::vector<ShelfTile> tiles;
};

struct ShelfMetrics
{
    int tileWidth = 96;
    int tileHeight = 48;
    int spacing = 6;
    int labelWidth = 84;
    int margin = 8;
    int maxHoleTiles = 6; // longer runs of missing slots collapse into one outline

    // Smaller tiles for big racks, never below a readable size.
    static ShelfMetrics forShelfCount(int shelves);
};

class ShelfLayout
{
public:
    void build(std::vector<TileInput> tiles, int width, const ShelfMetrics &metrics);

    const std::vector<ShelfBand> &bands() const { return m_bands; }
    int contentHeight() const { return m_height; }
    int tileCount() const; // targets only, holes not counted
    // The target under a point (holes answer nullopt).
    std::optional<discovery::TargetId> targetAt(QPoint point) const;
    const ShelfTile *tileFor(discovery::TargetId id) const;
    // The bands that intersect [top, bottom): [first, last) indexes.
    std::pair<std::size_t, std::size_t> bandsBetween(int top, int bottom) const;
    // The target next to `id` in reading order (dx = ±1) or the band above/below (dy = ±1).
    std::optional<discovery::TargetId> neighbour(discovery::TargetId id, int dx, int dy) const;

private:
    std::vector<ShelfBand> m_bands;
    int m_height = 0;
};

} // namespace aoesan::ui
