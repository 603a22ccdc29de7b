// SPDX-License-Identifier: GPL-3.0-or-later
// PcapFile: frames written to a capture come back equal, and a missing or damaged capture (golden
// frames are files a person may edit) is an error, never a crash.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "net/PcapFile.h"

using aoesan::net::CapturedFrame;
using aoesan::net::PcapWriter;
using aoesan::net::readPcapFile;

namespace {

QByteArray patternFrame(int size, char seed)
{
    QByteArray frame(size, '\0');
    for (int i = 0; i < size; ++i)
        frame[i] = static_cast<char>(seed + i);
    frame[12] = static_cast<char>(0x88);
    frame[13] = static_cast<char>(0xa2);
    return frame;
}

// The 24-byte header of a classic little-endian capture file with the given link type.
QByteArray captureHeader(quint32 linkType)
{
    QByteArray header;
    const auto put32 = [&header](quint32 v) {
        for (int i = 0; i < 4; ++i)
            header.append(static_cast<char>((v >> (8 * i)) & 0xffU));
    };
    put32(0xa1b2c3d4U); // magic, microsecond timestamps
    header.append('\x02').append('\0').append('\x04').append('\0'); // version 2.4
    put32(0); // thiszone
    put32(0); // sigfigs
    put32(65535); // snaplen
    put32(linkType);
    return header;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TestPcapFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTrip_data();
    void roundTrip();
    void emptyCaptureHasNoFrames();
    void badFile_data();
    void badFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPcapFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPcapFile::roundTrip_data()
{
    QTest::addColumn<QList<int>>("sizes");

    QTest::addRow("one minimum frame") << QList<int> {60};
    QTest::addRow("short and full frames") << QList<int> {32, 60, 1514};
    QTest::addRow("jumbo frames") << QList<int> {9014, 9014, 60};
}

void TestPcapFile::roundTrip()
{
    QFETCH(QList<int>, sizes);

    const std::string path = m_dir->filePath(QStringLiteral("frames.pcap")).toStdString();
    std::vector<CapturedFrame> written;
    {
        auto writer = PcapWriter::create(path);
        QVERIFY(writer.ok());
        for (int i = 0; i < sizes.size(); ++i) {
            CapturedFrame frame;
            frame.bytes = patternFrame(sizes[i], static_cast<char>(i));
            frame.timestamp = std::chrono::seconds(1700000000 + i) + std::chrono::microseconds(999999 - i);
            frame.originalLength = static_cast<std::uint32_t>(sizes[i]);
            (*writer)->write(frame.bytes, frame.timestamp);
            written.push_back(frame);
        }
        (*writer)->flush();
    }

    const auto read = readPcapFile(path);
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().c_str());
    QCOMPARE(read->size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        QCOMPARE(read->at(i).bytes, written[i].bytes);
        QCOMPARE(read->at(i).timestamp, written[i].timestamp);
        QCOMPARE(read->at(i).originalLength, written[i].originalLength);
    }
}

void TestPcapFile::emptyCaptureHasNoFrames()
{
    const QString path = m_dir->filePath(QStringLiteral("empty.pcap"));
    QVERIFY(writeBytes(path, captureHeader(1)));
    const auto read = readPcapFile(path.toStdString());
    QVERIFY(read.ok());
    QVERIFY(read->empty());
}

void TestPcapFile::badFile_data()
{
    QTest::addColumn<QByteArray>("contents"); // written as is; a null QByteArray means no file at all
    QTest::addColumn<QString>("mentions");

    QTest::addRow("missing") << QByteArray() << QStringLiteral("cannot read");
    QTest::addRow("zero bytes") << QByteArray("") << QStringLiteral("cannot read");
    QTest::addRow("not a capture") << QByteArray("this is not a capture file, just some text\n")
                                   << QStringLiteral("cannot read");
    QTest::addRow("truncated header") << captureHeader(1).left(10) << QStringLiteral("cannot read");
    QTest::addRow("not Ethernet") << captureHeader(0) << QStringLiteral("not of Ethernet");
    // Header, then a record header promising 100 bytes, then only 10 of them.
    QByteArray truncated = captureHeader(1);
    truncated.append(QByteArray::fromHex("0000000000000000"
                                         "64000000"
                                         "64000000"));
    truncated.append(QByteArray(10, 'x'));
    QTest::addRow("truncated record") << truncated << QStringLiteral("damaged");
    // A record header cut in the middle.
    QTest::addRow("truncated record header") << captureHeader(1) + QByteArray(7, '\0') << QStringLiteral("damaged");
}

void TestPcapFile::badFile()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, mentions);

    const QString path = m_dir->filePath(QStringLiteral("bad.pcap"));
    if (!contents.isNull())
        QVERIFY(writeBytes(path, contents));
    const auto read = readPcapFile(path.toStdString());
    QVERIFY(!read.ok());
    QVERIFY2(read.error().find(mentions.toStdString()) != std::string::npos, read.error().c_str());
    QVERIFY2(read.error().find(path.toStdString()) != std::string::npos, read.error().c_str());
}

QTEST_GUILESS_MAIN(TestPcapFile)
#include "tst_pcap_file.moc"
