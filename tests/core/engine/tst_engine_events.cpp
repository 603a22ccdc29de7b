// SPDX-License-Identifier: GPL-3.0-or-later
// What a serving engine says (EngineEvents): the `restored` event as JSON (docs/engine-events.md) and as a
// human line, clients and the summary of unlisted ones as human lines, and errors and warnings on stderr named
// by the program that speaks, message and fix on one line.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>

#include "engine/EngineEvents.h"
#include "util/ErrorWords.h"

using namespace aoesan;

namespace {

// Everything written to a FILE* while `write` runs.
template<typename Write> QByteArray capture(std::FILE *file, Write write)
{
    write();
    std::fflush(file);
    const long size = std::ftell(file);
    std::rewind(file);
    QByteArray text(static_cast<qsizetype>(size), '\0');
    const std::size_t read = std::fread(text.data(), 1, static_cast<std::size_t>(size), file);
    text.resize(static_cast<qsizetype>(read));
    return text;
}

protocol::MacAddress mac(const char *text)
{
    return *protocol::MacAddress::fromString(text);
}

} // namespace

class TestEngineEvents : public QObject
{
    Q_OBJECT

private slots:
    void restoredAsJson()
    {
        std::FILE *out = std::tmpfile();
        std::FILE *human = std::tmpfile();
        engine::EngineEvents events(true, out, human);
        const QByteArray line = capture(out, [&] {
            events.restored(
                {mac("02:00:00:00:ee:01")}, {mac("02:00:00:00:ee:02"), mac("02:00:00:00:ee:03")}, "/state/e7.3.json");
            events.flush(); // written by the stream's own thread
        });
        QVERIFY(line.endsWith('\n'));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QStringLiteral("event")).toString(), QStringLiteral("restored"));
        QCOMPARE(o.value(QStringLiteral("masks")).toArray(), QJsonArray {QStringLiteral("02:00:00:00:ee:01")});
        QCOMPARE(o.value(QStringLiteral("reservations")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("stateFile")).toString(), QStringLiteral("/state/e7.3.json"));
        // The event stream is for programs: nothing for a person in this mode.
        QCOMPARE(capture(human, [] {}), QByteArray());
        std::fclose(out);
        std::fclose(human);
    }

    void restoredForAPerson_data()
    {
        QTest::addColumn<int>("masks");
        QTest::addColumn<int>("reservations");
        QTest::addColumn<QByteArray>("said");
        QTest::newRow("one host") << 1 << 0
                                  << QByteArray("aoesan-engine serve: restored from /s.json: MAC mask of 1 host (other "
                                                "hosts are ignored)\n");
        QTest::newRow("both") << 2 << 3
                              << QByteArray("aoesan-engine serve: restored from /s.json: MAC mask of 2 hosts (other "
                                            "hosts are ignored); reserve list of 3 hosts (other hosts may not read "
                                            "or write)\n");
    }

    void restoredForAPerson()
    {
        QFETCH(int, masks);
        QFETCH(int, reservations);
        QFETCH(QByteArray, said);
        std::vector<protocol::MacAddress> m(static_cast<std::size_t>(masks), mac("02:00:00:00:ee:01"));
        std::vector<protocol::MacAddress> r(static_cast<std::size_t>(reservations), mac("02:00:00:00:ee:02"));
        std::FILE *human = std::tmpfile();
        engine::EngineEvents events(false, stdout, human);
        QCOMPARE(capture(human, [&] { events.restored(m, r, "/s.json"); }), said);
        std::fclose(human);
    }

    // A storm of ever-new clients, as a person running `aoesan-ctl serve` sees it: the first ones by name, then
    // one line a second for the rest (and how many the engine still keeps), never a line per MAC.
    void clientsAsHumanLines()
    {
        std::FILE *human = std::tmpfile();
        engine::EngineEvents events(false, stdout, human);
        const QByteArray said = capture(human, [&] {
            events.clientSeen(mac("02:00:00:00:b0:02"));
            events.clientsUnlisted(9968, 1024);
            events.clientsUnlisted(1, 1024);
        });
        QCOMPARE(said,
            QByteArray("client 02:00:00:00:b0:02\n"
                       "9968 more clients (not listed one by one; 1024 kept)\n"
                       "1 more client (not listed one by one; 1024 kept)\n"));
        std::fclose(human);
    }

    void errorsNameTheSpeakerOnce()
    {
        std::FILE *out = std::tmpfile();
        std::FILE *human = std::tmpfile();
        engine::EngineEvents events(true, out, human);
        events.setProgram("aoesan-ctl serve");
        const QByteArray said = capture(human, [&] {
            events.error(error_word::kNoSuchInterface, "no network interface named 'x'", "`ip link` lists them.");
        });
        QCOMPARE(said, QByteArray("aoesan-ctl serve: error: no network interface named 'x'. `ip link` lists them.\n"));
        QVERIFY(events.flush()); // the event stream's thread is done with `out` before it is closed
        std::fclose(out);
        std::fclose(human);
    }
};

QTEST_GUILESS_MAIN(TestEngineEvents)
#include "tst_engine_events.moc"
