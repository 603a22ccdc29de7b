// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports/ActivityDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

#include "models/ExportActivity.h"
#include "models/Roles.h"

namespace aoesan::ui {

namespace {

// Below this the graph does not zoom in further: a few KiB/s of keep-alive traffic stays near the floor.
constexpr double kSmallestScaleMiB = 0.5;

QPainterPath line(const ActivityHistory &history, bool reading, const QRectF &area, double scale)
{
    QPainterPath path;
    const double step = area.width() / double(ExportActivity::kHistoryLength - 1);
    // The newest point sits at the right edge; a shorter history starts part way across.
    const double startX = area.right() - step * double(history.size() - 1);
    for (qsizetype i = 0; i < history.size(); ++i) {
        const double value = reading ? history[i].readMiBPerSecond : history[i].writeMiBPerSecond;
        const QPointF point(startX + step * double(i), area.bottom() - area.height() * std::min(value / scale, 1.0));
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    return path;
}

} // namespace

QColor ActivityDelegate::readColor()
{
    return QColor(0x1f, 0x77, 0xb4);
}

QColor ActivityDelegate::writeColor()
{
    return QColor(0xd6, 0x60, 0x0a);
}

void ActivityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The cell's background, selection and focus as any other cell, without text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const auto history = index.data(HistoryRole).value<ActivityHistory>();
    if (history.isEmpty())
        return;
    double peak = kSmallestScaleMiB;
    for (const auto &point : history)
        peak = std::max({peak, point.readMiBPerSecond, point.writeMiBPerSecond});
    const QRectF area = QRectF(option.rect).adjusted(3, 3, -3, -3);
    if (area.width() < 8 || area.height() < 4)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(option.palette.color(QPalette::Mid), 1));
    painter->drawLine(area.bottomLeft(), area.bottomRight());
    if (history.size() > 1) {
        painter->setPen(QPen(writeColor(), 1.5));
        painter->drawPath(line(history, false, area, peak));
        painter->setPen(QPen(readColor(), 1.5));
        painter->drawPath(line(history, true, area, peak));
    }
    painter->restore();
}

QSize ActivityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.averageCharWidth() * 14));
    return size;
}

} // namespace aoesan::ui
