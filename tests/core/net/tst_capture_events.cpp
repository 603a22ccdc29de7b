// SPDX-License-Identifier: GPL-3.0-or-later
// The capture event stream (net/CaptureEvents.h): each event the engine writes reads back equal, a line that is
// not one of them reads as nothing, and a key of another event is ignored like any unknown one (fuzz_capture_events
// found a `stopped` line with a `message` read into an event the writer could never have written).
#include <QDir>
#include <QFile>
#include <QTest>

#include "net/CaptureEvents.h"

using namespace aoesan::net;

Q_DECLARE_METATYPE(aoesan::net::CaptureEvent)

namespace {

CaptureEvent eventOf(CaptureEvent::Kind kind)
{
    CaptureEvent e;
    e.kind = kind;
    return e;
}

} // namespace

class TestCaptureEvents : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void notAnEvent();
    void keysOfOtherEventsAreIgnored();
    void fuzzRegressionsReadBackTheSame();
};

void TestCaptureEvents::roundTrip_data()
{
    QTest::addColumn<CaptureEvent>("value");
    CaptureEvent started = eventOf(CaptureEvent::Kind::Started);
    started.interface = QStringLiteral("lab0");
    started.filter = captureFilterText(7, 3, true);
    QTest::addRow("started") << started;
    CaptureEvent counters = eventOf(CaptureEvent::Kind::Counters);
    counters.frames = 120;
    counters.dropped = 2;
    QTest::addRow("counters") << counters;
    CaptureEvent stopped = counters;
    stopped.kind = CaptureEvent::Kind::Stopped;
    stopped.reason = QStringLiteral("stdin-closed");
    QTest::addRow("stopped") << stopped;
    CaptureEvent error = eventOf(CaptureEvent::Kind::Error);
    error.code = QStringLiteral("no-permission");
    error.message = QStringLiteral("cannot capture on lab0");
    error.fix = QStringLiteral("give aoesan-engine cap_net_raw");
    QTest::addRow("error") << error;
}

void TestCaptureEvents::roundTrip()
{
    QFETCH(CaptureEvent, value);
    const QByteArray line = encodeCaptureEvent(value);
    QVERIFY(line.endsWith('\n') && line.count('\n') == 1);
    const auto parsed = parseCaptureEvent(line);
    QVERIFY2(parsed && *parsed == value, line.constData());
}

void TestCaptureEvents::notAnEvent()
{
    QVERIFY(!parseCaptureEvent("not json"));
    QVERIFY(!parseCaptureEvent("[1,2]"));
    QVERIFY(!parseCaptureEvent(R"({"event":"capture-resized"})"));
    QVERIFY(!parseCaptureEvent(R"({"frames":1})"));
}

void TestCaptureEvents::keysOfOtherEventsAreIgnored()
{
    const auto stopped = parseCaptureEvent(
        R"({"event":"capture-stopped","frames":120,"dropped":0,"reason":"signal","message":"ca","interface":"eth9"})");
    QVERIFY(stopped);
    QCOMPARE(stopped->reason, QStringLiteral("signal"));
    QCOMPARE(stopped->frames, std::uint64_t {120});
    QVERIFY(stopped->message.isEmpty());
    QVERIFY(stopped->interface.isEmpty());
    QCOMPARE(parseCaptureEvent(encodeCaptureEvent(*stopped)), stopped);

    const auto error = parseCaptureEvent(R"({"event":"error","code":"io","message":"m","frames":5,"reason":"x"})");
    QVERIFY(error);
    QCOMPARE(error->message, QStringLiteral("m"));
    QCOMPARE(error->frames, std::uint64_t {0});
    QVERIFY(error->reason.isEmpty());
    const auto started = parseCaptureEvent(R"({"event":"capture-started","interface":"lab0","frames":5,"fix":"f"})");
    QVERIFY(started);
    QCOMPARE(started->interface, QStringLiteral("lab0"));
    QCOMPARE(started->frames, std::uint64_t {0});
    QVERIFY(started->fix.isEmpty());
}

// Every input that once crashed fuzz_capture_events (tests/fuzz/regressions/capture_events) reads as nothing or
// as an event that is written and read back the same.
void TestCaptureEvents::fuzzRegressionsReadBackTheSame()
{
    const QDir dir(QStringLiteral(AOESAN_FUZZ_REGRESSIONS_DIR "/capture_events"));
    const auto files = dir.entryInfoList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto parsed = parseCaptureEvent(file.readAll());
        if (!parsed)
            continue;
        const auto again = parseCaptureEvent(encodeCaptureEvent(*parsed));
        QVERIFY2(again && *again == *parsed, qPrintable(info.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestCaptureEvents)
#include "tst_capture_events.moc"
