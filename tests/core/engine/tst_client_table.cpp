// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's table of initiators stays bounded whatever the source MACs: a storm of ever-new ones fills
// it and is then counted, not kept; hosts already in it stay; idle ones make room once it is full.
#include <QTest>

#include "engine/ClientTable.h"

using aoesan::engine::ClientTable;
using aoesan::protocol::MacAddress;

namespace {

MacAddress host(std::uint32_t n)
{
    return MacAddress(MacAddress::Bytes {
        0x02, 0x00, std::uint8_t(n >> 24U), std::uint8_t(n >> 16U), std::uint8_t(n >> 8U), std::uint8_t(n)});
}

} // namespace

class TestClientTable : public QObject
{
    Q_OBJECT

private slots:
    void newThenKnown()
    {
        ClientTable table;
        QCOMPARE(table.note(host(1), 0), ClientTable::Seen::New);
        QCOMPARE(table.note(host(1), 5), ClientTable::Seen::Known);
        QCOMPARE(table.note(host(2), 5), ClientTable::Seen::New);
        QCOMPARE(table.size(), std::size_t {2});
    }

    // 100,000 source MACs in one second: the table holds its capacity, the rest are counted; the real
    // initiator that was there before the storm is still known.
    void stormIsBounded()
    {
        ClientTable table(1024, 60000);
        QCOMPARE(table.note(host(0xAAAA), 0), ClientTable::Seen::New);
        int untracked = 0;
        for (std::uint32_t i = 1; i <= 100000; ++i) {
            const std::uint64_t now = i / 100; // 1,000 ms over the storm
            untracked += table.note(host(0x1000000 + i), now) == ClientTable::Seen::Untracked ? 1 : 0;
            if (i % 1000 == 0)
                QCOMPARE(table.note(host(0xAAAA), now), ClientTable::Seen::Known);
        }
        QCOMPARE(table.size(), std::size_t {1024});
        QCOMPARE(untracked, 100000 - 1023);
        QCOMPARE(table.untracked(), std::uint64_t(100000 - 1023));
        QCOMPARE(table.forgotten(), std::uint64_t {0});
    }

    // Once full, hosts not heard from for the forget interval make room (the one still talking stays).
    void idleHostsMakeRoom()
    {
        ClientTable table(4, 1000);
        for (std::uint32_t i = 0; i < 4; ++i)
            QCOMPARE(table.note(host(i), 0), ClientTable::Seen::New);
        QCOMPARE(table.note(host(9), 500), ClientTable::Seen::Untracked); // all four are recent
        QCOMPARE(table.note(host(0), 900), ClientTable::Seen::Known);
        QCOMPARE(table.note(host(10), 1600), ClientTable::Seen::New); // 1, 2, 3 idle for 1.6 s: forgotten
        QCOMPARE(table.size(), std::size_t {2});
        QCOMPARE(table.forgotten(), std::uint64_t {3});
        QCOMPARE(table.note(host(0), 1700), ClientTable::Seen::Known);
        QCOMPARE(table.note(host(1), 1700), ClientTable::Seen::New); // back after being forgotten
    }

    // When full of recent hosts, the forgetting walk runs at most once a second, not once per frame.
    void fullTableIsWalkedOncePerSecond()
    {
        ClientTable table(2, 100);
        QCOMPARE(table.note(host(0), 0), ClientTable::Seen::New);
        QCOMPARE(table.note(host(1), 0), ClientTable::Seen::New);
        QCOMPARE(table.note(host(2), 50), ClientTable::Seen::Untracked); // walked: none idle yet
        QCOMPARE(table.note(host(3), 500), ClientTable::Seen::Untracked); // idle now, but walked < 1 s ago
        QCOMPARE(table.note(host(4), 1050), ClientTable::Seen::New); // walked again: both gone
        QCOMPARE(table.forgotten(), std::uint64_t {2});
    }
};

QTEST_GUILESS_MAIN(TestClientTable)
#include "tst_client_table.moc"
