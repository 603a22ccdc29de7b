// SPDX-License-Identifier: GPL-3.0-or-later
// TargetModel and TargetFilterModel: rows keyed by shelf.slot, batched inserts, raw sort values, the
// "down since" rule, forgetting down targets, local exports in blue, filtering by pattern and words.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "Fixtures.h"
#include "format/Look.h"
#include "models/Roles.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"
#include "targets/TargetDetails.h"

using namespace aoesan;
using aoesan::discovery::TargetState;
using ui::TargetModel;

Q_DECLARE_METATYPE(aoesan::ui::TargetModel::Counts)

class TestTargetModel : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime(QDate(2026, 11, 24), QTime(14, 2, 0));
    TargetModel::Now clock()
    {
        return [this] { return m_now; };
    }

    static ui::LocalExport local(
        std::uint16_t shelf, std::uint8_t slot, supervisor::ExportState state, std::uint64_t sectors = 131072)
    {
        return {{shelf, slot}, QStringLiteral("disk%1").arg(slot), QStringLiteral("lan0"), state, sectors,
            QStringLiteral("02:00:00:00:aa:01")};
    }
    static ui::LocalExport running(std::uint16_t shelf, std::uint8_t slot)
    {
        return local(shelf, slot, supervisor::ExportState::Running);
    }

private slots:
    void upsertInsertsOnceAndUpdatesInPlace()
    {
        TargetModel model(nullptr, clock());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.upsert({test::target(7, 3), test::target(0, 1), test::target(7, 3, 262144)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 1); // one batch, one range
        QCOMPARE(model.find({7, 3})->info.sectors, 262144U);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsert(test::target(0, 1, 8));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(model.rowOf({0, 1}), TargetModel::Device).data().toString(), QStringLiteral("e0.1"));
    }

    void displayAndSortValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QVariant>("sortValue");
        QTest::addRow("device") << int(TargetModel::Device) << QStringLiteral("e7.3")
                                << QVariant(qlonglong(7 << 8 | 3));
        QTest::addRow("size") << int(TargetModel::Size) << QStringLiteral("64.00 MiB")
                              << QVariant(qulonglong(67108864));
        QTest::addRow("payload") << int(TargetModel::Payload) << QStringLiteral("1024") << QVariant(qlonglong(1024));
        QTest::addRow("buffers") << int(TargetModel::Buffers) << QStringLiteral("16") << QVariant(16);
        QTest::addRow("rtt") << int(TargetModel::Rtt) << QStringLiteral("0.3 ms") << QVariant(qlonglong(303));
        QTest::addRow("config") << int(TargetModel::Config) << QStringLiteral("rack/3")
                                << QVariant(QStringLiteral("rack/3"));
    }

    void displayAndSortValues()
    {
        QFETCH(int, column);
        QFETCH(QString, shown);
        QFETCH(QVariant, sortValue);
        QLocale::setDefault(QLocale::c());
        TargetModel model(nullptr, clock());
        model.upsert(test::target(7, 3));
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data().toString(), shown);
        QCOMPARE(index.data(ui::SortRole), sortValue);
    }

    // One number format per language in the Size column: binary units in the locale's own form, never
    // aoe-stat's "2.147GB" beside "2,00 GiB" (aoe-stat's text is in the details, labelled as such).
    void sizeIsInTheLocalesFormat_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<quint64>("sectors");
        QTest::addColumn<QString>("shown");
        QTest::addRow("en 2 GiB") << QStringLiteral("en_US") << quint64(4194304) << QStringLiteral("2.00 GiB");
        QTest::addRow("de 2 GiB") << QStringLiteral("de_DE") << quint64(4194304) << QStringLiteral("2,00 GiB");
        QTest::addRow("es 2 GiB") << QStringLiteral("es_ES") << quint64(4194304) << QStringLiteral("2,00 GiB");
        QTest::addRow("de 10 TiB") << QStringLiteral("de_DE") << quint64(21474836480) << QStringLiteral("10,00 TiB");
    }

    void sizeIsInTheLocalesFormat()
    {
        QFETCH(QString, locale);
        QFETCH(quint64, sectors);
        QFETCH(QString, shown);
        QLocale::setDefault(QLocale(locale));
        TargetModel model(nullptr, clock());
        model.upsert(test::target(7, 3, sectors));
        QCOMPARE(model.index(0, TargetModel::Size).data().toString(), shown);
        QVERIFY(!model.index(0, TargetModel::Size).data(Qt::ToolTipRole).toString().contains(QStringLiteral("GB")));
        QLocale::setDefault(QLocale::c());
    }

    void downSinceIsTheTimeItWentDown()
    {
        TargetModel model(nullptr, clock());
        model.upsert(test::target(1, 2));
        QVERIFY(!model.find({1, 2})->downSince.isValid());
        QSignalSpy counts(&model, &TargetModel::countsChanged);
        model.upsert(test::target(1, 2, 131072, TargetState::Down));
        QCOMPARE(counts.count(), 1);
        QCOMPARE(model.find({1, 2})->downSince, m_now);
        QCOMPARE(model.index(0, TargetModel::State).data().toString(), QStringLiteral("down since 14:02"));
        QCOMPARE(
            model.index(0, TargetModel::Device).data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::gray));
        // Later snapshots while down keep the first time.
        m_now = m_now.addSecs(300);
        model.upsert(test::target(1, 2, 131072, TargetState::Down));
        QCOMPARE(model.find({1, 2})->downSince.time(), QTime(14, 2));
        model.upsert(test::target(1, 2));
        QVERIFY(!model.find({1, 2})->downSince.isValid());
        QCOMPARE(model.counts(), (TargetModel::Counts {1, 1, 0, 0}));
    }

    void forgetDownRemovesOnlyDownTargets()
    {
        TargetModel model(nullptr, clock());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert({test::target(1, 0), test::target(1, 1, 8, TargetState::Down), test::target(1, 2),
            test::target(2, 0, 8, TargetState::Down)});
        const auto gone = model.forgetDown();
        QCOMPARE(gone.size(), 2U);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf({1, 2}), 1);
        QVERIFY(model.find({1, 1}) == nullptr);
        QVERIFY(model.remove({1, 0}));
        QVERIFY(!model.remove({1, 0}));
        QCOMPARE(model.rowOf({1, 2}), 0);
    }

    void conflictsAndLocalExportsLookDifferent()
    {
        TargetModel model(nullptr, clock());
        auto conflicted = test::target(9, 4);
        conflicted.conflict = true;
        conflicted.conflictDetail = "02:00:00:00:09:04 says 64 MiB, 02:00:00:00:09:05 says 128 MiB";
        conflicted.backends.push_back({*protocol::MacAddress::fromString("02:00:00:00:09:05"), true, 262144, "x"});
        model.upsert({conflicted, test::target(2, 0)});
        QCOMPARE(model.index(0, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::Conflict));
        QCOMPARE(model.index(0, TargetModel::State).data().toString(), QStringLiteral("conflict: 2 backends"));
        QVERIFY(
            model.index(0, TargetModel::State).data(Qt::ToolTipRole).toString().contains(QStringLiteral("128 MiB")));
        QVERIFY(model.index(0, 3).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.counts().conflicts, 1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLocalExports({running(2, 0)});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::Exported));
        // A target that is first heard of after it went down takes its last answer as "down since".
        model.upsert(test::target(4, 4, 8, TargetState::Down));
        QCOMPARE(model.find({4, 4})->downSince, QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL));
    }

    // One form of the firmware everywhere: the kernel's sysfs fwver ("0x4019"), in the table and the details.
    void firmwareHasOneForm_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("revision"); // IDENTIFY's firmware string
        QTest::addColumn<QString>("shown");
        QTest::addRow("vblade 25") << 0x4019 << QStringLiteral("V25") << QStringLiteral("0x4019");
        QTest::addRow("aoesan") << 0xa010 << QStringLiteral("0.1.0") << QStringLiteral("0xa010");
        QTest::addRow("small number") << 0x12 << QStringLiteral("X") << QStringLiteral("0x0012");
        QTest::addRow("not known") << 0 << QStringLiteral("V25") << QString();
    }

    void firmwareHasOneForm()
    {
        QFETCH(int, version);
        QFETCH(QString, revision);
        QFETCH(QString, shown);
        TargetModel model(nullptr, clock());
        auto t = test::target(7, 3);
        t.paths.front().firmwareVersion = static_cast<std::uint16_t>(version);
        t.firmware = revision.toStdString();
        model.upsert(t);
        QCOMPARE(model.index(0, TargetModel::Firmware).data().toString(), shown);
        ui::TargetDetails details(&model);
        details.showTarget(t.id);
        const QString text = details.text();
        QVERIFY2(!text.contains(revision), qPrintable(text));
        if (shown.isEmpty())
            QVERIFY2(!text.contains(QStringLiteral("firmware")), qPrintable(text));
        else
            QVERIFY2(text.contains(QStringLiteral("firmware ") + shown), qPrintable(text));
    }

    // A conflict shows every backend with its size in the details, in the same order whatever the order
    // they answered in, and says which size the table shows (the smallest, as the snapshot chose it).
    void conflictDetailsListEveryBackend_data()
    {
        QTest::addColumn<bool>("bigFirst");
        QTest::addRow("small answered first") << false;
        QTest::addRow("big answered first") << true;
    }

    void conflictDetailsListEveryBackend()
    {
        QFETCH(bool, bigFirst);
        QLocale::setDefault(QLocale::c());
        TargetModel model(nullptr, clock());
        auto t = test::target(9, 4, 131072); // the snapshot shows the smaller one: 64 MiB
        const discovery::Backend small = t.backends.front();
        const discovery::Backend big {*protocol::MacAddress::fromString("02:00:00:00:01:01"), true, 262144, "big"};
        t.backends = bigFirst ? std::vector {big, small} : std::vector {small, big};
        t.conflict = true;
        t.conflictDetail = "two disks";
        model.upsert(t);
        ui::TargetDetails details(&model);
        details.showTarget(t.id);
        const QString text = details.text();
        QVERIFY2(text.contains(QStringLiteral("Conflict: 2 backends answer this address")), qPrintable(text));
        const QString bigLine = QStringLiteral("02:00:00:00:01:01: 128.00 MiB, 262144 sectors, serial \"big\"");
        const QString smallLine = QStringLiteral("02:00:00:00:09:04: 64.00 MiB, 131072 sectors, serial \"9.4:lab\" "
                                                 "(the size shown: the smallest)");
        QVERIFY2(text.contains(bigLine + QLatin1Char('\n')), qPrintable(text));
        QVERIFY2(text.contains(smallLine), qPrintable(text));
        QVERIFY2(text.indexOf(bigLine) < text.indexOf(smallLine), "MAC order, not arrival order");
        QCOMPARE(model.index(0, TargetModel::Size).data().toString(), QStringLiteral("64.00 MiB"));
    }

    // The merge rule: an export of this machine shows its own state and size whatever discovery heard
    // (nothing when it serves on an interface discovery does not watch), never "down".
    void localExportMergeRule_data()
    {
        using supervisor::ExportState;
        QTest::addColumn<int>("heard"); // 0 not heard, 1 heard up, 2 heard down
        QTest::addColumn<ExportState>("state");
        QTest::addColumn<std::uint64_t>("engineSectors");
        QTest::addColumn<ui::TargetLook>("look");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("size");
        QTest::addColumn<TargetModel::Counts>("counts");
        const QString mib64 = QStringLiteral("64.00 MiB");
        const QString mib128 = QStringLiteral("128.00 MiB");
        using L = ui::TargetLook;
        QTest::addRow("running, not heard")
            << 0 << ExportState::Running << std::uint64_t {262144} << L::Exported << QStringLiteral("up, exported here")
            << mib128 << TargetModel::Counts {1, 1, 0, 0};
        // Discovery's IDENTIFY (64 MiB here) is what initiators see; it wins over the engine's word.
        QTest::addRow("running, heard up")
            << 1 << ExportState::Running << std::uint64_t {262144} << L::Exported << QStringLiteral("up, exported here")
            << mib64 << TargetModel::Counts {1, 1, 0, 0};
        QTest::addRow("running, heard down")
            << 2 << ExportState::Running << std::uint64_t {262144} << L::Exported << QStringLiteral("up, exported here")
            << mib64 << TargetModel::Counts {1, 1, 0, 0};
        QTest::addRow("starting") << 0 << ExportState::Starting << std::uint64_t {0} << L::ExportStarting
                                  << QStringLiteral("starting, exported here") << QStringLiteral("(unknown)")
                                  << TargetModel::Counts {1, 0, 0, 0};
        QTest::addRow("restarting, heard down")
            << 2 << ExportState::Restarting << std::uint64_t {262144} << L::ExportStarting
            << QStringLiteral("restarting, exported here") << mib64 << TargetModel::Counts {1, 0, 0, 0};
        QTest::addRow("failed") << 0 << ExportState::Failed << std::uint64_t {0} << L::ExportFailed
                                << QStringLiteral("failed, exported here") << QStringLiteral("(unknown)")
                                << TargetModel::Counts {1, 0, 0, 0};
        QTest::addRow("stopped, heard down")
            << 2 << ExportState::Stopped << std::uint64_t {262144} << L::ExportStopped
            << QStringLiteral("stopped, exported here") << mib64 << TargetModel::Counts {1, 0, 0, 0};
        // Just stopped: discovery has not noticed yet.
        QTest::addRow("stopped, heard up")
            << 1 << ExportState::Stopped << std::uint64_t {262144} << L::ExportStopped
            << QStringLiteral("stopped, exported here") << mib64 << TargetModel::Counts {1, 0, 0, 0};
        QTest::addRow("stopped, ran before")
            << 0 << ExportState::Stopped << std::uint64_t {262144} << L::ExportStopped
            << QStringLiteral("stopped, exported here") << mib128 << TargetModel::Counts {1, 0, 0, 0};
    }

    void localExportMergeRule()
    {
        using supervisor::ExportState;
        QFETCH(int, heard);
        QFETCH(ExportState, state);
        QFETCH(std::uint64_t, engineSectors);
        QFETCH(ui::TargetLook, look);
        QFETCH(QString, text);
        QFETCH(QString, size);
        QFETCH(TargetModel::Counts, counts);
        QLocale::setDefault(QLocale::c());
        // Both orders: the export known before discovery hears it, and after.
        for (const bool exportFirst : {true, false}) {
            TargetModel model(nullptr, clock());
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            const auto mine = local(5, 1, state, engineSectors);
            if (exportFirst)
                model.setLocalExports({mine});
            if (heard != 0)
                model.upsert(test::target(5, 1, 131072, heard == 1 ? TargetState::Up : TargetState::Down));
            if (!exportFirst)
                model.setLocalExports({mine});
            QCOMPARE(model.rowCount(), 1);
            QCOMPARE(model.index(0, 0).data(ui::StateRole).toInt(), int(look));
            QCOMPARE(model.index(0, TargetModel::State).data().toString(), text);
            QCOMPARE(model.index(0, TargetModel::Size).data().toString(), size);
            QCOMPARE(model.counts(), counts);
            QVERIFY(model.find({5, 1})->exportedHere);
            QVERIFY(!model.find({5, 1})->downSince.isValid());
            if (heard == 0) {
                QCOMPARE(model.index(0, TargetModel::Interfaces).data().toString(), QStringLiteral("lan0"));
                QCOMPARE(model.index(0, TargetModel::Macs).data().toString(), QStringLiteral("02:00:00:00:aa:01"));
            }
            QCOMPARE(model.downIsNews({5, 1}), state == ExportState::Running);
        }
    }

    void localRowsComeAndGo()
    {
        using supervisor::ExportState;
        TargetModel model(nullptr, clock());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert({test::target(1, 1), test::target(1, 2, 8, TargetState::Down)});
        QSignalSpy counts(&model, &TargetModel::countsChanged);
        model.setLocalExports({running(5, 1), local(5, 2, ExportState::Stopped), running(1, 1)});
        QCOMPARE(model.rowCount(), 4); // 1.1 was heard already: no second row
        QCOMPARE(counts.count(), 1);
        // Discovery hears the running one: the same row, now with discovery's data.
        model.upsert(test::target(5, 1));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(model.rowOf({5, 1}), TargetModel::Model).data().toString(),
            QStringLiteral("aoesan AoE target"));
        // Stop it; discovery then says down: "stopped", and no news.
        model.setLocalExports({local(5, 1, ExportState::Stopped), local(5, 2, ExportState::Stopped), running(1, 1)});
        model.upsert(test::target(5, 1, 131072, TargetState::Down));
        QCOMPARE(model.index(model.rowOf({5, 1}), TargetModel::State).data().toString(),
            QStringLiteral("stopped, exported here"));
        QVERIFY(!model.downIsNews({5, 1}));
        QVERIFY(model.downIsNews({1, 2}));
        // Forget down targets: only the stranger that is down goes.
        const auto gone = model.forgetDown();
        QCOMPARE(gone.size(), 1U);
        QCOMPARE(gone.front(), (discovery::TargetId {1, 2}));
        QCOMPARE(model.rowCount(), 3);
        // Discovery forgets an export's row: the export keeps it.
        QVERIFY(model.remove({5, 1}));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.find({5, 1})->discovered);
        // Exports removed: a row only an export made goes; one discovery heard stays, as discovery says.
        model.setLocalExports({});
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.find({1, 1}));
        QCOMPARE(model.index(0, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::Up));
        QVERIFY(!model.find({1, 1})->exportedHere);
    }

    // The tiles, the table and the details colour and name every look; a stopped export is grey, not the
    // red of "down", and a starting one is not the blue of a serving one.
    void everyLookHasAColourAndAName()
    {
        using L = ui::TargetLook;
        QSet<QString> names;
        for (const auto look :
            {L::Up, L::Down, L::Conflict, L::Exported, L::ExportStarting, L::ExportStopped, L::ExportFailed}) {
            QVERIFY(ui::lookColor(look).isValid());
            names.insert(ui::lookName(look));
            QVERIFY(TargetModel::stateTexts().contains(ui::lookName(look)));
        }
        QCOMPARE(names.size(), 7);
        QVERIFY(ui::lookColor(L::ExportStopped) != ui::lookColor(L::Down));
        QVERIFY(ui::lookColor(L::ExportStarting) != ui::lookColor(L::Exported));
        QVERIFY(ui::lookIcon(L::ExportStopped).isNull());
        QVERIFY(!ui::lookIcon(L::ExportFailed).isNull());
    }

    // Two exports on one address (different interfaces): the one that serves speaks for it.
    void sharedAddressTakesTheServingExport()
    {
        using supervisor::ExportState;
        TargetModel model(nullptr, clock());
        model.setLocalExports({local(5, 1, ExportState::Stopped), running(5, 1), local(5, 1, ExportState::Failed)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::Exported));
    }

    void filterByPatternWordsAndState()
    {
        TargetModel model(nullptr, clock());
        ui::TargetFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(
            {test::target(7, 1), test::target(7, 12), test::target(17, 1), test::target(0, 3, 8, TargetState::Down)});
        QCOMPARE(filter.rowCount(), 4);
        filter.setFilterText(QStringLiteral("e7.*"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setFilterText(QStringLiteral("e?.1"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setFilterText(QStringLiteral("17.1:lab"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setFilterText(QStringLiteral("aoesan rack/12"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setFilterText(QString());
        filter.setShowDown(false);
        QCOMPARE(filter.rowCount(), 3);
    }

    void sortsByRawValuesNotText()
    {
        TargetModel model(nullptr, clock());
        ui::TargetFilterModel filter;
        filter.setSourceModel(&model);
        // As text "e10.0" < "e2.0" and "9.0GB" > "10.0GB"; as numbers it is the other way round.
        model.upsert({test::target(10, 0, 10'000'000'000ULL / 512), test::target(2, 0, 9'000'000'000ULL / 512),
            test::target(2, 10, 100)});
        filter.sort(TargetModel::Device, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("e2.0"));
        QCOMPARE(filter.index(1, 0).data().toString(), QStringLiteral("e2.10"));
        QCOMPARE(filter.index(2, 0).data().toString(), QStringLiteral("e10.0"));
        filter.sort(TargetModel::Size, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("e10.0"));
        QCOMPARE(filter.index(2, 0).data().toString(), QStringLiteral("e2.10"));
    }

    void manyTargetsInOneBatch()
    {
        TargetModel model(nullptr, clock());
        std::vector<discovery::TargetInfo> rack;
        for (std::uint16_t shelf = 0; shelf < 100; ++shelf) {
            for (std::uint8_t slot = 0; slot < 100; ++slot)
                rack.push_back(test::target(shelf, slot));
        }
        QElapsedTimer timer;
        timer.start();
        model.upsert(rack);
        model.upsert(rack); // the second wave only updates
        QCOMPARE(model.rowCount(), 10000);
        QVERIFY2(timer.elapsed() < 2000, "10,000 targets must load quickly");
    }
};

QTEST_MAIN(TestTargetModel)
#include "tst_target_model.moc"
