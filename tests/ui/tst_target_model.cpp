// TargetModel and TargetFilterModel: rows keyed by shelf.slot, batched inserts, raw sort values, the
// "down since" rule, forgetting down targets, local exports in blue, filtering by pattern and words.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "Fixtures.h"
#include "models/Roles.h"
#include "models/TargetFilterModel.h"
#include "models/TargetModel.h"

using namespace aoesan;
using aoesan::discovery::TargetState;
using ui::TargetModel;

class TestTargetModel : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime(QDate(2026, 11, 24), QTime(14, 2, 0));
    TargetModel::Now clock()
    {
        return [this] { return m_now; };
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
        model.setLocalExports({TargetModel::keyOf({2, 0})});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::Exported));
        // A target that is first heard of after it went down takes its last answer as "down since".
        model.upsert(test::target(4, 4, 8, TargetState::Down));
        QCOMPARE(model.find({4, 4})->downSince, QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL));
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
