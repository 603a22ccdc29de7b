// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl monitor's arithmetic: rates from two samples of an engine's counters, an engine restart (its
// counters start again from zero) counted from zero instead of as a huge negative jump, no division by a zero
// interval, and the table and JSON rows saying the same numbers.
#include <QTest>

#include "cli/MonitorRates.h"

using namespace aoesan;
using supervisor::ratesBetween;

class TestMonitorRates : public QObject
{
    Q_OBJECT

private slots:
    void ratesPerSecond()
    {
        supervisor::EngineCounters a, b;
        a.framesIn = 1000;
        a.readCommands = 400;
        a.bytesRead = 400 * 4096;
        a.errors = 2;
        b.framesIn = 3000;
        b.readCommands = 2400;
        b.writeCommands = 100;
        b.bytesRead = 2400 * 4096;
        b.bytesWritten = 100 * 1024 * 1024;
        b.errors = 5;
        b.clients = 2;
        b.droppedGroupSource = 3;
        b.sendFailures = 1;
        const auto r = ratesBetween(a, b, 2.0);
        QCOMPARE(r.readsPerSecond, 1000.0);
        QCOMPARE(r.writesPerSecond, 50.0);
        QCOMPARE(r.readMiBPerSecond, 2000.0 * 4096 / 1048576.0 / 2.0);
        QCOMPARE(r.writeMiBPerSecond, 50.0);
        QCOMPARE(r.framesInPerSecond, 1000.0);
        QCOMPARE(r.errors, std::uint64_t {3});
        QCOMPARE(r.dropped, std::uint64_t {4});
        QCOMPARE(r.clients, std::uint64_t {2});
    }
    void restartCountsFromZero()
    {
        supervisor::EngineCounters a, b;
        a.framesIn = 1'000'000;
        a.readCommands = 900'000;
        a.errors = 10;
        b.framesIn = 500;
        b.readCommands = 400;
        b.errors = 1;
        const auto r = ratesBetween(a, b, 1.0);
        QCOMPARE(r.readsPerSecond, 400.0);
        QCOMPARE(r.framesInPerSecond, 500.0);
        QCOMPARE(r.errors, std::uint64_t {1});
    }
    void zeroInterval()
    {
        supervisor::EngineCounters a, b;
        b.readCommands = 10;
        b.errors = 1;
        const auto r = ratesBetween(a, b, 0.0);
        QCOMPARE(r.readsPerSecond, 0.0);
        QCOMPARE(r.errors, std::uint64_t {1});
    }
    void rowsSayTheSame()
    {
        supervisor::ExportRates r;
        r.readsPerSecond = 1234;
        r.readMiBPerSecond = 4.8;
        r.clients = 1;
        const QString row = cli::monitorRow(QStringLiteral("lab-disk"), QStringLiteral("running"), r);
        QVERIFY2(row.startsWith(QStringLiteral("lab-disk         running")), qPrintable(row));
        QVERIFY2(row.contains(QStringLiteral("1234")) && row.contains(QStringLiteral("4.8")), qPrintable(row));
        QCOMPARE(row.size(), cli::monitorHeader().size());
        const auto json = cli::monitorJson(QStringLiteral("lab-disk"), QStringLiteral("running"), r);
        QCOMPARE(json.value(QStringLiteral("readsPerSecond")).toDouble(), 1234.0);
        QCOMPARE(json.value(QStringLiteral("clients")).toInt(), 1);
    }
};

QTEST_APPLESS_MAIN(TestMonitorRates)
#include "tst_monitor_rates.moc"
