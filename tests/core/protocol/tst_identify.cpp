// SPDX-License-Identifier: GPL-3.0-or-later
// The IDENTIFY block: built in vblade's layout, parsed the way the Linux initiator reads it.
#include <QTest>

#include "protocol/Identify.h"

using namespace aoesan::protocol;

Q_DECLARE_METATYPE(aoesan::protocol::IdentifyInfo)

class TestIdentify : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void vbladeLayoutWords();
    void stringsAreByteSwappedAndSpacePadded();
    void lba28IsClampedTo28Bits();
    void lba48DecidedLikeLinux_data();
    void lba48DecidedLikeLinux();
    void truncatedBlock_data();
    void truncatedBlock();
    void lba48CountBeyond48Bits_data();
    void lba48CountBeyond48Bits();
};

void TestIdentify::roundTrip_data()
{
    QTest::addColumn<IdentifyInfo>("info");
    QTest::addRow("small lba48") << IdentifyInfo {
        "7.3:vm", "V25", "Coraid EtherDrive vblade", 131072, 131072, true, true, false, false};
    QTest::addRow("odd sector count") << IdentifyInfo {
        "aoesan-0001", "0.1.0", "aoesan", 2097153, 2097153, true, true, true, false};
    QTest::addRow("10 TiB") << IdentifyInfo {"s", "f", "m", 0x0FFFFFFF, 21474836480ULL, true, true, true, true};
    QTest::addRow("lba28 only") << IdentifyInfo {"old", "1", "legacy", 1000, 0, false, false, false, false};
    QTest::addRow("full width strings") << IdentifyInfo {
        std::string(20, 'S'), std::string(8, 'F'), std::string(40, 'M'), 1, 1, true, false, false, true};
    QTest::addRow("max lba48") << IdentifyInfo {"x", "y", "z", 0x0FFFFFFF, 0xFFFFFFFFFFFFULL, true, true, true, false};
}

void TestIdentify::roundTrip()
{
    QFETCH(IdentifyInfo, info);
    const auto block = buildIdentify(info);
    const auto parsed = parseIdentify(block);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value(), info);
    QCOMPARE(parsed->sizeBytes(), info.sectors() * 512);
}

void TestIdentify::vbladeLayoutWords()
{
    const auto block
        = buildIdentify({"7.3:vm", "V25", "Coraid EtherDrive vblade", 131072, 131072, true, true, false, false});
    QCOMPARE(identifyWord(block, 47), std::uint16_t {0x8000});
    QCOMPARE(identifyWord(block, 49), std::uint16_t {0x0200});
    QCOMPARE(identifyWord(block, 50), std::uint16_t {0x4000});
    QCOMPARE(identifyWord(block, 60), std::uint16_t {0x0000}); // 131072 = 0x20000, low word
    QCOMPARE(identifyWord(block, 61), std::uint16_t {0x0002});
    QCOMPARE(identifyWord(block, 83), std::uint16_t {0x5400}); // same as vblade: valid, flush, lba48
    QCOMPARE(identifyWord(block, 84), std::uint16_t {0x4000});
    QCOMPARE(identifyWord(block, 86), std::uint16_t {0x1400});
    QCOMPARE(identifyWord(block, 87), std::uint16_t {0x4000});
    QCOMPARE(identifyWord(block, 93), std::uint16_t {0x400B});
    QCOMPARE(identifyWord(block, 100), std::uint16_t {0x0000});
    QCOMPARE(identifyWord(block, 101), std::uint16_t {0x0002});
    QCOMPARE(identifyWord(block, 0), std::uint16_t {0});

    const auto withFlushExt = buildIdentify({"s", "f", "m", 1, 1, true, true, true, false});
    QCOMPARE(identifyWord(withFlushExt, 83), std::uint16_t {0x7400});
    QCOMPARE(identifyWord(withFlushExt, 86), std::uint16_t {0x3400});
}

void TestIdentify::stringsAreByteSwappedAndSpacePadded()
{
    const auto block = buildIdentify({"7.3:vm", "V25", "AB", 1, 1, true, false, false, false});
    // "7.3:vm" → words "7." ".3"...: first character in the high byte, so bytes read ".7:3mv".
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(block.data()) + 20, 20), QByteArray(".7:3mv              "));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(block.data()) + 46, 8), QByteArray("2V 5    "));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(block.data()) + 54, 4), QByteArray("BA  "));
}

void TestIdentify::lba28IsClampedTo28Bits()
{
    const auto block = buildIdentify({"s", "f", "m", 0xFFFFFFFF, 0x100000000ULL, true, false, false, false});
    const auto parsed = parseIdentify(block);
    QCOMPARE(parsed->lba28Sectors, std::uint32_t {0x0FFFFFFF});
    QCOMPARE(parsed->sectors(), std::uint64_t {0x100000000ULL});
}

void TestIdentify::lba48DecidedLikeLinux_data()
{
    QTest::addColumn<int>("word83");
    QTest::addColumn<int>("word86");
    QTest::addColumn<bool>("lba48");
    QTest::addRow("neither") << 0x4000 << 0x0000 << false;
    QTest::addRow("supported only") << 0x4400 << 0x0000 << true;
    QTest::addRow("enabled only") << 0x4000 << 0x0400 << true;
}

void TestIdentify::lba48DecidedLikeLinux()
{
    QFETCH(int, word83);
    QFETCH(int, word86);
    QFETCH(bool, lba48);
    IdentifyBlock block {};
    block[83 * 2] = std::uint8_t(word83);
    block[83 * 2 + 1] = std::uint8_t(word83 >> 8);
    block[86 * 2] = std::uint8_t(word86);
    block[86 * 2 + 1] = std::uint8_t(word86 >> 8);
    block[60 * 2] = 100; // LBA28 count 100
    block[100 * 2 + 1] = 1; // LBA48 count 256
    const auto parsed = parseIdentify(block);
    QCOMPARE(parsed->lba48, lba48);
    QCOMPARE(parsed->sectors(), std::uint64_t(lba48 ? 256 : 100));
}

void TestIdentify::truncatedBlock_data()
{
    QTest::addColumn<int>("size");
    QTest::addRow("empty") << 0;
    QTest::addRow("one short") << 511;
    QTest::addRow("half") << 256;
}

void TestIdentify::truncatedBlock()
{
    QFETCH(int, size);
    const std::vector<std::uint8_t> cut(std::size_t(size), 0);
    const auto parsed = parseIdentify(cut);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, DecodeErrc::TruncatedIdentify);
    QCOMPARE(int(parsed.error().offset), size);
}

void TestIdentify::lba48CountBeyond48Bits_data()
{
    QTest::addColumn<quint64>("count");
    QTest::addColumn<bool>("lba48");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("2^48 sectors, the most 48-bit LBAs address") << (quint64(1) << 48) << true << true;
    QTest::addRow("2^48 + 1") << (quint64(1) << 48) + 1 << true << false;
    QTest::addRow("all ones (a hostile 8 ZiB)") << ~quint64(0) << true << false;
    QTest::addRow("all ones, no LBA48: the field is unused") << ~quint64(0) << false << true;
}

void TestIdentify::lba48CountBeyond48Bits()
{
    QFETCH(quint64, count);
    QFETCH(bool, lba48);
    QFETCH(bool, accepted);
    auto block = buildIdentify({"s", "f", "m", 1000, 0, lba48, false, false, false});
    for (std::size_t i = 0; i < 4; ++i) { // words 100-103, little-endian words, least significant first
        const auto word = std::uint16_t(count >> (16U * i));
        block[(100 + i) * 2] = std::uint8_t(word);
        block[(100 + i) * 2 + 1] = std::uint8_t(word >> 8U);
    }
    const auto parsed = parseIdentify(block);
    QCOMPARE(parsed.ok(), accepted);
    if (accepted) {
        QCOMPARE(parsed.value().sectors(), lba48 ? count : quint64(1000));
        return;
    }
    QCOMPARE(parsed.error().code, DecodeErrc::SectorCountTooLarge);
    QCOMPARE(int(parsed.error().offset), 200);
    QCOMPARE(quint64(parsed.error().detail), count);
    QVERIFY2(QString::fromStdString(parsed.error().message()).contains(QStringLiteral("48-bit")),
        parsed.error().message().c_str());
}

QTEST_APPLESS_MAIN(TestIdentify)
#include "tst_identify.moc"
