// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TargetFilterModel.h"

#include "models/Roles.h"
#include "models/TargetModel.h"

namespace aoesan::ui {

TargetFilterModel::TargetFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TargetFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    if (m_text.contains(QLatin1Char('*')) || m_text.contains(QLatin1Char('?')) || m_text.contains(QLatin1Char('['))) {
        m_devicePattern = QRegularExpression(
            QRegularExpression::wildcardToRegularExpression(m_text, QRegularExpression::UnanchoredWildcardConversion),
            QRegularExpression::CaseInsensitiveOption);
        // Anchored to the whole device name: "e1*" must not match "e11.2"'s middle by accident.
        m_devicePattern.setPattern(QStringLiteral("^(?:%1)$").arg(m_devicePattern.pattern()));
    } else {
        m_devicePattern = QRegularExpression();
    }
    invalidateFilter();
}

void TargetFilterModel::setShowDown(bool show)
{
    if (show == m_showDown)
        return;
    m_showDown = show;
    invalidateFilter();
}

bool TargetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_showDown) {
        const auto look = static_cast<TargetLook>(model->index(sourceRow, 0, sourceParent).data(StateRole).toInt());
        if (look == TargetLook::Down)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const QString device = model->index(sourceRow, TargetModel::Device, sourceParent).data().toString();
    if (m_devicePattern.isValid() && !m_devicePattern.pattern().isEmpty())
        return m_devicePattern.match(device).hasMatch();
    const auto words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        bool found = false;
        for (int column = 0; column < TargetModel::ColumnCount && !found; ++column) {
            // The tooltip too: a cell may show a short form ("02:…:06 +1") of what it holds.
            const QModelIndex index = model->index(sourceRow, column, sourceParent);
            found = index.data().toString().contains(word, Qt::CaseInsensitive)
                || index.data(Qt::ToolTipRole).toString().contains(word, Qt::CaseInsensitive);
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace aoesan::ui
