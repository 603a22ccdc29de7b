// SPDX-License-Identifier: GPL-3.0-or-later
// Sorting and filtering of the Targets table. The filter is either a pattern for the device name
// ("e7.*", "e0.?") or plain words matched anywhere in the row (model, serial, config, MAC, interface);
// down targets can be hidden. Sorting uses the raw values under SortRole.
#pragma once

#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace aoesan::ui {

class TargetFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TargetFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    const QString &filterText() const { return m_text; }
    void setShowDown(bool show);
    bool showDown() const { return m_showDown; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QRegularExpression m_devicePattern; // valid when the text is a wildcard pattern
    bool m_showDown = true;
};

} // namespace aoesan::ui
