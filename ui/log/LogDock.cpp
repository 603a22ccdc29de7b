// SPDX-License-Identifier: GPL-3.0-or-later
#include "log/LogDock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "format/ColumnFit.h"
#include "log/LogModel.h"
#include "log/PersonLog.h"
#include "models/Roles.h"

namespace aoesan::ui {

namespace {

class LevelFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMinimum(int level)
    {
        m_minimum = level;
        invalidateFilter();
    }
    void setTechnical(bool shown)
    {
        m_technical = shown;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        const int level = index.data(StateRole).toInt();
        // Technical errors are always shown (marked): a person must see that something failed.
        const bool shown = m_technical || !index.data(TechnicalRole).toBool() || level >= 4;
        return level >= m_minimum && shown;
    }

private:
    int m_minimum = 2;
    bool m_technical = false;
};

} // namespace

LogDock::LogDock(LogModel *model, QWidget *parent)
    : QDockWidget(tr("Log"), parent)
    , m_model(model)
    , m_filter(new LevelFilter(this))
    , m_level(new QComboBox)
    , m_table(new QTableView)
{
    setObjectName(QStringLiteral("logDock"));
    m_filter->setSourceModel(m_model);
    auto *body = new QWidget(this);
    m_level->addItem(tr("Debug and above"), 1);
    m_level->addItem(tr("Info and above"), 2);
    m_level->addItem(tr("Warnings and errors"), 3);
    m_level->addItem(tr("Errors only"), 4);
    m_level->setCurrentIndex(1);
    m_level->setToolTip(tr("Show only messages of this level or more serious"));
    auto *technical = new QCheckBox(tr("&Technical messages"), body);
    technical->setObjectName(QStringLiteral("technicalMessages"));
    technical->setToolTip(tr("Also show the program's technical messages (in English, for bug reports)"));
    auto *clear = new QPushButton(tr("Clear"), body);
    clear->setToolTip(tr("Remove every message from the log view (the log file keeps them)"));
    m_table->setModel(m_filter);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    // Time, level and source as wide as they get in this language; the message takes the rest.
    QStringList levels;
    for (int level = 0; level <= 5; ++level)
        levels << LogModel::levelName(level);
    const QStringList sources {PersonLog::tr("discovery"), PersonLog::tr("exports"),
        LogModel::tr("%1 (technical)").arg(QStringLiteral("supervisor"))};
    fitColumns(m_table, {{QStringLiteral("00:00:00.000")}, levels, sources});
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("Show:"), body);
    label->setBuddy(m_level);
    bar->addWidget(label);
    bar->addWidget(m_level);
    bar->addWidget(technical);
    bar->addStretch();
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    setWidget(body);
    connect(m_level, &QComboBox::currentIndexChanged, this,
        [this](int) { static_cast<LevelFilter *>(m_filter)->setMinimum(m_level->currentData().toInt()); });
    connect(technical, &QCheckBox::toggled, this,
        [this](bool on) { static_cast<LevelFilter *>(m_filter)->setTechnical(on); });
    connect(clear, &QPushButton::clicked, m_model, &LogModel::clear);
    // Follow the newest message unless the person scrolled up to read.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this] { m_follow = m_table->verticalScrollBar()->value() >= m_table->verticalScrollBar()->maximum() - 2; });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
    });
}

} // namespace aoesan::ui
