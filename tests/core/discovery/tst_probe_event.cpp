// SPDX-License-Identifier: GPL-3.0-or-later
// The probe event stream is one contract (discovery/ProbeEvent.h): every event kind the engine writes is
// read back equal by the reader the GUI and the service use; the documented example lines are what the
// writer prints, byte for byte; docs/probe-events.md names every event, field, target field and error word.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <set>

#include "discovery/ProbeEvent.h"
#include "discovery/TargetJson.h"
#include "util/ErrorWords.h"

using namespace aoesan;
using namespace aoesan::discovery;

Q_DECLARE_METATYPE(aoesan::discovery::ProbeEvent)

namespace {

QString readDoc(const char *name)
{
    QFile file(QStringLiteral(AOESAN_DOCS_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read docs/%s", name);
    return QString::fromUtf8(file.readAll());
}

protocol::MacAddress mac(const char *text)
{
    return *protocol::MacAddress::fromString(text);
}

// Times on the stream have milliseconds.
WallClock at(std::int64_t ms)
{
    return WallClock(std::chrono::milliseconds(ms));
}

// A target with every field set: two paths, two backends that disagree, RTTs and times.
TargetInfo richTarget(TargetState state)
{
    TargetInfo t;
    t.id = {65534, 254};
    t.state = state;
    t.identified = true;
    t.sectors = (std::uint64_t {1} << 48) - 1;
    t.model = "Coraid EtherDrive vblade";
    t.serial = "7.3:vm \"quoted\"";
    t.firmware = "V25";
    t.lba48 = true;
    t.flush = true;
    t.flushExt = true;
    t.configString = "rack b/3";
    t.paths = {
        {"veth-a", mac("02:00:00:00:a0:01"), 16, 0x4019, 2, 1024, Rtt(77), at(1795000000123)},
        {"veth-b", mac("02:00:00:00:a0:03"), 64, 0x4019, 17, 8704, std::nullopt, at(1795000000456)},
    };
    t.backends = {{mac("02:00:00:00:a0:01"), true, t.sectors, "7.3:vm"}, {mac("02:00:00:00:a0:03"), false, 0, ""}};
    t.conflict = true;
    t.conflictDetail = "02:00:00:00:a0:01 and 02:00:00:00:a0:03 disagree";
    t.rtt = Rtt(77);
    t.lastSeen = at(1795000000456);
    return t;
}

TargetInfo bareTarget()
{
    TargetInfo t;
    t.id = {7, 3};
    return t;
}

} // namespace

class TestProbeEvent : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void stateEventSaysTheState();
    void documentedLinesAreWhatTheWriterPrints();
    void docsNameEveryEventFieldAndWord();
    void timesOutsideTheClockAreUnknown();
    void roundTripsOutsideTheirRangeAreUnknown();
    void fuzzRegressionsReadBackTheSame();
};

void TestProbeEvent::roundTrip_data()
{
    QTest::addColumn<ProbeEvent>("event");
    probe::Started started;
    started.pid = 25089;
    started.interval = std::chrono::milliseconds(1500);
    started.interfaces = {{QStringLiteral("veth-a"), QStringLiteral("02:00:00:00:a0:02"), 1500},
        {QStringLiteral("veth-b"), QStringLiteral("02:00:00:00:a0:04"), 9000}};
    QTest::addRow("started") << ProbeEvent {started};
    QTest::addRow("started, no interfaces") << ProbeEvent {probe::Started {}};
    using Kind = probe::TargetEvent::Kind;
    for (const auto kind : {Kind::Added, Kind::Changed, Kind::State, Kind::Removed, Kind::Rtt}) {
        const QByteArray name = targetEventName(kind).toString().toLatin1();
        QTest::addRow("%s, up", name.constData())
            << ProbeEvent {probe::TargetEvent {kind, richTarget(TargetState::Up)}};
        QTest::addRow("%s, down", name.constData())
            << ProbeEvent {probe::TargetEvent {kind, richTarget(TargetState::Down)}};
        QTest::addRow("%s, bare", name.constData()) << ProbeEvent {probe::TargetEvent {kind, bareTarget()}};
    }
    QTest::addRow("warning") << ProbeEvent {probe::Warning {QStringLiteral("could not drop capabilities"), {}}};
    QTest::addRow("warning, interface") << ProbeEvent {
        probe::Warning {QStringLiteral("capture on veth-i failed"), QStringLiteral("veth-i")}};
    QTest::addRow("limit, reached") << ProbeEvent {probe::Limit {{true, 4096, 16, 15904, 4484}}};
    QTest::addRow("limit, cleared") << ProbeEvent {probe::Limit {{false, 4096, 16, 15904, 0}}};
    for (const std::string_view word : error_word::kProbeWords) {
        QTest::addRow("error %s", word.data()) << ProbeEvent {probe::Error {
            QString::fromLatin1(word), QStringLiteral("it went wrong"), QStringLiteral("list them with `ip link`")}};
    }
    QTest::addRow("error, no fix") << ProbeEvent {
        probe::Error {QString::fromLatin1(error_word::kBadArguments), QStringLiteral("no -i"), {}}};
    QTest::addRow("stopped") << ProbeEvent {probe::Stopped {QString::fromLatin1(probe::kStopReasonStdinClosed)}};

    RequestReply identify {7, ProbeRequest::Kind::Identify, {7, 3}, QStringLiteral("veth-i"), mac("02:00:00:00:a0:01"),
        mac("02:00:00:00:a0:02"), IdentifySummary {"model", "serial", "V25", 131072, true}, std::nullopt, std::nullopt};
    QTest::addRow("reply identify") << ProbeEvent {identify};
    RequestReply config = identify;
    config.kind = ProbeRequest::Kind::ConfigSet;
    config.identify.reset();
    config.configString = "rack b/3";
    QTest::addRow("reply config-set") << ProbeEvent {config};
    RequestReply mask = identify;
    mask.kind = ProbeRequest::Kind::MaskEdit;
    mask.identify.reset();
    mask.macs = std::vector {mac("02:00:00:00:a0:02"), mac("02:00:00:00:00:99")};
    QTest::addRow("reply mask-edit") << ProbeEvent {mask};
    QTest::addRow("request-error locks-out") << ProbeEvent {
        RequestFailure {3, ProbeRequest::Kind::MaskEdit, TargetId {7, 4}, QString::fromLatin1(request_error::kLocksOut),
            QStringLiteral("nothing was sent"), {mac("02:00:00:00:00:99")}, mac("02:00:00:00:a0:02")}};
    QTest::addRow("request-error bad-request") << ProbeEvent {RequestFailure {0, std::nullopt, std::nullopt,
        QString::fromLatin1(request_error::kBadRequest), QStringLiteral("unknown command 'bogus'"), {}, std::nullopt}};
    QTest::addRow("unknown") << ProbeEvent {probe::Unknown {QStringLiteral("resized")}};
}

void TestProbeEvent::roundTrip()
{
    QFETCH(ProbeEvent, event);
    const QByteArray line = probeEventLine(event);
    QVERIFY(!line.contains('\n'));
    const ProbeEvent parsed = parseProbeEvent(line);
    if (const auto *garbage = std::get_if<probe::Garbage>(&parsed))
        QFAIL(qPrintable(garbage->why));
    QVERIFY2(parsed == event, line.constData());
}

void TestProbeEvent::stateEventSaysTheState()
{
    const QByteArray line = probeEventLine(probe::TargetEvent {probe::TargetEvent::Kind::State, bareTarget()});
    QVERIFY2(line.startsWith(R"({"event":"state","state":"up","target":{)"), line.constData());
    const QByteArray rtt = probeEventLine(probe::TargetEvent {probe::TargetEvent::Kind::Rtt, bareTarget()});
    QVERIFY2(rtt.startsWith(R"({"event":"rtt","target":{)"), rtt.constData());
}

void TestProbeEvent::documentedLinesAreWhatTheWriterPrints()
{
    const QString doc = readDoc("probe-events.md");
    int lines = 0;
    std::set<QString> kinds;
    for (const QString &text : doc.split(QLatin1Char('\n'))) {
        if (!text.startsWith(QLatin1String("{\"")))
            continue;
        const QByteArray line = text.toUtf8();
        const ProbeEvent parsed = parseProbeEvent(line);
        QVERIFY2(!std::holds_alternative<probe::Garbage>(parsed) && !std::holds_alternative<probe::Unknown>(parsed),
            line.constData());
        QCOMPARE(probeEventLine(parsed), line);
        kinds.insert(QJsonDocument::fromJson(line).object().value(probe::field::kEvent).toString());
        ++lines;
    }
    QVERIFY(lines >= 10);
    // The examples show every kind of event.
    for (const QLatin1StringView name : probe::name::kAll)
        QVERIFY2(kinds.count(name), name.data());
}

void TestProbeEvent::docsNameEveryEventFieldAndWord()
{
    const QString doc = readDoc("probe-events.md");
    for (const QLatin1StringView name : probe::name::kAll)
        QVERIFY2(doc.contains(QStringLiteral("| `%1` |").arg(name)), name.data());
    for (const QLatin1StringView field : probe::field::kAll)
        QVERIFY2(doc.contains(QStringLiteral("`%1`").arg(field)) || doc.contains(QStringLiteral("`\"%1\"`").arg(field))
                || doc.contains(QStringLiteral("{%1,").arg(field)) || doc.contains(QStringLiteral(", %1}").arg(field))
                || doc.contains(QStringLiteral(", %1,").arg(field)),
            field.data());
    for (const QLatin1StringView field : target_field::kAll)
        QVERIFY2(doc.contains(QStringLiteral("`%1`").arg(field)), field.data());
    // The two code tables list exactly the words of util/ErrorWords.h and of request_error.
    const QRegularExpression row(
        QStringLiteral("^\\| `([a-z-]+)` \\| [^|]+ \\|(?: ([0-9]) \\|)?$"), QRegularExpression::MultilineOption);
    std::set<std::string> errorWords;
    std::set<std::string> requestWords;
    for (auto m = row.globalMatch(doc); m.hasNext();) {
        const auto match = m.next();
        (match.captured(2).isEmpty() ? requestWords : errorWords).insert(match.captured(1).toStdString());
    }
    QCOMPARE(errorWords, std::set<std::string>(error_word::kProbeWords.begin(), error_word::kProbeWords.end()));
    for (const char *word : {request_error::kBadRequest, request_error::kNoSuchTarget, request_error::kNoAnswer,
             request_error::kRefused, request_error::kReserved, request_error::kLocksOut, request_error::kUnsafeDelete})
        QVERIFY2(requestWords.count(word), word);
}

// fuzz_probe_event: a lastSeen of year 1013 (or 9999) overflowed the conversion to the system clock's
// nanoseconds, undefined behaviour (UBSan: signed multiplication overflow). Such a time reads as unknown.
void TestProbeEvent::timesOutsideTheClockAreUnknown()
{
    QCOMPARE(wallClockFromIso(QStringLiteral("1013-11-24T19:11:26.889Z")), WallClock {});
    QCOMPARE(wallClockFromIso(QStringLiteral("9999-12-31T23:59:59.999Z")), WallClock {});
    const WallClock inRange = wallClockFromIso(QStringLiteral("2026-11-24T19:11:26.889Z"));
    QVERIFY(inRange != WallClock {});
    QCOMPARE(isoTime(inRange), QStringLiteral("2026-11-24T19:11:26.889Z"));

    QJsonObject target = targetToJson(richTarget(TargetState::Up));
    target.insert(QStringLiteral("lastSeen"), QStringLiteral("1013-11-24T19:11:26.889Z"));
    const QByteArray line = QJsonDocument(
        QJsonObject {{QStringLiteral("event"), QStringLiteral("rtt")},
            {QStringLiteral("target"),
                target}}).toJson(QJsonDocument::Compact);
    const ProbeEvent event = parseProbeEvent(line);
    const auto *parsed = std::get_if<probe::TargetEvent>(&event);
    QVERIFY(parsed);
    QCOMPARE(parsed->target.lastSeen, WallClock {});
    QCOMPARE(parseProbeEvent(probeEventLine(event)), event);
}

// fuzz_probe_event: "rttUs":7.7e21 was converted to a 64-bit integer, undefined behaviour (UBSan:
// float-cast-overflow). An RTT that is negative or past 2^53 microseconds reads as no measurement.
void TestProbeEvent::roundTripsOutsideTheirRangeAreUnknown()
{
    const auto withRtt = [](const QJsonValue &rtt) {
        QJsonObject target = targetToJson(richTarget(TargetState::Up));
        target.insert(QStringLiteral("rttUs"), rtt);
        QJsonArray paths = target.value(QStringLiteral("paths")).toArray();
        QJsonObject first = paths.at(0).toObject();
        first.insert(QStringLiteral("rttUs"), rtt);
        paths.replace(0, first);
        target.insert(QStringLiteral("paths"), paths);
        const ProbeEvent event = parseProbeEvent(QJsonDocument(
            QJsonObject {{QStringLiteral("event"), QStringLiteral("rtt")},
                {QStringLiteral("target"), target}}).toJson(QJsonDocument::Compact));
        return std::get<probe::TargetEvent>(event).target;
    };
    for (const double bad : {7.7e21, -1.0, 1e300, 9007199254740994.0}) {
        const TargetInfo t = withRtt(bad);
        QVERIFY2(!t.rtt.has_value(), qPrintable(QString::number(bad)));
        QVERIFY(!t.paths.at(0).rtt.has_value());
    }
    const TargetInfo good = withRtt(77.0);
    QCOMPARE(good.rtt, std::optional<Rtt>(Rtt(77)));
    QCOMPARE(good.paths.at(0).rtt, std::optional<Rtt>(Rtt(77)));
}

// Every input that once crashed fuzz_probe_event (tests/fuzz/regressions/probe_event) reads, and what it reads
// as is written and read back the same.
void TestProbeEvent::fuzzRegressionsReadBackTheSame()
{
    const QDir dir(QStringLiteral(AOESAN_FUZZ_REGRESSIONS_DIR "/probe_event"));
    const auto files = dir.entryInfoList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ProbeEvent event = parseProbeEvent(file.readAll());
        if (std::holds_alternative<probe::Garbage>(event))
            continue;
        QVERIFY2(parseProbeEvent(probeEventLine(event)) == event, qPrintable(info.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestProbeEvent)
#include "tst_probe_event.moc"
