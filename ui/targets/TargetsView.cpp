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

#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "shell/ErrorBanner.h"
#include "targets/TargetDetails.h"

namespace aoesan::ui {

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
    // Wide enough for typical contents (or the header), measured in the table's own font.
    QFont bold = m_table->font();
    bold.setBold(true); // conflict rows are bold
    const QFontMetrics metrics(bold);
    const QString samples[TargetModel::ColumnCount] = {QStringLiteral("e9999.99"),
        QStringLiteral("1099.511GB (1.00 TiB)"), QStringLiteral("conflict: 2 backends"), QStringLiteral("eth10,eth11"),
        QStringLiteral("02:00:00:00:00:00"), QStringLiteral("8704"), QStringLiteral("16"), QStringLiteral("0x4019"),
        QStringLiteral("aoesan AoE target"), QStringLiteral("12.34:abcdef12"), QStringLiteral("rack-b/3"),
        QStringLiteral("10.0 ms"), QStringLiteral("00:00:00")};
    for (int column = 0; column < TargetModel::ColumnCount; ++column) {
        const QString header = m_filter->headerData(column, Qt::Horizontal).toString();
        const int icon = column == TargetModel::State ? 24 : 0;
        m_table->setColumnWidth(column,
            std::max(metrics.horizontalAdvance(samples[column]) + icon, metrics.horizontalAdvance(header) + 16) + 14);
    }

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
