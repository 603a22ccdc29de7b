// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/ColumnChooser.h"

#include <QHeaderView>
#include <QMenu>
#include <QTableView>

namespace aoesan::ui {

ColumnChooser::ColumnChooser(QTableView *table, QStringList names, QStringList defaults)
    : QObject(table)
    , m_table(table)
    , m_names(std::move(names))
    , m_defaults(std::move(defaults))
{
    QHeaderView *header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Right-click to choose the columns"));
    connect(header, &QWidget::customContextMenuRequested, this,
        [this](const QPoint &at) { menu()->popup(m_table->horizontalHeader()->mapToGlobal(at)); });
    setVisibleColumns({});
}

QStringList ColumnChooser::visibleColumns() const
{
    QStringList shown;
    for (int column = 0; column < m_names.size(); ++column) {
        if (!m_table->isColumnHidden(column))
            shown << m_names.at(column);
    }
    return shown;
}

void ColumnChooser::setVisibleColumns(const QStringList &names)
{
    bool known = false;
    for (const QString &name : names)
        known = known || m_names.contains(name);
    const QStringList &shown = known ? names : m_defaults;
    for (int column = 0; column < m_names.size(); ++column)
        m_table->setColumnHidden(column, column != 0 && !shown.contains(m_names.at(column)));
}

QMenu *ColumnChooser::menu()
{
    auto *menu = new QMenu(m_table);
    menu->setObjectName(QStringLiteral("columnMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < m_names.size(); ++column) {
        auto *action = menu->addAction(m_table->model()->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(m_names.at(column));
        action->setCheckable(true);
        action->setChecked(!m_table->isColumnHidden(column));
        action->setEnabled(column != 0);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_table->setColumnHidden(column, !on);
            emit columnsChanged(visibleColumns());
        });
    }
    menu->addSeparator();
    auto *reset = menu->addAction(tr("Default columns"));
    reset->setObjectName(QStringLiteral("defaultColumns"));
    connect(reset, &QAction::triggered, this, [this] {
        setVisibleColumns({});
        emit columnsChanged({});
    });
    return menu;
}

} // namespace aoesan::ui
