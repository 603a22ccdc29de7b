// SPDX-License-Identifier: GPL-3.0-or-later
// An export's status as JSON (the service's Status property, `aoesan-ctl exports list --json`): a status
// round-trips, and numbers no writer writes (negative, 1e30, fractions) read as clamped whole numbers, not
// as the undefined result of converting an out-of-range double (the sanitizer build checks that).
#include <QJsonDocument>
#include <QTest>

#include "supervisor/ExportStatusJson.h"

using namespace aoesan::supervisor;

class TestExportStatusJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        ExportStatus s;
        s.name = QStringLiteral("lab-media");
        s.state = ExportState::Running;
        s.pid = 4242;
        s.restarts = 2;
        s.counters = {10, 11, std::uint64_t {1} << 40, 512, 1, 3, 0, 7, 1, 0};
        s.clients = {QStringLiteral("02:00:00:00:b0:02")};
        s.mac = QStringLiteral("02:00:00:00:b0:01");
        s.sectors = 131072;
        s.nextRestartIn = std::chrono::milliseconds(500);
        s.masks = {QStringLiteral("02:00:00:00:b0:03")};
        s.accessChangedBy = QStringLiteral("02:00:00:00:66:01");
        s.accessKept = true;
        const auto back = statusFromJson(statusToJson(s));
        QVERIFY(back);
        QCOMPARE(back->counters, s.counters);
        QCOMPARE(back->pid, s.pid);
        QCOMPARE(back->sectors, s.sectors);
        QCOMPARE(back->clients, s.clients);
        QCOMPARE(back->nextRestartIn, s.nextRestartIn);
        QCOMPARE(back->masks, s.masks);
        QCOMPARE(back->accessChangedBy, s.accessChangedBy);
        QVERIFY(back->accessKept);
        // No edit from the network: the key is left out, and reads back empty.
        const QJsonObject untouched = statusToJson(ExportStatus {});
        QVERIFY(!untouched.contains(QStringLiteral("accessChangedBy")));
        QVERIFY(statusFromJson(untouched)->accessChangedBy.isEmpty());
    }

    void outOfRangeNumbersAreClamped()
    {
        const QJsonObject o = QJsonDocument::fromJson(R"({"name":"x","state":"running","pid":1e300,
            "sectors":-5,"nextRestartInMs":-1e300,
            "counters":{"framesIn":1e30,"framesOut":-1,"bytesRead":18446744073709551616,"errors":2.75}})")
                                  .object();
        QVERIFY(!o.isEmpty());
        const auto s = statusFromJson(o);
        QVERIFY(s);
        QCOMPARE(s->pid, std::numeric_limits<qint64>::max());
        QCOMPARE(s->sectors, std::uint64_t {0});
        QCOMPARE(s->nextRestartIn->count(), std::numeric_limits<qint64>::min());
        QCOMPARE(s->counters.framesIn, std::uint64_t(std::numeric_limits<qint64>::max()));
        QCOMPARE(s->counters.framesOut, std::uint64_t {0});
        QCOMPARE(s->counters.bytesRead, std::uint64_t(std::numeric_limits<qint64>::max()));
        QCOMPARE(s->counters.errors, std::uint64_t {2});
    }

    void mistypedFieldIsAnError()
    {
        const auto s = statusFromJson(QJsonObject {{QStringLiteral("pid"), QStringLiteral("4242")}});
        QVERIFY(!s);
        QVERIFY(s.error().contains(QStringLiteral("pid")));
    }
};

QTEST_GUILESS_MAIN(TestExportStatusJson)
#include "tst_export_status_json.moc"
