// SPDX-License-Identifier: GPL-3.0-or-later
// Draws an export's last minute of throughput (the model's HistoryRole) as a small graph in its cell:
// reading and writing as two lines, scaled to the busiest second shown so a quiet export is a flat line
// and a busy one fills the cell. The cell's tooltip says the same figures in words.
#pragma once

#include <QStyledItemDelegate>

namespace aoesan::ui {

class ActivityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The colours of the two lines (the Activity header's tooltip names them: blue reading, orange writing).
    static QColor readColor();
    static QColor writeColor();
};

} // namespace aoesan::ui
