// SPDX-License-Identifier: GPL-3.0-or-later
// MemoryTransport and MemoryLink: the in-memory segment the discovery and initiator tests run on must
// behave like a wire (who hears what, link down, MTU), or those tests prove nothing.
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include "net/MemoryTransport.h"

using aoesan::net::MemoryLink;
using aoesan::net::MemoryTransport;
using aoesan::net::TransportError;
using aoesan::protocol::MacAddress;

namespace {

const MacAddress kMacA({0x02, 0, 0, 0, 0, 0x0a});
const MacAddress kMacB({0x02, 0, 0, 0, 0, 0x0b});
const MacAddress kMacC({0x02, 0, 0, 0, 0, 0x0c});

// An AoE frame to `destination`, padded to 60 bytes; `marker` tells frames apart.
QByteArray frameTo(const MacAddress &destination, const MacAddress &source, char marker = 0, int size = 60)
{
    QByteArray frame(size, '\0');
    for (int i = 0; i < 6; ++i) {
        frame[i] = static_cast<char>(destination.bytes()[static_cast<std::size_t>(i)]);
        frame[6 + i] = static_cast<char>(source.bytes()[static_cast<std::size_t>(i)]);
    }
    frame[12] = static_cast<char>(0x88);
    frame[13] = static_cast<char>(0xa2);
    frame[14] = 0x10;
    frame[size - 1] = marker;
    return frame;
}

std::span<const std::uint8_t> bytesOf(const QByteArray &frame)
{
    return {reinterpret_cast<const std::uint8_t *>(frame.constData()), static_cast<std::size_t>(frame.size())};
}

} // namespace

class TestMemoryTransport : public QObject
{
    Q_OBJECT

private slots:
    void delivery_data();
    void delivery();
    void senderDoesNotHearItself();
    void deliveryIsQueued();
    void linkDown();
    void mtuLimit_data();
    void mtuLimit();
    void history();
    void destroyedTransportIsDetached();
};

void TestMemoryTransport::delivery_data()
{
    QTest::addColumn<QByteArray>("destination");
    QTest::addColumn<bool>("promiscuous");
    QTest::addColumn<bool>("bHears");
    QTest::addColumn<bool>("cHears");

    const auto mac
        = [](const MacAddress &m) { return QByteArray(reinterpret_cast<const char *>(m.bytes().data()), 6); };
    QTest::addRow("broadcast") << mac(MacAddress::broadcast()) << false << true << true;
    QTest::addRow("multicast") << mac(MacAddress({0x01, 0x00, 0x5e, 0, 0, 1})) << false << true << true;
    QTest::addRow("unicast to B") << mac(kMacB) << false << true << false;
    QTest::addRow("unicast to B, promiscuous") << mac(kMacB) << true << true << true;
    QTest::addRow("unicast to nobody") << mac(MacAddress({0x02, 0, 0, 0, 0, 0x99})) << false << false << false;
    QTest::addRow("unicast to nobody, promiscuous")
        << mac(MacAddress({0x02, 0, 0, 0, 0, 0x99})) << true << true << true;
}

void TestMemoryTransport::delivery()
{
    QFETCH(QByteArray, destination);
    QFETCH(bool, promiscuous);
    QFETCH(bool, bHears);
    QFETCH(bool, cHears);

    MemoryLink link;
    MemoryTransport a(&link, "a", kMacA);
    MemoryTransport b(&link, "b", kMacB);
    MemoryTransport c(&link, "c", kMacC);
    b.setPromiscuous(promiscuous);
    c.setPromiscuous(promiscuous);
    QSignalSpy bSpy(&b, &MemoryTransport::frameReceived);
    QSignalSpy cSpy(&c, &MemoryTransport::frameReceived);

    MacAddress::Bytes dst {};
    std::copy_n(reinterpret_cast<const std::uint8_t *>(destination.constData()), 6, dst.begin());
    const QByteArray frame = frameTo(MacAddress(dst), kMacA);
    QVERIFY(a.send(bytesOf(frame)).ok());
    QCoreApplication::processEvents();

    QCOMPARE(bSpy.size(), bHears ? 1 : 0);
    QCOMPARE(cSpy.size(), cHears ? 1 : 0);
    if (bHears)
        QCOMPARE(bSpy.at(0).at(0).toByteArray(), frame);
}

void TestMemoryTransport::senderDoesNotHearItself()
{
    MemoryLink link;
    MemoryTransport a(&link, "a", kMacA);
    MemoryTransport b(&link, "b", kMacB);
    QSignalSpy aSpy(&a, &MemoryTransport::frameReceived);
    QVERIFY(a.send(bytesOf(frameTo(MacAddress::broadcast(), kMacA))).ok());
    QCoreApplication::processEvents();
    QCOMPARE(aSpy.size(), 0);
}

void TestMemoryTransport::deliveryIsQueued()
{
    MemoryLink link;
    MemoryTransport a(&link, "a", kMacA);
    MemoryTransport b(&link, "b", kMacB);
    QSignalSpy bSpy(&b, &MemoryTransport::frameReceived);
    QVERIFY(a.send(bytesOf(frameTo(kMacB, kMacA))).ok());
    // A responder must never run inside send(), as with a real socket.
    QCOMPARE(bSpy.size(), 0);
    QTRY_COMPARE(bSpy.size(), 1);
}

void TestMemoryTransport::linkDown()
{
    MemoryLink link;
    MemoryTransport a(&link, "a", kMacA);
    MemoryTransport b(&link, "b", kMacB);
    QSignalSpy bSpy(&b, &MemoryTransport::frameReceived);

    b.setLinkUp(false);
    QVERIFY(a.send(bytesOf(frameTo(kMacB, kMacA, 1))).ok());
    QCoreApplication::processEvents();
    QCOMPARE(bSpy.size(), 0);

    const auto refused = b.send(bytesOf(frameTo(kMacA, kMacB)));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, TransportError::Code::InterfaceDown);
    QVERIFY(refused.error().message.find('b') != std::string::npos);
    QVERIFY(b.sent().isEmpty());

    b.setLinkUp(true);
    QVERIFY(a.send(bytesOf(frameTo(kMacB, kMacA, 2))).ok());
    QTRY_COMPARE(bSpy.size(), 1);
    QCOMPARE(bSpy.at(0).at(0).toByteArray(), frameTo(kMacB, kMacA, 2));
}

void TestMemoryTransport::mtuLimit_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<int>("frameSize");
    QTest::addColumn<bool>("accepted");

    QTest::addRow("1500, full frame") << 1500 << 1514 << true;
    QTest::addRow("1500, one byte over") << 1500 << 1515 << false;
    QTest::addRow("9000, full frame") << 9000 << 9014 << true;
    QTest::addRow("9000, one byte over") << 9000 << 9015 << false;
    QTest::addRow("1500, minimum frame") << 1500 << 60 << true;
}

void TestMemoryTransport::mtuLimit()
{
    QFETCH(int, mtu);
    QFETCH(int, frameSize);
    QFETCH(bool, accepted);

    MemoryLink link;
    MemoryTransport a(&link, "a", kMacA, mtu);
    QCOMPARE(a.mtu(), mtu);
    const auto result = a.send(bytesOf(frameTo(MacAddress::broadcast(), kMacA, 0, frameSize)));
    QCOMPARE(result.ok(), accepted);
    QCOMPARE(link.history().size(), accepted ? 1 : 0);
    if (!accepted) {
        QCOMPARE(result.error().code, TransportError::Code::FrameTooBig);
        QVERIFY(result.error().message.find("MTU") != std::string::npos);
    }
}

void TestMemoryTransport::history()
{
    MemoryLink link;
    MemoryTransport a(&link, "a", kMacA);
    MemoryTransport b(&link, "b", kMacB);
    const QList<QByteArray> frames
        = {frameTo(kMacB, kMacA, 1), frameTo(kMacA, kMacB, 2), frameTo(MacAddress::broadcast(), kMacA, 3)};
    QVERIFY(a.send(bytesOf(frames[0])).ok());
    QVERIFY(b.send(bytesOf(frames[1])).ok());
    QVERIFY(a.send(bytesOf(frames[2])).ok());

    QCOMPARE(link.history(), frames);
    QCOMPARE(a.sent(), (QList<QByteArray> {frames[0], frames[2]}));
    QCOMPARE(b.sent(), QList<QByteArray> {frames[1]});
    link.clearHistory();
    QVERIFY(link.history().isEmpty());
    QCOMPARE(a.sent().size(), 2);
}

void TestMemoryTransport::destroyedTransportIsDetached()
{
    MemoryLink link;
    MemoryTransport a(&link, "a", kMacA);
    auto b = std::make_unique<MemoryTransport>(&link, "b", kMacB);
    QVERIFY(a.send(bytesOf(frameTo(kMacB, kMacA))).ok());
    b.reset(); // a queued delivery to b is pending: it must be dropped, not crash
    QVERIFY(a.send(bytesOf(frameTo(kMacB, kMacA))).ok());
    QCoreApplication::processEvents();
    QCOMPARE(link.history().size(), 2);
}

QTEST_GUILESS_MAIN(TestMemoryTransport)
#include "tst_memory_transport.moc"
