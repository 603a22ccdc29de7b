// SPDX-License-Identifier: GPL-3.0-or-later
// The probe's stdin commands and their answers (discovery/ProbeRequest.h): every valid command line parses
// to its request and formats back to the same line; malformed lines are errors that keep the id when they
// got that far; reply and request-error events round-trip through parseProbeEvent.
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include "discovery/ProbeEvent.h"
#include "discovery/ProbeRequest.h"
#include "protocol/Constants.h"

using namespace aoesan;
using discovery::ProbeRequest;
using Kind = ProbeRequest::Kind;

Q_DECLARE_METATYPE(ProbeRequest)

namespace {

protocol::MacAddress mac(const char *text)
{
    return *protocol::MacAddress::fromString(text);
}

ProbeRequest request(Kind kind, std::uint32_t id = 0, discovery::TargetId target = {})
{
    ProbeRequest r;
    r.kind = kind;
    r.id = id;
    r.target = target;
    return r;
}

protocol::MacMaskDirective directive(protocol::DirectiveCommand c, const char *m)
{
    return {static_cast<std::uint8_t>(c), mac(m)};
}

} // namespace

class TestProbeRequest : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidLines_data();
    void parsesValidLines();
    void rejectsMalformedLines_data();
    void rejectsMalformedLines();
    void configTextRoundTrips_data();
    void configTextRoundTrips();
    void deviceNames_data();
    void deviceNames();
    void replyRoundTrips();
    void requestErrorRoundTrips();
    void malformedAnswersAreGarbage_data();
    void malformedAnswersAreGarbage();
    void mutatedLinesAreErrorsOrRoundTrip();
};

void TestProbeRequest::parsesValidLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<ProbeRequest>("expected");
    QTest::addColumn<QByteArray>("formatted"); // the canonical line formatProbeRequest writes

    const discovery::TargetId e73 {7, 3};
    QTest::newRow("probe") << QByteArray("probe") << request(Kind::Probe) << QByteArray("probe");
    QTest::newRow("forget-down, spaces") << QByteArray("  forget-down \r") << request(Kind::ForgetDown)
                                         << QByteArray("forget-down");
    QTest::newRow("identify") << QByteArray("identify 1 e7.3") << request(Kind::Identify, 1, e73)
                              << QByteArray("identify 1 e7.3");
    QTest::newRow("identify without e") << QByteArray("identify 42 7.3") << request(Kind::Identify, 42, e73)
                                        << QByteArray("identify 42 e7.3");
    QTest::newRow("largest id, largest address")
        << QByteArray("config 4294967295 e65534.254") << request(Kind::ConfigRead, 4294967295u, {65534, 254})
        << QByteArray("config 4294967295 e65534.254");
    auto set = request(Kind::ConfigSet, 2, e73);
    set.configString = "rack b/3 50%";
    QTest::newRow("config-set") << QByteArray("config-set 2 e7.3 rack%20b%2F3%2050%25") << set
                                << QByteArray("config-set 2 e7.3 rack%20b%2F3%2050%25");
    QTest::newRow("config-set empty") << QByteArray("config-set 3 e7.3") << request(Kind::ConfigSet, 3, e73)
                                      << QByteArray("config-set 3 e7.3");
    QTest::newRow("mask") << QByteArray("mask 4 e0.0") << request(Kind::MaskRead, 4, {0, 0})
                          << QByteArray("mask 4 e0.0");
    auto edit = request(Kind::MaskEdit, 5, e73);
    edit.directives = {directive(protocol::DirectiveCommand::Add, "02:00:00:00:00:01"),
        directive(protocol::DirectiveCommand::Delete, "02:00:00:00:00:02")};
    QTest::newRow("mask-edit") << QByteArray("mask-edit 5 e7.3 +02:00:00:00:00:01 -02:00:00:00:00:02") << edit
                               << QByteArray("mask-edit 5 e7.3 +02:00:00:00:00:01 -02:00:00:00:00:02");
    auto forced = edit;
    forced.allowLockout = true;
    QTest::newRow("mask-edit allow lock-out anywhere")
        << QByteArray("mask-edit 5 e7.3 +02:00:00:00:00:01 --allow-lockout -02:00:00:00:00:02") << forced
        << QByteArray("mask-edit 5 e7.3 --allow-lockout +02:00:00:00:00:01 -02:00:00:00:00:02");
    QTest::newRow("reserve") << QByteArray("reserve 6 e7.3") << request(Kind::ReserveRead, 6, e73)
                             << QByteArray("reserve 6 e7.3");
    auto reserve = request(Kind::ReserveSet, 7, e73);
    reserve.macs = {mac("02:00:00:00:00:01"), mac("02:00:00:00:00:0a")};
    QTest::newRow("reserve-set") << QByteArray("reserve-set 7 e7.3 02:00:00:00:00:01 02:00:00:00:00:0A") << reserve
                                 << QByteArray("reserve-set 7 e7.3 02:00:00:00:00:01 02:00:00:00:00:0a");
    auto release = request(Kind::ReserveSet, 8, e73);
    release.override = true;
    QTest::newRow("forced release") << QByteArray("reserve-set 8 e7.3 --override") << release
                                    << QByteArray("reserve-set 8 e7.3 --override");
}

void TestProbeRequest::parsesValidLines()
{
    QFETCH(QByteArray, line);
    QFETCH(ProbeRequest, expected);
    QFETCH(QByteArray, formatted);
    const auto parsed = discovery::parseProbeRequest(line);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QVERIFY(parsed.value() == expected);
    QCOMPARE(discovery::formatProbeRequest(expected), formatted);
    const auto again = discovery::parseProbeRequest(formatted);
    QVERIFY(again.ok() && again.value() == expected);
}

void TestProbeRequest::rejectsMalformedLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<uint>("id"); // the id the error keeps (0: the line did not get that far)
    QTest::addColumn<QString>("says");

    QTest::newRow("empty") << QByteArray("") << 0u << "empty";
    QTest::newRow("blank") << QByteArray(" \t ") << 0u << "empty";
    QTest::newRow("unknown") << QByteArray("format-disk 1 e7.3") << 0u << "unknown command";
    QTest::newRow("upper case") << QByteArray("IDENTIFY 1 e7.3") << 0u << "unknown command";
    QTest::newRow("probe with argument") << QByteArray("probe now") << 0u << "no arguments";
    QTest::newRow("no id") << QByteArray("identify") << 0u << "request id";
    QTest::newRow("id zero") << QByteArray("identify 0 e7.3") << 0u << "request id";
    QTest::newRow("id negative") << QByteArray("identify -1 e7.3") << 0u << "request id";
    QTest::newRow("id plus sign") << QByteArray("identify +1 e7.3") << 0u << "request id";
    QTest::newRow("id too large") << QByteArray("identify 4294967296 e7.3") << 0u << "request id";
    QTest::newRow("id not a number") << QByteArray("identify x e7.3") << 0u << "request id";
    QTest::newRow("no target") << QByteArray("identify 9") << 9u << "target";
    QTest::newRow("broadcast shelf") << QByteArray("identify 9 e65535.0") << 9u << "not a target";
    QTest::newRow("broadcast slot") << QByteArray("identify 9 e1.255") << 9u << "not a target";
    QTest::newRow("target garbage") << QByteArray("identify 9 e7") << 9u << "not a target";
    QTest::newRow("target trailing dot") << QByteArray("identify 9 e7.") << 9u << "not a target";
    QTest::newRow("target hex") << QByteArray("identify 9 e0x7.3") << 9u << "not a target";
    QTest::newRow("identify extra") << QByteArray("identify 9 e7.3 now") << 9u << "only";
    QTest::newRow("config-set two words") << QByteArray("config-set 9 e7.3 a b") << 9u << "percent-encoded";
    QTest::newRow("config-set raw slash") << QByteArray("config-set 9 e7.3 a/b") << 9u << "percent-encoded";
    QTest::newRow("config-set stray percent") << QByteArray("config-set 9 e7.3 50%") << 9u << "percent-encoded";
    QTest::newRow("config-set bad hex") << QByteArray("config-set 9 e7.3 %zz") << 9u << "percent-encoded";
    QTest::newRow("config-set UTF-8 raw") << QByteArray("config-set 9 e7.3 \xc3\xa9") << 9u << "percent-encoded";
    QTest::newRow("config-set too long") << (QByteArray("config-set 9 e7.3 ") + QByteArray(1025, 'a')) << 9u
                                         << "1024 bytes";
    QTest::newRow("mask-edit nothing") << QByteArray("mask-edit 9 e7.3") << 9u << "at least one";
    QTest::newRow("mask-edit only the flag") << QByteArray("mask-edit 9 e7.3 --allow-lockout") << 9u << "at least one";
    QTest::newRow("mask-edit bare MAC") << QByteArray("mask-edit 9 e7.3 02:00:00:00:00:01") << 9u << "+MAC";
    QTest::newRow("mask-edit bad MAC") << QByteArray("mask-edit 9 e7.3 +02:00:00:00:00") << 9u << "+MAC";
    QTest::newRow("mask-edit override") << QByteArray("mask-edit 9 e7.3 --override +02:00:00:00:00:01") << 9u
                                        << "unknown option";
    QTest::newRow("reserve-set bad MAC") << QByteArray("reserve-set 9 e7.3 zz:00:00:00:00:01") << 9u << "not a MAC";
    QTest::newRow("reserve-set unknown option") << QByteArray("reserve-set 9 e7.3 --force") << 9u << "unknown option";
    QByteArray many("reserve-set 9 e7.3");
    for (int i = 0; i < 256; ++i)
        many += ' ' + QByteArray::fromStdString(protocol::MacAddress({2, 0, 0, 0, 1, std::uint8_t(i)}).toString());
    QTest::newRow("reserve-set 256 MACs") << many << 9u << "at most 255";
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe", 3) << 0u << "unknown command";
}

void TestProbeRequest::rejectsMalformedLines()
{
    QFETCH(QByteArray, line);
    QFETCH(uint, id);
    QFETCH(QString, says);
    const auto parsed = discovery::parseProbeRequest(line);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().id, id);
    QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
}

void TestProbeRequest::configTextRoundTrips_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("plain") << QByteArray("rack-b");
    QTest::newRow("spaces and percent") << QByteArray("a b 100% c");
    QTest::newRow("control bytes") << QByteArray("\x01\n\r\t\x7f", 5);
    QTest::newRow("high bytes") << QByteArray("\xc3\xa9\xff");
    QTest::newRow("longest") << QByteArray(1024, '%');
}

void TestProbeRequest::configTextRoundTrips()
{
    QFETCH(QByteArray, text);
    auto r = request(Kind::ConfigSet, 11, {1, 2});
    r.configString = text.toStdString();
    const QByteArray line = discovery::formatProbeRequest(r);
    QVERIFY(!line.contains('\n'));
    const auto parsed = discovery::parseProbeRequest(line);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(QByteArray::fromStdString(parsed->configString), text);
}

void TestProbeRequest::deviceNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("shelf"); // -1: not a target
    QTest::addColumn<int>("slot");
    QTest::newRow("e7.3") << "e7.3" << 7 << 3;
    QTest::newRow("7.3") << "7.3" << 7 << 3;
    QTest::newRow("leading zeros") << "e007.03" << 7 << 3;
    QTest::newRow("upper E") << "E7.3" << -1 << 0;
    QTest::newRow("empty") << "" << -1 << 0;
    QTest::newRow("two dots") << "e1.2.3" << -1 << 0;
    QTest::newRow("spaces") << "e 7.3" << -1 << 0;
    QTest::newRow("huge") << "e999999.1" << -1 << 0;
}

void TestProbeRequest::deviceNames()
{
    QFETCH(QString, text);
    QFETCH(int, shelf);
    QFETCH(int, slot);
    const auto id = discovery::parseDeviceName(text);
    QCOMPARE(id.has_value(), shelf >= 0);
    if (id) {
        QCOMPARE(int(id->shelf), shelf);
        QCOMPARE(int(id->slot), slot);
    }
}

void TestProbeRequest::replyRoundTrips()
{
    discovery::RequestReply reply;
    reply.id = 17;
    reply.kind = Kind::MaskEdit;
    reply.target = {7, 3};
    reply.interface = QStringLiteral("veth-i");
    reply.targetMac = mac("02:00:00:00:a0:01");
    reply.ownMac = mac("02:00:00:00:a0:02");
    reply.macs = std::vector {mac("02:00:00:00:a0:02"), mac("02:00:00:00:00:99")};
    const auto line = QJsonDocument(discovery::replyToJson(reply)).toJson(QJsonDocument::Compact);
    auto event = discovery::parseProbeEvent(line);
    const auto *back = std::get_if<discovery::RequestReply>(&event);
    QVERIFY2(back, line.constData());
    QVERIFY(*back == reply);

    discovery::RequestReply identify;
    identify.id = 18;
    identify.kind = Kind::Identify;
    identify.target = {0, 1};
    identify.identify = discovery::IdentifySummary {"Coraid EtherDrive vblade", "0.1:vm", "V25", 131072, true};
    event = discovery::parseProbeEvent(QJsonDocument(discovery::replyToJson(identify)).toJson());
    back = std::get_if<discovery::RequestReply>(&event);
    QVERIFY(back && *back == identify);

    discovery::RequestReply config;
    config.id = 19;
    config.kind = Kind::ConfigSet;
    config.target = {1, 1};
    config.configString = std::string();
    event = discovery::parseProbeEvent(QJsonDocument(discovery::replyToJson(config)).toJson());
    back = std::get_if<discovery::RequestReply>(&event);
    QVERIFY(back && *back == config && back->configString.has_value());
}

void TestProbeRequest::requestErrorRoundTrips()
{
    discovery::RequestFailure failure {21, Kind::ReserveSet, discovery::TargetId {7, 3},
        QString::fromLatin1(discovery::request_error::kLocksOut), QStringLiteral("would lock out"),
        {mac("02:00:00:00:00:99")}, mac("02:00:00:00:a0:02")};
    auto event = discovery::parseProbeEvent(QJsonDocument(discovery::requestFailureToJson(failure)).toJson());
    const auto *back = std::get_if<discovery::RequestFailure>(&event);
    QVERIFY(back && *back == failure);

    // A bad line's error: no request, no target, no id.
    discovery::RequestFailure bad {0, std::nullopt, std::nullopt,
        QString::fromLatin1(discovery::request_error::kBadRequest), QStringLiteral("x"), {}, std::nullopt};
    event = discovery::parseProbeEvent(QJsonDocument(discovery::requestFailureToJson(bad)).toJson());
    back = std::get_if<discovery::RequestFailure>(&event);
    QVERIFY(back && *back == bad);
}

void TestProbeRequest::malformedAnswersAreGarbage_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("reply without id") << QByteArray(R"({"event":"reply","request":"mask","device":"e7.3"})");
    QTest::newRow("reply id zero") << QByteArray(R"({"event":"reply","id":0,"request":"mask","device":"e7.3"})");
    QTest::newRow("reply id fraction") << QByteArray(R"({"event":"reply","id":1.5,"request":"mask","device":"e7.3"})");
    QTest::newRow("reply unknown request")
        << QByteArray(R"({"event":"reply","id":1,"request":"wipe","device":"e7.3"})");
    QTest::newRow("reply bad device") << QByteArray(R"({"event":"reply","id":1,"request":"mask","device":7})");
    QTest::newRow("reply macs not a list")
        << QByteArray(R"({"event":"reply","id":1,"request":"mask","device":"e7.3","macs":"02:00:00:00:00:01"})");
    QTest::newRow("reply bad MAC in list")
        << QByteArray(R"({"event":"reply","id":1,"request":"mask","device":"e7.3","macs":["nope"]})");
    QTest::newRow("request-error without code") << QByteArray(R"({"event":"request-error","id":1})");
    QTest::newRow("request-error without id") << QByteArray(R"({"event":"request-error","code":"no-answer"})");
}

void TestProbeRequest::malformedAnswersAreGarbage()
{
    QFETCH(QByteArray, line);
    const auto event = discovery::parseProbeEvent(line);
    QVERIFY(std::holds_alternative<discovery::probe::Garbage>(event));
}

// 50,000 byte-level mutations of valid lines: each parses to an error or to a request that formats back to a
// line parsing to the same request (never a crash, never a request the engine could not write back).
void TestProbeRequest::mutatedLinesAreErrorsOrRoundTrip()
{
    const QByteArray seeds[] = {"identify 1 e7.3", "config-set 2 e7.3 rack%20b", "mask-edit 3 e7.3 +02:00:00:00:00:01",
        "reserve-set 4 e7.3 --override --allow-lockout 02:00:00:00:00:01 02:00:00:00:00:02", "probe",
        "mask-edit 5 e65534.254 --allow-lockout -02:00:00:00:00:0a +02:00:00:00:00:0b"};
    QRandomGenerator random(20261201);
    int valid = 0;
    for (int i = 0; i < 50000; ++i) {
        QByteArray line = seeds[random.bounded(static_cast<int>(std::size(seeds)))];
        const int edits = 1 + random.bounded(4);
        for (int e = 0; e < edits && !line.isEmpty(); ++e) {
            const auto at = random.bounded(static_cast<int>(line.size()));
            switch (random.bounded(4)) {
            case 0:
                line[at] = static_cast<char>(random.bounded(256));
                break;
            case 1:
                line.remove(at, 1 + random.bounded(3));
                break;
            case 2:
                line.insert(at, " -+%.:e0123456789abcdefz"[random.bounded(24)]);
                break;
            default:
                line.insert(at, line.mid(random.bounded(static_cast<int>(line.size()))));
                break;
            }
        }
        const auto parsed = discovery::parseProbeRequest(line);
        if (!parsed) {
            QVERIFY(!parsed.error().message.isEmpty());
            continue;
        }
        ++valid;
        const QByteArray again = discovery::formatProbeRequest(parsed.value());
        const auto reparsed = discovery::parseProbeRequest(again);
        QVERIFY2(reparsed.ok() && reparsed.value() == parsed.value(), line.constData());
    }
    QVERIFY(valid > 100); // the mutations reach valid lines too, not only errors
}

QTEST_GUILESS_MAIN(TestProbeRequest)
#include "tst_probe_request.moc"
