// SPDX-License-Identifier: GPL-3.0-or-later
// The serve event stream is one contract (engine/ServeEvent.h): every event the engine writes is read back
// equal by the supervisor's reader, both from the value and from what EngineEvents prints; the documented
// example lines are what the writer prints, byte for byte; and docs/engine-events.md names every event,
// field and error word, docs/exit-codes.md and the help text every exit code.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <unistd.h>

#include "engine/EngineEvents.h"
#include "engine/ServeEvent.h"
#include "supervisor/EngineEvent.h"
#include "util/ErrorWords.h"
#include "util/ExitCode.h"

using namespace aoesan;
using engine::ServeEvent;
namespace serve = engine::serve;

Q_DECLARE_METATYPE(engine::ServeEvent)

namespace {

QByteArray readDoc(const char *name)
{
    QFile file(QStringLiteral(AOESAN_DOCS_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read docs/%s", name);
    return file.readAll();
}

// The lines of the doc's code blocks that are JSON objects: the documented examples.
QList<QByteArray> exampleLines(const QByteArray &doc)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : doc.split('\n')) {
        if (line.startsWith("{\""))
            lines << line;
    }
    return lines;
}

// Everything EngineEvents printed, one entry a line.
QList<QByteArray> linesOf(std::FILE *file)
{
    std::fflush(file);
    const long size = std::ftell(file);
    std::rewind(file);
    QByteArray text(static_cast<qsizetype>(size), '\0');
    text.resize(static_cast<qsizetype>(std::fread(text.data(), 1, static_cast<std::size_t>(size), file)));
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

protocol::MacAddress mac(const char *text)
{
    return *protocol::MacAddress::fromString(text);
}

serve::Started fullStarted()
{
    serve::Started s;
    s.pid = 4242;
    s.shelf = 65534;
    s.slot = 254;
    s.interface = QStringLiteral("lan1");
    s.mac = QStringLiteral("02:00:00:00:b0:01");
    s.mtu = 9000;
    s.file = QStringLiteral("/srv/disk with spaces \u00e9.img");
    s.sectors = (std::uint64_t {1} << 48) - 1; // the largest LBA48 disk, exact in a JSON number
    s.bytes = s.sectors * 512;
    s.offset = 8;
    s.readOnly = true;
    s.direct = true;
    s.sync = true;
    s.bufferCount = 65535;
    s.maxSectors = 17;
    s.workers = 4;
    s.io = QString::fromLatin1(serve::io::kAio);
    s.masks = {QStringLiteral("02:00:00:00:ee:01"), QStringLiteral("02:00:00:00:ee:02")};
    s.configString = QStringLiteral("rack \"b\"\n3");
    s.stateFile = QStringLiteral("/var/lib/aoesan/e7.3.json");
    return s;
}

} // namespace

class TestEngineEventsStream : public QObject
{
    Q_OBJECT

private slots:
    void valueRoundTrip_data();
    void valueRoundTrip();
    void writerRoundTrip();
    void documentedLinesAreWhatTheWriterPrints();
    void docsNameEveryEventFieldAndWord();
    void exitCodesAreDocumented();
    void countsTooLargeForTheWriterReadAsItsLargest();
    void fuzzRegressionsReadBackTheSame();
};

void TestEngineEventsStream::valueRoundTrip_data()
{
    QTest::addColumn<ServeEvent>("event");
    QTest::addRow("started, every field set") << ServeEvent {fullStarted()};
    QTest::addRow("started, defaults") << ServeEvent {serve::Started {}};
    QTest::addRow("restored") << ServeEvent {serve::Restored {{QStringLiteral("02:00:00:00:ee:01")},
        {QStringLiteral("02:00:00:00:ee:02"), QStringLiteral("02:00:00:00:ee:03")}, QStringLiteral("/s.json")}};
    QTest::addRow("restored, empty lists") << ServeEvent {serve::Restored {{}, {}, QStringLiteral("/s.json")}};
    QTest::addRow("counters") << ServeEvent {serve::Counters {{1030, 1031, 1048576, 4096, 2, 3}}};
    QTest::addRow("client") << ServeEvent {serve::Client {QStringLiteral("02:00:00:00:b0:02")}};
    QTest::addRow("clients") << ServeEvent {serve::Clients {9968, 1024}};
    QTest::addRow("warning") << ServeEvent {serve::Warning {QStringLiteral("shelf 4095 is reserved")}};
    for (const std::string_view word : error_word::kServeWords) {
        QTest::addRow("error %s", word.data()) << ServeEvent {serve::Error {QString::fromLatin1(word),
            QStringLiteral("it went wrong"), word == error_word::kIo ? QString() : QStringLiteral("do this")}};
    }
    QTest::addRow("stopped") << ServeEvent {
        serve::Stopped {QString::fromLatin1(serve::kStopReasonSignal), {10, 11, std::uint64_t {1} << 40, 512, 0, 1}}};
    QTest::addRow("unknown") << ServeEvent {serve::Unknown {QStringLiteral("resized")}};
}

void TestEngineEventsStream::valueRoundTrip()
{
    QFETCH(ServeEvent, event);
    const QByteArray line = engine::serveEventLine(event);
    QVERIFY(!line.contains('\n'));
    // The supervisor's reader, as ExportRunner calls it.
    QVERIFY2(supervisor::parseEngineEvent(line) == event, line.constData());
}

void TestEngineEventsStream::writerRoundTrip()
{
    std::FILE *out = std::tmpfile();
    std::FILE *human = std::tmpfile();
    engine::EngineEvents events(true, out, human);

    engine::ServeOptions options;
    options.shelf = 7;
    options.slot = 3;
    options.interface = "lan1";
    options.path = "/srv/disk.img";
    options.offsetSectors = 16;
    options.bufferCount = 32;
    options.direct = true;
    const auto ownMac = mac("02:00:00:00:b0:01");
    const engine::StartedInfo info {.options = options,
        .mac = ownMac,
        .mtu = 1500,
        .sectors = 131072,
        .maxSectors = 2,
        .workers = 0,
        .io = serve::io::kAio,
        .stateFile = "/state/e7.3.json",
        .configString = std::string("rack\xe9", 5), // Latin-1 on the wire, as the target keeps it
        .masks = {mac("02:00:00:00:ee:01")}};
    events.started(info);
    events.restored({mac("02:00:00:00:ee:01")}, {mac("02:00:00:00:ee:02")}, "/state/e7.3.json");
    events.clientSeen(mac("02:00:00:00:b0:02"));
    events.clientsUnlisted(9968, 1024);
    events.counters({1030, 1031, 1048576, 0, 0, 1});
    events.warning("the state file could not be written");
    events.error(error_word::kNoPermission, "no CAP_NET_RAW", "sudo setcap cap_net_raw+ep aoesan-engine");
    events.stopped(serve::kStopReasonSignal, {1040, 1041, 1048576, 0, 0, 1});
    QVERIFY(events.flush()); // written by the stream's own thread

    serve::Started started;
    started.pid = qint64(::getpid());
    started.shelf = 7;
    started.slot = 3;
    started.interface = QStringLiteral("lan1");
    started.mac = QStringLiteral("02:00:00:00:b0:01");
    started.mtu = 1500;
    started.file = QStringLiteral("/srv/disk.img");
    started.sectors = 131072;
    started.bytes = 131072 * 512;
    started.offset = 16;
    started.direct = true;
    started.bufferCount = 32;
    started.maxSectors = 2;
    started.io = QStringLiteral("aio");
    started.masks = {QStringLiteral("02:00:00:00:ee:01")};
    started.configString = QStringLiteral("rack\u00e9");
    started.stateFile = QStringLiteral("/state/e7.3.json");
    const std::vector<ServeEvent> expected {
        started,
        serve::Restored {{QStringLiteral("02:00:00:00:ee:01")}, {QStringLiteral("02:00:00:00:ee:02")},
            QStringLiteral("/state/e7.3.json")},
        serve::Client {QStringLiteral("02:00:00:00:b0:02")},
        serve::Clients {9968, 1024},
        serve::Counters {{1030, 1031, 1048576, 0, 0, 1}},
        serve::Warning {QStringLiteral("the state file could not be written")},
        serve::Error {QStringLiteral("no-permission"), QStringLiteral("no CAP_NET_RAW"),
            QStringLiteral("sudo setcap cap_net_raw+ep aoesan-engine")},
        serve::Stopped {QStringLiteral("signal"), {1040, 1041, 1048576, 0, 0, 1}},
    };
    const QList<QByteArray> lines = linesOf(out);
    QCOMPARE(lines.size(), qsizetype(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const QByteArray &line = lines[qsizetype(i)];
        QVERIFY2(supervisor::parseEngineEvent(line) == expected[i], line.constData());
        // What EngineEvents prints is the stream's own writer, byte for byte.
        QCOMPARE(line, engine::serveEventLine(expected[i]));
    }
    std::fclose(out);
    std::fclose(human);
}

void TestEngineEventsStream::documentedLinesAreWhatTheWriterPrints()
{
    const QList<QByteArray> lines = exampleLines(readDoc("engine-events.md"));
    QVERIFY(lines.size() >= 4);
    std::set<QString> kinds;
    for (const QByteArray &line : lines) {
        const ServeEvent parsed = engine::parseServeEvent(line);
        QVERIFY2(!std::holds_alternative<serve::Garbage>(parsed) && !std::holds_alternative<serve::Unknown>(parsed),
            line.constData());
        QCOMPARE(engine::serveEventLine(parsed), line);
        kinds.insert(QString::fromUtf8(line.mid(line.indexOf("\"event\":\"") + 9).split('"').first()));
    }
    QVERIFY(kinds.count(QStringLiteral("started")));
    QVERIFY(kinds.count(QStringLiteral("stopped")));
}

void TestEngineEventsStream::docsNameEveryEventFieldAndWord()
{
    const QString doc = QString::fromUtf8(readDoc("engine-events.md"));
    for (const QLatin1StringView name : serve::name::kAll)
        QVERIFY2(doc.contains(QStringLiteral("| `%1` |").arg(name)), name.data());
    for (const QLatin1StringView field : serve::field::kAll)
        QVERIFY2(doc.contains(QStringLiteral("`%1`").arg(field)) || doc.contains(QStringLiteral("`\"%1\"`").arg(field)),
            field.data());
    for (const char *io : {serve::io::kAio, serve::io::kInline, serve::io::kThreads})
        QVERIFY2(doc.contains(QStringLiteral("`%1`").arg(QLatin1StringView(io))), io);
    // The error table lists exactly the words of util/ErrorWords.h, each with an exit code of the table.
    const QRegularExpression row(
        QStringLiteral("^\\| `([a-z-]+)` \\| [^|]+ \\| ([0-9])"), QRegularExpression::MultilineOption);
    std::set<std::string> documented;
    for (auto m = row.globalMatch(doc); m.hasNext();) {
        const auto match = m.next();
        documented.insert(match.captured(1).toStdString());
        QVERIFY(std::ranges::find(kExitCodes, match.captured(2).toInt()) != kExitCodes.end());
    }
    const std::set<std::string> words(error_word::kServeWords.begin(), error_word::kServeWords.end());
    QCOMPARE(documented, words);
}

void TestEngineEventsStream::exitCodesAreDocumented()
{
    const QString doc = QString::fromUtf8(readDoc("exit-codes.md"));
    const QRegularExpression row(QStringLiteral("^\\| ([0-9]+) \\|"), QRegularExpression::MultilineOption);
    std::set<int> documented;
    for (auto m = row.globalMatch(doc); m.hasNext();)
        documented.insert(m.next().captured(1).toInt());
    const std::set<int> table(kExitCodes.begin(), kExitCodes.end());
    QCOMPARE(documented, table);
    const QString help = QString::fromLatin1(kExitCodeHelp);
    for (const int code : kExitCodes)
        QVERIFY2(help.contains(QStringLiteral(" %1 ").arg(code)), qPrintable(help));
    // systemd's units stop restarting on this one: it must never move.
    QCOMPARE(int(ExitNoPermission), 3);
}

// fuzz_serve_event: a count of 2^64 or more was converted from double to an integer, undefined behaviour
// (UBSan: float-cast-overflow). Such a count reads as the largest the writer can write, and round-trips.
void TestEngineEventsStream::countsTooLargeForTheWriterReadAsItsLargest()
{
    constexpr std::uint64_t largest = std::numeric_limits<qint64>::max();
    const ServeEvent huge = engine::parseServeEvent(R"({"event":"counters","framesIn":1e30,"bytesRead":6.7e84})");
    const auto *counters = std::get_if<serve::Counters>(&huge);
    QVERIFY(counters);
    QCOMPARE(counters->counters.framesIn, largest);
    QCOMPARE(counters->counters.bytesRead, largest);
    QCOMPARE(engine::parseServeEvent(engine::serveEventLine(huge)), huge);
    const ServeEvent edge = engine::parseServeEvent(R"({"event":"stopped","errors":9223372036854775807})");
    QCOMPARE(std::get<serve::Stopped>(edge).counters.errors, largest);
    const ServeEvent started = engine::parseServeEvent(R"({"event":"started","bytes":1e300,"sectors":-5})");
    QCOMPARE(std::get<serve::Started>(started).bytes, largest);
    QCOMPARE(std::get<serve::Started>(started).sectors, std::uint64_t {0});
}

// Every input that once crashed fuzz_serve_event (tests/fuzz/regressions/serve_event) reads, and what it
// reads as is written and read back the same.
void TestEngineEventsStream::fuzzRegressionsReadBackTheSame()
{
    const QDir dir(QStringLiteral(AOESAN_FUZZ_REGRESSIONS_DIR "/serve_event"));
    const auto files = dir.entryInfoList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ServeEvent event = engine::parseServeEvent(file.readAll());
        QVERIFY2(engine::parseServeEvent(engine::serveEventLine(event)) == event, qPrintable(info.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestEngineEventsStream)
#include "tst_engine_events_stream.moc"
