// SPDX-License-Identifier: GPL-3.0-or-later
// ExportModel: records and status snapshots keyed by export name, counts for the tray and status bar,
// uptime from the serving time, raw sort values.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>

#include "Fixtures.h"
#include "WindowRig.h"
#include "exports/ExportController.h"
#include "models/ExportModel.h"
#include "models/Roles.h"
#include "models/TargetModel.h"
#include "shell/Translations.h"
#include "supervisor/ExportStore.h"
#include "supervisor/ExportSupervisor.h"
#include "targets/TargetDetails.h"

using namespace aoesan;
using supervisor::ExportState;
using ui::ExportModel;

namespace {
using test::NoEngines;
} // namespace

class TestExportModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ui::installTranslations(*qApp, QStringLiteral("en")); }

    void restrictionText_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QStringList>("masks");
        QTest::addColumn<QStringList>("reservations");
        QTest::addColumn<QString>("stateText");
        const QStringList one {QStringLiteral("02:00:00:00:ee:01")};
        const QStringList two {QStringLiteral("02:00:00:00:ee:01"), QStringLiteral("02:00:00:00:ee:02")};
        QTest::newRow("open") << int(ExportState::Running) << QStringList {} << QStringList {}
                              << QStringLiteral("running");
        QTest::newRow("mask of one") << int(ExportState::Running) << one << QStringList {}
                                     << QStringLiteral("running, restricted to 1 host");
        // (English plural forms come from translations/aoesan_en.ts: "host" / "hosts". Before they are
        // generated the text reads "host(s)", so the rows compare up to the noun.)
        QTest::newRow("mask of two") << int(ExportState::Running) << two << one
                                     << QStringLiteral("running, restricted to 2 host");
        QTest::newRow("reserve list") << int(ExportState::Running) << QStringList {} << two
                                      << QStringLiteral("running, restricted to 2 host");
        // A stopped export serves nobody: its last engine's list is no restriction now.
        QTest::newRow("stopped") << int(ExportState::Stopped) << two << QStringList {} << QStringLiteral("stopped");
    }

    void restrictionText()
    {
        QFETCH(int, state);
        QFETCH(QStringList, masks);
        QFETCH(QStringList, reservations);
        QFETCH(QString, stateText);
        ExportModel model;
        model.setRecords({test::exportRecord(QStringLiteral("media"), 7, 3)});
        auto status = test::exportStatus(QStringLiteral("media"), static_cast<ExportState>(state));
        status.masks = masks;
        status.reservations = reservations;
        status.restored = true;
        model.setStatus(status);
        const QModelIndex cell = model.index(0, ExportModel::State);
        const QString shown = cell.data().toString();
        QVERIFY2(stateText.contains(QStringLiteral("restricted")) ? shown.startsWith(stateText) : shown == stateText,
            qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("1 hosts")), qPrintable(shown));
        if (stateText.contains(QStringLiteral("restricted"))) {
            const QString tip = cell.data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QStringLiteral("restored")), qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("02:00:00:00:ee:01")), qPrintable(tip)); // the list itself
        }
    }

    void targetDetailsSayWhoMayUseAnExportHere()
    {
        ui::TargetModel targets;
        targets.upsert(test::target(7, 3));
        targets.upsert(test::target(7, 4));
        ExportModel exports;
        exports.setRecords({test::exportRecord(QStringLiteral("media"), 7, 3)});
        ui::TargetDetails details(&targets);
        details.setExports(&exports);
        details.showTarget(discovery::TargetId {7, 3});
        QVERIFY(!details.text().contains(QStringLiteral("restricted")));
        auto status = test::exportStatus(QStringLiteral("media"), ExportState::Running);
        status.masks = QStringList {QStringLiteral("02:00:00:00:ee:01"), QStringLiteral("02:00:00:00:ee:02")};
        status.restored = true;
        exports.setStatus(status); // the details follow without being asked
        QVERIFY2(
            details.text().contains(QStringLiteral("Exported here, restricted to 2 host")), qPrintable(details.text()));
        QVERIFY2(
            details.text().contains(QStringLiteral("(list restored from an earlier run)")), qPrintable(details.text()));
        // A host that set the mask over the network is named, in the table's tooltip too.
        status.masks = QStringList {QStringLiteral("02:00:00:00:66:01")};
        status.accessChangedBy = QStringLiteral("02:00:00:00:66:01");
        exports.setStatus(status);
        QVERIFY2(details.text().contains(QStringLiteral("(list set over the network by 02:00:00:00:66:01)")),
            qPrintable(details.text()));
        const QString tip = exports.index(0, ExportModel::State).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("02:00:00:00:66:01 changed who may use it over the network; that "
                                             "lasts until the export stops.")),
            qPrintable(tip));
        // One that emptied the list opened the export: the row says so, though nothing is restricted.
        status.masks.clear();
        exports.setStatus(status);
        QVERIFY(!exports.index(0, ExportModel::State).data().toString().contains(QStringLiteral("restricted")));
        QVERIFY2(exports.index(0, ExportModel::State)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .startsWith(QStringLiteral("Every host may use this export now.\n02:00:00:00:66:01 changed")),
            qPrintable(exports.index(0, ExportModel::State).data(Qt::ToolTipRole).toString()));
        // Another target is not this export.
        details.showTarget(discovery::TargetId {7, 4});
        QVERIFY(!details.text().contains(QStringLiteral("restricted")));
    }

    // Throughput from two status samples a second apart, as `aoesan-ctl monitor` computes it; a quiet
    // export (the service sends nothing while the counters stand still) falls to zero on the view's tick;
    // an engine restart counts from zero; a stopped export shows no rate and forgets its graph.
    void throughputFromSamples()
    {
        QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000);
        ExportModel model(nullptr, [&now] { return now; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({test::exportRecord(QStringLiteral("media"), 7, 3)});
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
        QCOMPARE(cell(ExportModel::Reading).toString(), QStringLiteral("—"));
        QVERIFY(cell(ExportModel::Activity, ui::HistoryRole).value<ui::ActivityHistory>().isEmpty());

        auto status = test::exportStatus(QStringLiteral("media"), ExportState::Running);
        status.counters.framesIn = 100;
        status.counters.framesOut = 100;
        model.setStatus(status);
        QCOMPARE(cell(ExportModel::Reading).toString(), QStringLiteral("—")); // one sample: no rate yet

        now = now.addSecs(2);
        status.counters.framesIn = 5100;
        status.counters.framesOut = 5100;
        status.counters.bytesRead = 20ULL << 20;
        status.counters.readCommands = 5000;
        status.counters.bytesWritten = 3ULL << 20;
        model.setStatus(status);
        QCOMPARE(cell(ExportModel::Reading).toString(), QStringLiteral("10 MiB/s"));
        QCOMPARE(cell(ExportModel::Writing).toString(), QStringLiteral("1.5 MiB/s"));
        QCOMPARE(cell(ExportModel::Reading, ui::SortRole).toDouble(), 10.0);
        QCOMPARE(cell(ExportModel::Reading, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        const QString tip = cell(ExportModel::Activity, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("reading 10 MiB/s (2,500 requests/s)")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("up to 10 MiB/s reading, 1.5 MiB/s writing")), qPrintable(tip));
        auto history = cell(ExportModel::Activity, ui::HistoryRole).value<ui::ActivityHistory>();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.front().readMiBPerSecond, 10.0);
        QCOMPARE(history.front().writeMiBPerSecond, 1.5);
        QCOMPARE(model.headerData(ExportModel::Activity, Qt::Horizontal).toString(), QStringLiteral("Activity"));
        QVERIFY(model.headerData(ExportModel::Activity, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("blue reading, orange writing")));

        // A state-only status a moment later makes no rate out of a few milliseconds.
        now = now.addMSecs(100);
        status.warnings << QStringLiteral("something");
        model.setStatus(status);
        QCOMPARE(cell(ExportModel::Activity, ui::HistoryRole).value<ui::ActivityHistory>().size(), 1);

        // Quiet: no status for longer than the view waits; its tick records the idle seconds.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now = now.addSecs(1);
        model.tick();
        QCOMPARE(cell(ExportModel::Reading).toString(), QStringLiteral("10 MiB/s")); // not quiet yet
        now = now.addSecs(2);
        model.tick();
        QCOMPARE(cell(ExportModel::Reading).toString(), QStringLiteral("0 bytes/s"));
        QVERIFY(std::ranges::any_of(changed, [](const QList<QVariant> &args) {
            return args.at(0).toModelIndex().column() <= ExportModel::Activity
                && args.at(1).toModelIndex().column() >= ExportModel::Reading;
        }));
        QCOMPARE(cell(ExportModel::Activity, ui::HistoryRole).value<ui::ActivityHistory>().size(), 2);

        // The engine restarted: its counters start again from zero and count as such.
        now = now.addSecs(1);
        status.counters = {};
        status.counters.framesIn = 10;
        status.counters.bytesRead = 1ULL << 20;
        model.setStatus(status);
        QCOMPARE(cell(ExportModel::Reading).toString(), QStringLiteral("1.0 MiB/s"));

        // A minute of samples at most.
        for (int i = 0; i < 100; ++i) {
            now = now.addSecs(1);
            status.counters.framesIn += 10;
            status.counters.bytesRead += (std::uint64_t(i % 7) << 20);
            model.setStatus(status);
        }
        history = cell(ExportModel::Activity, ui::HistoryRole).value<ui::ActivityHistory>();
        QCOMPARE(history.size(), ui::ExportActivity::kHistoryLength);
        QCOMPARE(history.back().readMiBPerSecond, 99 % 7);
        QCOMPARE(cell(ExportModel::Activity, ui::SortRole).toDouble(), 6.0);

        // Stopped: nothing serves it, so no rate and no graph.
        model.setStatus(test::exportStatus(QStringLiteral("media"), ExportState::Stopped));
        QCOMPARE(cell(ExportModel::Reading).toString(), QStringLiteral("—"));
        QVERIFY(cell(ExportModel::Activity, ui::HistoryRole).value<ui::ActivityHistory>().isEmpty());
        QCOMPARE(
            cell(ExportModel::Activity, Qt::ToolTipRole).toString(), QStringLiteral("No engine serves this export."));
    }

    void recordsAndStatus()
    {
        QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000 + 3725);
        ExportModel model(nullptr, [&now] { return now; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(
            {test::exportRecord(QStringLiteral("media"), 7, 3), test::exportRecord(QStringLiteral("boot"), 0, 1)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(model.rowOf(QStringLiteral("media")), ExportModel::Address).data().toString(),
            QStringLiteral("e7.3"));
        QCOMPARE(model.index(0, ExportModel::State).data().toString(), QStringLiteral("stopped"));

        QSignalSpy counts(&model, &ExportModel::countsChanged);
        auto running = test::exportStatus(QStringLiteral("media"), ExportState::Running);
        running.counters.bytesRead = 3 << 20;
        running.counters.clients = 2;
        model.setStatus(running);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(model.runningCount(), 1);
        QCOMPARE(model.activeCount(), 1);
        const int row = model.rowOf(QStringLiteral("media"));
        QCOMPARE(model.index(row, ExportModel::Uptime).data().toString(), QStringLiteral("1 h 2 min"));
        QCOMPARE(model.index(row, ExportModel::Uptime).data(ui::SortRole).toLongLong(), 3725);
        QCOMPARE(model.index(row, ExportModel::Read).data(ui::SortRole).toULongLong(), 3ULL << 20);
        QCOMPARE(model.index(row, ExportModel::Clients).data().toString(), QStringLiteral("2"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now = now.addSecs(10);
        model.tick();
        // The uptime, and the throughput: ten quiet seconds after the first sample are a rate of zero.
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(row, ExportModel::Reading).data().toString(), QStringLiteral("0 bytes/s"));
        model.tick();
        QCOMPARE(changed.count(), 3); // the uptime alone: nothing new to say about the throughput

        auto failed = test::exportStatus(QStringLiteral("boot"), ExportState::Failed);
        failed.lastError = supervisor::ExportProblem {
            QStringLiteral("busy"), QStringLiteral("/dev/sdd5 is mounted"), QStringLiteral("unmount it")};
        model.setStatus(failed);
        QCOMPARE(model.failedCount(), 1);
        const int bootRow = model.rowOf(QStringLiteral("boot"));
        QCOMPARE(
            model.index(bootRow, ExportModel::LastError).data().toString(), QStringLiteral("/dev/sdd5 is mounted"));
        QVERIFY(model.index(bootRow, ExportModel::LastError)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("unmount")));
        // A status for an export nobody listed is ignored.
        model.setStatus(test::exportStatus(QStringLiteral("ghost"), ExportState::Running));
        QCOMPARE(model.rowCount(), 2);
    }

    // Clients belong to a running engine: after Stop (or a crash) the last engine's count is not shown.
    void clientsOnlyWhileServing_data()
    {
        QTest::addColumn<ExportState>("state");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<qulonglong>("sortValue");
        QTest::addRow("running") << ExportState::Running << QStringLiteral("1") << qulonglong {1};
        QTest::addRow("stopping") << ExportState::Stopping << QStringLiteral("—") << qulonglong {0};
        QTest::addRow("stopped") << ExportState::Stopped << QStringLiteral("—") << qulonglong {0};
        QTest::addRow("restarting") << ExportState::Restarting << QStringLiteral("—") << qulonglong {0};
        QTest::addRow("failed") << ExportState::Failed << QStringLiteral("—") << qulonglong {0};
        QTest::addRow("starting") << ExportState::Starting << QStringLiteral("—") << qulonglong {0};
    }

    void clientsOnlyWhileServing()
    {
        QFETCH(ExportState, state);
        QFETCH(QString, shown);
        QFETCH(qulonglong, sortValue);
        ExportModel model;
        model.setRecords({test::exportRecord(QStringLiteral("media"), 7, 3)});
        // What the supervisor holds after the engine's `stopped` event: its last counters and client list.
        auto status = test::exportStatus(QStringLiteral("media"), state);
        status.counters.clients = 1;
        status.clients = QStringList {QStringLiteral("02:00:00:00:00:01")};
        model.setStatus(status);
        const QModelIndex clients = model.index(0, ExportModel::Clients);
        QCOMPARE(clients.data().toString(), shown);
        QCOMPARE(clients.data(ui::SortRole).toULongLong(), sortValue);
        QCOMPARE(clients.data(Qt::ToolTipRole).toString().contains(QStringLiteral("02:00:00:00:00:01")),
            state == ExportState::Running);
    }

    // Under a storm of source MACs the status lists 256 clients and the engine knows 1,024: the tooltip shows
    // the latest 16 and says how many more there are.
    void clientsTooltipIsBounded()
    {
        ExportModel model;
        model.setRecords({test::exportRecord(QStringLiteral("media"), 7, 3)});
        auto status = test::exportStatus(QStringLiteral("media"), ExportState::Running);
        status.counters.clients = 1024;
        for (int i = 0; i < 256; ++i)
            status.clients << QStringLiteral("02:00:00:00:%1:%2")
                                  .arg(i >> 8, 2, 16, QLatin1Char('0'))
                                  .arg(i & 0xff, 2, 16, QLatin1Char('0'));
        model.setStatus(status);
        const QStringList lines
            = model.index(0, ExportModel::Clients).data(Qt::ToolTipRole).toString().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 17);
        QCOMPARE(lines.first(), QStringLiteral("02:00:00:00:00:f0"));
        QCOMPARE(lines.at(15), QStringLiteral("02:00:00:00:00:ff"));
        QCOMPARE(lines.last(), QStringLiteral("and 1008 more"));
    }

    // The Targets table learns of every export (not only the active ones), with its address and state.
    void controllerPublishesEveryExport()
    {
        test::WindowRig rig;
        ExportModel model;
        ui::ExportController control(rig.link, model);
        QSignalSpy published(&control, &ui::ExportController::localExportsChanged);
        auto record = rig.record(QStringLiteral("media"), 7, 3);
        record.interface = QStringLiteral("lan0");
        std::optional<ui::Problem> failed {ui::Problem {}};
        control.add(record, false, [&failed](const std::optional<ui::Problem> &p) { failed = p; });
        QTRY_VERIFY(!failed);
        QTRY_COMPARE(published.count(), 1);
        const auto first = published.last().first().value<std::vector<ui::LocalExport>>();
        QCOMPARE(first.size(), 1U);
        QCOMPARE(first.front().id, (discovery::TargetId {7, 3}));
        QCOMPARE(first.front().name, QStringLiteral("media"));
        QCOMPARE(first.front().interface, QStringLiteral("lan0"));
        QCOMPARE(first.front().state, ExportState::Stopped);
        failed = ui::Problem {};
        control.remove(QStringLiteral("media"), [&failed](const std::optional<ui::Problem> &p) { failed = p; });
        QTRY_VERIFY(!failed);
        QTRY_COMPARE(published.count(), 2);
        QVERIFY(published.last().first().value<std::vector<ui::LocalExport>>().empty());
        QVERIFY(control.localExports().empty());
    }

    void setRecordsReconciles()
    {
        ExportModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(
            {test::exportRecord(QStringLiteral("a"), 1, 1), test::exportRecord(QStringLiteral("b"), 1, 2)});
        model.setStatus(test::exportStatus(QStringLiteral("b"), ExportState::Running));
        model.setRecords(
            {test::exportRecord(QStringLiteral("b"), 1, 2), test::exportRecord(QStringLiteral("c"), 1, 3)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        QCOMPARE(model.find(QStringLiteral("b"))->status.state, ExportState::Running); // kept
        QVERIFY(model.remove(QStringLiteral("c")));
        QCOMPARE(model.rowCount(), 1);
    }

    // An export whose network boot server runs: the Boot column says where, the device carries the mark and
    // the tooltip what it serves; a failed one is red with its error; off shows nothing.
    void bootServerIsMarked()
    {
        ExportModel model;
        QAbstractItemModelTester tester(&model);
        model.setRecords({test::exportRecord(QStringLiteral("pc1"), 7, 3)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.index(0, ExportModel::Boot).data().toString().isEmpty());
        QVERIFY(!model.index(0, ExportModel::Address).data(Qt::DecorationRole).isValid());
        service::BootView boot;
        boot.state = service::BootView::State::Running;
        boot.interface = QStringLiteral("lan0");
        boot.serving = QStringLiteral("DHCP 10.0.0.100-10.0.0.150 on lan0");
        model.setBoot(QStringLiteral("pc1"), boot);
        QCOMPARE(changed.count(), 1);
        model.setBoot(QStringLiteral("pc1"), boot); // the same again: no change announced
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, ExportModel::Boot).data().toString(), QStringLiteral("on lan0"));
        QVERIFY(model.index(0, ExportModel::Address).data(Qt::DecorationRole).isValid());
        QCOMPARE(model.index(0, ExportModel::Address).data(Qt::ToolTipRole).toString(), boot.serving);
        QCOMPARE(model.headerData(ExportModel::Boot, Qt::Horizontal).toString(), QStringLiteral("Boot"));
        boot.state = service::BootView::State::Failed;
        boot.error = QStringLiteral("dnsmasq is missing");
        model.setBoot(QStringLiteral("pc1"), boot);
        QCOMPARE(model.index(0, ExportModel::Boot).data().toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(0, ExportModel::Boot).data(Qt::ToolTipRole).toString(), boot.error);
        QVERIFY(!model.index(0, ExportModel::Address).data(Qt::DecorationRole).isValid());
    }

    void sortsAddressesAsNumbers()
    {
        ExportModel model;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(ui::SortRole);
        QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({test::exportRecord(QStringLiteral("x"), 10, 0),
            test::exportRecord(QStringLiteral("y"), 9, 200), test::exportRecord(QStringLiteral("z"), 9, 30)});
        sorted.sort(ExportModel::Address);
        QCOMPARE(sorted.index(0, ExportModel::Address).data().toString(), QStringLiteral("e9.30"));
        QCOMPARE(sorted.index(2, ExportModel::Address).data().toString(), QStringLiteral("e10.0"));
    }
};

QTEST_MAIN(TestExportModel)
#include "tst_export_model.moc"
