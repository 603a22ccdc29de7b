// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ShelvesPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "format/Look.h"
#include "targets/ShelfView.h"
#include "targets/TargetDetails.h"

namespace aoesan::ui {

namespace {
// The colour key, so nobody has to guess what blue means.
QWidget *legend(QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(4, 0, 4, 0);
    for (const TargetLook look :
        {TargetLook::Up, TargetLook::Down, TargetLook::Conflict, TargetLook::Exported, TargetLook::ExportStopped}) {
        auto *swatch = new QLabel(box);
        swatch->setFixedSize(14, 14);
        swatch->setStyleSheet(QStringLiteral("background:%1;border-radius:3px;").arg(lookColor(look).name()));
        row->addWidget(swatch);
        row->addWidget(new QLabel(lookName(look), box));
        row->addSpacing(10);
    }
    row->addStretch();
    return box;
}
} // namespace

ShelvesPage::ShelvesPage(TargetModel *targets, QAbstractProxyModel *visible, QWidget *parent)
    : QWidget(parent)
    , m_shelves(new ShelfView(targets, visible, this))
    , m_details(new TargetDetails(targets, this))
{
    m_shelves->setObjectName(QStringLiteral("shelfView"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_shelves);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(legend(this));
    layout->addWidget(splitter, 1);
    connect(m_shelves, &ShelfView::currentChanged, m_details, &TargetDetails::showTarget);
}

} // namespace aoesan::ui
