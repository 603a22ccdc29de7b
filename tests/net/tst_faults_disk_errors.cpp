// SPDX-License-Identifier: GPL-3.0-or-later
// Faults without lost data ([12]), the disk's side: an export on a device-mapper device whose sectors
// 4096-4159 return EIO (an `error` segment between two `linear` ones over a loop device) answers a READ
// or WRITE of those sectors with an ATA error status — not wrong data, not silence — and keeps serving the
// other sectors, through the page cache, with O_DIRECT (-d) and with O_SYNC (-s); the engine's `errors`
// counter counts them. An image much bigger than the small tmpfs under it answers the write that finds
// the disk full with an ATA error, and the export keeps serving reads. Every loop device, dm device and
// mount made here goes again, even when a check fails.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>

#include <optional>

#include "EngineProcess.h"
#include "Lab.h"
#include "initiator/BlockTransfer.h"
#include "initiator/Initiator.h"
#include "initiator/SystemClock.h"
#include "net/PcapTransport.h"
#include "protocol/Frame.h"

using namespace aoesan;
using aoesan::test::EngineProcess;
using aoesan::test::Lab;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
constexpr std::uint16_t kShelf = 11;
constexpr std::uint8_t kSlot = 2;
constexpr std::uint64_t kSectors = 16384; // 8 MiB
constexpr std::uint64_t kBadFirst = 4096; // sectors kBadFirst .. kBadFirst + kBadCount - 1 return EIO
constexpr std::uint64_t kBadCount = 64;

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

// Runs a host tool (losetup, dmsetup, mount); its stdout, or nullopt with the reason in `error`.
std::optional<QString> run(const QString &tool, const QStringList &arguments, QString *error = nullptr)
{
    QProcess p;
    p.start(Lab::findTool(tool), arguments);
    if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2: %3")
                         .arg(tool, arguments.join(QLatin1Char(' ')),
                             QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return std::nullopt;
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

// aoesan's initiator on the lab's initiator side, with calls that wait for their answer.
class Client
{
public:
    explicit Client(Lab &lab)
        : m_initiator(m_clock)
    {
        const auto guard = lab.enter(lab.initiatorNamespace());
        if (!guard.ok())
            return;
        auto opened = net::PcapTransport::open(Lab::initiatorInterface().toStdString());
        if (!opened.ok())
            return;
        m_transport = std::move(opened.value());
        m_initiator.addTransport(m_transport.get());
    }
    ~Client()
    {
        if (m_transport)
            m_initiator.removeTransport(m_transport.get());
    }
    bool ok() const { return m_transport != nullptr; }

    // nullopt when the write was acknowledged.
    std::optional<initiator::Failure> write(std::uint64_t lba, const QByteArray &data)
    {
        std::optional<initiator::Failure> failure;
        bool done = false;
        m_initiator.write(peer(), lba, data, nullptr, [&](initiator::Outcome<initiator::WriteResult> r) {
            if (!r)
                failure = r.error();
            done = true;
        });
        wait(done);
        return done ? failure : initiator::Failure::of(initiator::Failure::Kind::Timeout, "the test gave up");
    }

    initiator::Outcome<QByteArray> read(std::uint64_t lba, std::uint64_t sectors)
    {
        initiator::Outcome<QByteArray> out
            = aoesan::Unexpected(initiator::Failure::of(initiator::Failure::Kind::Timeout, "the test gave up"));
        bool done = false;
        m_initiator.read(peer(), lba, sectors, nullptr, [&](initiator::Outcome<initiator::ReadResult> r) {
            if (r)
                out = r->data;
            else
                out = aoesan::Unexpected(r.error());
            done = true;
        });
        wait(done);
        return out;
    }

    std::optional<initiator::Failure> flush()
    {
        protocol::AtaArg arg;
        arg.aflags = protocol::aflags::Extended;
        arg.cmdStatus = protocol::ata::FlushCacheExt;
        protocol::Frame frame;
        frame.header.command = static_cast<std::uint8_t>(protocol::Command::Ata);
        frame.arg = arg;
        std::optional<initiator::Failure> failure
            = initiator::Failure::of(initiator::Failure::Kind::Timeout, "the test gave up");
        bool done = false;
        m_initiator.tracker().submit(peer(), frame, {}, nullptr, [&](initiator::Outcome<initiator::RawReply> raw) {
            done = true;
            if (!raw) {
                failure = raw.error();
                return;
            }
            const auto bytes = std::span(reinterpret_cast<const std::uint8_t *>(raw->frame.constData()),
                static_cast<std::size_t>(raw->frame.size()));
            const auto decoded = protocol::decodeFrame(bytes, protocol::DecodeOptions {false});
            const protocol::AtaArg *ata = decoded ? decoded->as<protocol::AtaArg>() : nullptr;
            failure = ata ? initiator::ataReplyFailure(raw->meta.header, *ata, raw->meta.attempts)
                          : initiator::Failure::of(initiator::Failure::Kind::BadReply, "undecodable FLUSH reply");
        });
        wait(done);
        return failure;
    }

private:
    initiator::Peer peer() const { return {m_transport.get(), protocol::MacAddress::broadcast(), kShelf, kSlot}; }
    static void wait(const bool &done)
    {
        QDeadlineTimer deadline(60000);
        while (!done && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }

    initiator::SystemClock m_clock;
    initiator::Initiator m_initiator;
    std::unique_ptr<net::Transport> m_transport;
};

bool isAtaError(const std::optional<initiator::Failure> &f)
{
    return f && f->kind == initiator::Failure::Kind::AtaError;
}

// The engine's `errors` counter as its last `counters` event tells it (once a second).
std::uint64_t engineErrors(EngineProcess &engine, std::uint64_t atLeast)
{
    std::uint64_t errors = 0;
    engine.waitForEvent(QStringLiteral("counters"), 5000, [&](const QJsonObject &o) {
        errors = std::uint64_t(o.value(QStringLiteral("errors")).toInteger());
        return errors >= atLeast;
    });
    return errors;
}

} // namespace

class TestFaultsDiskErrors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badSectors_data();
    void badSectors();
    void fullDisk_data();
    void fullDisk();
};

void TestFaultsDiskErrors::initTestCase()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    QVERIFY2(QFile::exists(kEngine), qPrintable(kEngine));
}

void TestFaultsDiskErrors::badSectors_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addRow("page cache") << QString();
    QTest::addRow("O_DIRECT (-d)") << QStringLiteral("-d");
    QTest::addRow("O_SYNC (-s)") << QStringLiteral("-s");
}

void TestFaultsDiskErrors::badSectors()
{
    QFETCH(QString, mode);
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("dmsetup")));
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("losetup")));
    // Some kernels have no device-mapper (this machine's, 6.18 without dm_mod): `dmsetup targets` fails there.
    if (!run(QStringLiteral("dmsetup"), {QStringLiteral("targets")}))
        QSKIP("the kernel has no device-mapper (dmsetup targets fails)");
    Lab lab;
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    const QString backing = lab.createSparseImage(QStringLiteral("backing.img"), qint64(kSectors) * 512);
    QVERIFY(!backing.isEmpty());

    QString error;
    const auto loop
        = run(QStringLiteral("losetup"), {QStringLiteral("--find"), QStringLiteral("--show"), backing}, &error);
    QVERIFY2(loop, qPrintable(error));
    const auto detach = qScopeGuard([&]() { run(QStringLiteral("losetup"), {QStringLiteral("-d"), *loop}); });
    const QString dmName = QStringLiteral("aoesan-faults-%1").arg(QCoreApplication::applicationPid());
    const QString table = QStringLiteral("0 %1 linear %2 0\n%1 %3 error\n%4 %5 linear %2 %4\n")
                              .arg(kBadFirst)
                              .arg(*loop)
                              .arg(kBadCount)
                              .arg(kBadFirst + kBadCount)
                              .arg(kSectors - kBadFirst - kBadCount);
    QFile tableFile(lab.workPath(QStringLiteral("table")));
    QVERIFY(tableFile.open(QIODevice::WriteOnly));
    tableFile.write(table.toLatin1());
    tableFile.close();
    QVERIFY2(run(QStringLiteral("dmsetup"), {QStringLiteral("create"), dmName, tableFile.fileName()}, &error),
        qPrintable(error));
    const auto removeDm = qScopeGuard([&]() {
        run(QStringLiteral("dmsetup"), {QStringLiteral("remove"), QStringLiteral("--retry"), dmName});
    });
    const QString device = QStringLiteral("/dev/mapper/") + dmName;

    {
        EngineProcess engine(lab, kEngine);
        QStringList options;
        if (!mode.isEmpty())
            options << mode;
        QVERIFY2(engine.start(options
                     + QStringList {QStringLiteral("--no-state"), QString::number(kShelf), QString::number(kSlot),
                         Lab::targetInterface(), device}),
            qPrintable(engine.error()));
        const auto stopEngine = qScopeGuard([&]() { engine.stop(); });
        Client client(lab);
        QVERIFY(client.ok());

        // Good sectors on both sides of the bad range take a write and give it back.
        const QByteArray before = randomBytes(64 * 512);
        const QByteArray after = randomBytes(64 * 512);
        QVERIFY(!client.write(kBadFirst - 64, before));
        QVERIFY(!client.write(kBadFirst + kBadCount, after));
        QVERIFY(!client.flush());

        // A READ of the bad sectors, or of a range that crosses into them, is an ATA error.
        int failures = 0;
        const auto badRead = client.read(kBadFirst + 8, 8);
        QVERIFY2(!badRead && badRead.error().kind == initiator::Failure::Kind::AtaError,
            badRead ? "a read of EIO sectors returned data" : badRead.error().message.c_str());
        ++failures;
        const auto crossing = client.read(kBadFirst - 8, 16);
        QVERIFY2(!crossing && crossing.error().kind == initiator::Failure::Kind::AtaError, "a crossing read");
        ++failures;

        // A WRITE of them: -d and -s report it on the write itself. Through the page cache a write of whole
        // pages may land in the cache and only fail when written back: then the FLUSH after it must fail.
        const auto badWrite = client.write(kBadFirst + 16, randomBytes(8 * 512));
        bool reported = isAtaError(badWrite);
        if (reported) {
            ++failures;
        } else {
            QVERIFY2(mode.isEmpty(), "a write to EIO sectors was acknowledged with -d or -s");
            const auto flush = client.flush();
            QVERIFY2(isAtaError(flush), "a write to EIO sectors and the FLUSH after it were both acknowledged");
            ++failures;
            reported = true;
        }
        qInfo("%s: the bad write was reported %s", mode.isEmpty() ? "page cache" : qPrintable(mode),
            isAtaError(badWrite) ? "by the write" : "by the FLUSH after it");

        // The rest of the device is still served, and right.
        const auto readBefore = client.read(kBadFirst - 64, 64);
        QVERIFY2(readBefore, readBefore ? "" : readBefore.error().message.c_str());
        QVERIFY(*readBefore == before);
        const auto readAfter = client.read(kBadFirst + kBadCount, 64);
        QVERIFY2(readAfter, readAfter ? "" : readAfter.error().message.c_str());
        QVERIFY(*readAfter == after);
        const auto far = client.read(kSectors - 16, 16);
        QVERIFY(far && *far == QByteArray(16 * 512, '\0'));
        QVERIFY(engine.running());

        const std::uint64_t errors = engineErrors(engine, std::uint64_t(failures));
        qInfo("%s: %d failed commands, engine errors counter %llu", mode.isEmpty() ? "page cache" : qPrintable(mode),
            failures, static_cast<unsigned long long>(errors));
        QVERIFY2(errors >= std::uint64_t(failures), qPrintable(QStringLiteral("errors %1").arg(errors)));
    }
}

void TestFaultsDiskErrors::fullDisk_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addRow("page cache") << QString();
    QTest::addRow("O_SYNC (-s)") << QStringLiteral("-s");
}

void TestFaultsDiskErrors::fullDisk()
{
    QFETCH(QString, mode);
    AOESAN_SKIP_IF(Lab::unavailableReason());
    Lab lab;
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    // A 1 MiB tmpfs holding a 64 MiB sparse image.
    const QString mountPoint = lab.workPath(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mountPoint));
    QString error;
    QVERIFY2(run(QStringLiteral("mount"),
                 {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=1m"),
                     QStringLiteral("aoesan-faults"), mountPoint},
                 &error),
        qPrintable(error));
    const auto unmount = qScopeGuard([&]() { run(QStringLiteral("umount"), {mountPoint}); });
    const QString image = mountPoint + QStringLiteral("/big.img");
    {
        QFile file(image);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(64 << 20));
    }

    {
        EngineProcess engine(lab, kEngine);
        QStringList options;
        if (!mode.isEmpty())
            options << mode;
        QVERIFY2(engine.start(options
                     + QStringList {QStringLiteral("--no-state"), QString::number(kShelf), QString::number(kSlot),
                         Lab::targetInterface(), image}),
            qPrintable(engine.error()));
        const auto stopEngine = qScopeGuard([&]() { engine.stop(); });
        Client client(lab);
        QVERIFY(client.ok());

        // 64 KiB at a time from sector 0 until the disk is full: the write that finds it full is an ATA error.
        const QByteArray first = randomBytes(64 << 10);
        QVERIFY(!client.write(0, first));
        std::optional<initiator::Failure> failure;
        int chunks = 1;
        for (; chunks < 64 && !failure; ++chunks)
            failure = client.write(std::uint64_t(chunks) * 128, randomBytes(64 << 10));
        qInfo("%s: the write of 64 KiB chunk %d of a 64 MiB image on a 1 MiB tmpfs failed: %s",
            mode.isEmpty() ? "page cache" : qPrintable(mode), chunks - 1, failure ? failure->message.c_str() : "no");
        QVERIFY2(isAtaError(failure), "writing 4 MiB to a 1 MiB disk never failed");
        QVERIFY(engine.running());

        // Reads go on: what was written, and the sparse rest.
        const auto readFirst = client.read(0, 128);
        QVERIFY2(readFirst, readFirst ? "" : readFirst.error().message.c_str());
        QVERIFY(*readFirst == first);
        const auto tail = client.read((64 << 20) / 512 - 128, 128);
        QVERIFY(tail && *tail == QByteArray(64 << 10, '\0'));
        const std::uint64_t errors = engineErrors(engine, 1);
        QVERIFY2(errors >= 1, "the engine's errors counter missed the failed write");
    }
}

QTEST_GUILESS_MAIN(TestFaultsDiskErrors)
#include "tst_faults_disk_errors.moc"
