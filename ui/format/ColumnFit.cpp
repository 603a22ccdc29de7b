// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/ColumnFit.h"

#include <QHeaderView>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>

#include <algorithm>

namespace aoesan::ui {

void fitColumns(QTableView *table, const std::vector<QStringList> &samples, int iconColumn)
{
    QFont bold = table->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    QStyle *style = table->style();
    // The item view's text margin on each side (QCommonStyle: focus frame margin + 1), the grid line,
    // and a little air so that nothing touches the next column.
    const int cellMargin = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1) + 1 + 6;
    const int icon = (table->iconSize().isValid() ? table->iconSize().width()
                                                  : style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, table))
        + 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < table->model()->columnCount(); ++column) {
        QStyleOptionHeader option;
        option.initFrom(header);
        option.section = column;
        option.text = table->model()->headerData(column, Qt::Horizontal).toString();
        option.sortIndicator = QStyleOptionHeader::SortDown; // any column may become the sorted one
        int width = header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header).width() + 4;
        if (column < static_cast<int>(samples.size())) {
            for (const QString &text : samples[static_cast<std::size_t>(column)])
                width
                    = std::max(width, metrics.horizontalAdvance(text) + cellMargin + (column == iconColumn ? icon : 0));
        }
        table->setColumnWidth(column, width);
    }
}

} // namespace aoesan::ui
