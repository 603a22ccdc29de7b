// SPDX-License-Identifier: GPL-3.0-or-later
// The local exports as a table, keyed by export name: the record a person configured beside the
// supervisor's latest status snapshot (state, clients, I/O counters and throughput, uptime, last error). Raw values
// under SortRole; uptime is refreshed by tick() from the view's once-a-second timer.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <functional>
#include <optional>
#include <vector>

#include "models/ExportActivity.h"
#include "service/BootView.h"
#include "supervisor/ExportRecord.h"
#include "supervisor/ExportStatus.h"

namespace aoesan::ui {

class ExportModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        Name,
        Address,
        Interface,
        Backing,
        State,
        Clients,
        Read,
        Written,
        Reading, // MiB/s read by initiators now
        Writing, // MiB/s written now
        Activity, // a small graph of the last minute of both
        Uptime,
        Boot, // the export's network boot server, when one runs
        LastError,
        ColumnCount
    };

    struct Row
    {
        supervisor::ExportRecord record;
        supervisor::ExportStatus status;
        service::BootView boot;
        ExportActivity activity; // throughput from the status samples, while an engine serves
    };

    using Now = std::function<QDateTime()>;
    explicit ExportModel(QObject *parent = nullptr, Now now = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Makes the rows match these records: new ones are added (stopped), gone ones removed.
    void setRecords(const std::vector<supervisor::ExportRecord> &records);
    void addOrReplace(const supervisor::ExportRecord &record);
    bool remove(const QString &name);
    void setStatus(const supervisor::ExportStatus &status);
    void setBoot(const QString &name, const service::BootView &boot);
    // "on lan0", "starting", "failed"; empty when no boot server runs.
    static QString bootText(const service::BootView &boot);
    // Refreshes the uptime column of running exports and lets the throughput of quiet ones fall to zero.
    void tick();

    int rowOf(const QString &name) const { return m_index.value(name, -1); }
    const Row &rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    const Row *find(const QString &name) const;
    int activeCount() const; // starting, running, restarting
    int runningCount() const;
    int failedCount() const;

    // "running", "failed", ... in the user's language.
    static QString stateText(supervisor::ExportState state);
    // "restricted to 2 hosts" while an engine serves the export with a MAC mask or reserve list (from -m,
    // or restored from its state file); empty when every host may use it or nothing serves it.
    static QString restrictionText(const supervisor::ExportStatus &status);
    // The export serving eSHELF.SLOT here (starting, running or restarting); null when none is.
    const Row *findActive(std::uint16_t shelf, std::uint8_t slot) const;

signals:
    void countsChanged();

private:
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    qint64 uptimeSeconds(const Row &row) const;
    QString activityTip(const Row &row) const;
    // Who may use a running export, and whether a host on the network or an earlier run set that.
    QString accessTip(const supervisor::ExportStatus &status) const;
    QString clientsTip(const supervisor::ExportStatus &status) const;
    qint64 nowMs() const { return m_now().toMSecsSinceEpoch(); }
    void reindex();
    void emitRowChanged(int row);

    std::vector<Row> m_rows;
    QHash<QString, int> m_index;
    Now m_now;
};

} // namespace aoesan::ui
