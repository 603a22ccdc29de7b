// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ExportModel.h"

#include <QBrush>
#include <QIcon>
#include <QLocale>

#include <algorithm>
#include <climits>

#include "format/Format.h"
#include "models/Roles.h"

namespace aoesan::ui {

using supervisor::ExportState;

namespace {
bool isActive(ExportState s)
{
    return s == ExportState::Starting || s == ExportState::Running || s == ExportState::Restarting;
}

// Clients are those of the engine serving now: the last counters of an engine that ended (its `stopped`
// event) still count the initiators it had, which are gone with it.
bool hasClients(const supervisor::ExportStatus &s)
{
    return s.state == ExportState::Running;
}

constexpr double kMiB = 1024.0 * 1024.0;
} // namespace

ExportModel::ExportModel(QObject *parent, Now now)
    : QAbstractTableModel(parent)
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTime(); }))
{ }

int ExportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ExportModel::stateText(ExportState state)
{
    switch (state) {
    case ExportState::Stopped:
        return tr("stopped");
    case ExportState::Starting:
        return tr("starting");
    case ExportState::Running:
        return tr("running");
    case ExportState::Restarting:
        return tr("restarting");
    case ExportState::Stopping:
        return tr("stopping");
    case ExportState::Failed:
        return tr("failed");
    }
    return {};
}

QString ExportModel::restrictionText(const supervisor::ExportStatus &status)
{
    if (!isActive(status.state) || status.restrictedTo() <= 0)
        return {};
    return tr("restricted to %n host(s)", nullptr, status.restrictedTo());
}

const ExportModel::Row *ExportModel::findActive(std::uint16_t shelf, std::uint8_t slot) const
{
    const auto found = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &row) {
        return row.record.shelf == shelf && row.record.slot == slot && isActive(row.status.state);
    });
    return found == m_rows.end() ? nullptr : &*found;
}

QVariant ExportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Activity)
        return tr("The last minute of throughput: blue reading, orange writing");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Address:
        return tr("Device");
    case Interface:
        return tr("Interface");
    case Backing:
        return tr("Disk or image file");
    case State:
        return tr("State");
    case Clients:
        return tr("Clients");
    case Read:
        return tr("Read");
    case Written:
        return tr("Written");
    case Reading:
        return tr("Reading");
    case Writing:
        return tr("Writing");
    case Activity:
        return tr("Activity");
    case Uptime:
        return tr("Uptime");
    case Boot:
        return tr("Boot");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

QVariant ExportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case KeyRole:
        return row.record.name;
    case StateRole:
        return static_cast<int>(row.status.state);
    case HistoryRole:
        return index.column() == Activity ? QVariant::fromValue(row.activity.history()) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == LastError && row.status.lastError)
            return row.status.lastError->describe();
        if (index.column() == Clients && hasClients(row.status) && !row.status.clients.isEmpty())
            return clientsTip(row.status);
        if (index.column() == Backing)
            return supervisor::describeRecord(row.record);
        if (index.column() == Activity || index.column() == Reading || index.column() == Writing)
            return activityTip(row);
        if (index.column() == Boot && row.boot.state == service::BootView::State::Failed)
            return row.boot.error;
        if ((index.column() == Boot || index.column() == Address) && row.boot.active())
            return row.boot.serving.isEmpty() ? tr("A network boot server runs for this export.") : row.boot.serving;
        if (index.column() == State) {
            const QString tip = accessTip(row.status);
            if (!tip.isEmpty())
                return tip;
        }
        return display(row, index.column());
    case Qt::DecorationRole:
        // The device's mark: a boot server hands out its root path (the Boot column, hidden at first, says where).
        if (index.column() == Address && row.boot.active())
            return QIcon(QStringLiteral(":/aoesan/icons/boot-serving.svg"));
        if (index.column() != State)
            return {};
        switch (row.status.state) {
        case ExportState::Running:
            return QIcon(QStringLiteral(":/aoesan/icons/state-exported.svg"));
        case ExportState::Failed:
            return QIcon(QStringLiteral(":/aoesan/icons/state-down.svg"));
        case ExportState::Starting:
        case ExportState::Restarting:
        case ExportState::Stopping:
            return QIcon(QStringLiteral(":/aoesan/icons/state-conflict.svg"));
        case ExportState::Stopped:
            return {};
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Boot && row.boot.state == service::BootView::State::Failed)
            return QBrush(QColor(0xb0, 0x20, 0x20));
        if (row.status.state == ExportState::Failed && (index.column() == State || index.column() == LastError))
            return QBrush(QColor(0xb0, 0x20, 0x20));
        if (row.status.state == ExportState::Stopped)
            return QBrush(Qt::gray);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Clients || index.column() == Read || index.column() == Written
            || index.column() == Reading || index.column() == Writing || index.column() == Uptime)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

// The latest initiators, newest last: under a storm of source MACs the status lists up to 256, more than a
// tooltip can show, and the engine may know more than that.
QString ExportModel::accessTip(const supervisor::ExportStatus &s) const
{
    if (!isActive(s.state))
        return {};
    // Where the list came from matters more than the list: a host on the network may have set it.
    QString from;
    if (!s.accessChangedBy.isEmpty())
        from = s.accessKept
            ? tr("%1 changed who may use it over the network; the engine keeps that for its next start.")
                  .arg(s.accessChangedBy)
            : tr("%1 changed who may use it over the network; that lasts until the export stops.")
                  .arg(s.accessChangedBy);
    else if (s.restored)
        from = tr("The engine restored the list it kept from an earlier run.");
    if (s.restrictedTo() <= 0)
        return s.accessChangedBy.isEmpty() ? QString() : tr("Every host may use this export now.\n%1").arg(from);
    const QString hosts = (s.masks.isEmpty() ? s.reservations : s.masks).join(QLatin1Char('\n'));
    return from.isEmpty() ? tr("Only the hosts on its list may use this export.\n%1").arg(hosts)
                          : tr("Only the hosts on its list may use this export.\n%1\n%2").arg(from, hosts);
}

QString ExportModel::clientsTip(const supervisor::ExportStatus &s) const
{
    constexpr qsizetype kShown = 16;
    const QStringList shown = s.clients.mid(std::max<qsizetype>(0, s.clients.size() - kShown));
    // The engine keeps at most 1,024 (engine/ClientTable.h), so its count always fits an int.
    const auto known = std::max<std::uint64_t>(s.counters.clients, static_cast<std::uint64_t>(s.clients.size()));
    const auto more
        = static_cast<int>(std::min<std::uint64_t>(known - static_cast<std::uint64_t>(shown.size()), INT_MAX));
    if (more == 0)
        return shown.join(QLatin1Char('\n'));
    return shown.join(QLatin1Char('\n')) + QLatin1Char('\n') + tr("and %n more", nullptr, more);
}

QString ExportModel::activityTip(const Row &row) const
{
    if (!row.activity.hasRates())
        return row.status.state == ExportState::Running ? tr("Throughput appears after a second of serving.")
                                                        : tr("No engine serves this export.");
    const ActivityPoint peak = row.activity.peaks();
    const auto &r = row.activity.rates();
    return tr("Now: reading %1 (%2 requests/s), writing %3 (%4 requests/s)\n"
              "Last minute: up to %5 reading, %6 writing")
        .arg(format::rate(r.readMiBPerSecond * kMiB), QLocale().toString(r.readsPerSecond, 'f', 0),
            format::rate(r.writeMiBPerSecond * kMiB), QLocale().toString(r.writesPerSecond, 'f', 0),
            format::rate(peak.readMiBPerSecond * kMiB), format::rate(peak.writeMiBPerSecond * kMiB));
}

qint64 ExportModel::uptimeSeconds(const Row &row) const
{
    if (row.status.state != ExportState::Running || !row.status.servingSince.isValid())
        return -1;
    return row.status.servingSince.secsTo(m_now());
}

QVariant ExportModel::display(const Row &row, int column) const
{
    const auto &s = row.status;
    switch (column) {
    case Name:
        return row.record.name;
    case Address:
        return row.record.address();
    case Interface:
        return row.record.interface;
    case Backing:
        return row.record.path;
    case State:
        if (s.state == ExportState::Restarting && s.nextRestartIn)
            return tr("restarting in %1").arg(format::duration((s.nextRestartIn->count() + 999) / 1000));
        if (const QString restricted = restrictionText(s); !restricted.isEmpty())
            return tr("%1, %2").arg(stateText(s.state), restricted);
        return stateText(s.state);
    case Clients:
        return hasClients(s) ? QString::number(s.counters.clients) : QStringLiteral("—");
    case Read:
        return format::binarySize(s.counters.bytesRead);
    case Written:
        return format::binarySize(s.counters.bytesWritten);
    case Reading:
        return row.activity.hasRates() ? format::rate(row.activity.rates().readMiBPerSecond * kMiB)
                                       : QStringLiteral("—");
    case Writing:
        return row.activity.hasRates() ? format::rate(row.activity.rates().writeMiBPerSecond * kMiB)
                                       : QStringLiteral("—");
    case Activity:
        return {}; // drawn as a graph; its tooltip says it in words
    case Uptime: {
        const qint64 up = uptimeSeconds(row);
        return up < 0 ? QStringLiteral("—") : format::duration(up);
    }
    case Boot:
        return bootText(row.boot);
    case LastError:
        return s.lastError ? s.lastError->message : QString();
    default:
        return {};
    }
}

QString ExportModel::bootText(const service::BootView &boot)
{
    switch (boot.state) {
    case service::BootView::State::Running:
        return boot.interface.isEmpty() ? tr("serving") : tr("on %1").arg(boot.interface);
    case service::BootView::State::Starting:
        return tr("starting");
    case service::BootView::State::Failed:
        return tr("failed");
    case service::BootView::State::Off:
        break;
    }
    return {};
}

QVariant ExportModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case Address:
        return (qlonglong {row.record.shelf} << 8) | row.record.slot;
    case State:
        return static_cast<int>(row.status.state);
    case Clients:
        return static_cast<qulonglong>(hasClients(row.status) ? row.status.counters.clients : 0);
    case Read:
        return static_cast<qulonglong>(row.status.counters.bytesRead);
    case Written:
        return static_cast<qulonglong>(row.status.counters.bytesWritten);
    case Reading:
        return row.activity.rates().readMiBPerSecond;
    case Writing:
        return row.activity.rates().writeMiBPerSecond;
    case Activity:
        return row.activity.peakMiBPerSecond();
    case Uptime:
        return uptimeSeconds(row);
    default:
        return display(row, column);
    }
}

void ExportModel::setRecords(const std::vector<supervisor::ExportRecord> &records)
{
    for (int row = rowCount() - 1; row >= 0; --row) {
        const QString name = rowAt(row).record.name;
        const bool kept = std::ranges::any_of(records, [&](const auto &r) { return r.name == name; });
        if (!kept)
            remove(name);
    }
    for (const auto &record : records)
        addOrReplace(record);
}

void ExportModel::addOrReplace(const supervisor::ExportRecord &record)
{
    if (const int row = rowOf(record.name); row >= 0) {
        m_rows[static_cast<std::size_t>(row)].record = record;
        emitRowChanged(row);
        return;
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    Row fresh;
    fresh.record = record;
    fresh.status.name = record.name;
    m_rows.push_back(std::move(fresh));
    m_index.insert(record.name, row);
    endInsertRows();
    emit countsChanged();
}

bool ExportModel::remove(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    reindex();
    endRemoveRows();
    emit countsChanged();
    return true;
}

void ExportModel::setStatus(const supervisor::ExportStatus &status)
{
    const int row = rowOf(status.name);
    if (row < 0)
        return;
    auto &entry = m_rows[static_cast<std::size_t>(row)];
    auto &slot = entry.status;
    if (slot == status)
        return;
    const bool stateChanged = slot.state != status.state;
    slot = status;
    entry.activity.sample(status.counters, nowMs(), status.state == ExportState::Running);
    emitRowChanged(row);
    if (stateChanged)
        emit countsChanged();
}

void ExportModel::setBoot(const QString &name, const service::BootView &boot)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    auto &slot = m_rows[static_cast<std::size_t>(row)].boot;
    if (slot == boot)
        return;
    slot = boot;
    emit dataChanged(index(row, Boot), index(row, Boot));
}

void ExportModel::tick()
{
    const qint64 now = nowMs();
    for (int row = 0; row < rowCount(); ++row) {
        auto &entry = m_rows[static_cast<std::size_t>(row)];
        if (entry.status.state != ExportState::Running)
            continue;
        if (entry.activity.tick(now))
            emit dataChanged(index(row, Reading), index(row, Activity));
        emit dataChanged(index(row, Uptime), index(row, Uptime));
    }
}

const ExportModel::Row *ExportModel::find(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &rowAt(row);
}

int ExportModel::activeCount() const
{
    return static_cast<int>(std::ranges::count_if(m_rows, [](const Row &r) { return isActive(r.status.state); }));
}

int ExportModel::runningCount() const
{
    return static_cast<int>(
        std::ranges::count_if(m_rows, [](const Row &r) { return r.status.state == ExportState::Running; }));
}

int ExportModel::failedCount() const
{
    return static_cast<int>(
        std::ranges::count_if(m_rows, [](const Row &r) { return r.status.state == ExportState::Failed; }));
}

void ExportModel::reindex()
{
    m_index.clear();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].record.name, static_cast<int>(i));
}

void ExportModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace aoesan::ui
