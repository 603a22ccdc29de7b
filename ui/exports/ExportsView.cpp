// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports/ExportsView.h"

#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

#include "exports/ActivityDelegate.h"
#include "format/ColumnChooser.h"
#include "format/ColumnFit.h"
#include "format/Format.h"
#include "models/ExportModel.h"
#include "models/Roles.h"
#include "shell/Actions.h"
#include "shell/ErrorBanner.h"

namespace aoesan::ui {

using supervisor::ExportState;

ExportsView::ExportsView(ExportModel *model, Actions &actions, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_actions(actions)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_banner(new ErrorBanner(this))
    , m_table(new QTableView(this))
{
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(SortRole);
    m_sorted->setDynamicSortFilter(true);

    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actions.newExport);
    bar->addSeparator();
    bar->addAction(m_actions.startExport);
    bar->addAction(m_actions.stopExport);
    bar->addAction(m_actions.removeExport);
    bar->addSeparator();
    bar->addAction(m_actions.networkBoot);

    m_table->setObjectName(QStringLiteral("exportTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ExportModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // The path takes the room that is left: it is as long as it is.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setTextElideMode(Qt::ElideMiddle); // a long path keeps its file name in view
    // Wide enough for every state text in this language and typical values of the other columns.
    // A restart is seconds away (the back-off is capped well under a minute).
    QStringList states {
        QCoreApplication::translate("aoesan::ui::ExportModel", "restarting in %1").arg(format::duration(59))};
    for (const auto state : {ExportState::Stopped, ExportState::Starting, ExportState::Running, ExportState::Restarting,
             ExportState::Stopping, ExportState::Failed})
        states << ExportModel::stateText(state);
    service::BootView runningBoot;
    runningBoot.state = service::BootView::State::Running;
    runningBoot.interface = QStringLiteral("eth10");
    const std::vector<QStringList> samples {{QStringLiteral("lab-scratch")}, {QStringLiteral("e99.99")},
        {QStringLiteral("eth10")}, {QStringLiteral("/srv/aoe/disk.img")}, states, {QStringLiteral("9")},
        {format::binarySize(1023ULL << 20)}, {format::binarySize(1023ULL << 20)}, {format::rate(1023.0 * 1024 * 1024)},
        {format::rate(1023.0 * 1024 * 1024)}, {}, {format::duration(86399)}, {ExportModel::bootText(runningBoot)}, {}};
    fitColumns(m_table, samples, ExportModel::State);
    m_table->setItemDelegateForColumn(ExportModel::Activity, new ActivityDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(ExportModel::Backing, QHeaderView::Stretch);
    // The last error keeps its header's width (its tooltip and the banner say it whole): the path gets the
    // room, which the throughput columns and the graph need as well.
    m_table->horizontalHeader()->setSectionResizeMode(ExportModel::LastError, QHeaderView::Interactive);
    m_columns = new ColumnChooser(m_table,
        {QStringLiteral("name"), QStringLiteral("device"), QStringLiteral("interface"), QStringLiteral("path"),
            QStringLiteral("state"), QStringLiteral("clients"), QStringLiteral("read"), QStringLiteral("written"),
            QStringLiteral("reading"), QStringLiteral("writing"), QStringLiteral("activity"), QStringLiteral("uptime"),
            QStringLiteral("boot"), QStringLiteral("lastError")},
        {QStringLiteral("name"), QStringLiteral("device"), QStringLiteral("path"), QStringLiteral("state"),
            QStringLiteral("clients"), QStringLiteral("reading"), QStringLiteral("writing"), QStringLiteral("activity"),
            QStringLiteral("lastError")});
    // The row's context menu: what the toolbar does to the selected export.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_actions.startExport);
    m_table->addAction(m_actions.stopExport);
    m_table->addAction(m_actions.networkBoot);
    m_table->addAction(m_actions.removeExport);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("exportsHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    setServedBySystem(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        emit selectionChanged();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ExportsView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ExportsView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        // A new export is selected, so Start/Stop apply to it at once.
        select(m_model->rowAt(first).record.name);
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_model, &ExportModel::tick);
    m_tick.start();
    updateActions();
}

QString ExportsView::selectedName() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(KeyRole).toString() : QString();
}

void ExportsView::select(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ExportsView::updateActions()
{
    const auto *row = m_model->find(selectedName());
    const ExportState state = row ? row->status.state : ExportState::Stopped;
    const bool active
        = state == ExportState::Running || state == ExportState::Starting || state == ExportState::Restarting;
    m_actions.startExport->setEnabled(row && !active && state != ExportState::Stopping);
    m_actions.stopExport->setEnabled(row && (active || state == ExportState::Stopping));
    m_actions.removeExport->setEnabled(row != nullptr);
    m_actions.networkBoot->setEnabled(row != nullptr);
}

void ExportsView::setServedBySystem(bool system)
{
    m_hint->setText(system ? tr("Exports are served by this system's aoesan service: they keep running when aoesan "
                                "is closed. They also appear in Targets: blue while running, grey when stopped.")
                           : tr("Exports are served by aoesan-engine from this machine; they also appear in Targets: "
                                "blue while running, grey when stopped."));
}

QString ExportsView::hintText() const
{
    return m_hint->text();
}

} // namespace aoesan::ui
