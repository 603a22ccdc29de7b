// The log dock: spdlog's events of this process (discovery, exports, the window), newest at the bottom,
// with a minimum-level filter.
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

private:
    LogModel *m_model;
    QSortFilterProxyModel *m_filter;
    QComboBox *m_level;
    QTableView *m_table;
    bool m_follow = true;
};

} // namespace aoesan::ui
