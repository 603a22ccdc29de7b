// SPDX-License-Identifier: GPL-3.0-or-later
// The log dock's rows, newest last, bounded: what spdlog said in this process (technical, English by
// design, fed from a LogBuffer on a GUI-thread timer, in batches) and the lines written for the person in
// their language (note()).
#pragma once

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>
#include <memory>

#include "log/LogBuffer.h"

namespace aoesan::ui {

class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int { Time, Level, Source, Message, ColumnCount };

    explicit LogModel(std::shared_ptr<LogBuffer> buffer, QObject *parent = nullptr, int maxRows = 5000);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Takes what the buffer holds now (the timer calls it; tests call it directly).
    void pull();
    void append(std::vector<LogEntry> entries);
    // A line for the person, already in their language (level as spdlog's: 2 info, 3 warning, 4 error).
    void note(int level, const QString &source, const QString &message);
    void clear();
    static QString levelName(int level);

private:
    std::shared_ptr<LogBuffer> m_buffer;
    std::deque<LogEntry> m_rows;
    QTimer m_timer;
    int m_maxRows;
};

} // namespace aoesan::ui
