// SPDX-License-Identifier: GPL-3.0-or-later
// Column widths that fit what a column shows in the person's language: the header (with the sort arrow)
// and the widest of the column's possible texts, measured in the table's own font, bold too (rows that
// stand out are bold), with room for an icon where the column shows one.
#pragma once

#include <QStringList>

#include <vector>

class QTableView;

namespace aoesan::ui {

// samples[column]: texts the column may show (empty: the header alone decides).
void fitColumns(QTableView *table, const std::vector<QStringList> &samples, int iconColumn = -1);

} // namespace aoesan::ui
