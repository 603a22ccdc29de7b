// SPDX-License-Identifier: GPL-3.0-or-later
// The Targets page: a banner for problems with the fix, the filter, the sortable table over
// TargetFilterModel, and the details of the selected target. The less-used columns are hidden by
// default so the table fits the window; the header's context menu chooses them (kept in the settings).
#pragma once

#include <QWidget>

#include <optional>

#include "discovery/TargetInfo.h"

class QCheckBox;
class QLineEdit;
class QMenu;
class QTableView;

namespace aoesan::ui {

class ErrorBanner;
class ColumnChooser;
class TargetDetails;
class TargetFilterModel;
class TargetModel;

class TargetsView : public QWidget
{
    Q_OBJECT

public:
    TargetsView(TargetModel *targets, TargetFilterModel *filter, QWidget *parent = nullptr);

    ErrorBanner *banner() const { return m_banner; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    TargetDetails *details() const { return m_details; }

    // The shown columns by stable name ("device", "size", ...); an empty list means the defaults.
    QStringList visibleColumns() const;
    void setVisibleColumns(const QStringList &names);
    static QStringList defaultColumns();
    static QString columnName(int column);
    // The header's context menu: one check box per column (Device stays), and the defaults.
    QMenu *columnMenu();

    void select(discovery::TargetId id);
    std::optional<discovery::TargetId> selected() const;
    void focusFilter();

signals:
    void selectionChanged(std::optional<aoesan::discovery::TargetId> id);
    // Right click (or the menu key) on a row: that target's context menu, at a global position.
    void targetMenuRequested(aoesan::discovery::TargetId id, const QPoint &globalPos);
    // The person chose other columns (for the settings).
    void columnsChanged(const QStringList &visible);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();
    void onContextMenu(const QPoint &pos);
    void fitColumns();

    TargetModel *m_targets;
    TargetFilterModel *m_filter;
    ErrorBanner *m_banner;
    QLineEdit *m_filterEdit;
    QCheckBox *m_showDown;
    QTableView *m_table;
    TargetDetails *m_details;
    ColumnChooser *m_columns;
};

} // namespace aoesan::ui
