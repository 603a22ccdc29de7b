// SPDX-License-Identifier: GPL-3.0-or-later
#include "targets/TargetsView.h"

#include <QCheckBox>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "format/ColumnChooser.h"
#include "format/ColumnFit.h"
#include "format/Format.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "shell/ErrorBanner.h"
#include "targets/TargetDetails.h"

namespace aoesan::ui {

namespace {

// The names the settings keep, one per TargetModel column, in column order.
constexpr const char *kColumnNames[TargetModel::ColumnCount] = {"device", "size", "state", "interfaces", "mac",
    "payload", "buffers", "firmware", "model", "serial", "config", "rtt", "lastSeen", "onMachine"};

} // namespace

TargetsView::TargetsView(TargetModel *targets, TargetFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_targets(targets)
    , m_filter(filter)
    , m_banner(new ErrorBanner(this))
    , m_filterEdit(new QLineEdit(this))
    , m_showDown(new QCheckBox(tr("Show down targets"), this))
    , m_table(new QTableView(this))
    , m_details(new TargetDetails(targets, this))
{
    m_filterEdit->setObjectName(QStringLiteral("targetFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter: e7.* or any text (model, serial, MAC…)"));
    m_filterEdit->setToolTip(tr("Type a device pattern such as e7.* or words to look for in any column (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_showDown->setChecked(true);
    m_showDown->setToolTip(tr("List targets that stopped answering, greyed, until you forget them"));

    m_table->setObjectName(QStringLiteral("targetTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TargetModel::Device, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    fitColumns();
    QStringList names;
    for (int column = 0; column < TargetModel::ColumnCount; ++column)
        names << columnName(column);
    m_columns = new ColumnChooser(m_table, names, defaultColumns());
    connect(m_columns, &ColumnChooser::columnsChanged, this, &TargetsView::columnsChanged);

    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filterEdit);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_showDown);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &TargetFilterModel::setFilterText);
    connect(m_showDown, &QCheckBox::toggled, m_filter, &TargetFilterModel::setShowDown);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TargetsView::onCurrentChanged);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &TargetsView::onContextMenu);
    m_table->installEventFilter(this);
}

bool TargetsView::eventFilter(QObject *watched, QEvent *event)
{
    // The menu key (or Shift+F10) acts on the current row, wherever the pointer is.
    if (watched == m_table && event->type() == QEvent::ContextMenu
        && static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard) {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid()) {
            onContextMenu(m_table->visualRect(current).center());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TargetsView::onContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const int sourceRow = m_filter->mapToSource(index).row();
    if (sourceRow < 0)
        return;
    emit targetMenuRequested(m_targets->rowAt(sourceRow).info.id, m_table->viewport()->mapToGlobal(pos));
}

void TargetsView::fitColumns()
{
    // The longest text each column shows in this language; the state texts come from the model.
    const QDateTime lastWeek = QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59));
    const std::vector<QStringList> samples {{QStringLiteral("e9999.99")}, {format::binarySize(1023ULL << 30)},
        TargetModel::stateTexts(), {QStringLiteral("eth10,eth11")}, {QStringLiteral("02:00:00:00:00:00 +9")},
        {QStringLiteral("8704")}, {QStringLiteral("16")}, {QStringLiteral("0x4019")},
        {QStringLiteral("aoesan AoE target")}, {QStringLiteral("12.34:abcdef12")}, {QStringLiteral("rack-b/3")},
        {format::roundTrip(std::chrono::microseconds(9999))}, {format::clockTime(lastWeek, lastWeek.addDays(7))}};
    ui::fitColumns(m_table, samples, TargetModel::State);
}

QString TargetsView::columnName(int column)
{
    return column >= 0 && column < TargetModel::ColumnCount ? QString::fromLatin1(kColumnNames[column]) : QString();
}

QStringList TargetsView::defaultColumns()
{
    // What a person looks at every day; the rest is one right-click away.
    return {columnName(TargetModel::Device), columnName(TargetModel::Size), columnName(TargetModel::State),
        columnName(TargetModel::Interfaces), columnName(TargetModel::Macs), columnName(TargetModel::Model),
        columnName(TargetModel::Rtt)};
}

QStringList TargetsView::visibleColumns() const
{
    return m_columns->visibleColumns();
}

void TargetsView::setVisibleColumns(const QStringList &names)
{
    m_columns->setVisibleColumns(names);
}

QMenu *TargetsView::columnMenu()
{
    return m_columns->menu();
}

void TargetsView::onCurrentChanged()
{
    const auto id = selected();
    m_details->showTarget(id);
    emit selectionChanged(id);
}

std::optional<discovery::TargetId> TargetsView::selected() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const int sourceRow = m_filter->mapToSource(current).row();
    if (sourceRow < 0)
        return std::nullopt;
    return m_targets->rowAt(sourceRow).info.id;
}

void TargetsView::select(discovery::TargetId id)
{
    const int sourceRow = m_targets->rowOf(id);
    if (sourceRow < 0)
        return;
    const QModelIndex proxied = m_filter->mapFromSource(m_targets->index(sourceRow, 0));
    if (!proxied.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(
        proxied, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxied);
}

void TargetsView::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

} // namespace aoesan::ui
