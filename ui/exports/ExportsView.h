// SPDX-License-Identifier: GPL-3.0-or-later
// The Exports page: the local exports with state, clients, throughput now and over the last minute (a small
// graph), uptime and last error, and the New export…, Start, Stop and Remove actions for the selected one.
// Interface, the byte totals and uptime start hidden (the header's context menu shows them) so that the table
// fits the window in every language.
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace aoesan::ui {

struct Actions;
class ColumnChooser;
class ErrorBanner;
class ExportModel;

class ExportsView : public QWidget
{
    Q_OBJECT

public:
    ExportsView(ExportModel *model, Actions &actions, QWidget *parent = nullptr);

    QString selectedName() const;
    void select(const QString &name);
    QTableView *table() const { return m_table; }
    ErrorBanner *banner() const { return m_banner; }
    ColumnChooser *columns() const { return m_columns; }
    // The exports run in the system's aoesan service (they keep running when aoesan quits), or in the
    // private one this program started (they end with it): the hint under the table says which.
    void setServedBySystem(bool system);
    QString hintText() const;

signals:
    void selectionChanged();

private:
    void updateActions();

    ExportModel *m_model;
    Actions &m_actions;
    QSortFilterProxyModel *m_sorted;
    ErrorBanner *m_banner;
    QTableView *m_table;
    ColumnChooser *m_columns;
    QLabel *m_hint;
    QTimer m_tick;
};

} // namespace aoesan::ui
