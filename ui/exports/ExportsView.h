// The Exports page: the local exports with state, clients, I/O counters, uptime and last error, and the
// New export…, Start, Stop and Remove actions for the selected one.
#pragma once

#include <QTimer>
#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace aoesan::ui {

struct Actions;
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

signals:
    void selectionChanged();

private:
    void updateActions();

    ExportModel *m_model;
    Actions &m_actions;
    QSortFilterProxyModel *m_sorted;
    ErrorBanner *m_banner;
    QTableView *m_table;
    QTimer m_tick;
};

} // namespace aoesan::ui
