#include "models/TargetModel.h"

#include <QBrush>
#include <QFont>
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
        return column == State ? QVariant(lookIcon(row.look())) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == Size || column == Payload || column == Buffers || column == Rtt)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (row.look() == TargetLook::Down)
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
        return tr("%1 (%2)").arg(format::aoeStatGb(t.sectors), format::binarySize(t.sizeBytes()));
    case State:
        if (row.look() == TargetLook::Conflict)
            return tr("conflict: %n backends", nullptr, static_cast<int>(std::max<std::size_t>(t.backends.size(), 2)));
        if (row.look() == TargetLook::Down && row.downSince.isValid())
            return tr("down since %1").arg(row.downSince.toLocalTime().toString(QStringLiteral("HH:mm")));
        return lookName(row.look());
    case Interfaces:
        return text(t.interfaces());
    case Macs:
        return macsOf(t).join(QStringLiteral(", "));
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
    default:
        return {};
    }
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
    for (const auto look : {TargetLook::Up, TargetLook::Down, TargetLook::Conflict, TargetLook::Exported})
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
    case Size:
        if (!t.identified)
            return tr("The target has not answered IDENTIFY yet.");
        return tr("%1\n%2, %3 sectors")
            .arg(format::exactBytes(t.sizeBytes()), format::binarySize(t.sizeBytes()), format::count(t.sectors));
    case State:
        if (t.conflict)
            return tr("Conflict: %1").arg(text(t.conflictDetail));
        if (row.look() == TargetLook::Down)
            return tr("No answer since %1").arg(format::clockTime(wallTime(t.lastSeen), m_now()));
        return lookName(row.look());
    case Macs:
        return macsOf(t).join(QLatin1Char('\n'));
    default: {
        const QVariant shown = display(row, column);
        return shown.toString().isEmpty() ? QVariant() : shown;
    }
    }
}

void TargetModel::applyState(Row &row, const discovery::TargetInfo &next, bool isNew) const
{
    const bool wasUp = !isNew && row.info.state == discovery::TargetState::Up;
    if (next.state == discovery::TargetState::Up) {
        row.downSince = {};
    } else if (isNew) {
        // First heard of while already down (the probe started after it went away).
        const QDateTime seen = wallTime(next.lastSeen);
        row.downSince = seen.isValid() ? seen : m_now();
    } else if (wasUp || !row.downSince.isValid()) {
        row.downSince = m_now();
    }
    row.info = next;
}

void TargetModel::upsert(const std::vector<discovery::TargetInfo> &targets)
{
    std::vector<Row> fresh;
    QHash<quint32, std::size_t> freshIndex;
    const Counts before = counts();
    for (const auto &t : targets) {
        const quint32 key = keyOf(t.id);
        if (const auto it = m_index.constFind(key); it != m_index.constEnd()) {
            applyState(m_rows[static_cast<std::size_t>(*it)], t, false);
            emitRowChanged(*it);
        } else if (const auto f = freshIndex.constFind(key); f != freshIndex.constEnd()) {
            applyState(fresh[*f], t, false);
        } else {
            Row row;
            row.exportedHere = m_localExports.contains(key);
            applyState(row, t, true);
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
    // From the end, so the rows still to visit keep their numbers.
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (rowAt(row).info.state != discovery::TargetState::Down)
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
    endResetModel();
    emit countsChanged();
}

void TargetModel::setLocalExports(const QSet<quint32> &keys)
{
    if (keys == m_localExports)
        return;
    m_localExports = keys;
    for (int row = 0; row < rowCount(); ++row) {
        Row &r = m_rows[static_cast<std::size_t>(row)];
        const bool mine = keys.contains(keyOf(r.info.id));
        if (mine != r.exportedHere) {
            r.exportedHere = mine;
            emitRowChanged(row);
        }
    }
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
        if (row.info.state == discovery::TargetState::Up)
            ++c.up;
        else
            ++c.down;
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
