// SPDX-License-Identifier: GPL-3.0-or-later
// Every field and flag of every AoE command survives encode → decode, and lands at its wire offset.
#include <QTest>

#include "FrameBuilders.h"
#include "protocol/Frame.h"

using namespace aoesan::protocol;
using namespace aoesan::test;

class TestFrameRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void headerBytesAtSpecOffsets();
    void ataLbaIsLittleEndianAndLba28Masked();
    void configArgBytes();
    void padsToSixtyBytesButNotLongerFrames();
    void encodeRejectsWhatCannotBeSent_data();
    void encodeRejectsWhatCannotBeSent();
    void trailingBytesAreAccepted();
    void macAddressText_data();
    void macAddressText();
    void sectorsPerFrame_data();
    void sectorsPerFrame();

private:
    QByteArray m_payload = QByteArray(1024, '\x5a');
};

void TestFrameRoundTrip::roundTrip_data()
{
    QTest::addColumn<Frame>("frame");

    const auto payload = bytesOf(m_payload);
    QTest::addRow("ata read ext request") << Frame {
        requestHeader(Command::Ata), AtaArg {aflags::Extended, 0, 2, ata::ReadSectorsExt, 0x0000BEEF0064, {}}};
    QTest::addRow("ata write ext with data, async and dev") << Frame {requestHeader(Command::Ata),
        AtaArg {aflags::Extended | aflags::Write | aflags::Async | aflags::Device, 0x11, 2, ata::WriteSectorsExt,
            0xFFFFFFFFFFFF, payload}};
    QTest::addRow("ata read reply with data")
        << Frame {replyHeader(Command::Ata), AtaArg {aflags::Extended, 0, 0, ata::StatusReady, 42, payload}};
    QTest::addRow("ata lba28 keeps device nibble")
        << Frame {requestHeader(Command::Ata), AtaArg {0, 0, 1, ata::ReadSectors, 0xE0000064, {}}};
    QTest::addRow("ata error reply ABRT") << Frame {
        replyHeader(Command::Ata), AtaArg {0, ata::ErrorAborted, 1, ata::StatusReady | ata::StatusError, 0, {}}};

    Header err = replyHeader(Command::Ata);
    err.error = true;
    err.errorCode = static_cast<std::uint8_t>(AoeError::TargetReserved);
    QTest::addRow("aoe error 6 reply") << Frame {err, AtaArg {}};
    Header bcast = requestHeader(Command::QueryConfig, kBroadcastMajor, kBroadcastMinor, 0xFFFFFFFF);
    QTest::addRow("broadcast config query") << Frame {bcast, ConfigArg {0, 0, 0, 1, 0, {}}};
    Header v0 = replyHeader(Command::QueryConfig, 7, 3, 0);
    QTest::addRow("config reply with string")
        << Frame {v0, ConfigArg {16, 0x4019, 2, 1, 0, "rack-b/3 this string is long enough"}};
    for (std::uint8_t ccmd = 0; ccmd <= 4; ++ccmd)
        QTest::addRow("config ccmd %d", ccmd)
            << Frame {requestHeader(Command::QueryConfig), ConfigArg {0, 0, 0, 1, ccmd, "abc"}};
    QTest::addRow("config string 1024 bytes")
        << Frame {replyHeader(Command::QueryConfig), ConfigArg {2, 1, 17, 1, 4, std::string(1024, 'x')}};
    Header cfgErr = replyHeader(Command::QueryConfig);
    cfgErr.error = true;
    cfgErr.errorCode = static_cast<std::uint8_t>(AoeError::ConfigStringPresent);
    QTest::addRow("config error 4") << Frame {cfgErr, ConfigArg {16, 0x4019, 2, 1, 3, "kept"}};

    QTest::addRow("mask read request") << Frame {requestHeader(Command::MacMask), MacMaskArg {}};
    QTest::addRow("mask edit add and delete") << Frame {requestHeader(Command::MacMask),
        MacMaskArg::withDirectives(MacMaskCommand::Edit, {{1, kInitiatorMac}, {2, kTargetMac}})};
    QTest::addRow("mask list reply") << Frame {replyHeader(Command::MacMask),
        MacMaskArg::withDirectives(MacMaskCommand::Read, {{0, kInitiatorMac}, {0, kTargetMac}})};
    MacMaskArg failed;
    failed.mcmd = 1;
    failed.merror = static_cast<std::uint8_t>(MacMaskError::BadDirective);
    failed.dirCount = 1; // index of the failing directive; no list follows
    QTest::addRow("mask error reply") << Frame {replyHeader(Command::MacMask), failed};

    QTest::addRow("reserve read") << Frame {requestHeader(Command::Reserve), ReserveArg {0, {}}};
    QTest::addRow("reserve set two") << Frame {
        requestHeader(Command::Reserve), ReserveArg {1, {kInitiatorMac, kTargetMac}}};
    QTest::addRow("reserve force release") << Frame {requestHeader(Command::Reserve), ReserveArg {2, {}}};

    static const QByteArray vendor = QByteArray::fromHex("0102030405060708");
    Header vendorHeader = requestHeader(Command::Ata);
    vendorHeader.command = 0xF0;
    QTest::addRow("vendor command raw") << Frame {vendorHeader, RawArg {bytesOf(vendor)}};
    Header reservedFlags = requestHeader(Command::Reserve);
    reservedFlags.reservedFlags = 0x3;
    QTest::addRow("reserved flag bits kept") << Frame {reservedFlags, ReserveArg {0, {}}};
}

void TestFrameRoundTrip::roundTrip()
{
    QFETCH(Frame, frame);
    const auto encoded = encodeFrame(frame);
    QVERIFY2(encoded.ok(), encoded.ok() ? "" : encoded.error().message().c_str());
    QVERIFY(encoded->size() >= kMinimumFrameSize);
    const auto decoded = decodeFrame(encoded.value());
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());

    // Padding is indistinguishable from data for replies that carry data; compare what was sent.
    Frame got = decoded.value();
    if (auto *a = std::get_if<AtaArg>(&got.arg)) {
        const auto *want = frame.as<AtaArg>();
        QVERIFY(want);
        QVERIFY(a->data.size() >= want->data.size());
        a->data = a->data.first(want->data.size());
    }
    if (auto *raw = std::get_if<RawArg>(&got.arg))
        raw->bytes = raw->bytes.first(frame.as<RawArg>()->bytes.size());
    QCOMPARE(got.header, frame.header);
    QVERIFY(got == frame);
}

void TestFrameRoundTrip::headerBytesAtSpecOffsets()
{
    Header h = replyHeader(Command::QueryConfig, 0x1234, 0x56, 0x89ABCDEF);
    h.error = true;
    h.errorCode = 4;
    const auto bytes = encodeFrame(Frame {h, ConfigArg {}}).value();
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(bytes.data()), 24).toHex(),
        QByteArray("02000000a002"
                   "02000000a001"
                   "88a2"
                   "1c"
                   "04"
                   "1234"
                   "56"
                   "01"
                   "89abcdef"));
}

void TestFrameRoundTrip::ataLbaIsLittleEndianAndLba28Masked()
{
    const Frame f {requestHeader(Command::Ata), AtaArg {0, 0, 1, ata::ReadSectors, 0xE0000064, {}}};
    const auto bytes = encodeFrame(f).value();
    QCOMPARE(toByteArray(bytes).mid(24, 12).toHex(),
        QByteArray("000001206400"
                   "00e00000"
                   "0000"));
    const auto decoded = decodeFrame(bytes);
    QCOMPARE(decoded->as<AtaArg>()->lba, std::uint64_t {0xE0000064});
    QCOMPARE(decoded->as<AtaArg>()->effectiveLba(), std::uint64_t {100});

    AtaArg ext {aflags::Extended, 0, 1, ata::ReadSectorsExt, 0xE0000064, {}};
    QCOMPARE(ext.effectiveLba(), std::uint64_t {0xE0000064});
}

void TestFrameRoundTrip::configArgBytes()
{
    const Frame f {replyHeader(Command::QueryConfig), ConfigArg {16, 0x4019, 2, 1, 3, "ab"}};
    const auto bytes = toByteArray(encodeFrame(f).value());
    QCOMPARE(bytes.mid(24, 10).toHex(),
        QByteArray("0010"
                   "4019"
                   "02"
                   "13"
                   "0002"
                   "6162"));
    QCOMPARE(bytes.size(), 60);
    QCOMPARE(bytes.mid(34), QByteArray(26, '\0'));
}

void TestFrameRoundTrip::padsToSixtyBytesButNotLongerFrames()
{
    const Frame small {requestHeader(Command::Reserve), ReserveArg {0, {}}};
    QCOMPARE(encodeFrame(small)->size(), std::size_t {60});
    const Frame big {replyHeader(Command::Ata), AtaArg {0, 0, 0, 0x40, 0, bytesOf(m_payload)}};
    QCOMPARE(encodeFrame(big)->size(), std::size_t {36 + 1024});
}

void TestFrameRoundTrip::encodeRejectsWhatCannotBeSent_data()
{
    QTest::addColumn<Frame>("frame");
    QTest::addColumn<int>("expected");
    QTest::addRow("config string 1025") << Frame {requestHeader(Command::QueryConfig),
        ConfigArg {0, 0, 0, 1, 4, std::string(1025, 'x')}}
                                        << int(EncodeErrc::ConfigStringTooLong);
    QTest::addRow("256 reserve macs") << Frame {requestHeader(Command::Reserve),
        ReserveArg {1, std::vector<MacAddress>(256, kTargetMac)}}
                                      << int(EncodeErrc::TooManyMacs);
    MacMaskArg tooMany;
    tooMany.directives.resize(256);
    QTest::addRow("256 directives") << Frame {requestHeader(Command::MacMask), tooMany}
                                    << int(EncodeErrc::TooManyDirectives);
    QTest::addRow("ata arg on config command")
        << Frame {requestHeader(Command::QueryConfig), AtaArg {}} << int(EncodeErrc::ArgumentMismatch);
}

void TestFrameRoundTrip::encodeRejectsWhatCannotBeSent()
{
    QFETCH(Frame, frame);
    QFETCH(int, expected);
    const auto encoded = encodeFrame(frame);
    QVERIFY(!encoded.ok());
    QCOMPARE(int(encoded.error().code), expected);
    QVERIFY(!encoded.error().message().empty());
}

void TestFrameRoundTrip::trailingBytesAreAccepted()
{
    // The Linux initiator probes paths with READ requests padded with zeros to the full payload.
    Frame probe {requestHeader(Command::Ata), AtaArg {aflags::Extended, 0, 2, ata::ReadSectorsExt, 8, {}}};
    auto bytes = encodeFrame(probe).value();
    bytes.resize(36 + 1024, 0);
    const auto decoded = decodeFrame(bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->as<AtaArg>()->data.size(), std::size_t {1024});
    QCOMPARE(decoded->as<AtaArg>()->sectorCount, std::uint8_t {2});
}

void TestFrameRoundTrip::macAddressText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("colons") << QStringLiteral("02:00:00:00:A0:01") << QStringLiteral("02:00:00:00:a0:01");
    QTest::addRow("vblade style") << QStringLiteral("020000 00a001") << QString();
    QTest::addRow("no separators") << QStringLiteral("0200000000a1") << QStringLiteral("02:00:00:00:00:a1");
    QTest::addRow("dashes") << QStringLiteral("02-00-00-00-a0-01") << QStringLiteral("02:00:00:00:a0:01");
    QTest::addRow("too short") << QStringLiteral("02:00:00:00:a0") << QString();
    QTest::addRow("too long") << QStringLiteral("02:00:00:00:a0:01:02") << QString();
    QTest::addRow("not hex") << QStringLiteral("02:00:00:00:a0:zz") << QString();
    QTest::addRow("empty") << QString() << QString();
}

void TestFrameRoundTrip::macAddressText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto mac = MacAddress::fromString(text.toStdString());
    if (expected.isEmpty()) {
        QVERIFY(!mac.has_value());
        return;
    }
    QVERIFY(mac.has_value());
    QCOMPARE(QString::fromStdString(mac->toString()), expected);
}

void TestFrameRoundTrip::sectorsPerFrame_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<int>("sectors");
    QTest::addRow("1500") << 1500 << 2;
    QTest::addRow("4132") << 4132 << 8;
    QTest::addRow("9000") << 9000 << 17;
    QTest::addRow("65536 lo") << 65536 << 127;
    QTest::addRow("capped at 255") << 200000 << 255;
    QTest::addRow("tiny") << 36 << 0;
}

void TestFrameRoundTrip::sectorsPerFrame()
{
    QFETCH(int, mtu);
    QFETCH(int, sectors);
    QCOMPARE(int(aoesan::protocol::sectorsPerFrame(static_cast<std::size_t>(mtu))), sectors);
}

QTEST_APPLESS_MAIN(TestFrameRoundTrip)
#include "tst_frame_roundtrip.moc"
