// SPDX-License-Identifier: GPL-3.0-or-later
#include "log/LogModel.h"

#include <QBrush>
#include <QFont>

#include "models/Roles.h"

namespace aoesan::ui {

LogModel::LogModel(std::shared_ptr<LogBuffer> buffer, QObject *parent, int maxRows)
    : QAbstractTableModel(parent)
    , m_buffer(std::move(buffer))
    , m_maxRows(maxRows)
{
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &LogModel::pull);
    if (m_buffer)
        m_timer.start();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelName(int level)
{
    switch (level) {
    case 0:
        return tr("trace");
    case 1:
        return tr("debug");
    case 2:
        return tr("info");
    case 3:
        return tr("warning");
    case 4:
        return tr("error");
    case 5:
        return tr("critical");
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Source:
        return tr("Source");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case Level:
            return levelName(e.level);
        case Source:
            if (role == Qt::ToolTipRole && e.technical)
                return tr("A technical message for bug reports; in English by design");
            return e.technical ? tr("%1 (technical)").arg(e.source) : e.source;
        case Message:
            return e.message;
        default:
            return {};
        }
    }
    if (role == SortRole)
        return index.column() == Time ? QVariant(e.time.toMSecsSinceEpoch())
            : index.column() == Level ? QVariant(e.level)
                                      : data(index, Qt::DisplayRole);
    if (role == StateRole)
        return e.level;
    if (role == TechnicalRole)
        return e.technical;
    if (role == Qt::FontRole && e.technical) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ForegroundRole && e.level >= 4)
        return QBrush(QColor(0xb0, 0x20, 0x20));
    if (role == Qt::ForegroundRole && e.level == 3)
        return QBrush(QColor(0x9a, 0x67, 0x00));
    return {};
}

void LogModel::pull()
{
    if (m_buffer)
        append(m_buffer->take());
}

void LogModel::append(std::vector<LogEntry> entries)
{
    if (entries.empty())
        return;
    const auto limit = static_cast<std::size_t>(m_maxRows);
    if (entries.size() > limit)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(limit));
    const std::size_t overflow = m_rows.size() + entries.size() > limit ? m_rows.size() + entries.size() - limit : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + static_cast<std::ptrdiff_t>(overflow));
        endRemoveRows();
    }
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(entries.size()) - 1);
    for (auto &e : entries)
        m_rows.push_back(std::move(e));
    endInsertRows();
}

void LogModel::note(int level, const QString &source, const QString &message)
{
    append({LogEntry {QDateTime::currentDateTime(), level, source, message, false}});
}

void LogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace aoesan::ui
