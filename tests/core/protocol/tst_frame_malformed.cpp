// SPDX-License-Identifier: GPL-3.0-or-later
// Every malformed input gives its typed error (and where it was noticed), never undefined behaviour.
#include <QTest>

#include "FrameBuilders.h"
#include "protocol/Frame.h"

using namespace aoesan::protocol;
using namespace aoesan::test;

namespace {

// A 60-byte frame: header for `command` (Ver 1 request from the initiator) and then `arg` bytes.
QByteArray frameWith(std::uint8_t command, const QByteArray &arg, int totalSize = 60, std::uint8_t verFlags = 0x10)
{
    QByteArray f = QByteArray::fromHex("ffffffffffff"
                                       "02000000a002"
                                       "88a2");
    f.append(char(verFlags));
    f.append('\0');
    f.append(QByteArray::fromHex("0007"
                                 "03"));
    f.append(char(command));
    f.append(QByteArray::fromHex("80000001"));
    f.append(arg);
    if (totalSize >= 0) {
        if (f.size() < totalSize)
            f.append(QByteArray(totalSize - f.size(), '\0'));
        f.truncate(totalSize);
    }
    return f;
}

} // namespace

class TestFrameMalformed : public QObject
{
    Q_OBJECT

private slots:
    void typedErrors_data();
    void typedErrors();
    void wellFormedEdges_data();
    void wellFormedEdges();
    void everyTruncationIsAnErrorOrAValidPrefix_data();
    void everyTruncationIsAnErrorOrAValidPrefix();
    void lenientVersionForVbladeAnnouncements();
    void messagesNameTheProblem();
};

void TestFrameMalformed::typedErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("errc");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("detail");

    const int ata = 0, cfg = 1, mask = 2, res = 3;
    QTest::addRow("empty") << QByteArray() << int(DecodeErrc::TruncatedEthernetHeader) << 0 << 0;
    QTest::addRow("13 bytes") << frameWith(ata, {}, 13) << int(DecodeErrc::TruncatedEthernetHeader) << 13 << 0;
    QByteArray ipv4 = frameWith(ata, {});
    ipv4[12] = 0x08;
    ipv4[13] = 0x00;
    QTest::addRow("IPv4 ether type") << ipv4 << int(DecodeErrc::WrongEtherType) << 12 << 0x0800;
    QTest::addRow("ether type only") << frameWith(ata, {}, 14) << int(DecodeErrc::TruncatedAoeHeader) << 14 << 0;
    QTest::addRow("23 bytes") << frameWith(ata, {}, 23) << int(DecodeErrc::TruncatedAoeHeader) << 23 << 0;
    QTest::addRow("version 0") << frameWith(cfg, {}, 60, 0x08) << int(DecodeErrc::UnsupportedVersion) << 14 << 0;
    QTest::addRow("version 2") << frameWith(cfg, {}, 60, 0x20) << int(DecodeErrc::UnsupportedVersion) << 14 << 2;
    QTest::addRow("version 15") << frameWith(cfg, {}, 60, 0xF8) << int(DecodeErrc::UnsupportedVersion) << 14 << 15;
    QTest::addRow("ata header 11 bytes") << frameWith(ata, {}, 35) << int(DecodeErrc::TruncatedAtaHeader) << 35 << 0;
    QTest::addRow("ata header absent") << frameWith(ata, {}, 24) << int(DecodeErrc::TruncatedAtaHeader) << 24 << 0;
    QTest::addRow("config header 7 bytes")
        << frameWith(cfg, {}, 31) << int(DecodeErrc::TruncatedConfigHeader) << 31 << 0;
    QTest::addRow("config string 1025") << frameWith(cfg, QByteArray::fromHex("0000000000000401"), 60)
                                        << int(DecodeErrc::ConfigStringTooLong) << 30 << 1025;
    QTest::addRow("config string 65535") << frameWith(cfg, QByteArray::fromHex("000000000000ffff"), 60)
                                         << int(DecodeErrc::ConfigStringTooLong) << 30 << 65535;
    QTest::addRow("config string past frame end") << frameWith(cfg, QByteArray::fromHex("000000000000001d"), 60)
                                                  << int(DecodeErrc::ConfigStringBeyondFrame) << 30 << 29;
    QTest::addRow("config string 1024 in short frame") << frameWith(cfg, QByteArray::fromHex("0000000000000400"), 1000)
                                                       << int(DecodeErrc::ConfigStringBeyondFrame) << 30 << 1024;
    QTest::addRow("mask header 3 bytes") << frameWith(mask, {}, 27) << int(DecodeErrc::TruncatedMacMaskHeader) << 27
                                         << 0;
    QTest::addRow("mask 5 directives in 60 bytes") << frameWith(mask, QByteArray::fromHex("00010005"), 60)
                                                   << int(DecodeErrc::DirectiveCountBeyondFrame) << 27 << 5;
    QTest::addRow("mask 255 directives") << frameWith(mask, QByteArray::fromHex("000100ff"), 1500)
                                         << int(DecodeErrc::DirectiveCountBeyondFrame) << 27 << 255;
    QTest::addRow("mask directive cut in half") << frameWith(mask, QByteArray::fromHex("00010001"), 32)
                                                << int(DecodeErrc::DirectiveCountBeyondFrame) << 27 << 1;
    QTest::addRow("reserve header 1 byte")
        << frameWith(res, {}, 25) << int(DecodeErrc::TruncatedReserveHeader) << 25 << 0;
    QTest::addRow("reserve 6 macs in 60 bytes")
        << frameWith(res, QByteArray::fromHex("0106"), 60) << int(DecodeErrc::MacCountBeyondFrame) << 25 << 6;
    QTest::addRow("reserve 255 macs") << frameWith(res, QByteArray::fromHex("01ff"), 1514)
                                      << int(DecodeErrc::MacCountBeyondFrame) << 25 << 255;
}

void TestFrameMalformed::typedErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, errc);
    QFETCH(int, offset);
    QFETCH(int, detail);
    const auto decoded = decodeFrame(bytesOf(bytes));
    QVERIFY(!decoded.ok());
    QCOMPARE(int(decoded.error().code), errc);
    QCOMPARE(int(decoded.error().offset), offset);
    QCOMPARE(int(decoded.error().detail), detail);
}

void TestFrameMalformed::wellFormedEdges_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("items"); // string length, directives or MACs decoded
    QTest::addRow("config string fills a 60-byte frame")
        << frameWith(1, QByteArray::fromHex("000000000000001c"), 60) << 28;
    QTest::addRow("config string 1024 exactly") << frameWith(1, QByteArray::fromHex("0000000000000400"), 1056) << 1024;
    QTest::addRow("mask 4 directives fill 60 bytes") << frameWith(2, QByteArray::fromHex("00010004"), 60) << 4;
    QTest::addRow("reserve 5 macs fit in 60 bytes") << frameWith(3, QByteArray::fromHex("0105"), 60) << 5;
    // A failed edit reply carries the index of the bad directive and no list.
    QTest::addRow("mask error reply without list") << frameWith(2, QByteArray::fromHex("000102c8"), 60, 0x18) << 0;
    QTest::addRow("unpadded vblade config reply, 32 bytes")
        << frameWith(1, QByteArray::fromHex("0010401902100000"), 32, 0x18) << 0;
    QTest::addRow("unpadded linux ATA request, 36 bytes") << frameWith(0, QByteArray(12, '\0'), 36) << 0;
}

void TestFrameMalformed::wellFormedEdges()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, items);
    const auto decoded = decodeFrame(bytesOf(bytes));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());
    if (const auto *c = decoded->as<ConfigArg>())
        QCOMPARE(int(c->configString.size()), items);
    else if (const auto *m = decoded->as<MacMaskArg>())
        QCOMPARE(int(m->directives.size()), items);
    else if (const auto *r = decoded->as<ReserveArg>())
        QCOMPARE(int(r->macs.size()), items);
}

void TestFrameMalformed::everyTruncationIsAnErrorOrAValidPrefix_data()
{
    QTest::addColumn<QByteArray>("whole");
    QTest::addColumn<int>("minimum"); // shortest length that decodes
    QTest::addRow("ata") << frameWith(0, QByteArray::fromHex("40000224640000000000") + QByteArray(1024, 'd'), -1) << 36;
    QTest::addRow("config with string") << frameWith(1, QByteArray::fromHex("0000000000000005") + "hello", -1) << 37;
    QTest::addRow("mask with 2 directives") << frameWith(2,
        QByteArray::fromHex("00010002"
                            "000102000000a001"
                            "000202000000a002"),
        -1) << 44;
    QTest::addRow("reserve with 2 macs") << frameWith(3,
        QByteArray::fromHex("0102"
                            "02000000a001"
                            "02000000a002"),
        -1) << 38;
}

void TestFrameMalformed::everyTruncationIsAnErrorOrAValidPrefix()
{
    QFETCH(QByteArray, whole);
    QFETCH(int, minimum);
    for (int length = 0; length <= whole.size(); ++length) {
        // A fresh allocation of exactly `length` bytes, so ASan sees any read past the end.
        const std::vector<std::uint8_t> cut(whole.constBegin(), whole.constBegin() + length);
        const auto decoded = decodeFrame(cut);
        if (length < minimum) {
            QVERIFY2(!decoded.ok(), qPrintable(QStringLiteral("length %1 decoded").arg(length)));
            QVERIFY(decoded.error().offset <= std::size_t(length));
        } else {
            const std::string why = decoded.ok() ? std::string() : decoded.error().message();
            QVERIFY2(
                decoded.ok(), qPrintable(QStringLiteral("length %1: %2").arg(length).arg(QString::fromStdString(why))));
        }
    }
}

void TestFrameMalformed::lenientVersionForVbladeAnnouncements()
{
    const QByteArray v0 = frameWith(1, QByteArray::fromHex("0010401902100000"), 60, 0x08);
    QVERIFY(!decodeFrame(bytesOf(v0)).ok());
    const auto lenient = decodeFrame(bytesOf(v0), DecodeOptions {false});
    QVERIFY(lenient.ok());
    QCOMPARE(int(lenient->header.version), 0);
    QVERIFY(lenient->header.response);
    QCOMPARE(lenient->as<ConfigArg>()->bufferCount, std::uint16_t {16});
}

void TestFrameMalformed::messagesNameTheProblem()
{
    QCOMPARE(QString::fromStdString(DecodeError {DecodeErrc::WrongEtherType, 12, 0x0800}.message()),
        QStringLiteral("not an AoE frame (wrong EtherType): 0x0800"));
    QCOMPARE(QString::fromStdString(DecodeError {DecodeErrc::ConfigStringTooLong, 30, 1025}.message()),
        QStringLiteral("config string longer than 1024 bytes (count 1025, at byte 30)"));
    for (int code = 0; code <= int(DecodeErrc::SectorCountTooLarge); ++code)
        QVERIFY(!(DecodeError {DecodeErrc(code), 0, 0}).message().empty());
}

QTEST_APPLESS_MAIN(TestFrameMalformed)
#include "tst_frame_malformed.moc"
