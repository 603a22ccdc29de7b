// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's "is this shelf.slot taken?" answered from discovery: a target seen from another
// MAC on that interface takes it; our own engines (this machine's MACs), other interfaces, unknown
// addresses and targets that went down do not.
#include <QTest>

#include "InitiatorLab.h"
#include "discovery/DiscoveryService.h"
#include "supervisor/DiscoveryAddressQuery.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using aoesan::initiator::FakeClock;

namespace {

FakeDisk disk(std::uint16_t shelf, std::uint8_t slot)
{
    FakeDisk d;
    d.shelf = shelf;
    d.slot = slot;
    d.sectors = 131072;
    d.serial = "remote";
    return d;
}

struct Segment : InitiatorLab
{
    Segment()
        : service(initiator, clock, options())
    {
        service.addTransport(&local);
    }

    static discovery::DiscoveryOptions options()
    {
        discovery::DiscoveryOptions o;
        o.interval = 1s;
        return o;
    }

    discovery::DiscoveryService service;
};

} // namespace

class TestDiscoveryAddressQuery : public QObject
{
    Q_OBJECT

private slots:
    void answeredByAnotherHost();
    void ownEnginesAndOtherInterfacesDoNotCount();
    void downTargetsDoNotCount();
};

void TestDiscoveryAddressQuery::answeredByAnotherHost()
{
    Segment s;
    s.target.addDisk(disk(7, 3));
    s.service.start();
    FakeClock::settle();
    const supervisor::DiscoveryAddressQuery query(s.service, [] { return std::vector<protocol::MacAddress> {}; });
    const auto who = query.answeredBy(7, 3, QStringLiteral("mem0"));
    QVERIFY(who.has_value());
    QVERIFY2(who->startsWith(QString::fromStdString(kTargetMac.toString())) && who->contains(QStringLiteral("0.067GB")),
        qPrintable(*who));
    QVERIFY(query.answeredBy(7, 3, QString()).has_value()); // any interface
    QVERIFY(!query.answeredBy(7, 4, QStringLiteral("mem0")).has_value());
}

void TestDiscoveryAddressQuery::ownEnginesAndOtherInterfacesDoNotCount()
{
    Segment s;
    s.target.addDisk(disk(7, 3));
    s.service.start();
    FakeClock::settle();
    const supervisor::DiscoveryAddressQuery ours(
        s.service, [] { return std::vector<protocol::MacAddress> {kTargetMac}; });
    QVERIFY(!ours.answeredBy(7, 3, QStringLiteral("mem0")).has_value());
    const supervisor::DiscoveryAddressQuery other(s.service, [] { return std::vector<protocol::MacAddress> {}; });
    QVERIFY(!other.answeredBy(7, 3, QStringLiteral("lan9")).has_value());
}

void TestDiscoveryAddressQuery::downTargetsDoNotCount()
{
    Segment s;
    s.target.addDisk(disk(7, 3));
    s.service.start();
    FakeClock::settle();
    const supervisor::DiscoveryAddressQuery query(s.service, [] { return std::vector<protocol::MacAddress> {}; });
    QVERIFY(query.answeredBy(7, 3, QStringLiteral("mem0")).has_value());
    s.target.transport()->setLinkUp(false); // the other host goes away
    for (int i = 0; i < 5; ++i) {
        s.clock.advance(1s);
        FakeClock::settle();
    }
    QCOMPARE(s.service.target({7, 3})->state, discovery::TargetState::Down);
    QVERIFY(!query.answeredBy(7, 3, QStringLiteral("mem0")).has_value());
}

QTEST_GUILESS_MAIN(TestDiscoveryAddressQuery)
#include "tst_discovery_address_query.moc"
