// SPDX-License-Identifier: GPL-3.0-or-later
// Faults without lost data ([12]), the disk's side: an export on a file whose sectors 4096-4159 fail
// reads and writes with EIO (tests/support/failingfile, a FUSE file over a sparse image: no device-mapper,
// which this machine's kernel and CI's lack) answers a READ or WRITE of those sectors with an ATA error
// status — not wrong data, not silence — and keeps serving the other sectors, through the page cache,
// with O_DIRECT (-d) and with O_SYNC (-s); the engine's `errors` counter counts them. An image much bigger
// than the small tmpfs under it answers the write that finds the disk full with an ATA error, and the
// export keeps serving reads (page cache, -d and -s). The FUSE mount and every other mount made here go
// again, even when a check fails.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <csignal>
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
const QString kFailingFile = QStringLiteral(AOESAN_FAILING_FILE);
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

// Runs a host tool (mount, fusermount3, umount); its stdout, or nullopt with the reason in `error`.
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

// Whether a filesystem is mounted on `path` (the kernel's own list, not a stat that a dead FUSE daemon hangs).
bool isMounted(const QString &path)
{
    QFile mounts(QStringLiteral("/proc/self/mounts"));
    if (!mounts.open(QIODevice::ReadOnly))
        return false;
    const QByteArray needle = QByteArray(" ") + QFile::encodeName(path) + QByteArray(" ");
    return mounts.readAll().contains(needle);
}

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
    // Not a skip: without the fixture (libfuse3 missing at build time) or /dev/fuse this test did not run.
    QVERIFY2(!kFailingFile.isEmpty(), "built without libfuse3: no aoesan-test-failing-file");
    QVERIFY2(QFile::exists(QStringLiteral("/dev/fuse")), "/dev/fuse is missing");
    Lab lab;
    QVERIFY2(lab.ok(), qPrintable(lab.error()));
    const QString backing = lab.createSparseImage(QStringLiteral("backing.img"), qint64(kSectors) * 512);
    QVERIFY(!backing.isEmpty());
    // Random data everywhere, so that a wrong sector read back cannot pass for a right one.
    QByteArray image = randomBytes(qsizetype(kSectors) * 512);
    {
        QFile file(backing);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QCOMPARE(file.write(image), image.size());
    }
    const QString mountPoint = lab.workPath(QStringLiteral("fuse"));
    QVERIFY(QDir().mkpath(mountPoint));

    // The FUSE file: sectors kBadFirst .. kBadFirst + kBadCount - 1 fail reads and writes with EIO.
    QProcess fixture;
    fixture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    fixture.start(kFailingFile,
        {backing, mountPoint, QStringLiteral("%1:%2").arg(kBadFirst).arg(kBadCount), QStringLiteral("--fail-writes")});
    const auto unmount = qScopeGuard([&]() {
        if (fixture.state() != QProcess::NotRunning) {
            ::kill(pid_t(fixture.processId()), SIGTERM); // fuse_main unmounts on SIGTERM
            if (!fixture.waitForFinished(5000)) {
                fixture.kill();
                fixture.waitForFinished(5000);
            }
        }
        if (isMounted(mountPoint) && !run(QStringLiteral("fusermount3"), {QStringLiteral("-u"), mountPoint}))
            run(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint});
    });
    QVERIFY2(fixture.waitForStarted(5000), qPrintable(fixture.errorString()));
    const QString device = mountPoint + QStringLiteral("/disk");
    QDeadlineTimer mounted(10000);
    while (!(isMounted(mountPoint) && QFileInfo(device).size() == qint64(kSectors) * 512) && !mounted.hasExpired()
        && fixture.state() == QProcess::Running)
        QThread::msleep(20);
    QVERIFY2(isMounted(mountPoint) && QFileInfo(device).size() == qint64(kSectors) * 512,
        "aoesan-test-failing-file did not mount its file");

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
        image.replace(qsizetype(kBadFirst - 64) * 512, before.size(), before);
        image.replace(qsizetype(kBadFirst + kBadCount) * 512, after.size(), after);

        // A READ of the bad sectors, or of a range that crosses into them, is an ATA error: ERR in the
        // status, the error register set (the engine says ABRT), the frame not retried into a timeout.
        const auto checkAtaError = [](const initiator::Failure &f) {
            return f.kind == initiator::Failure::Kind::AtaError && (f.ataStatus & protocol::ata::StatusError) != 0
                && (f.ataError & (protocol::ata::ErrorAborted | protocol::ata::ErrorUncorrectable)) != 0;
        };
        int failures = 0;
        const auto badRead = client.read(kBadFirst + 8, 8);
        QVERIFY2(!badRead && checkAtaError(badRead.error()),
            badRead ? "a read of EIO sectors returned data" : badRead.error().message.c_str());
        qInfo("a READ of EIO sectors: %s", badRead.error().message.c_str());
        ++failures;
        const auto crossing = client.read(kBadFirst - 8, 16);
        QVERIFY2(!crossing && checkAtaError(crossing.error()), "a crossing read");
        ++failures;
        const auto lastBad = client.read(kBadFirst + kBadCount - 1, 2);
        QVERIFY2(!lastBad && checkAtaError(lastBad.error()), "a read from the last bad sector on");
        ++failures;

        // A WRITE of them: the fixture fails writes too, and its file is direct_io, so even through the
        // page cache the write itself must report it (a FLUSH after it is the fallback, counted the same).
        const auto badWrite = client.write(kBadFirst + 16, randomBytes(8 * 512));
        if (!isAtaError(badWrite)) {
            const auto flush = client.flush();
            QVERIFY2(isAtaError(flush), "a write to EIO sectors and the FLUSH after it were both acknowledged");
        } else {
            QVERIFY(checkAtaError(*badWrite));
        }
        ++failures;
        qInfo("%s: the bad write was reported %s", mode.isEmpty() ? "page cache" : qPrintable(mode),
            isAtaError(badWrite) ? "by the write" : "by the FLUSH after it");

        // The export keeps serving: every sector but the bad ones, read back after the errors, is the image's
        // (the two writes above included), 128 sectors per request.
        qint64 verified = 0;
        for (std::uint64_t lba = 0; lba < kSectors; lba += 128) {
            const std::uint64_t end = lba + 128;
            if (lba < kBadFirst + kBadCount && end > kBadFirst) {
                // The 128 that hold the bad range: the good parts on each side.
                if (kBadFirst > lba) {
                    const auto head = client.read(lba, kBadFirst - lba);
                    QVERIFY2(head, head ? "" : head.error().message.c_str());
                    QVERIFY(*head == image.mid(qsizetype(lba) * 512, head->size()));
                    verified += head->size();
                }
                if (end > kBadFirst + kBadCount) {
                    const auto tail = client.read(kBadFirst + kBadCount, end - kBadFirst - kBadCount);
                    QVERIFY2(tail, tail ? "" : tail.error().message.c_str());
                    QVERIFY(*tail == image.mid(qsizetype(kBadFirst + kBadCount) * 512, tail->size()));
                    verified += tail->size();
                }
                continue;
            }
            const auto got = client.read(lba, 128);
            QVERIFY2(got, got ? "" : got.error().message.c_str());
            QVERIFY2(*got == image.mid(qsizetype(lba) * 512, 128 * 512),
                qPrintable(QStringLiteral("sectors %1-%2 read back wrong").arg(lba).arg(end - 1)));
            verified += got->size();
        }
        QCOMPARE(verified, qint64(kSectors - kBadCount) * 512);
        QVERIFY(engine.running());
        qInfo("%s: %llu bad sectors, %d failed commands, %lld bytes of the other sectors verified after them",
            mode.isEmpty() ? "page cache" : qPrintable(mode), static_cast<unsigned long long>(kBadCount), failures,
            static_cast<long long>(verified));

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
    QTest::addRow("O_DIRECT (-d)") << QStringLiteral("-d"); // tmpfs takes O_DIRECT since Linux 6.6
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
