// SPDX-License-Identifier: GPL-3.0-or-later
// Frames captured from the real peers (vblade 25, aoetools 36, the Linux 6.1 aoe driver; see
// tests/data/README.md) decode to exactly the values read off their bytes.
#include <QTest>

#include <algorithm>

#include "FrameBuilders.h"
#include "net/PcapFile.h"
#include "protocol/Frame.h"
#include "protocol/Identify.h"

using namespace aoesan::protocol;
using namespace aoesan::test;

namespace {

QString hex2(unsigned v)
{
    return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0'));
}

// The arguments in the notation of tests/data/README.md.
QString describeArguments(const Frame &f)
{
    const bool reply = f.header.response;
    if (const auto *a = f.as<AtaArg>()) {
        return QStringLiteral("aflags %1, %2 %3, scnt %4, %5 %6, lba 0x%7, data %8")
            .arg(hex2(a->aflags), reply ? QStringLiteral("err") : QStringLiteral("feat"), hex2(a->errFeature))
            .arg(a->sectorCount)
            .arg(reply ? QStringLiteral("status") : QStringLiteral("cmd"), hex2(a->cmdStatus))
            .arg(a->lba, 0, 16)
            .arg(a->data.size());
    }
    if (const auto *c = f.as<ConfigArg>()) {
        const std::string &s = c->configString;
        QString text = QStringLiteral("string \"%1\"").arg(QString::fromLatin1(s.data(), qsizetype(s.size())));
        const bool printable = std::ranges::all_of(s, [](char ch) { return ch >= 0x20 && ch < 0x7f; });
        if (!printable && !s.empty() && std::ranges::all_of(s, [&](char ch) { return ch == s.front(); }))
            text = QStringLiteral("string %1 bytes %2").arg(s.size()).arg(hex2(static_cast<unsigned char>(s.front())));
        return QStringLiteral("bufcnt %1, fw 0x%2, scnt %3, aoever %4, ccmd %5, len %6, %7")
            .arg(c->bufferCount)
            .arg(c->firmwareVersion, 4, 16, QLatin1Char('0'))
            .arg(c->sectorCount)
            .arg(c->aoeVersion)
            .arg(c->ccmd)
            .arg(s.size())
            .arg(text);
    }
    if (const auto *m = f.as<MacMaskArg>()) {
        QStringList list;
        for (const auto &d : m->directives)
            list << QStringLiteral("%1:%2").arg(d.dcmd).arg(QString::fromStdString(d.mac.toString()));
        QString tail = list.join(QStringLiteral(", "));
        if (list.isEmpty())
            tail = (reply && m->merror != 0) ? QStringLiteral("none present") : QStringLiteral("no directives");
        return QStringLiteral("mcmd %1, merror %2, dircount %3; %4")
            .arg(m->mcmd)
            .arg(m->merror)
            .arg(m->dirCount)
            .arg(tail);
    }
    if (const auto *r = f.as<ReserveArg>()) {
        QStringList list;
        for (const auto &mac : r->macs)
            list << QString::fromStdString(mac.toString());
        return QStringLiteral("rcmd %1, nmacs %2; %3")
            .arg(r->rcmd)
            .arg(r->macs.size())
            .arg(list.isEmpty() ? QStringLiteral("no MACs") : list.join(QStringLiteral(", ")));
    }
    const auto &raw = std::get<RawArg>(f.arg).bytes;
    const bool zero = std::ranges::all_of(raw, [](std::uint8_t b) { return b == 0; });
    return QStringLiteral("arg %1 bytes%2").arg(raw.size()).arg(zero ? QStringLiteral(", all zero") : QString());
}

} // namespace

class TestGoldenFrames : public QObject
{
    Q_OBJECT

private slots:
    void everyFrameDecodesToItsRecordedValues_data();
    void everyFrameDecodesToItsRecordedValues();
    void identifyReplies_data();
    void identifyReplies();
    void strictDecodingRejectsOtherVersions();

private:
    QByteArray frameOf(const QString &file, int number);
};

QByteArray TestGoldenFrames::frameOf(const QString &file, int number)
{
    const QString path = QStringLiteral(AOESAN_TEST_DATA_DIR "/") + file;
    const auto frames = aoesan::net::readPcapFile(path.toStdString());
    if (!frames) {
        qWarning("%s", frames.error().c_str());
        return {};
    }
    if (number < 1 || number > int(frames->size()))
        return {};
    return frames.value()[std::size_t(number - 1)].bytes;
}

void TestGoldenFrames::everyFrameDecodesToItsRecordedValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("number");
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("response");
    QTest::addColumn<bool>("error");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("command");
    QTest::addColumn<uint>("tag");
    QTest::addColumn<QString>("arguments");
    // Generated from the tables of tests/data/README.md.
    QTest::addRow("vblade25-aoetools.pcap #1")
        << QStringLiteral("vblade25-aoetools.pcap") << 1 << 32 << 0 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x00000000U << QStringLiteral("bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 0, len 0, string \"\"");
    QTest::addRow("vblade25-aoetools.pcap #2")
        << QStringLiteral("vblade25-aoetools.pcap") << 2 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80018862U << QStringLiteral("bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 0, len 0, string \"\"");
    QTest::addRow("vblade25-aoetools.pcap #3")
        << QStringLiteral("vblade25-aoetools.pcap") << 3 << 32 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80018862U << QStringLiteral("bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 0, len 0, string \"\"");
    QTest::addRow("vblade25-aoetools.pcap #4")
        << QStringLiteral("vblade25-aoetools.pcap") << 4 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x8001e610U
        << QStringLiteral(
               "bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 4, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #5")
        << QStringLiteral("vblade25-aoetools.pcap") << 5 << 64 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x8001e610U
        << QStringLiteral(
               "bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 4, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #6")
        << QStringLiteral("vblade25-aoetools.pcap") << 6 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x800243ddU << QStringLiteral("bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 0, len 0, string \"\"");
    QTest::addRow("vblade25-aoetools.pcap #7")
        << QStringLiteral("vblade25-aoetools.pcap") << 7 << 64 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x800243ddU
        << QStringLiteral(
               "bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 0, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #8")
        << QStringLiteral("vblade25-aoetools.pcap") << 8 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x8002e057U
        << QStringLiteral(
               "bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 1, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #9")
        << QStringLiteral("vblade25-aoetools.pcap") << 9 << 64 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x8002e057U
        << QStringLiteral(
               "bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 1, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #10")
        << QStringLiteral("vblade25-aoetools.pcap") << 10 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80033dfdU
        << QStringLiteral("bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 2, len 13, string \"aoesan-golden\"");
    QTest::addRow("vblade25-aoetools.pcap #11")
        << QStringLiteral("vblade25-aoetools.pcap") << 11 << 64 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80033dfdU
        << QStringLiteral(
               "bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 2, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #12")
        << QStringLiteral("vblade25-aoetools.pcap") << 12 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80039bb3U
        << QStringLiteral(
               "bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 3, len 33, string \"aoesan-another-config-string-0002\"");
    QTest::addRow("vblade25-aoetools.pcap #13")
        << QStringLiteral("vblade25-aoetools.pcap") << 13 << 64 << 1 << true << true << 4 << 0x0102 << 0x03 << 0x01
        << 0x80039bb3U
        << QStringLiteral(
               "bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 3, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #14")
        << QStringLiteral("vblade25-aoetools.pcap") << 14 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x800418d2U
        << QStringLiteral(
               "bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 3, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #15")
        << QStringLiteral("vblade25-aoetools.pcap") << 15 << 64 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x800418d2U
        << QStringLiteral(
               "bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 3, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #16")
        << QStringLiteral("vblade25-aoetools.pcap") << 16 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80047654U
        << QStringLiteral(
               "bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 1, len 33, string \"aoesan-another-config-string-0002\"");
    QTest::addRow("vblade25-aoetools.pcap #17")
        << QStringLiteral("vblade25-aoetools.pcap") << 17 << 1056 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80000000U
        << QStringLiteral("bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 0, len 1024, string 1024 bytes 0xed");
    QTest::addRow("vblade25-aoetools.pcap #18")
        << QStringLiteral("vblade25-aoetools.pcap") << 18 << 64 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80000000U
        << QStringLiteral(
               "bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 0, len 32, string \"aoesan-golden-config-string-0001\"");
    QTest::addRow("vblade25-aoetools.pcap #19")
        << QStringLiteral("vblade25-aoetools.pcap") << 19 << 1060 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000001U << QStringLiteral("aflags 0x00, feat 0x00, scnt 1, cmd 0xec, lba 0xa0000000, data 1024");
    QTest::addRow("vblade25-aoetools.pcap #20")
        << QStringLiteral("vblade25-aoetools.pcap") << 20 << 548 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000001U << QStringLiteral("aflags 0x00, err 0x00, scnt 0, status 0x40, lba 0xa0000000, data 512");
    QTest::addRow("vblade25-mask-reserve.pcap #1")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 1 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000101U << QStringLiteral("mcmd 0, merror 0, dircount 0; no directives");
    QTest::addRow("vblade25-mask-reserve.pcap #2")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 2 << 28 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000101U << QStringLiteral("mcmd 0, merror 0, dircount 0; no directives");
    QTest::addRow("vblade25-mask-reserve.pcap #3")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 3 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000102U << QStringLiteral("mcmd 1, merror 0, dircount 2; 1:02:00:00:00:b0:02, 1:02:00:00:00:b0:0b");
    QTest::addRow("vblade25-mask-reserve.pcap #4")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 4 << 44 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000102U << QStringLiteral("mcmd 1, merror 0, dircount 2; 0:02:00:00:00:b0:02, 0:02:00:00:00:b0:0b");
    QTest::addRow("vblade25-mask-reserve.pcap #5")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 5 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000103U << QStringLiteral("mcmd 0, merror 0, dircount 0; no directives");
    QTest::addRow("vblade25-mask-reserve.pcap #6")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 6 << 44 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000103U << QStringLiteral("mcmd 0, merror 0, dircount 2; 0:02:00:00:00:b0:02, 0:02:00:00:00:b0:0b");
    QTest::addRow("vblade25-mask-reserve.pcap #7")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 7 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000104U << QStringLiteral("mcmd 1, merror 0, dircount 2; 1:02:00:00:00:b0:02, 3:02:00:00:00:b0:0c");
    QTest::addRow("vblade25-mask-reserve.pcap #8")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 8 << 28 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000104U << QStringLiteral("mcmd 1, merror 2, dircount 1; none present");
    QTest::addRow("vblade25-mask-reserve.pcap #9")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 9 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000105U << QStringLiteral("mcmd 1, merror 0, dircount 1; 2:02:00:00:00:b0:0c");
    QTest::addRow("vblade25-mask-reserve.pcap #10")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 10 << 44 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x02
        << 0x80000105U << QStringLiteral("mcmd 1, merror 0, dircount 2; 0:02:00:00:00:b0:02, 0:02:00:00:00:b0:0b");
    QTest::addRow("vblade25-mask-reserve.pcap #11")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 11 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x80000106U << QStringLiteral("rcmd 0, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #12")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 12 << 26 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x03
        << 0x80000106U << QStringLiteral("rcmd 0, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #13")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 13 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x80000107U << QStringLiteral("rcmd 1, nmacs 2; 02:00:00:00:b0:02, 02:00:00:00:b0:0c");
    QTest::addRow("vblade25-mask-reserve.pcap #14")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 14 << 38 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x03
        << 0x80000107U << QStringLiteral("rcmd 1, nmacs 2; 02:00:00:00:b0:02, 02:00:00:00:b0:0c");
    QTest::addRow("vblade25-mask-reserve.pcap #15")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 15 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x80000108U << QStringLiteral("rcmd 0, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #16")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 16 << 38 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x03
        << 0x80000108U << QStringLiteral("rcmd 0, nmacs 2; 02:00:00:00:b0:02, 02:00:00:00:b0:0c");
    QTest::addRow("vblade25-mask-reserve.pcap #17")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 17 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x80000109U << QStringLiteral("rcmd 1, nmacs 1; 02:00:00:00:b0:0b");
    QTest::addRow("vblade25-mask-reserve.pcap #18")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 18 << 38 << 1 << true << true << 6 << 0x0102 << 0x03 << 0x03
        << 0x80000109U << QStringLiteral("rcmd 1, nmacs 2; 02:00:00:00:b0:02, 02:00:00:00:b0:0c");
    QTest::addRow("vblade25-mask-reserve.pcap #19")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 19 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x00 << 0x8000010aU << QStringLiteral("aflags 0x40, feat 0x00, scnt 1, cmd 0x24, lba 0x0, data 24");
    QTest::addRow("vblade25-mask-reserve.pcap #20")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 20 << 60 << 1 << true << true << 6 << 0x0102 << 0x03 << 0x00
        << 0x8000010aU << QStringLiteral("aflags 0x40, err 0x00, scnt 1, status 0x24, lba 0x0, data 24");
    QTest::addRow("vblade25-mask-reserve.pcap #21")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 21 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x00 << 0x8000010bU << QStringLiteral("aflags 0x00, feat 0x00, scnt 1, cmd 0xec, lba 0xa0000000, data 24");
    QTest::addRow("vblade25-mask-reserve.pcap #22")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 22 << 548 << 1 << true << false << 0 << 0x0102 << 0x03
        << 0x00 << 0x8000010bU
        << QStringLiteral("aflags 0x00, err 0x00, scnt 0, status 0x40, lba 0xa0000000, data 512");
    QTest::addRow("vblade25-mask-reserve.pcap #23")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 23 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x00 << 0x8000010cU << QStringLiteral("aflags 0x40, feat 0x00, scnt 1, cmd 0x24, lba 0x1, data 24");
    QTest::addRow("vblade25-mask-reserve.pcap #24")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 24 << 548 << 1 << true << false << 0 << 0x0102 << 0x03
        << 0x00 << 0x8000010cU << QStringLiteral("aflags 0x40, err 0x00, scnt 0, status 0x40, lba 0x1, data 512");
    QTest::addRow("vblade25-mask-reserve.pcap #25")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 25 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x8000010dU << QStringLiteral("rcmd 2, nmacs 1; 02:00:00:00:b0:0b");
    QTest::addRow("vblade25-mask-reserve.pcap #26")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 26 << 32 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x03
        << 0x8000010dU << QStringLiteral("rcmd 2, nmacs 1; 02:00:00:00:b0:0b");
    QTest::addRow("vblade25-mask-reserve.pcap #27")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 27 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x8000010eU << QStringLiteral("rcmd 1, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #28")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 28 << 26 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x03
        << 0x8000010eU << QStringLiteral("rcmd 1, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #29")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 29 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x8000010fU << QStringLiteral("rcmd 5, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #30")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 30 << 26 << 1 << true << true << 2 << 0x0102 << 0x03 << 0x03
        << 0x8000010fU << QStringLiteral("rcmd 5, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #31")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 31 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x03 << 0x80000110U << QStringLiteral("rcmd 0, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-reserve.pcap #32")
        << QStringLiteral("vblade25-mask-reserve.pcap") << 32 << 26 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x03
        << 0x80000110U << QStringLiteral("rcmd 0, nmacs 0; no MACs");
    QTest::addRow("vblade25-mask-delete-crash.pcap #1")
        << QStringLiteral("vblade25-mask-delete-crash.pcap") << 1 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x02 << 0x80000101U << QStringLiteral("mcmd 1, merror 0, dircount 1; 1:02:00:00:00:b0:02");
    QTest::addRow("vblade25-mask-delete-crash.pcap #2")
        << QStringLiteral("vblade25-mask-delete-crash.pcap") << 2 << 36 << 1 << true << false << 0 << 0x0102 << 0x03
        << 0x02 << 0x80000101U << QStringLiteral("mcmd 1, merror 0, dircount 1; 0:02:00:00:00:b0:02");
    QTest::addRow("vblade25-mask-delete-crash.pcap #3")
        << QStringLiteral("vblade25-mask-delete-crash.pcap") << 3 << 60 << 1 << false << false << 0 << 0x0102 << 0x03
        << 0x02 << 0x80000102U << QStringLiteral("mcmd 1, merror 0, dircount 1; 2:02:00:00:00:b0:02");
    QTest::addRow("vblade25-errors.pcap #1")
        << QStringLiteral("vblade25-errors.pcap") << 1 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000101U << QStringLiteral("aflags 0x40, feat 0x00, scnt 1, cmd 0x24, lba 0x12345, data 24");
    QTest::addRow("vblade25-errors.pcap #2")
        << QStringLiteral("vblade25-errors.pcap") << 2 << 36 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000101U << QStringLiteral("aflags 0x40, err 0x10, scnt 1, status 0x41, lba 0x12345, data 0");
    QTest::addRow("vblade25-errors.pcap #3")
        << QStringLiteral("vblade25-errors.pcap") << 3 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0xf0
        << 0x80000102U << QStringLiteral("arg 36 bytes, all zero");
    QTest::addRow("vblade25-errors.pcap #4")
        << QStringLiteral("vblade25-errors.pcap") << 4 << 60 << 1 << true << true << 1 << 0x0102 << 0x03 << 0xf0
        << 0x80000102U << QStringLiteral("arg 36 bytes, all zero");
    QTest::addRow("vblade25-errors.pcap #5")
        << QStringLiteral("vblade25-errors.pcap") << 5 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000103U << QStringLiteral("aflags 0x40, feat 0x00, scnt 0, cmd 0xea, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #6")
        << QStringLiteral("vblade25-errors.pcap") << 6 << 60 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000103U << QStringLiteral("aflags 0x40, err 0x04, scnt 0, status 0x41, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #7")
        << QStringLiteral("vblade25-errors.pcap") << 7 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000104U << QStringLiteral("aflags 0x00, feat 0xd0, scnt 1, cmd 0xb0, lba 0xc24f00, data 24");
    QTest::addRow("vblade25-errors.pcap #8")
        << QStringLiteral("vblade25-errors.pcap") << 8 << 36 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000104U << QStringLiteral("aflags 0x00, err 0x04, scnt 1, status 0x41, lba 0xc24f00, data 0");
    QTest::addRow("vblade25-errors.pcap #9")
        << QStringLiteral("vblade25-errors.pcap") << 9 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000105U << QStringLiteral("aflags 0x00, feat 0x00, scnt 2, cmd 0xec, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #10")
        << QStringLiteral("vblade25-errors.pcap") << 10 << 60 << 1 << true << true << 2 << 0x0102 << 0x03 << 0x00
        << 0x80000105U << QStringLiteral("aflags 0x00, err 0x00, scnt 2, status 0xec, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #11")
        << QStringLiteral("vblade25-errors.pcap") << 11 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000106U << QStringLiteral("aflags 0x40, feat 0x00, scnt 3, cmd 0x24, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #12")
        << QStringLiteral("vblade25-errors.pcap") << 12 << 60 << 1 << true << true << 2 << 0x0102 << 0x03 << 0x00
        << 0x80000106U << QStringLiteral("aflags 0x40, err 0x00, scnt 3, status 0x24, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #13")
        << QStringLiteral("vblade25-errors.pcap") << 13 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000107U << QStringLiteral("aflags 0x41, feat 0x00, scnt 1, cmd 0x34, lba 0x2, data 24");
    QTest::addRow("vblade25-errors.pcap #14")
        << QStringLiteral("vblade25-errors.pcap") << 14 << 60 << 1 << true << true << 2 << 0x0102 << 0x03 << 0x00
        << 0x80000107U << QStringLiteral("aflags 0x41, err 0x00, scnt 1, status 0x34, lba 0x2, data 24");
    QTest::addRow("vblade25-errors.pcap #15")
        << QStringLiteral("vblade25-errors.pcap") << 15 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x01
        << 0x80000108U << QStringLiteral("bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 7, len 0, string \"\"");
    QTest::addRow("vblade25-errors.pcap #16")
        << QStringLiteral("vblade25-errors.pcap") << 16 << 32 << 1 << true << true << 2 << 0x0102 << 0x03 << 0x01
        << 0x80000108U << QStringLiteral("bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 7, len 0, string \"\"");
    QTest::addRow("vblade25-errors.pcap #17")
        << QStringLiteral("vblade25-errors.pcap") << 17 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000109U << QStringLiteral("aflags 0x00, feat 0x00, scnt 0, cmd 0xe7, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #18")
        << QStringLiteral("vblade25-errors.pcap") << 18 << 60 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x80000109U << QStringLiteral("aflags 0x00, err 0x00, scnt 0, status 0x00, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #19")
        << QStringLiteral("vblade25-errors.pcap") << 19 << 60 << 1 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x8000010aU << QStringLiteral("aflags 0x00, feat 0x00, scnt 1, cmd 0x20, lba 0xe0000005, data 24");
    QTest::addRow("vblade25-errors.pcap #20")
        << QStringLiteral("vblade25-errors.pcap") << 20 << 548 << 1 << true << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x8000010aU << QStringLiteral("aflags 0x00, err 0x00, scnt 0, status 0x40, lba 0xe0000005, data 512");
    QTest::addRow("vblade25-errors.pcap #21")
        << QStringLiteral("vblade25-errors.pcap") << 21 << 60 << 2 << false << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x8000010bU << QStringLiteral("aflags 0x00, feat 0x00, scnt 0, cmd 0xe5, lba 0x0, data 24");
    QTest::addRow("vblade25-errors.pcap #22")
        << QStringLiteral("vblade25-errors.pcap") << 22 << 60 << 2 << true << false << 0 << 0x0102 << 0x03 << 0x00
        << 0x8000010bU << QStringLiteral("aflags 0x00, err 0x00, scnt 255, status 0x40, lba 0x0, data 24");
    QTest::addRow("linux-aoe-initiator.pcap #1")
        << QStringLiteral("linux-aoe-initiator.pcap") << 1 << 32 << 1 << false << false << 0 << 0xffff << 0xff << 0x01
        << 0x00000000U << QStringLiteral("bufcnt 0, fw 0x0000, scnt 0, aoever 0, ccmd 0, len 0, string \"\"");
    QTest::addRow("linux-aoe-initiator.pcap #2")
        << QStringLiteral("linux-aoe-initiator.pcap") << 2 << 32 << 1 << true << false << 0 << 0x0000 << 0x01 << 0x01
        << 0x00000000U << QStringLiteral("bufcnt 16, fw 0x4019, scnt 2, aoever 1, ccmd 0, len 0, string \"\"");
    QTest::addRow("linux-aoe-initiator.pcap #3")
        << QStringLiteral("linux-aoe-initiator.pcap") << 3 << 36 << 1 << false << false << 0 << 0x0000 << 0x01 << 0x00
        << 0x0001dc9aU << QStringLiteral("aflags 0x00, feat 0x00, scnt 1, cmd 0xec, lba 0xa0000000, data 0");
    QTest::addRow("linux-aoe-initiator.pcap #4")
        << QStringLiteral("linux-aoe-initiator.pcap") << 4 << 548 << 1 << true << false << 0 << 0x0000 << 0x01 << 0x00
        << 0x0001dc9aU << QStringLiteral("aflags 0x00, err 0x00, scnt 0, status 0x40, lba 0xa0000000, data 512");
    QTest::addRow("linux-aoe-initiator.pcap #5")
        << QStringLiteral("linux-aoe-initiator.pcap") << 5 << 36 << 1 << false << false << 0 << 0x0000 << 0x01 << 0x00
        << 0x0002dc9fU << QStringLiteral("aflags 0x40, feat 0x00, scnt 2, cmd 0x24, lba 0x0, data 0");
    QTest::addRow("linux-aoe-initiator.pcap #6")
        << QStringLiteral("linux-aoe-initiator.pcap") << 6 << 1060 << 1 << true << false << 0 << 0x0000 << 0x01 << 0x00
        << 0x0002dc9fU << QStringLiteral("aflags 0x40, err 0x00, scnt 0, status 0x40, lba 0x0, data 1024");
    QTest::addRow("linux-aoe-initiator.pcap #7")
        << QStringLiteral("linux-aoe-initiator.pcap") << 7 << 1060 << 1 << false << false << 0 << 0x0000 << 0x01 << 0x00
        << 0x0014dceaU << QStringLiteral("aflags 0x41, feat 0x00, scnt 2, cmd 0x34, lba 0x8, data 1024");
    QTest::addRow("linux-aoe-initiator.pcap #8")
        << QStringLiteral("linux-aoe-initiator.pcap") << 8 << 60 << 1 << true << false << 0 << 0x0000 << 0x01 << 0x00
        << 0x0014dceaU << QStringLiteral("aflags 0x41, err 0x00, scnt 0, status 0x40, lba 0x8, data 24");
}

void TestGoldenFrames::everyFrameDecodesToItsRecordedValues()
{
    QFETCH(QString, file);
    QFETCH(int, number);
    const QByteArray bytes = frameOf(file, number);
    QVERIFY2(!bytes.isEmpty(), qPrintable(QStringLiteral("no frame %1 in %2").arg(number).arg(file)));
    QTEST(int(bytes.size()), "length");

    // Lenient about the version: vblade's announcement has Ver 0, and its Ver 2 replies are recorded too.
    const auto decoded = decodeFrame(bytesOf(bytes), DecodeOptions {false});
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());
    const Header &h = decoded->header;
    QTEST(int(h.version), "version");
    QTEST(h.response, "response");
    QTEST(h.error, "error");
    QTEST(int(h.errorCode), "errorCode");
    QTEST(int(h.major), "major");
    QTEST(int(h.minor), "minor");
    QTEST(int(h.command), "command");
    QTEST(uint(h.tag), "tag");
    QTEST(describeArguments(decoded.value()), "arguments");
}

void TestGoldenFrames::identifyReplies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<qulonglong>("sectors");
    QTest::addRow("aoeping -i") << QStringLiteral("vblade25-aoetools.pcap") << 20 << QStringLiteral("258.3:golden")
                                << qulonglong(74565);
    QTest::addRow("non-holder identify") << QStringLiteral("vblade25-mask-reserve.pcap") << 22
                                         << QStringLiteral("258.3:golden") << qulonglong(74565);
    QTest::addRow("linux identify") << QStringLiteral("linux-aoe-initiator.pcap") << 4 << QStringLiteral("0.1:golden")
                                    << qulonglong(2048);
}

void TestGoldenFrames::identifyReplies()
{
    QFETCH(QString, file);
    QFETCH(int, number);
    const QByteArray bytes = frameOf(file, number);
    const auto frame = decodeFrame(bytesOf(bytes));
    QVERIFY(frame.ok());
    const auto parsed = parseIdentify(frame->as<AtaArg>()->data);
    QVERIFY(parsed.ok());
    QTEST(QString::fromStdString(parsed->serial), "serial");
    QCOMPARE(QString::fromStdString(parsed->firmware), QStringLiteral("V25"));
    QCOMPARE(QString::fromStdString(parsed->model), QStringLiteral("Coraid EtherDrive vblade"));
    QFETCH(qulonglong, sectors);
    QCOMPARE(qulonglong(parsed->lba28Sectors), sectors);
    QCOMPARE(qulonglong(parsed->lba48Sectors), sectors);
    QVERIFY(parsed->lba48);
    QVERIFY(parsed->flush);
    QVERIFY(!parsed->flushExt); // vblade 25 does not advertise FLUSH CACHE EXT (and aborts it)
    QCOMPARE(parsed->sizeBytes(), sectors * 512);
    // vblade's layout word for word: what our own IDENTIFY builder reproduces.
    const auto rebuilt = buildIdentify(parsed.value());
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(rebuilt.data()), 512),
        frame->as<AtaArg>()->data.size() >= 512 ? bytes.mid(36, 512) : QByteArray());
}

void TestGoldenFrames::strictDecodingRejectsOtherVersions()
{
    const auto announcement = decodeFrame(bytesOf(frameOf(QStringLiteral("vblade25-aoetools.pcap"), 1)));
    QVERIFY(!announcement.ok());
    QCOMPARE(announcement.error().code, DecodeErrc::UnsupportedVersion);
    const auto ver2 = decodeFrame(bytesOf(frameOf(QStringLiteral("vblade25-errors.pcap"), 22)));
    QVERIFY(!ver2.ok());
    QCOMPARE(ver2.error().detail, std::size_t {2});
}

QTEST_GUILESS_MAIN(TestGoldenFrames)
#include "tst_golden_frames.moc"
