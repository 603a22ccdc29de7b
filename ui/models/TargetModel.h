// SPDX-License-Identifier: GPL-3.0-or-later
// The targets as a table: one row per shelf.slot, holding the value snapshots the probe stream reports
// (discovery::TargetInfo) merged with this machine's exports (LocalExport). Rows stay in arrival order;
// sorting and filtering are the proxy's job, on raw values under SortRole. A target that goes down stays,
// greyed, "down since HH:MM", until "Forget down targets". An export of this machine has a row whatever
// discovery hears (it may serve where discovery does not watch), with the export's state and size.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QSet>

#include <functional>
#include <optional>
#include <vector>

#include "discovery/TargetInfo.h"
#include "kernel/KernelDevice.h"
#include "models/TargetLook.h"
#include "supervisor/ExportStatus.h"

namespace aoesan::ui {

// One export of this machine as the Targets table needs it: its address, state and what its engine said.
struct LocalExport
{
    discovery::TargetId id;
    QString name;
    QString interface;
    supervisor::ExportState state = supervisor::ExportState::Stopped;
    std::uint64_t sectors = 0; // from the engine's `started` event; 0 until one started
    QString mac; // the MAC the engine serves from; empty until one started

    bool operator==(const LocalExport &) const = default;
};

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
        OnMachine, // the aoe driver's block device for the target and its kernel state
        ColumnCount
    };

    struct Row
    {
        discovery::TargetInfo info; // what is shown: discovery's snapshot, completed from the local export
        QDateTime downSince; // valid while shown as down: when it was first seen down
        bool exportedHere = false; // `local` is set
        std::optional<LocalExport> local; // the export of this machine at this address
        std::optional<discovery::TargetInfo> discovered; // discovery's own snapshot; none: not heard
        QDateTime discoveredDownSince; // discovery's "down since", whatever the export says

        TargetLook look() const { return lookOf(info, local ? std::optional(local->state) : std::nullopt); }
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
    // This machine's exports: each gets a row with its own state (blue while running, "stopped", ...)
    // whether or not discovery hears it; a row only an export made goes when the export goes.
    void setLocalExports(const std::vector<LocalExport> &exports);
    // Whether a "down" from discovery is news for this target: not for an export this machine stopped
    // (or that is starting, failing or being stopped: the exports table tells of those).
    bool downIsNews(discovery::TargetId id) const;

    // The aoe driver's devices (KernelDevicesFeed): a target the kernel has shows its node and state in
    // OnMachine, the Shelves tile and the details. A device with no row here is kept for when one comes.
    void setKernelDevices(const std::vector<kernel::KernelDevice> &devices);
    const kernel::KernelDevice *kernelDevice(discovery::TargetId id) const;
    // "/dev/etherd/e0.1 (up)": what the OnMachine column shows; empty when the kernel does not have it.
    static QString onMachineText(const kernel::KernelDevice &device);
    // The mark of a target the kernel has, beside its name: a disk with a green (up) or red (down) light.
    static QIcon attachedIcon(bool up);

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
    void applyState(Row &row, const discovery::TargetInfo &next) const;
    static void merge(Row &row);
    static Row localRow(const LocalExport &local);
    void reindex();
    void emitRowChanged(int row);

    std::vector<Row> m_rows;
    QHash<quint32, int> m_index; // key → row
    QHash<quint32, LocalExport> m_localExports;
    QHash<quint32, kernel::KernelDevice> m_kernel; // key → the aoe driver's device
    Now m_now;
};

} // namespace aoesan::ui
