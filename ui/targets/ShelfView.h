// SPDX-License-Identifier: GPL-3.0-or-later
// The Shelves view: the rack at a glance. One band per shelf, one tile per answering slot coloured by
// state (green up, red down, amber conflict, blue exported from this machine) and labelled with its
// size; holes are empty outlines. Paints only the visible bands, so hundreds of shelves scroll freely.
// It shows the rows its (filtered) model shows; a click selects, a double click or Enter opens.
#pragma once

#include <QAbstractScrollArea>
#include <QPointer>

#include <optional>

#include "targets/ShelfLayout.h"

class QAbstractProxyModel;

namespace aoesan::ui {

class TargetModel;

class ShelfView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    // `visible` is a proxy over `targets` whose rows are the ones to show (the Targets filter).
    ShelfView(TargetModel *targets, QAbstractProxyModel *visible, QWidget *parent = nullptr);

    void setCurrent(std::optional<discovery::TargetId> id);
    std::optional<discovery::TargetId> current() const { return m_current; }
    const ShelfLayout &layoutForTests() const { return m_layout; }
    // The tile's rectangle in viewport coordinates, for tests and accessibility.
    QRect tileRect(discovery::TargetId id) const;

signals:
    void currentChanged(std::optional<aoesan::discovery::TargetId> id);
    void targetActivated(aoesan::discovery::TargetId id);
    // Right click (or the menu key) on a tile: its context menu, at a global position.
    void targetMenuRequested(aoesan::discovery::TargetId id, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void scheduleRebuild();
    void rebuild();
    void paintTile(QPainter &painter, const ShelfTile &tile) const;
    void ensureVisible(discovery::TargetId id);
    QString toolTipFor(discovery::TargetId id) const;

    TargetModel *m_targets;
    QPointer<QAbstractProxyModel> m_visible;
    ShelfLayout m_layout;
    std::optional<discovery::TargetId> m_current;
    bool m_rebuildPending = false;
};

} // namespace aoesan::ui
