// SPDX-License-Identifier: GPL-3.0-or-later
// TargetRequests (the probe's per-target requests) against a FakeTarget on a MemoryLink: every request gets
// exactly one answer; the lock-out rule decides from the list the target would hold (mask: current list with
// the directives applied; reserve: the list given) and this host's MAC on the path's interface, and a refused
// change sends nothing; vblade 25's crashing delete is never sent; "identify" refreshes discovery's record.
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include "InitiatorLab.h"
#include "discovery/DiscoveryService.h"
#include "discovery/ProbeEvent.h"
#include "discovery/TargetRequests.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using aoesan::initiator::FakeClock;
using Kind = discovery::ProbeRequest::Kind;

namespace {

const protocol::MacAddress kStranger = *protocol::MacAddress::fromString("02:00:00:00:00:99");

struct RequestLab : InitiatorLab
{
    RequestLab()
        : service(initiator, clock, options())
        , requests(
              initiator, service, [this](const QJsonObject &e) { answers.push_back(e); }, policy())
    {
        service.addTransport(&local);
    }

    static discovery::DiscoveryOptions options()
    {
        discovery::DiscoveryOptions o;
        o.interval = 10s;
        return o;
    }
    static initiator::RetryPolicy policy()
    {
        initiator::RetryPolicy p;
        p.attempts = 1;
        p.firstTimeout = 100ms;
        return p;
    }

    FakeDisk &serve(std::uint16_t firmwareVersion = 0x4019)
    {
        FakeDisk d;
        d.shelf = 7;
        d.slot = 3;
        d.firmwareVersion = firmwareVersion;
        target.addDisk(d);
        service.start();
        FakeClock::settle();
        return *target.disk(7, 3);
    }

    // Runs one request line and returns its one answer, parsed.
    discovery::ProbeEvent ask(const QByteArray &line)
    {
        const auto parsed = discovery::parseProbeRequest(line);
        if (!parsed)
            return discovery::probe::Garbage {line, parsed.error().message};
        const auto before = answers.size();
        requests.run(parsed.value());
        for (int i = 0; i < 20 && answers.size() == before; ++i) {
            FakeClock::settle();
            clock.advance(50ms);
        }
        if (answers.size() != before + 1)
            return discovery::probe::Garbage {line, QStringLiteral("%1 answers").arg(answers.size() - before)};
        return discovery::parseProbeEvent(QJsonDocument(answers.back()).toJson());
    }

    discovery::DiscoveryService service;
    discovery::TargetRequests requests;
    std::vector<QJsonObject> answers;
};

const discovery::RequestReply *reply(const discovery::ProbeEvent &e)
{
    return std::get_if<discovery::RequestReply>(&e);
}

const discovery::RequestFailure *failure(const discovery::ProbeEvent &e)
{
    return std::get_if<discovery::RequestFailure>(&e);
}

int maskEdits(const FakeTarget &t)
{
    int n = 0;
    for (const auto &f : t.requests())
        n += static_cast<std::uint8_t>(f[19]) == static_cast<std::uint8_t>(protocol::Command::MacMask)
                && static_cast<std::uint8_t>(f[25]) == static_cast<std::uint8_t>(protocol::MacMaskCommand::Edit)
            ? 1
            : 0;
    return n;
}

} // namespace

class TestTargetRequests : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("AOESAN_LOG", "off"); }
    void identifyRefreshesDiscovery();
    void configReadAndForceSet();
    void maskGuard_data();
    void maskGuard();
    void vbladeDeleteOfListedMacNeverSent();
    void reserveGuardAndReservedByOther();
    void unknownTargetAndSilence();
};

void TestTargetRequests::identifyRefreshesDiscovery()
{
    RequestLab lab;
    lab.serve();
    QSignalSpy changed(&lab.service, &discovery::DiscoveryService::changed);
    lab.target.disk(7, 3)->sectors = 262144; // the disk grew since discovery identified it
    const auto e = lab.ask("identify 1 e7.3");
    QVERIFY(reply(e));
    QCOMPARE(reply(e)->identify->sectors, std::uint64_t {262144});
    QCOMPARE(reply(e)->interface, QStringLiteral("mem0"));
    QCOMPARE(reply(e)->ownMac, kInitiatorMac);
    QCOMPARE(reply(e)->targetMac, kTargetMac);
    QTRY_COMPARE(lab.service.target({7, 3})->sectors, std::uint64_t {262144});
    QVERIFY(!changed.isEmpty());
}

void TestTargetRequests::configReadAndForceSet()
{
    RequestLab lab;
    lab.serve().configString = "old";
    auto e = lab.ask("config 1 e7.3");
    QVERIFY(reply(e));
    QCOMPARE(*reply(e)->configString, std::string("old"));
    // The person confirmed the replacement: a string already there does not stop it.
    e = lab.ask("config-set 2 e7.3 new%20one");
    QVERIFY(reply(e));
    QCOMPARE(*reply(e)->configString, std::string("new one"));
    QCOMPARE(lab.target.disk(7, 3)->configString, std::string("new one"));
}

void TestTargetRequests::maskGuard_data()
{
    const QString own = QString::fromStdString(kInitiatorMac.toString());
    const QString stranger = QString::fromStdString(kStranger.toString());
    QTest::addColumn<QStringList>("listed"); // the target's list before
    QTest::addColumn<QString>("directives");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QStringList>("after"); // the list it holds afterwards (refused: the list it would hold)

    const auto add = [](const QString &m) -> QString { return QLatin1Char('+') + m; };
    const auto del = [](const QString &m) -> QString { return QLatin1Char('-') + m; };
    const auto words = [](const QStringList &w) -> QString { return w.join(QLatin1Char(' ')); };
    const QString other = QStringLiteral("02:00:00:00:00:98");
    QTest::newRow("only a stranger") << QStringList {} << add(stranger) << true << QStringList {stranger};
    QTest::newRow("stranger and us") << QStringList {} << words({add(stranger), add(own)}) << false
                                     << QStringList {stranger, own};
    QTest::newRow("us alone") << QStringList {} << add(own) << false << QStringList {own};
    QTest::newRow("delete us, stranger stays")
        << QStringList {own, stranger} << del(own) << true << QStringList {stranger};
    QTest::newRow("delete everything") << QStringList {own, stranger} << words({del(stranger), del(own)}) << false
                                       << QStringList {};
    QTest::newRow("delete then add back")
        << QStringList {own} << words({del(own), add(stranger), add(own)}) << false << QStringList {stranger, own};
    QTest::newRow("allowed lock-out") << QStringList {} << words({QStringLiteral("--allow-lockout"), add(stranger)})
                                      << false << QStringList {stranger};
    QTest::newRow("listed, add another") << QStringList {own} << add(other) << false << QStringList {own, other};
    QTest::newRow("repeated add of a stranger")
        << QStringList {} << words({add(stranger), add(stranger)}) << true << QStringList {stranger};
}

void TestTargetRequests::maskGuard()
{
    QFETCH(QStringList, listed);
    QFETCH(QString, directives);
    QFETCH(bool, refused);
    QFETCH(QStringList, after);
    RequestLab lab;
    FakeDisk &disk = lab.serve(0x0101); // not vblade: deletes are fine
    for (const QString &m : listed)
        disk.maskList.push_back(*protocol::MacAddress::fromString(m.toStdString()));
    const auto before = disk.maskList;
    const auto e = lab.ask("mask-edit 1 e7.3 " + directives.toLatin1());
    QStringList got;
    if (refused) {
        QVERIFY(failure(e));
        QCOMPARE(failure(e)->code, QStringLiteral("locks-out"));
        QCOMPARE(failure(e)->ownMac, std::optional(kInitiatorMac));
        for (const auto &m : failure(e)->macs)
            got << QString::fromStdString(m.toString());
        QCOMPARE(maskEdits(lab.target), 0);
        QVERIFY(lab.target.disk(7, 3)->maskList == before);
    } else {
        QVERIFY2(reply(e), failure(e) ? qPrintable(failure(e)->message) : "no answer");
        for (const auto &m : *reply(e)->macs)
            got << QString::fromStdString(m.toString());
    }
    QCOMPARE(got, after);
}

void TestTargetRequests::vbladeDeleteOfListedMacNeverSent()
{
    RequestLab lab;
    lab.serve(0x4019).maskList = {kInitiatorMac, kStranger};
    auto e = lab.ask("mask-edit 1 e7.3 --allow-lockout -" + QByteArray::fromStdString(kStranger.toString()));
    QVERIFY(failure(e));
    QCOMPARE(failure(e)->code, QStringLiteral("unsafe-delete"));
    QCOMPARE(maskEdits(lab.target), 0);
    // A delete of a MAC that is not listed does not crash vblade: it is sent.
    e = lab.ask("mask-edit 2 e7.3 -02:00:00:00:00:42");
    QVERIFY(reply(e));
    QCOMPARE(maskEdits(lab.target), 1);
}

void TestTargetRequests::reserveGuardAndReservedByOther()
{
    RequestLab lab;
    FakeDisk &disk = lab.serve();
    const QByteArray stranger = QByteArray::fromStdString(kStranger.toString());
    auto e = lab.ask("reserve-set 1 e7.3 " + stranger);
    QVERIFY(failure(e));
    QCOMPARE(failure(e)->code, QStringLiteral("locks-out"));
    QVERIFY(lab.target.disk(7, 3)->reserveList.empty());
    e = lab.ask("reserve-set 2 e7.3 " + stranger + " " + QByteArray::fromStdString(kInitiatorMac.toString()));
    QVERIFY(reply(e));
    QCOMPARE(reply(e)->macs->size(), std::size_t {2});

    disk.reserveList = {kStranger}; // another host took it meanwhile
    e = lab.ask("reserve-set 3 e7.3 " + QByteArray::fromStdString(kInitiatorMac.toString()));
    QVERIFY(failure(e));
    QCOMPARE(failure(e)->code, QStringLiteral("reserved"));
    QCOMPARE(failure(e)->macs, std::vector {kStranger});
    e = lab.ask("reserve-set 4 e7.3 --override " + QByteArray::fromStdString(kInitiatorMac.toString()));
    QVERIFY(reply(e));
    QCOMPARE(lab.target.disk(7, 3)->reserveList, std::vector {kInitiatorMac});
    e = lab.ask("reserve 5 e7.3");
    QCOMPARE(*reply(e)->macs, std::vector {kInitiatorMac});
}

void TestTargetRequests::unknownTargetAndSilence()
{
    RequestLab lab;
    lab.serve();
    auto e = lab.ask("identify 1 e9.9");
    QVERIFY(failure(e));
    QCOMPARE(failure(e)->code, QStringLiteral("no-such-target"));
    QCOMPARE(failure(e)->id, 1u);
    lab.target.setSilent(true);
    e = lab.ask("mask 2 e7.3");
    QVERIFY(failure(e));
    QCOMPARE(failure(e)->code, QStringLiteral("no-answer"));
}

QTEST_GUILESS_MAIN(TestTargetRequests)
#include "tst_target_requests.moc"
