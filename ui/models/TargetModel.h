// The discovered targets as a table: one row per shelf.slot, holding the value snapshots the probe
// stream reports (discovery::TargetInfo). Rows stay in arrival order; sorting and filtering are the
// proxy's job, on raw values under SortRole. A target that goes down stays, greyed, "down since HH:MM",
// until "Forget down targets".
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

#include <functional>
#include <vector>

#include "discovery/TargetInfo.h"
#include "models/TargetLook.h"

namespace aoesan::ui {

class TargetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        Device,
        Size,
        State,
        Interfaces,
        Macs,
        Payload,
        Buffers,
        Firmware,
        Model,
        Serial,
        Config,
        Rtt,
        LastSeen,
        ColumnCount
    };

    struct Row
    {
        discovery::TargetInfo info;
        QDateTime downSince; // valid while down: when it was first seen down
        bool exportedHere = false;

        TargetLook look() const { return lookOf(info, exportedHere); }
    };

    struct Counts
    {
        int total = 0;
        int up = 0;
        int down = 0;
        int conflicts = 0;
        bool operator==(const Counts &) const = default;
    };

    using Now = std::function<QDateTime()>;

    // `now` is the wall clock for "down since"; tests pass a fixed one.
    explicit TargetModel(QObject *parent = nullptr, Now now = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds or replaces the snapshot of each target (new ones are inserted in one range).
    void upsert(const std::vector<discovery::TargetInfo> &targets);
    void upsert(const discovery::TargetInfo &target) { upsert(std::vector {target}); }
    bool remove(discovery::TargetId id);
    // Removes every target that is down; returns their ids.
    std::vector<discovery::TargetId> forgetDown();
    void clear();
    // The shelf.slot addresses this machine exports (blue).
    void setLocalExports(const QSet<quint32> &keys);

    int rowOf(discovery::TargetId id) const;
    const Row &rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    const Row *find(discovery::TargetId id) const;
    Counts counts() const;

    // The firmware as the table and the details show it: "0x4019"; empty when unknown.
    static QString firmwareText(const discovery::TargetInfo &target);
    // Every text the State column can show (in the user's language), for sizing the column.
    static QStringList stateTexts();

    static quint32 keyOf(discovery::TargetId id) { return (quint32 {id.shelf} << 8) | id.slot; }
    static discovery::TargetId idOf(quint32 key)
    {
        return {static_cast<std::uint16_t>(key >> 8), static_cast<std::uint8_t>(key & 0xffU)};
    }

signals:
    void countsChanged();

private:
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    void applyState(Row &row, const discovery::TargetInfo &next, bool isNew) const;
    void reindex();
    void emitRowChanged(int row);

    std::vector<Row> m_rows;
    QHash<quint32, int> m_index; // key → row
    QSet<quint32> m_localExports;
    Now m_now;
};

} // namespace aoesan::ui
