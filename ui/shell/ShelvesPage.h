// SPDX-License-Identifier: GPL-3.0-or-later
// The Shelves page: the ShelfView above the details of the tile in focus.
#pragma once

#include <QWidget>

class QAbstractProxyModel;

namespace aoesan::ui {

class ShelfView;
class TargetDetails;
class TargetModel;

class ShelvesPage : public QWidget
{
    Q_OBJECT

public:
    ShelvesPage(TargetModel *targets, QAbstractProxyModel *visible, QWidget *parent = nullptr);
    ShelfView *shelves() const { return m_shelves; }
    TargetDetails *details() const { return m_details; }

private:
    ShelfView *m_shelves;
    TargetDetails *m_details;
};

} // namespace aoesan::ui
