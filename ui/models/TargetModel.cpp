// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TargetModel.h"

#include <QBrush>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QStringList>

#include <algorithm>
#include <limits>

#include "format/Format.h"
#include "format/Look.h"
#include "models/Roles.h"

namespace aoesan::ui {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList macsOf(const discovery::TargetInfo &t)
{
    QStringList macs;
    for (const auto &p : t.paths) {
        const QString mac = text(p.mac.toString());
        if (!macs.contains(mac))
            macs.append(mac);
    }
    for (const auto &b : t.backends) {
        const QString mac = text(b.mac.toString());
        if (!macs.contains(mac))
            macs.append(mac);
    }
    return macs;
}

QDateTime wallTime(discovery::WallClock time)
{
    if (time == discovery::WallClock {})
        return {};
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms);
}

} // namespace

TargetModel::TargetModel(QObject *parent, Now now)
    : QAbstractTableModel(parent)
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTime(); }))
{ }

int TargetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TargetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Device:
        return tr("Device");
    case Size:
        return tr("Size");
    case State:
        return tr("State");
    case Interfaces:
        return tr("Interfaces");
    case Macs:
        return tr("MAC");
    case Payload:
        return tr("Payload");
    case Buffers:
        return tr("Buffers");
    case Firmware:
        return tr("Firmware");
    case Model:
        return tr("Model");
    case Serial:
        return tr("Serial");
    case Config:
        return tr("Config string");
    case Rtt:
        return tr("RTT");
    case LastSeen:
        return tr("Last seen");
    case OnMachine:
        return tr("On this machine");
    default:
        return {};
    }
}

QVariant TargetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return sortValue(row, column);
    case KeyRole:
        return text(row.info.id.deviceName());
    case StateRole:
        return static_cast<int>(row.look());
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::DecorationRole:
        if (column == State)
            return lookIcon(row.look());
        // A target the kernel has is marked where every layout shows it: beside its name (the OnMachine
        // column is one right-click away; the default columns fill the window already).
        if (const auto *device = kernelDevice(row.info.id); device && (column == Device || column == OnMachine))
            return attachedIcon(device->up());
        return {};
    case Qt::TextAlignmentRole:
        if (column == Size || column == Payload || column == Buffers || column == Rtt)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (row.look() == TargetLook::Down || row.look() == TargetLook::ExportStopped)
            return QBrush(Qt::gray);
        if (row.look() == TargetLook::Conflict && column == State)
            return QBrush(QColor(0x9a, 0x67, 0x00));
        return {};
    case Qt::BackgroundRole:
        // A conflict is a fault on the segment: the whole row stands out.
        return row.look() == TargetLook::Conflict ? QVariant(QBrush(QColor(0xff, 0xec, 0xb3))) : QVariant();
    case Qt::FontRole:
        if (row.look() == TargetLook::Conflict || column == Device) {
            QFont font;
            font.setBold(row.look() == TargetLook::Conflict);
            if (column == Device)
                font.setFamily(QStringLiteral("monospace"));
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant TargetModel::display(const Row &row, int column) const
{
    const auto &t = row.info;
    switch (column) {
    case Device:
        return text(t.id.deviceName());
    case Size:
        if (!t.identified)
            return tr("(unknown)");
        // One number format per language: binary units in the locale's form (aoe-stat's "GB" text is in
        // the details, labelled).
        return format::binarySize(t.sizeBytes());
    case State:
        if (row.look() == TargetLook::Conflict)
            return tr("conflict: %n backends", nullptr, static_cast<int>(std::max<std::size_t>(t.backends.size(), 2)));
        if (row.look() == TargetLook::Down && row.downSince.isValid())
            return tr("down since %1").arg(row.downSince.toLocalTime().toString(QStringLiteral("HH:mm")));
        if (row.local && row.local->state == supervisor::ExportState::Restarting)
            return tr("restarting, exported here");
        if (row.local && row.local->state == supervisor::ExportState::Stopping)
            return tr("stopping, exported here");
        return lookName(row.look());
    case Interfaces:
        // Not heard on the wire: where the export serves.
        return t.paths.empty() && row.local ? row.local->interface : text(t.interfaces());
    case Macs: {
        if (t.paths.empty() && row.local)
            return row.local->mac;
        // The first address and how many more (the tooltip lists them all): the column stays narrow.
        const QStringList macs = macsOf(t);
        return macs.size() > 1 ? QStringLiteral("%1 +%2").arg(macs.first()).arg(macs.size() - 1) : macs.value(0);
    }
    case Payload:
        return t.payload() == 0 ? QString() : QString::number(t.payload());
    case Buffers:
        return t.bufferCount() == 0 ? QString() : QString::number(t.bufferCount());
    case Firmware:
        return firmwareText(t);
    case Model:
        return text(t.model);
    case Serial:
        return text(t.serial);
    case Config:
        return text(t.configString);
    case Rtt:
        return format::roundTrip(t.rtt);
    case LastSeen:
        return format::clockTime(wallTime(t.lastSeen), m_now());
    case OnMachine: {
        const auto *device = kernelDevice(t.id);
        return device ? onMachineText(*device) : QString();
    }
    default:
        return {};
    }
}

void TargetModel::setKernelDevices(const std::vector<kernel::KernelDevice> &devices)
{
    QHash<quint32, kernel::KernelDevice> next;
    for (const auto &d : devices)
        next.insert(keyOf({d.shelf, d.slot}), d);
    if (next == m_kernel)
        return;
    // The rows whose device came, went or changed: one dataChanged each.
    QSet<quint32> touched;
    for (auto it = next.cbegin(); it != next.cend(); ++it)
        if (!m_kernel.contains(it.key()) || m_kernel.value(it.key()) != it.value())
            touched.insert(it.key());
    for (auto it = m_kernel.cbegin(); it != m_kernel.cend(); ++it)
        if (!next.contains(it.key()))
            touched.insert(it.key());
    m_kernel = std::move(next);
    for (const quint32 key : touched)
        if (const auto row = m_index.find(key); row != m_index.end())
            emitRowChanged(row.value());
}

const kernel::KernelDevice *TargetModel::kernelDevice(discovery::TargetId id) const
{
    const auto it = m_kernel.constFind(keyOf(id));
    return it == m_kernel.constEnd() ? nullptr : &it.value();
}

QIcon TargetModel::attachedIcon(bool up)
{
    // A small disk with the kernel's state as its light: green up, red down. Drawn once each.
    const auto draw = [](const QColor &light) {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0x57, 0x60, 0x6a), 1));
        p.setBrush(QColor(0xd0, 0xd7, 0xde));
        p.drawRoundedRect(QRectF(1.5, 3.5, 13, 9), 2, 2);
        p.setPen(Qt::NoPen);
        p.setBrush(light);
        p.drawEllipse(QRectF(9.5, 7, 3.5, 3.5));
        return QIcon(pixmap);
    };
    static const QIcon upIcon = draw(QColor(0x1a, 0x7f, 0x37));
    static const QIcon downIcon = draw(QColor(0xcf, 0x22, 0x2e));
    return up ? upIcon : downIcon;
}

QString TargetModel::onMachineText(const kernel::KernelDevice &device)
{
    return tr("%1 (%2)").arg(device.devicePath(), device.state.isEmpty() ? tr("state unknown") : device.state);
}

QString TargetModel::firmwareText(const discovery::TargetInfo &target)
{
    // The Query Config firmware version as the Linux initiator shows it (sysfs fwver: "0x4019" for
    // vblade 25), the one firmware number an aoetools user has seen. IDENTIFY's firmware revision
    // string ("V25") is not shown: two forms of one number in two places read as two different facts.
    const std::uint16_t version = target.firmwareVersion();
    return version == 0 ? QString() : QStringLiteral("0x%1").arg(version, 4, 16, QLatin1Char('0'));
}

QStringList TargetModel::stateTexts()
{
    QStringList texts {tr("down since %1").arg(QStringLiteral("00:00")), tr("conflict: %n backends", nullptr, 2)};
    texts << tr("restarting, exported here") << tr("stopping, exported here");
    for (const auto look : {TargetLook::Up, TargetLook::Down, TargetLook::Conflict, TargetLook::Exported,
             TargetLook::ExportStarting, TargetLook::ExportStopped, TargetLook::ExportFailed})
        texts << lookName(look);
    return texts;
}

QVariant TargetModel::sortValue(const Row &row, int column) const
{
    const auto &t = row.info;
    switch (column) {
    case Device:
        return static_cast<qlonglong>(keyOf(t.id));
    case Size:
        return static_cast<qulonglong>(t.sizeBytes());
    case State:
        return static_cast<int>(row.look());
    case Payload:
        return static_cast<qlonglong>(t.payload());
    case Buffers:
        return static_cast<int>(t.bufferCount());
    case Firmware:
        return static_cast<int>(t.firmwareVersion());
    case Rtt:
        // Unknown round trips sort after every measured one.
        return t.rtt ? static_cast<qlonglong>(t.rtt->count()) : std::numeric_limits<qlonglong>::max();
    case LastSeen:
        return wallTime(t.lastSeen).toMSecsSinceEpoch();
    default:
        return display(row, column);
    }
}

QVariant TargetModel::toolTip(const Row &row, int column) const
{
    const auto &t = row.info;
    switch (column) {
    case Device:
        if (const auto *device = kernelDevice(t.id))
            return tr("%1, on this machine as %2").arg(text(t.id.deviceName()), onMachineText(*device));
        return text(t.id.deviceName());
    case Size:
        if (!t.identified)
            return tr("The target has not answered IDENTIFY yet.");
        return tr("%1\n%2 sectors").arg(format::exactBytes(t.sizeBytes()), format::count(t.sectors));
    case State:
        if (t.conflict)
            return tr("Conflict: %1").arg(text(t.conflictDetail));
        if (row.look() == TargetLook::Down)
            return tr("No answer since %1").arg(format::clockTime(wallTime(t.lastSeen), m_now()));
        if (row.local)
            return tr("Export '%1' of this machine: %2").arg(row.local->name, display(row, State).toString());
        return lookName(row.look());
    case Macs:
        return macsOf(t).join(QLatin1Char('\n'));
    case OnMachine: {
        const auto *device = kernelDevice(t.id);
        if (!device)
            return tr("Not used on this machine (the kernel's aoe driver does not have it)");
        return tr("%1: %2").arg(device->devicePath(), kernel::explainState(device->state));
    }
    default: {
        const QVariant shown = display(row, column);
        return shown.toString().isEmpty() ? QVariant() : shown;
    }
    }
}

void TargetModel::applyState(Row &row, const discovery::TargetInfo &next) const
{
    const bool isNew = !row.discovered;
    const bool wasUp = !isNew && row.discovered->state == discovery::TargetState::Up;
    if (next.state == discovery::TargetState::Up) {
        row.discoveredDownSince = {};
    } else if (isNew) {
        // First heard of while already down (the probe started after it went away).
        const QDateTime seen = wallTime(next.lastSeen);
        row.discoveredDownSince = seen.isValid() ? seen : m_now();
    } else if (wasUp || !row.discoveredDownSince.isValid()) {
        row.discoveredDownSince = m_now();
    }
    row.discovered = next;
    merge(row);
}

void TargetModel::merge(Row &row)
{
    row.exportedHere = row.local.has_value();
    if (row.discovered) {
        row.info = *row.discovered;
    } else {
        row.info = {};
        row.info.id = row.local ? row.local->id : row.info.id;
        row.info.state = discovery::TargetState::Down;
    }
    row.downSince = row.local ? QDateTime() : row.discoveredDownSince;
    if (!row.local)
        return;
    // The export's own word where discovery has none (not heard yet, or not on a watched interface).
    if (!row.info.identified && row.local->sectors != 0) {
        row.info.identified = true;
        row.info.sectors = row.local->sectors;
    }
    if (row.local->state == supervisor::ExportState::Running)
        row.info.state = discovery::TargetState::Up;
}

TargetModel::Row TargetModel::localRow(const LocalExport &local)
{
    Row row;
    row.local = local;
    merge(row);
    return row;
}

void TargetModel::upsert(const std::vector<discovery::TargetInfo> &targets)
{
    std::vector<Row> fresh;
    QHash<quint32, std::size_t> freshIndex;
    const Counts before = counts();
    for (const auto &t : targets) {
        const quint32 key = keyOf(t.id);
        if (const auto it = m_index.constFind(key); it != m_index.constEnd()) {
            applyState(m_rows[static_cast<std::size_t>(*it)], t);
            emitRowChanged(*it);
        } else if (const auto f = freshIndex.constFind(key); f != freshIndex.constEnd()) {
            applyState(fresh[*f], t);
        } else {
            Row row;
            if (const auto local = m_localExports.constFind(key); local != m_localExports.constEnd())
                row.local = *local;
            applyState(row, t);
            freshIndex.insert(key, fresh.size());
            fresh.push_back(std::move(row));
        }
    }
    if (!fresh.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (auto &row : fresh) {
            m_index.insert(keyOf(row.info.id), static_cast<int>(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    if (counts() != before)
        emit countsChanged();
}

bool TargetModel::remove(discovery::TargetId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    Row &r = m_rows[static_cast<std::size_t>(row)];
    if (r.local) {
        // Discovery forgot it; the export of this machine is still there.
        const Counts before = counts();
        r.discovered.reset();
        r.discoveredDownSince = {};
        merge(r);
        emitRowChanged(row);
        if (counts() != before)
            emit countsChanged();
        return true;
    }
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    reindex();
    endRemoveRows();
    emit countsChanged();
    return true;
}

std::vector<discovery::TargetId> TargetModel::forgetDown()
{
    std::vector<discovery::TargetId> gone;
    // From the end, so the rows still to visit keep their numbers. Exports of this machine are never
    // "down" (their state is the export's), so they stay.
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (rowAt(row).look() != TargetLook::Down)
            continue;
        gone.push_back(rowAt(row).info.id);
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    reindex();
    if (!gone.empty())
        emit countsChanged();
    return gone;
}

void TargetModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    for (const auto &local : std::as_const(m_localExports))
        m_rows.push_back(localRow(local));
    reindex();
    endResetModel();
    emit countsChanged();
}

void TargetModel::setLocalExports(const std::vector<LocalExport> &exports)
{
    // Two exports may share an address on different interfaces: the one that serves speaks for it.
    const auto rank = [](supervisor::ExportState s) {
        switch (s) {
        case supervisor::ExportState::Running:
            return 3;
        case supervisor::ExportState::Starting:
        case supervisor::ExportState::Restarting:
        case supervisor::ExportState::Stopping:
            return 2;
        case supervisor::ExportState::Failed:
            return 1;
        case supervisor::ExportState::Stopped:
            break;
        }
        return 0;
    };
    QHash<quint32, LocalExport> next;
    for (const auto &e : exports) {
        const quint32 key = keyOf(e.id);
        if (const auto it = next.constFind(key); it == next.constEnd() || rank(e.state) > rank(it->state))
            next.insert(key, e);
    }
    if (next == m_localExports)
        return;
    m_localExports = next;
    const Counts before = counts();

    // Rows only an export made, whose export is gone, go; the others take the new export state.
    for (int row = rowCount() - 1; row >= 0; --row) {
        Row &r = m_rows[static_cast<std::size_t>(row)];
        const auto it = next.constFind(keyOf(r.info.id));
        std::optional<LocalExport> local = it == next.constEnd() ? std::nullopt : std::optional(*it);
        if (!local && !r.discovered) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
            continue;
        }
        if (local != r.local) {
            r.local = std::move(local);
            merge(r);
            emitRowChanged(row);
        }
    }
    reindex();
    std::vector<Row> fresh;
    for (const auto &e : exports) {
        const quint32 key = keyOf(e.id);
        if (!m_index.contains(key)
            && std::ranges::none_of(fresh, [&](const Row &r) { return keyOf(r.info.id) == key; }))
            fresh.push_back(localRow(next.value(key)));
    }
    if (!fresh.empty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (auto &row : fresh) {
            m_index.insert(keyOf(row.info.id), static_cast<int>(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    if (counts() != before)
        emit countsChanged();
}

bool TargetModel::downIsNews(discovery::TargetId id) const
{
    const Row *row = find(id);
    return !row || !row->local || row->local->state == supervisor::ExportState::Running;
}

int TargetModel::rowOf(discovery::TargetId id) const
{
    return m_index.value(keyOf(id), -1);
}

const TargetModel::Row *TargetModel::find(discovery::TargetId id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &rowAt(row);
}

TargetModel::Counts TargetModel::counts() const
{
    Counts c;
    c.total = rowCount();
    for (const auto &row : m_rows) {
        // An export of this machine that does not run is neither up nor down: the exports count it.
        switch (row.look()) {
        case TargetLook::Up:
        case TargetLook::Exported:
            ++c.up;
            break;
        case TargetLook::Down:
            ++c.down;
            break;
        case TargetLook::Conflict:
            ++(row.info.state == discovery::TargetState::Up ? c.up : c.down);
            break;
        case TargetLook::ExportStarting:
        case TargetLook::ExportStopped:
        case TargetLook::ExportFailed:
            break;
        }
        if (row.info.conflict)
            ++c.conflicts;
    }
    return c;
}

void TargetModel::reindex()
{
    m_index.clear();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(keyOf(m_rows[i].info.id), static_cast<int>(i));
}

void TargetModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace aoesan::ui
