// SPDX-License-Identifier: GPL-3.0-or-later
// The log dock: the events of this process (discovery, exports, the window) written for the person in
// their language, newest at the bottom, with a minimum-level filter; spdlog's technical lines (English by
// design, marked as such) on request, and their errors always.
#pragma once

#include <QDockWidget>

class QComboBox;
class QSortFilterProxyModel;
class QTableView;

namespace aoesan::ui {

class LogModel;

class LogDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit LogDock(LogModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *shown() const { return m_filter; }

private:
    LogModel *m_model;
    QSortFilterProxyModel *m_filter;
    QComboBox *m_level;
    QTableView *m_table;
    bool m_follow = true;
};

} // namespace aoesan::ui
