// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan's own initiator against aoesan-engine in a namespace lab: it writes a whole image of random
// data and reads it all back, and the file on the host then has the same md5 — through the page cache,
// with O_DIRECT (kernel AIO) and O_SYNC (I/O threads), at MTU 1500 and 9000. A read-only export
// refuses the write.
#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <memory>
#include <optional>

#include "EngineProcess.h"
#include "Lab.h"
#include "initiator/Initiator.h"
#include "initiator/SystemClock.h"
#include "net/PcapTransport.h"

using namespace aoesan;
using aoesan::test::EngineProcess;
using aoesan::test::Lab;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
constexpr std::uint16_t kShelf = 5;
constexpr std::uint8_t kSlot = 6;

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray md5(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

} // namespace

class TestEngineInitiatorRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void wholeImage_data();
    void wholeImage();
    void readOnlyExportRefusesWrites();
};

void TestEngineInitiatorRoundTrip::wholeImage_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("io");
    QTest::addRow("page cache, MTU 1500") << 1500 << QStringList() << QStringLiteral("inline");
    QTest::addRow("O_DIRECT, MTU 1500") << 1500 << QStringList {QStringLiteral("-d")} << QStringLiteral("aio");
    QTest::addRow("O_DIRECT, MTU 9000") << 9000 << QStringList {QStringLiteral("-d")} << QStringLiteral("aio");
    QTest::addRow("O_SYNC, MTU 9000") << 9000 << QStringList {QStringLiteral("-s")} << QStringLiteral("threads");
}

void TestEngineInitiatorRoundTrip::wholeImage()
{
    QFETCH(int, mtu);
    QFETCH(QStringList, options);
    QFETCH(QString, io);
    AOESAN_SKIP_IF(Lab::unavailableReason());
    Lab lab(test::LabOptions {mtu, 0, false});
    QVERIFY2(lab.ok(), qPrintable(lab.error()));

    // On the lab's disk-backed work directory, not tmpfs: O_DIRECT needs a real filesystem.
    constexpr qint64 kBytes = 8 << 20;
    const QString image = lab.createSparseImage(QStringLiteral("roundtrip.img"), kBytes);
    QVERIFY(!image.isEmpty());
    EngineProcess engine(lab, kEngine);
    QVERIFY2(engine.start(options
                 + QStringList {QStringLiteral("--no-state"), QString::number(kShelf), QString::number(kSlot),
                     Lab::targetInterface(), image}),
        qPrintable(engine.error()));
    QCOMPARE(engine.started().value(QStringLiteral("io")).toString(), io);

    const QByteArray pattern = randomBytes(kBytes);
    std::optional<QString> failure;
    QByteArray readBack;
    {
        const auto guard = lab.enter(lab.initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        auto transport = net::PcapTransport::open(Lab::initiatorInterface().toStdString());
        QVERIFY2(transport.ok(), transport.ok() ? "" : transport.error().describe().c_str());
        initiator::SystemClock clock;
        initiator::Initiator initiator(clock);
        initiator.addTransport(transport.value().get());
        const initiator::Peer peer {transport.value().get(), protocol::MacAddress::broadcast(), kShelf, kSlot};

        bool written = false;
        initiator.write(peer, 0, pattern, this, [&](initiator::Outcome<initiator::WriteResult> result) {
            if (!result)
                failure = QString::fromStdString(result.error().message);
            written = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(written, 120000);
        QVERIFY2(!failure, qPrintable(failure.value_or(QString())));

        bool read = false;
        initiator.read(peer, 0, kBytes / 512, this, [&](initiator::Outcome<initiator::ReadResult> result) {
            if (!result)
                failure = QString::fromStdString(result.error().message);
            else
                readBack = result->data;
            read = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read, 120000);
        QVERIFY2(!failure, qPrintable(failure.value_or(QString())));
        initiator.removeTransport(transport.value().get());
    }
    QCOMPARE(readBack.size(), pattern.size());
    QVERIFY2(readBack == pattern, "the data read back differs from what was written");
    QCOMPARE(engine.stop(), 0);

    QFile file(image);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(md5(file.readAll()), md5(pattern));
}

void TestEngineInitiatorRoundTrip::readOnlyExportRefusesWrites()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    Lab lab;
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    const QString image = lab.createSparseImage(QStringLiteral("ro.img"), 1 << 20);
    EngineProcess engine(lab, kEngine);
    QVERIFY2(engine.start({QStringLiteral("-r"), QStringLiteral("--no-state"), QString::number(kShelf),
                 QString::number(kSlot), Lab::targetInterface(), image}),
        qPrintable(engine.error()));
    const auto guard = lab.enter(lab.initiatorNamespace());
    QVERIFY2(guard.ok(), qPrintable(guard.error()));
    auto transport = net::PcapTransport::open(Lab::initiatorInterface().toStdString());
    QVERIFY(transport.ok());
    initiator::SystemClock clock;
    initiator::Initiator initiator(clock);
    initiator.addTransport(transport.value().get());
    const initiator::Peer peer {transport.value().get(), protocol::MacAddress::broadcast(), kShelf, kSlot};

    std::optional<initiator::Failure> failure;
    bool done = false;
    initiator.write(peer, 0, QByteArray(4096, 'x'), this, [&](initiator::Outcome<initiator::WriteResult> result) {
        if (!result)
            failure = result.error();
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY2(failure.has_value(), "a write to a read-only export succeeded");
    QCOMPARE(failure->kind, initiator::Failure::Kind::AtaError);
    QCOMPARE(int(failure->ataError), int(protocol::ata::ErrorAborted));
    initiator.removeTransport(transport.value().get());

    QFile file(image);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray(1 << 20, '\0'));
}

QTEST_GUILESS_MAIN(TestEngineInitiatorRoundTrip)
#include "tst_engine_initiator_roundtrip.moc"
