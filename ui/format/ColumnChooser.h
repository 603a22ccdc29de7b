// SPDX-License-Identifier: GPL-3.0-or-later
// The column chooser of a table's header: its context menu has one check box per column and "Default
// columns"; the less-used columns start hidden so the table fits the window. Columns are named by stable
// words ("device", "size", ...) so the settings keep the choice across versions; unknown names are
// ignored. The first column always stays.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QTableView;

namespace aoesan::ui {

class ColumnChooser : public QObject
{
    Q_OBJECT

public:
    // names[column] for each model column; defaults: the names shown at first.
    ColumnChooser(QTableView *table, QStringList names, QStringList defaults);

    QStringList visibleColumns() const;
    // An empty list (or one with no known name) means the defaults.
    void setVisibleColumns(const QStringList &names);
    const QStringList &defaultColumns() const { return m_defaults; }
    // The menu the header shows on a right click (deleted when it closes).
    QMenu *menu();

signals:
    // The person chose other columns (empty: back to the defaults).
    void columnsChanged(const QStringList &visible);

private:
    QTableView *m_table;
    QStringList m_names;
    QStringList m_defaults;
};

} // namespace aoesan::ui
