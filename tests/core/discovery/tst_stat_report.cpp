// SPDX-License-Identifier: GPL-3.0-or-later
// `aoesan-ctl stat` lines from discovery snapshots: aoe-stat's exact format, numeric order, the grep-like
// filter, and the JSON form.
#include <QJsonDocument>
#include <QTest>

#include "discovery/StatReport.h"
#include "discovery/TargetJson.h"

using namespace aoesan::discovery;
using aoesan::protocol::MacAddress;

namespace {

TargetInfo target(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors,
    std::vector<std::pair<std::string, std::uint32_t>> paths, TargetState state = TargetState::Up)
{
    TargetInfo t;
    t.id = {shelf, slot};
    t.identified = true;
    t.sectors = sectors;
    t.state = state;
    std::uint8_t last = 1;
    for (const auto &[name, payload] : paths) {
        TargetPath p;
        p.interfaceName = name;
        p.mac = MacAddress(MacAddress::Bytes {2, 0, 0, 0, 0xa0, last++});
        p.payload = payload;
        p.bufferCount = 16;
        t.paths.push_back(p);
    }
    return t;
}

} // namespace

class TestStatReport : public QObject
{
    Q_OBJECT

private slots:
    void lines_data();
    void lines();
    void numericOrder();
    void filter();
    void json();
};

void TestStatReport::lines_data()
{
    QTest::addColumn<TargetInfo>("target");
    QTest::addColumn<QString>("expected");
    QTest::addRow("vblade 64 MiB") << target(7, 3, 131072, {{"veth-i", 1024}})
                                   << QStringLiteral("      e7.3         0.067GB     veth-i 1024  up            \n");
    QTest::addRow("down") << target(0, 12, 1, {{"lan0", 1024}}, TargetState::Down)
                          << QStringLiteral("     e0.12         0.000GB       lan0 1024  down          \n");
    QTest::addRow("two paths, smallest payload")
        << target(10, 0, 8388610, {{"lan1", 8704}, {"lan2", 1024}})
        << QStringLiteral("     e10.0         4.294GB  lan1,lan2 1024  up            \n");
    QTest::addRow("same interface twice listed once")
        << target(1, 1, 131072, {{"lan0", 1024}, {"lan0", 1024}})
        << QStringLiteral("      e1.1         0.067GB       lan0 1024  up            \n");
    TargetInfo conflict = target(65534, 254, 21474836480ULL, {{"lan0", 8704}}, TargetState::Down);
    conflict.conflict = true;
    QTest::addRow("conflict") << conflict
                              << QStringLiteral("e65534.254     10995.116GB       lan0 8704  down,conflict \n");
    TargetInfo unidentified = target(1, 2, 0, {{"lan0", 1024}});
    unidentified.identified = false;
    QTest::addRow("IDENTIFY unanswered") << unidentified
                                         << QStringLiteral(
                                                "      e1.2            (NA)       lan0 1024  up            \n");
}

void TestStatReport::lines()
{
    QFETCH(TargetInfo, target);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(statLine(target)), expected);
}

void TestStatReport::numericOrder()
{
    // aoe-stat sorts text, which puts e10.0 before e2.1; numbers are better.
    const std::string report = statReport({target(10, 0, 1, {{"a", 1024}}), target(2, 10, 1, {{"a", 1024}}),
        target(2, 9, 1, {{"a", 1024}}), target(1, 1, 1, {{"a", 1024}})});
    const QStringList lines = QString::fromStdString(report).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].contains(QStringLiteral("e1.1 ")));
    QVERIFY(lines[1].contains(QStringLiteral("e2.9 ")));
    QVERIFY(lines[2].contains(QStringLiteral("e2.10 ")));
    QVERIFY(lines[3].contains(QStringLiteral("e10.0 ")));
}

void TestStatReport::filter()
{
    const std::vector<TargetInfo> all {target(1, 1, 1, {{"veth-a", 1024}}), target(1, 2, 1, {{"veth-b", 1024}}),
        target(2, 1, 1, {{"veth-a", 1024}}, TargetState::Down)};
    const auto count = [&](const QString &pattern) {
        return QString::fromStdString(statReport(all, QRegularExpression(pattern))).count(QLatin1Char('\n'));
    };
    QCOMPARE(count(QString()), 3);
    QCOMPARE(count(QStringLiteral("e1\\.")), 2);
    QCOMPARE(count(QStringLiteral("veth-a")), 2);
    QCOMPARE(count(QStringLiteral("down")), 1);
    QCOMPARE(count(QStringLiteral("^ +e2\\.1 ")), 1);
}

void TestStatReport::json()
{
    TargetInfo t = target(7, 3, 131072, {{"veth-i", 1024}});
    t.model = "Coraid EtherDrive vblade";
    t.serial = "7.3:vm";
    t.lba48 = true;
    t.paths[0].rtt = Rtt(250);
    t.rtt = Rtt(250);
    t.lastSeen = WallClock(std::chrono::milliseconds(1893456000123));
    const QJsonObject o = targetToJson(t);
    QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("e7.3"));
    QCOMPARE(o.value(QStringLiteral("shelf")).toInt(), 7);
    QCOMPARE(o.value(QStringLiteral("slot")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("sectors")).toDouble(), 131072.0);
    QCOMPARE(o.value(QStringLiteral("sizeBytes")).toDouble(), 67108864.0);
    QCOMPARE(o.value(QStringLiteral("size")).toString(), QStringLiteral("0.067GB"));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
    QCOMPARE(o.value(QStringLiteral("payload")).toInt(), 1024);
    QCOMPARE(o.value(QStringLiteral("interfaces")).toArray().first().toString(), QStringLiteral("veth-i"));
    QCOMPARE(o.value(QStringLiteral("rttUs")).toInt(), 250);
    QCOMPARE(o.value(QStringLiteral("lastSeen")).toString(), QStringLiteral("2030-01-01T00:00:00.123Z"));
    const QJsonObject path = o.value(QStringLiteral("paths")).toArray().first().toObject();
    QCOMPARE(path.value(QStringLiteral("mac")).toString(), QStringLiteral("02:00:00:00:a0:01"));
    QCOMPARE(path.value(QStringLiteral("bufferCount")).toInt(), 16);
    // A 10 TiB size survives the trip through a JSON number.
    t.sectors = 21474836480ULL;
    const auto text = QJsonDocument(targetToJson(t)).toJson(QJsonDocument::Compact);
    QVERIFY(text.contains("\"sectors\":21474836480"));
}

QTEST_GUILESS_MAIN(TestStatReport)
#include "tst_stat_report.moc"
