// SPDX-License-Identifier: GPL-3.0-or-later
// AtaDevice: the IDENTIFY block an export presents (serial unique per export, LBA28 count clamped,
// LBA48 count, FLUSH CACHE EXT advertised), READ/WRITE SECTORS (LBA28, device nibble masked) and EXT,
// IDNF past the end, AoE error 2 for too many sectors or a short write, FLUSH, CHECK POWER MODE, and
// ABRT for every opcode it does not implement and for writes to a read-only export.
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "TargetFrames.h"
#include "engine/AtaDevice.h"
#include "engine/BlockBackend.h"
#include "engine/ServeSession.h"
#include "protocol/Identify.h"

using aoesan::engine::AtaDevice;
using aoesan::engine::AtaOutcome;
using aoesan::engine::BackendOptions;
using aoesan::engine::BlockBackend;
using aoesan::protocol::AoeError;
using aoesan::protocol::AtaArg;
using aoesan::protocol::IdentifyInfo;
using aoesan::protocol::identifyWord;
namespace frames = aoesan::test::frames;

namespace {

constexpr std::uint64_t kSectors = 64;
constexpr std::uint8_t kMaxSectors = 2;

IdentifyInfo testIdentity()
{
    IdentifyInfo info;
    info.serial = "7.3:feedf00d";
    info.firmware = "0.1.0";
    info.model = "aoesan AoE target";
    return info;
}

QString outcomeText(const AtaOutcome &o)
{
    return QStringLiteral("aoeError %1 status 0x%2 error 0x%3 left %4 data %5")
        .arg(int(o.aoeError))
        .arg(o.status, 2, 16, QLatin1Char('0'))
        .arg(o.error, 2, 16, QLatin1Char('0'))
        .arg(o.sectorCount)
        .arg(o.dataBytes);
}

} // namespace

class TestAtaDevice : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void identify_data();
    void identify();
    void serialUniquePerExport();
    void readSectors_data();
    void readSectors();
    void writeSectors_data();
    void writeSectors();
    void pastTheEnd_data();
    void pastTheEnd();
    void badArgument_data();
    void badArgument();
    void flushAndPower_data();
    void flushAndPower();
    void unknownOpcodes_data();
    void unknownOpcodes();
    void readOnlyWriteAborts_data();
    void readOnlyWriteAborts();
    void storageCommands();

private:
    // A labelled image of `sectors` (sparse past the labels when large) and the device over it.
    bool open(std::uint64_t sectors = kSectors, bool readOnly = false);
    AtaOutcome run(std::uint8_t command, std::uint8_t aflags, std::uint64_t lba, std::uint8_t count,
        const QByteArray &writeData = {});
    QByteArray image() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<BlockBackend> m_backend;
    std::unique_ptr<AtaDevice> m_device;
    QByteArray m_out;
};

void TestAtaDevice::init()
{
    m_device.reset();
    m_backend.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("disk.img"));
}

bool TestAtaDevice::open(std::uint64_t sectors, bool readOnly)
{
    QFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(frames::sectorLabels(0, std::min<std::uint64_t>(sectors, kSectors)));
    if (!f.resize(qint64(sectors * 512))) // a hole: a 2 TiB export costs nothing
        return false;
    f.close();
    auto opened = BlockBackend::open(m_path.toStdString(), BackendOptions {readOnly, false, false, 0, std::nullopt});
    if (!opened)
        return false;
    m_backend = std::move(opened).value();
    m_device = std::make_unique<AtaDevice>(*m_backend, testIdentity(), kMaxSectors);
    return true;
}

AtaOutcome TestAtaDevice::run(
    std::uint8_t command, std::uint8_t aflags, std::uint64_t lba, std::uint8_t count, const QByteArray &writeData)
{
    AtaArg request;
    request.aflags = aflags;
    request.sectorCount = count;
    request.cmdStatus = command;
    request.lba = lba;
    request.data
        = {reinterpret_cast<const std::uint8_t *>(writeData.constData()), static_cast<std::size_t>(writeData.size())};
    m_out = QByteArray(kMaxSectors * 512, '\xEE');
    return m_device->execute(
        request, {reinterpret_cast<std::uint8_t *>(m_out.data()), std::size_t {kMaxSectors} * 512});
}

QByteArray TestAtaDevice::image() const
{
    QFile f(m_path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestAtaDevice::identify_data()
{
    QTest::addColumn<qulonglong>("sectors");
    QTest::addColumn<qulonglong>("lba28");

    QTest::addRow("64 sectors") << 64ULL << 64ULL;
    QTest::addRow("0x12345 sectors (both halves of the words used)") << 0x12345ULL << 0x12345ULL;
    QTest::addRow("LBA28 limit exactly") << 0x0FFFFFFFULL << 0x0FFFFFFFULL;
    QTest::addRow("one past the LBA28 limit: clamped") << 0x10000000ULL << 0x0FFFFFFFULL;
    QTest::addRow("2 TiB: LBA48 only") << 0x100000000ULL << 0x0FFFFFFFULL;
}

void TestAtaDevice::identify()
{
    QFETCH(qulonglong, sectors);
    QFETCH(qulonglong, lba28);
    QVERIFY(open(sectors));
    const AtaOutcome o = run(0xEC, 0, 0xA0000000, 1);
    QVERIFY2(
        o.aoeError == AoeError::None && o.status == 0x40 && o.error == 0 && o.sectorCount == 0 && o.dataBytes == 512,
        qPrintable(outcomeText(o)));
    const auto block = std::span(reinterpret_cast<const std::uint8_t *>(m_out.constData()), 512);
    QVERIFY(std::ranges::equal(block, m_device->identifyBlock()));

    QCOMPARE(identifyWord(block, 49) & 0x0200, 0x0200); // LBA supported
    const std::uint32_t words60 = identifyWord(block, 60) | (std::uint32_t {identifyWord(block, 61)} << 16U);
    QCOMPARE(qulonglong(words60), lba28);
    std::uint64_t words100 = 0;
    for (std::size_t i = 0; i < 4; ++i)
        words100 |= std::uint64_t {identifyWord(block, 100 + i)} << (16U * i);
    QCOMPARE(qulonglong(words100), sectors);
    // Word 83: valid (14), FLUSH CACHE EXT (13), FLUSH CACHE (12), 48-bit (10); word 86 the same as enabled.
    QCOMPARE(identifyWord(block, 83), std::uint16_t {0x7400});
    QCOMPARE(identifyWord(block, 86) & 0x3400, 0x3400);
    QCOMPARE(identifyWord(block, 82) & 0x0001, 0); // no SMART: 0xB0 is aborted

    const auto parsed = aoesan::protocol::parseIdentify(block);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->serial, std::string("7.3:feedf00d"));
    QCOMPARE(parsed->firmware, std::string("0.1.0"));
    QCOMPARE(parsed->model, std::string("aoesan AoE target"));
    QVERIFY(parsed->lba48);
    QCOMPARE(parsed->sectors(), std::uint64_t {sectors}); // what Linux takes as the size
}

void TestAtaDevice::serialUniquePerExport()
{
    // The Linux initiator tells disks apart by serial: two exports on one machine must never share one,
    // and the same export must keep its serial across restarts.
    const auto options = [](std::uint16_t shelf, std::uint8_t slot, const char *path, std::uint64_t offset) {
        aoesan::engine::ServeOptions o;
        o.shelf = shelf;
        o.slot = slot;
        o.interface = "veth-t";
        o.path = path;
        o.offsetSectors = offset;
        return o;
    };
    const QList<aoesan::engine::ServeOptions> exports = {
        options(7, 3, "/srv/a.img", 0),
        options(7, 4, "/srv/a.img", 0),
        options(8, 3, "/srv/a.img", 0),
        options(7, 3, "/srv/b.img", 0),
        options(7, 3, "/srv/a.img", 2048),
        options(65534, 254, "/srv/a.img", 0),
        options(0, 0, "/srv/a.img", 0),
        options(0, 1, "/srv/a.img", 0),
    };
    QSet<QString> serials;
    for (const auto &o : exports) {
        const IdentifyInfo info = aoesan::engine::exportIdentity(o);
        const QString serial = QString::fromStdString(info.serial);
        const QString prefix = QStringLiteral("%1.%2:").arg(int(o.shelf)).arg(int(o.slot));
        QVERIFY2(serial.startsWith(prefix), qPrintable(serial));
        QVERIFY2(serial.size() <= 20, qPrintable(serial + QStringLiteral(" does not fit the 20-character field")));
        QVERIFY2(!serials.contains(serial), qPrintable(serial + QStringLiteral(" is used twice")));
        serials.insert(serial);
        QCOMPARE(aoesan::engine::exportIdentity(o).serial, info.serial);
    }
    // The interface is not part of the disk's identity: the same file served elsewhere is the same disk.
    auto moved = exports.first();
    moved.interface = "veth-t1";
    QCOMPARE(aoesan::engine::exportIdentity(moved).serial, aoesan::engine::exportIdentity(exports.first()).serial);

    // The serial reaches the IDENTIFY block as the initiator reads it back.
    QVERIFY(open());
    AtaDevice device(*m_backend, aoesan::engine::exportIdentity(exports.first()), kMaxSectors);
    const auto parsed = aoesan::protocol::parseIdentify(device.identifyBlock());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->serial, aoesan::engine::exportIdentity(exports.first()).serial);
}

void TestAtaDevice::readSectors_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("aflags");
    QTest::addColumn<qulonglong>("lba"); // as on the wire
    QTest::addColumn<int>("count");
    QTest::addColumn<qulonglong>("first"); // the sector it must read

    QTest::addRow("READ lba 5") << 0x20 << 0 << 5ULL << 1 << 5ULL;
    QTest::addRow("READ lba 5, device nibble 0xE (Linux)") << 0x20 << 0 << 0xE0000005ULL << 1 << 5ULL;
    QTest::addRow("READ lba 5, device nibble 0xF") << 0x20 << 0 << 0xF0000005ULL << 1 << 5ULL;
    QTest::addRow("READ lba 5, junk in lba4/lba5") << 0x20 << 0 << 0xAB00E0000005ULL << 1 << 5ULL;
    QTest::addRow("READ 2 sectors at the end") << 0x20 << 0 << 0xE000003EULL << 2 << 62ULL;
    QTest::addRow("READ EXT lba 0") << 0x24 << 0x40 << 0ULL << 1 << 0ULL;
    QTest::addRow("READ EXT 2 sectors at 62") << 0x24 << 0x40 << 62ULL << 2 << 62ULL;
    QTest::addRow("READ EXT without the E flag") << 0x24 << 0 << 10ULL << 1 << 10ULL;
}

void TestAtaDevice::readSectors()
{
    QFETCH(int, command);
    QFETCH(int, aflags);
    QFETCH(qulonglong, lba);
    QFETCH(int, count);
    QFETCH(qulonglong, first);
    QVERIFY(open());
    const AtaOutcome o = run(std::uint8_t(command), std::uint8_t(aflags), lba, std::uint8_t(count));
    QVERIFY2(o.aoeError == AoeError::None && o.status == 0x40 && o.error == 0 && o.sectorCount == 0
            && o.dataBytes == std::size_t(count) * 512,
        qPrintable(outcomeText(o)));
    QCOMPARE(m_out.left(count * 512), frames::sectorLabels(first, std::uint64_t(count)));
}

void TestAtaDevice::writeSectors_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("aflags");
    QTest::addColumn<qulonglong>("lba");
    QTest::addColumn<int>("count");
    QTest::addColumn<qulonglong>("first");

    QTest::addRow("WRITE lba 7, device nibble 0xE") << 0x30 << 0x01 << 0xE0000007ULL << 1 << 7ULL;
    QTest::addRow("WRITE 2 sectors at 62") << 0x30 << 0x01 << 62ULL << 2 << 62ULL;
    QTest::addRow("WRITE EXT lba 9") << 0x34 << 0x41 << 9ULL << 1 << 9ULL;
    QTest::addRow("WRITE EXT 2 sectors at 0") << 0x34 << 0x41 << 0ULL << 2 << 0ULL;
    QTest::addRow("WRITE EXT with a longer payload") << 0x34 << 0x41 << 30ULL << 1 << 30ULL;
}

void TestAtaDevice::writeSectors()
{
    QFETCH(int, command);
    QFETCH(int, aflags);
    QFETCH(qulonglong, lba);
    QFETCH(int, count);
    QFETCH(qulonglong, first);
    QVERIFY(open());
    const QByteArray before = image();
    QByteArray data;
    for (int i = 0; i < count; ++i)
        data.append(QByteArray(512, char('k' + i)));
    const QByteArray payload = QString::fromLatin1(QTest::currentDataTag()).contains(QStringLiteral("longer"))
        ? data + QByteArray(512, 'z')
        : data;
    const AtaOutcome o = run(std::uint8_t(command), std::uint8_t(aflags), lba, std::uint8_t(count), payload);
    QVERIFY2(o.aoeError == AoeError::None && o.status == 0x40 && o.error == 0 && o.sectorCount == 0 && o.dataBytes == 0,
        qPrintable(outcomeText(o)));
    QByteArray expected = before;
    expected.replace(qsizetype(first * 512), data.size(), data);
    QVERIFY2(image() == expected, "the write did not land exactly on its sectors");
}

void TestAtaDevice::pastTheEnd_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<qulonglong>("lba");
    QTest::addColumn<int>("count");

    QTest::addRow("READ EXT at the size") << 0x24 << 64ULL << 1;
    QTest::addRow("READ EXT across the end") << 0x24 << 63ULL << 2;
    QTest::addRow("READ EXT at LBA48 maximum") << 0x24 << 0xFFFFFFFFFFFFULL << 1;
    QTest::addRow("READ at LBA28 maximum") << 0x20 << 0xEFFFFFFFULL << 1;
    QTest::addRow("WRITE EXT at the size") << 0x34 << 64ULL << 1;
    QTest::addRow("WRITE across the end") << 0x30 << 0xE000003FULL << 2;
}

void TestAtaDevice::pastTheEnd()
{
    QFETCH(int, command);
    QFETCH(qulonglong, lba);
    QFETCH(int, count);
    QVERIFY(open());
    const QByteArray before = image();
    const AtaOutcome o = run(std::uint8_t(command), 0x40, lba, std::uint8_t(count), QByteArray(count * 512, 'x'));
    // IDNF is an ATA error (status ERR, error IDNF), not an AoE one; the sectors are all left undone.
    QVERIFY2(o.aoeError == AoeError::None && o.status == 0x41 && o.error == 0x10 && o.sectorCount == count
            && o.dataBytes == 0,
        qPrintable(outcomeText(o)));
    QVERIFY2(image() == before, "a refused write changed the image");
}

void TestAtaDevice::badArgument_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("payload");

    QTest::addRow("READ EXT of 3 (max 2)") << 0x24 << 3 << 0;
    QTest::addRow("READ of 255") << 0x20 << 255 << 0;
    QTest::addRow("WRITE EXT of 3 with the data") << 0x34 << 3 << 3 * 512;
    QTest::addRow("WRITE EXT of 1 carrying 24 bytes") << 0x34 << 1 << 24;
    QTest::addRow("WRITE EXT of 1 carrying 511 bytes") << 0x34 << 1 << 511;
    QTest::addRow("WRITE of 2 carrying 1 sector") << 0x30 << 2 << 512;
    QTest::addRow("WRITE EXT of 1 carrying nothing") << 0x34 << 1 << 0;
}

void TestAtaDevice::badArgument()
{
    QFETCH(int, command);
    QFETCH(int, count);
    QFETCH(int, payload);
    QVERIFY(open());
    const QByteArray before = image();
    const AtaOutcome o = run(std::uint8_t(command), 0x41, 0, std::uint8_t(count), QByteArray(payload, 'p'));
    QVERIFY2(o.aoeError == AoeError::BadArgument && o.dataBytes == 0, qPrintable(outcomeText(o)));
    QVERIFY2(image() == before, "a refused command changed the image");
}

void TestAtaDevice::flushAndPower_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<int>("count");

    // vblade answers 0xE7 with status 0 and aborts 0xEA; both must be a real flush that reports DRDY.
    QTest::addRow("FLUSH CACHE") << 0xE7 << false << 0;
    QTest::addRow("FLUSH CACHE EXT") << 0xEA << false << 0;
    QTest::addRow("FLUSH CACHE, read-only") << 0xE7 << true << 0;
    QTest::addRow("FLUSH CACHE EXT, read-only") << 0xEA << true << 0;
    QTest::addRow("CHECK POWER MODE") << 0xE5 << false << 0xFF;
    QTest::addRow("CHECK POWER MODE, read-only") << 0xE5 << true << 0xFF;
}

void TestAtaDevice::flushAndPower()
{
    QFETCH(int, command);
    QFETCH(bool, readOnly);
    QFETCH(int, count);
    QVERIFY(open(kSectors, readOnly));
    const AtaOutcome o = run(std::uint8_t(command), 0, 0, 0);
    QVERIFY2(
        o.aoeError == AoeError::None && o.status == 0x40 && o.error == 0 && o.sectorCount == count && o.dataBytes == 0,
        qPrintable(outcomeText(o)));
}

void TestAtaDevice::unknownOpcodes_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<int>("count");

    QTest::addRow("0xB0 SMART") << 0xB0 << 1;
    QTest::addRow("0x25 READ DMA EXT") << 0x25 << 1;
    QTest::addRow("0xC8 READ DMA") << 0xC8 << 1;
    QTest::addRow("0xCA WRITE DMA") << 0xCA << 2;
    QTest::addRow("0x35 WRITE DMA EXT") << 0x35 << 0;
    QTest::addRow("0xEF SET FEATURES") << 0xEF << 0;
    QTest::addRow("0xA1 IDENTIFY PACKET") << 0xA1 << 1;
    QTest::addRow("0x00 NOP") << 0x00 << 0;
    QTest::addRow("0xFF") << 0xFF << 0;
}

void TestAtaDevice::unknownOpcodes()
{
    QFETCH(int, command);
    QFETCH(int, count);
    QVERIFY(open());
    const QByteArray before = image();
    const AtaOutcome o = run(std::uint8_t(command), 0, 0, std::uint8_t(count), QByteArray(count * 512, 'q'));
    // ABRT as vblade and ggaoed answer: ERR status, ABRT error, no AoE error, nothing done.
    QVERIFY2(o.aoeError == AoeError::None && o.status == 0x41 && o.error == 0x04 && o.sectorCount == count
            && o.dataBytes == 0,
        qPrintable(outcomeText(o)));
    QVERIFY(image() == before);
}

void TestAtaDevice::readOnlyWriteAborts_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<qulonglong>("lba");
    QTest::addRow("WRITE") << 0x30 << 0xE0000004ULL;
    QTest::addRow("WRITE EXT") << 0x34 << 4ULL;
    QTest::addRow("WRITE EXT past the end") << 0x34 << 100ULL;
}

void TestAtaDevice::readOnlyWriteAborts()
{
    QFETCH(int, command);
    QFETCH(qulonglong, lba);
    QVERIFY(open(kSectors, true));
    const QByteArray before = image();
    const AtaOutcome o = run(std::uint8_t(command), 0x41, lba, 1, QByteArray(512, 'r'));
    QVERIFY2(o.aoeError == AoeError::None && o.status == 0x41 && o.error == 0x04 && o.sectorCount == 1,
        qPrintable(outcomeText(o)));
    QVERIFY2(image() == before, "a read-only export changed its image");
    // Reading still works.
    const AtaOutcome read = run(0x24, 0x40, 4, 1);
    QVERIFY2(read.status == 0x40, qPrintable(outcomeText(read)));
    QCOMPARE(m_out.left(512), frames::sectorLabel(4));
}

void TestAtaDevice::storageCommands()
{
    // The engine runs these off the receive thread when it has workers; the rest stay inline.
    for (const int c : {0x20, 0x24, 0x30, 0x34, 0xE7, 0xEA})
        QVERIFY2(AtaDevice::touchesStorage(std::uint8_t(c)), qPrintable(QString::number(c, 16)));
    for (const int c : {0xEC, 0xE5, 0xB0, 0x25, 0x00})
        QVERIFY2(!AtaDevice::touchesStorage(std::uint8_t(c)), qPrintable(QString::number(c, 16)));
}

QTEST_GUILESS_MAIN(TestAtaDevice)
#include "tst_ata_device.moc"
