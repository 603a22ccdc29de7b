// SPDX-License-Identifier: GPL-3.0-or-later
#include "targets/ShelfLayout.h"

#include <algorithm>
#include <cstdlib>

namespace aoesan::ui {

ShelfMetrics ShelfMetrics::forShelfCount(int shelves)
{
    ShelfMetrics m;
    if (shelves > 48) {
        m.tileWidth = 72;
        m.tileHeight = 38;
        m.spacing = 4;
        m.labelWidth = 76;
    }
    return m;
}

void ShelfLayout::build(std::vector<TileInput> tiles, int width, const ShelfMetrics &m)
{
    m_bands.clear();
    std::ranges::sort(tiles, {}, &TileInput::id);
    const int tileArea = std::max(width - 2 * m.margin - m.labelWidth, m.tileWidth);
    const int perLine = std::max(1, (tileArea + m.spacing) / (m.tileWidth + m.spacing));
    int y = m.margin;
    std::size_t i = 0;
    while (i < tiles.size()) {
        ShelfBand band;
        band.shelf = tiles[i].id.shelf;
        int column = 0;
        int line = 0;
        int previousSlot = -1;
        const auto place = [&](ShelfTile tile) {
            if (column == perLine) {
                column = 0;
                ++line;
            }
            tile.rect = QRect(m.margin + m.labelWidth + column * (m.tileWidth + m.spacing),
                y + line * (m.tileHeight + m.spacing), m.tileWidth, m.tileHeight);
            band.tiles.push_back(std::move(tile));
            ++column;
        };
        for (; i < tiles.size() && tiles[i].id.shelf == band.shelf; ++i) {
            const int slot = tiles[i].id.slot;
            const int missing = previousSlot < 0 ? 0 : slot - previousSlot - 1;
            if (missing > m.maxHoleTiles) {
                ShelfTile hole;
                hole.id = {band.shelf, static_cast<std::uint8_t>(previousSlot + 1)};
                hole.holeSlots = missing;
                place(hole);
            } else {
                for (int s = previousSlot + 1; missing > 0 && s < slot; ++s) {
                    ShelfTile hole;
                    hole.id = {band.shelf, static_cast<std::uint8_t>(s)};
                    hole.holeSlots = 1;
                    place(hole);
                }
            }
            ShelfTile tile;
            tile.id = tiles[i].id;
            tile.look = tiles[i].look;
            tile.size = std::move(tiles[i].size);
            place(tile);
            previousSlot = slot;
        }
        const int height = (line + 1) * m.tileHeight + line * m.spacing;
        band.rect = QRect(
            0, y - m.spacing / 2, std::max(width, m.labelWidth + m.tileWidth + 2 * m.margin), height + m.spacing);
        band.labelRect = QRect(m.margin, y, m.labelWidth - m.spacing, m.tileHeight);
        m_bands.push_back(std::move(band));
        y += height + 2 * m.spacing;
    }
    m_height = y + m.margin;
}

int ShelfLayout::tileCount() const
{
    int n = 0;
    for (const auto &band : m_bands)
        n += static_cast<int>(std::ranges::count_if(band.tiles, [](const ShelfTile &t) { return !t.isHole(); }));
    return n;
}

std::pair<std::size_t, std::size_t> ShelfLayout::bandsBetween(int top, int bottom) const
{
    const auto first
        = std::ranges::partition_point(m_bands, [top](const ShelfBand &b) { return b.rect.bottom() < top; });
    const auto last
        = std::ranges::partition_point(m_bands, [bottom](const ShelfBand &b) { return b.rect.top() < bottom; });
    return {static_cast<std::size_t>(first - m_bands.begin()),
        static_cast<std::size_t>(std::max(first, last) - m_bands.begin())};
}

std::optional<discovery::TargetId> ShelfLayout::targetAt(QPoint point) const
{
    const auto [first, last] = bandsBetween(point.y(), point.y() + 1);
    for (std::size_t b = first; b < last; ++b) {
        for (const auto &tile : m_bands[b].tiles) {
            if (!tile.isHole() && tile.rect.contains(point))
                return tile.id;
        }
    }
    return std::nullopt;
}

const ShelfTile *ShelfLayout::tileFor(discovery::TargetId id) const
{
    const auto band = std::ranges::lower_bound(m_bands, id.shelf, {}, &ShelfBand::shelf);
    if (band == m_bands.end() || band->shelf != id.shelf)
        return nullptr;
    for (const auto &tile : band->tiles) {
        if (!tile.isHole() && tile.id == id)
            return &tile;
    }
    return nullptr;
}

std::optional<discovery::TargetId> ShelfLayout::neighbour(discovery::TargetId id, int dx, int dy) const
{
    const auto band = std::ranges::lower_bound(m_bands, id.shelf, {}, &ShelfBand::shelf);
    if (band == m_bands.end() || band->shelf != id.shelf)
        return std::nullopt;
    if (dy != 0) {
        const auto index = band - m_bands.begin() + dy;
        if (index < 0 || index >= static_cast<std::ptrdiff_t>(m_bands.size()))
            return std::nullopt;
        const auto &other = m_bands[static_cast<std::size_t>(index)].tiles;
        const auto *from = tileFor(id);
        // The target in the other shelf closest to the same column.
        std::optional<discovery::TargetId> best;
        int bestDistance = 0;
        for (const auto &tile : other) {
            if (tile.isHole())
                continue;
            const int distance = std::abs(tile.rect.left() - (from ? from->rect.left() : 0));
            if (!best || distance < bestDistance) {
                best = tile.id;
                bestDistance = distance;
            }
        }
        return best;
    }
    std::vector<discovery::TargetId> order;
    for (const auto &b : m_bands) {
        for (const auto &tile : b.tiles) {
            if (!tile.isHole())
                order.push_back(tile.id);
        }
    }
    const auto it = std::ranges::find(order, id);
    if (it == order.end())
        return std::nullopt;
    const auto index = (it - order.begin()) + dx;
    if (index < 0 || index >= static_cast<std::ptrdiff_t>(order.size()))
        return std::nullopt;
    return order[static_cast<std::size_t>(index)];
}

} // namespace aoesan::ui
