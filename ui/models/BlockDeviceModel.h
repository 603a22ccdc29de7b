// SPDX-License-Identifier: GPL-3.0-or-later
// The disks and partitions the export wizard offers: name, size, model, filesystem, label, mount point
// and a short verdict ("mounted at /home: can be exported read-only", "holds /: cannot be exported"), judged by
// core/platform's safety rules. Keyed by device name; raw sizes under SortRole.
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "platform/BlockDeviceSafety.h"
#include "platform/BlockDevices.h"

namespace aoesan::ui {

class BlockDeviceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int { Device, Size, Model, Filesystem, Label, MountPoint, Verdict, ColumnCount };

    enum class Use : std::uint8_t {
        Free, // may be exported read-write
        ReadOnlyOnly, // read-write is refused, read-only is allowed
        Refused, // cannot be exported at all
    };

    struct Row
    {
        platform::BlockDevice device;
        platform::ExportSafety readWrite;
        platform::ExportSafety readOnly;
        Use use = Use::Free;
        QString verdict;
    };

    explicit BlockDeviceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDevices(const std::vector<platform::BlockDevice> &devices);
    const Row &rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    int rowOf(const QString &name) const;

private:
    static Row judge(const std::vector<platform::BlockDevice> &all, const platform::BlockDevice &device);

    std::vector<Row> m_rows;
};

} // namespace aoesan::ui
