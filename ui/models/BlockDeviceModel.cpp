// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/BlockDeviceModel.h"

#include <QBrush>
#include <QIcon>

#include <algorithm>

#include "format/Format.h"
#include "models/Roles.h"

namespace aoesan::ui {

using platform::SafetyProblem;

BlockDeviceModel::BlockDeviceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int BlockDeviceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BlockDeviceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BlockDeviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Device:
        return tr("Device");
    case Size:
        return tr("Size");
    case Model:
        return tr("Model");
    case Filesystem:
        return tr("Filesystem");
    case Label:
        return tr("Label");
    case MountPoint:
        return tr("Mounted at");
    case Verdict:
        return tr("Can be exported");
    default:
        return {};
    }
}

BlockDeviceModel::Row BlockDeviceModel::judge(
    const std::vector<platform::BlockDevice> &all, const platform::BlockDevice &device)
{
    Row row;
    row.device = device;
    row.readWrite = platform::assessExport(all, device, false);
    row.readOnly = platform::assessExport(all, device, true);
    if (row.readWrite.allowed()) {
        row.use = Use::Free;
        row.verdict = tr("yes");
        return row;
    }
    row.use = row.readOnly.allowed() ? Use::ReadOnlyOnly : Use::Refused;
    // The strongest reason alone keeps the verdict one short line; the tooltip explains them all.
    const auto rank = [](SafetyProblem::Code code) {
        switch (code) {
        case SafetyProblem::Code::SystemDisk:
            return 0;
        case SafetyProblem::Code::Swap:
            return 1;
        case SafetyProblem::Code::Mounted:
            return 2;
        case SafetyProblem::Code::Held:
            return 3;
        case SafetyProblem::Code::WriteProtected:
            return 4;
        }
        return 5;
    };
    const auto strongest = std::min_element(row.readWrite.problems.cbegin(), row.readWrite.problems.cend(),
        [&rank](const auto &a, const auto &b) { return rank(a.code) < rank(b.code); });
    QString why;
    switch (strongest->code) {
    case SafetyProblem::Code::Mounted:
        why = device.mountPoints.isEmpty() ? tr("a partition is mounted")
                                           : tr("mounted at %1").arg(device.mountPoints.join(QStringLiteral(", ")));
        break;
    case SafetyProblem::Code::Held:
        why = tr("in use by %1")
                  .arg(device.holders.isEmpty() ? tr("another device") : device.holders.join(QStringLiteral(", ")));
        break;
    case SafetyProblem::Code::Swap:
        why = tr("swap space");
        break;
    case SafetyProblem::Code::SystemDisk:
        why = tr("holds /");
        break;
    case SafetyProblem::Code::WriteProtected:
        why = tr("write-protected");
        break;
    }
    // The reason first, then what it means for this export: "mounted at /home: can be exported read-only".
    row.verdict = row.use == Use::ReadOnlyOnly ? tr("%1: can be exported read-only").arg(why)
                                               : tr("%1: cannot be exported").arg(why);
    return row;
}

void BlockDeviceModel::setDevices(const std::vector<platform::BlockDevice> &devices)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &d : devices) {
        if (d.sizeBytes == 0)
            continue; // empty card readers and unused loop devices: nothing to serve
        m_rows.push_back(judge(devices, d));
    }
    endResetModel();
}

int BlockDeviceModel::rowOf(const QString &name) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].device.name == name)
            return static_cast<int>(i);
    }
    return -1;
}

QVariant BlockDeviceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    const auto &d = row.device;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Device:
            return d.kind == platform::BlockDeviceKind::Partition ? QStringLiteral("   ") + d.path : d.path;
        case Size:
            return format::binarySize(d.sizeBytes);
        case Model:
            return QStringList {d.vendor, d.model}.join(QLatin1Char(' ')).trimmed();
        case Filesystem:
            return d.fsType;
        case Label:
            return d.label;
        case MountPoint:
            return d.mountPoints.join(QStringLiteral(", "));
        case Verdict:
            return row.verdict;
        default:
            return {};
        }
    case SortRole:
        return index.column() == Size ? QVariant(static_cast<qulonglong>(d.sizeBytes)) : data(index, Qt::DisplayRole);
    case KeyRole:
        return d.name;
    case StateRole:
        return static_cast<int>(row.use);
    case Qt::ToolTipRole:
        if (index.column() == Size)
            return format::exactBytes(d.sizeBytes);
        if (index.column() == Model)
            return data(index, Qt::DisplayRole); // the column may be narrowed to fit the verdicts
        if (row.use != Use::Free)
            return row.readWrite.explain();
        return {};
    case Qt::ForegroundRole:
        if (row.use == Use::Refused)
            return QBrush(Qt::gray);
        if (row.use == Use::ReadOnlyOnly && index.column() == Verdict)
            return QBrush(QColor(0x9a, 0x67, 0x00));
        return {};
    case Qt::DecorationRole:
        if (index.column() != Verdict || row.use == Use::Free)
            return {};
        return QIcon(row.use == Use::Refused ? QStringLiteral(":/aoesan/icons/state-down.svg")
                                             : QStringLiteral(":/aoesan/icons/state-conflict.svg"));
    default:
        return {};
    }
}

} // namespace aoesan::ui
