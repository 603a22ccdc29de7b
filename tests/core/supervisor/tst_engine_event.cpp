// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the engine's event lines back (docs/engine-events.md): the documented example parses field by
// field, unknown fields and events are tolerated, and anything else is Garbage, never a crash.
#include <QTest>

#include "supervisor/EngineEvent.h"
#include "util/ErrorWords.h"

using namespace aoesan::supervisor;

class TestEngineEvent : public QObject
{
    Q_OBJECT

private slots:
    void documentedExample();
    void errorEvent();
    void restoredEvent_data();
    void restoredEvent();
    void garbage_data();
    void garbage();
    void unknownEventIsKept();
};

void TestEngineEvent::documentedExample()
{
    const auto started = parseEngineEvent(QByteArrayLiteral(
        R"({"bufferCount":16,"bytes":67108864,"configString":"","direct":false,"event":"started","file":"/srv/disk.img","interface":"lan1","mac":"02:00:00:00:b0:01","masks":[],"maxSectors":2,"mtu":1500,"offset":0,"pid":4242,"readOnly":false,"sectors":131072,"shelf":7,"slot":3,"stateFile":"/root/.local/state/aoesan/targets/e7.3@lan1.json","sync":false,"workers":0})"));
    const auto *s = std::get_if<event::Started>(&started);
    QVERIFY(s);
    QCOMPARE(s->pid, qint64(4242));
    QCOMPARE(s->interface, QStringLiteral("lan1"));
    QCOMPARE(s->mac, QStringLiteral("02:00:00:00:b0:01"));
    QCOMPARE(s->mtu, 1500);
    QCOMPARE(s->sectors, std::uint64_t {131072});
    QCOMPARE(s->maxSectors, 2);
    QVERIFY(!s->readOnly);
    QCOMPARE(s->stateFile, QStringLiteral("/root/.local/state/aoesan/targets/e7.3@lan1.json"));

    const auto client = parseEngineEvent(QByteArrayLiteral(R"({"event":"client","mac":"02:00:00:00:b0:02"})"));
    QCOMPARE(std::get<event::Client>(client).mac, QStringLiteral("02:00:00:00:b0:02"));

    const auto counters = parseEngineEvent(QByteArrayLiteral(
        R"({"bytesRead":1048576,"bytesWritten":0,"clients":1,"errors":0,"event":"counters","framesIn":1030,"framesOut":1031})"));
    QCOMPARE(std::get<event::Counters>(counters).counters, (EngineCounters {1030, 1031, 1048576, 0, 0, 1}));

    const auto stopped = parseEngineEvent(QByteArrayLiteral(
        R"({"bytesRead":1048576,"bytesWritten":0,"clients":1,"errors":0,"event":"stopped","framesIn":1030,"framesOut":1031,"reason":"signal"})"));
    QCOMPARE(std::get<event::Stopped>(stopped).reason, QStringLiteral("signal"));
    QCOMPARE(std::get<event::Stopped>(stopped).counters.framesOut, std::uint64_t {1031});
}

void TestEngineEvent::restoredEvent_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("masks");
    QTest::addColumn<QStringList>("reservations");
    QTest::newRow("mask") << QByteArrayLiteral(
        R"({"event":"restored","masks":["02:00:00:00:ee:01","02:00:00:00:ee:02"],"reservations":[],"stateFile":"/s.json"})")
                          << QStringList {QStringLiteral("02:00:00:00:ee:01"), QStringLiteral("02:00:00:00:ee:02")}
                          << QStringList {};
    QTest::newRow("reserve") << QByteArrayLiteral(
        R"({"event":"restored","masks":[],"reservations":["02:00:00:00:ee:03"],"stateFile":"/s.json"})")
                             << QStringList {} << QStringList {QStringLiteral("02:00:00:00:ee:03")};
    // Not strings, or not an array: left out, never a crash.
    QTest::newRow("odd values") << QByteArrayLiteral(
        R"({"event":"restored","masks":[1,"02:00:00:00:ee:01",null],"reservations":"x","stateFile":"/s.json"})")
                                << QStringList {QStringLiteral("02:00:00:00:ee:01")} << QStringList {};
}

void TestEngineEvent::restoredEvent()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, masks);
    QFETCH(QStringList, reservations);
    const auto parsed = parseEngineEvent(line);
    const auto *restored = std::get_if<event::Restored>(&parsed);
    QVERIFY(restored);
    QCOMPARE(restored->masks, masks);
    QCOMPARE(restored->reservations, reservations);
    QCOMPARE(restored->stateFile, QStringLiteral("/s.json"));
    // The started event carries the mask in force as well.
    const auto started = parseEngineEvent(
        QByteArrayLiteral(R"({"event":"started","pid":1,"masks":["02:00:00:00:ee:01"],"sectors":8})"));
    QCOMPARE(std::get<event::Started>(started).masks, QStringList {QStringLiteral("02:00:00:00:ee:01")});
}

void TestEngineEvent::errorEvent()
{
    const auto parsed = parseEngineEvent(QByteArrayLiteral(
        R"({"event":"error","code":"no-permission","message":"no CAP_NET_RAW","fix":"sudo setcap","extra":[1]})"));
    const auto &e = std::get<event::Error>(parsed);
    QCOMPARE(e.code, QString::fromLatin1(aoesan::error_word::kNoPermission));
    QCOMPARE(e.message, QStringLiteral("no CAP_NET_RAW"));
    QCOMPARE(e.fix, QStringLiteral("sudo setcap"));
    const auto warning = parseEngineEvent(QByteArrayLiteral(R"({"event":"warning","message":"shelf 4095"})"));
    QCOMPARE(std::get<event::Warning>(warning).message, QStringLiteral("shelf 4095"));
}

void TestEngineEvent::garbage_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("text") << QByteArray("pid 42: e7.3, 2048 sectors O_RDWR");
    QTest::addRow("array") << QByteArray("[1,2]");
    QTest::addRow("no event") << QByteArray(R"({"code":"x"})");
    QTest::addRow("event not a string") << QByteArray(R"({"event":7})");
    QTest::addRow("truncated") << QByteArray(R"({"event":"counters","framesIn":)");
    QTest::addRow("binary") << QByteArray("\x00\xff\xfe{", 4);
}

void TestEngineEvent::garbage()
{
    QFETCH(QByteArray, line);
    const auto parsed = parseEngineEvent(line);
    QVERIFY(std::holds_alternative<event::Garbage>(parsed));
    QCOMPARE(std::get<event::Garbage>(parsed).line, line);
}

void TestEngineEvent::unknownEventIsKept()
{
    const auto parsed = parseEngineEvent(QByteArrayLiteral(R"({"event":"resized","sectors":9})"));
    QCOMPARE(std::get<event::Unknown>(parsed).name, QStringLiteral("resized"));
}

QTEST_GUILESS_MAIN(TestEngineEvent)
#include "tst_engine_event.moc"
