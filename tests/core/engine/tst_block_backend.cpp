// SPDX-License-Identifier: GPL-3.0-or-later
// BlockBackend on temporary files: the offset/length window (vblade's -o/-l, in sectors), bounds that
// answer OutOfRange instead of touching bytes outside the window, read-only exports, the errors a
// person sees for a wrong path or window, flush, O_SYNC, and O_DIRECT on ext4 and tmpfs.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <memory>
#include <unistd.h>

#include <sys/stat.h>

#include "TargetFrames.h"
#include "engine/BlockBackend.h"

using aoesan::engine::BackendError;
using aoesan::engine::BackendOptions;
using aoesan::engine::BlockBackend;
using aoesan::engine::IoStatus;
namespace frames = aoesan::test::frames;

Q_DECLARE_METATYPE(aoesan::engine::IoStatus)
Q_DECLARE_METATYPE(aoesan::engine::BackendError::Code)

namespace {

const char *statusName(IoStatus s)
{
    switch (s) {
    case IoStatus::Ok:
        return "Ok";
    case IoStatus::OutOfRange:
        return "OutOfRange";
    case IoStatus::ReadOnly:
        return "ReadOnly";
    case IoStatus::Failed:
        return "Failed";
    }
    return "?";
}

const char *codeName(BackendError::Code c)
{
    switch (c) {
    case BackendError::Code::NotFound:
        return "NotFound";
    case BackendError::Code::PermissionDenied:
        return "PermissionDenied";
    case BackendError::Code::Busy:
        return "Busy";
    case BackendError::Code::NotStorage:
        return "NotStorage";
    case BackendError::Code::OutOfRange:
        return "OutOfRange";
    case BackendError::Code::Io:
        return "Io";
    }
    return "?";
}

std::span<std::uint8_t> spanOf(QByteArray &a)
{
    return {reinterpret_cast<std::uint8_t *>(a.data()), static_cast<std::size_t>(a.size())};
}

std::span<const std::uint8_t> constSpanOf(const QByteArray &a)
{
    return {reinterpret_cast<const std::uint8_t *>(a.constData()), static_cast<std::size_t>(a.size())};
}

struct AlignedDeleter
{
    void operator()(std::uint8_t *p) const { std::free(p); }
};

} // namespace

class TestBlockBackend : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void window_data();
    void window();
    void bounds_data();
    void bounds();
    void readOnlyRefusesWrites();
    void openErrors_data();
    void openErrors();
    void trailingPartialSectorIsNotExported();
    void flushAndSync();
    void directIo_data();
    void directIo();

private:
    // An image of `sectors` labelled sectors in the test's directory.
    QString makeImage(std::uint64_t sectors, const QString &name = QStringLiteral("disk.img"));
    QByteArray fileBytes(const QString &path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestBlockBackend::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestBlockBackend::makeImage(std::uint64_t sectors, const QString &name)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(frames::sectorLabels(0, sectors)) != qint64(sectors * 512))
        return {};
    return path;
}

QByteArray TestBlockBackend::fileBytes(const QString &path) const
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestBlockBackend::window_data()
{
    QTest::addColumn<qulonglong>("offset");
    QTest::addColumn<qlonglong>("length"); // -1: to the end
    QTest::addColumn<qulonglong>("sectors");

    QTest::addRow("whole file") << 0ULL << -1LL << 32ULL;
    QTest::addRow("offset only") << 10ULL << -1LL << 22ULL;
    QTest::addRow("length only") << 0ULL << 5LL << 5ULL;
    QTest::addRow("offset and length") << 4ULL << 20LL << 20ULL;
    QTest::addRow("last sector alone") << 31ULL << 1LL << 1ULL;
    QTest::addRow("offset and length to the end") << 12ULL << 20LL << 20ULL;
}

void TestBlockBackend::window()
{
    QFETCH(qulonglong, offset);
    QFETCH(qlonglong, length);
    QFETCH(qulonglong, sectors);
    const QString path = makeImage(32);
    QVERIFY(!path.isEmpty());
    BackendOptions options;
    options.offsetSectors = offset;
    if (length >= 0)
        options.lengthSectors = static_cast<std::uint64_t>(length);
    auto opened = BlockBackend::open(path.toStdString(), options);
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    const auto &backend = *opened.value();
    QCOMPARE(backend.sectors(), sectors);
    QVERIFY(!backend.isBlockDevice());
    QCOMPARE(QString::fromStdString(backend.path()), path);

    // LBA 0 of the export is sector `offset` of the file, and the last LBA its last sector.
    QByteArray sector(512, '\0');
    QCOMPARE(backend.read(0, spanOf(sector)), IoStatus::Ok);
    QCOMPARE(sector, frames::sectorLabel(offset));
    QCOMPARE(backend.read(sectors - 1, spanOf(sector)), IoStatus::Ok);
    QCOMPARE(sector, frames::sectorLabel(offset + sectors - 1));

    const QByteArray before = fileBytes(path);
    const QByteArray data(512, 'W');
    QCOMPARE(backend.write(sectors - 1, constSpanOf(data)), IoStatus::Ok);
    QByteArray expected = before;
    expected.replace(qsizetype((offset + sectors - 1) * 512), 512, data);
    QVERIFY2(fileBytes(path) == expected, "the write landed outside its sector of the window");
}

void TestBlockBackend::bounds_data()
{
    QTest::addColumn<qulonglong>("lba");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<IoStatus>("status");

    // The window is 8 sectors (file sectors 4-11 of 16): nothing outside it may be touched.
    QTest::addRow("whole window") << 0ULL << 8 * 512 << IoStatus::Ok;
    QTest::addRow("last sector") << 7ULL << 512 << IoStatus::Ok;
    QTest::addRow("first past the end") << 8ULL << 512 << IoStatus::OutOfRange;
    QTest::addRow("across the end") << 7ULL << 1024 << IoStatus::OutOfRange;
    QTest::addRow("one more than the window") << 0ULL << 9 * 512 << IoStatus::OutOfRange;
    QTest::addRow("LBA48 maximum") << 0xFFFFFFFFFFFFULL << 512 << IoStatus::OutOfRange;
    QTest::addRow("LBA that wraps lba + count") << 0xFFFFFFFFFFFFFFFFULL << 1024 << IoStatus::OutOfRange;
    QTest::addRow("not a whole sector") << 0ULL << 100 << IoStatus::OutOfRange;
    QTest::addRow("nothing at the end") << 8ULL << 0 << IoStatus::Ok;
}

void TestBlockBackend::bounds()
{
    QFETCH(qulonglong, lba);
    QFETCH(int, bytes);
    QFETCH(IoStatus, status);
    const QString path = makeImage(16);
    auto opened = BlockBackend::open(path.toStdString(), {false, false, false, 4, 8});
    QVERIFY(opened.ok());
    const auto &backend = *opened.value();
    const QByteArray before = fileBytes(path);

    QByteArray buffer(bytes, '\0');
    const IoStatus read = backend.read(lba, spanOf(buffer));
    QVERIFY2(read == status, statusName(read));
    if (status == IoStatus::Ok)
        QCOMPARE(buffer, frames::sectorLabels(4 + lba, static_cast<std::uint64_t>(bytes) / 512));
    const IoStatus write = backend.write(lba, constSpanOf(QByteArray(bytes, 'X')));
    QVERIFY2(write == status, statusName(write));
    const QByteArray after = fileBytes(path);
    QVERIFY2(after.left(4 * 512) == before.left(4 * 512) && after.mid(12 * 512) == before.mid(12 * 512),
        "bytes outside the window changed");
}

void TestBlockBackend::readOnlyRefusesWrites()
{
    const QString path = makeImage(8);
    auto opened = BlockBackend::open(path.toStdString(), {true, false, false, 0, std::nullopt});
    QVERIFY(opened.ok());
    const auto &backend = *opened.value();
    QVERIFY(backend.readOnly());
    const QByteArray before = fileBytes(path);
    const QByteArray data(512, 'R');
    QCOMPARE(backend.write(0, constSpanOf(data)), IoStatus::ReadOnly);
    // ReadOnly comes before the bounds check: a read-only export never says "past the end" to a write.
    QCOMPARE(backend.write(100, constSpanOf(data)), IoStatus::ReadOnly);
    QCOMPARE(fileBytes(path), before);
    QByteArray sector(512, '\0');
    QCOMPARE(backend.read(3, spanOf(sector)), IoStatus::Ok);
    QCOMPARE(sector, frames::sectorLabel(3));
    QCOMPARE(backend.flush(), IoStatus::Ok);
}

void TestBlockBackend::openErrors_data()
{
    QTest::addColumn<QString>("setup"); // what to put at the path
    QTest::addColumn<qulonglong>("offset");
    QTest::addColumn<qlonglong>("length");
    QTest::addColumn<BackendError::Code>("code");
    QTest::addColumn<QStringList>("mentions"); // %1 stands for the path

    const auto code = [](BackendError::Code c) { return c; };
    QTest::addRow("missing file") << QStringLiteral("nothing") << 0ULL << -1LL << code(BackendError::Code::NotFound)
                                  << QStringList {QStringLiteral("%1 does not exist")};
    QTest::addRow("missing directory") << QStringLiteral("no-dir") << 0ULL << -1LL << code(BackendError::Code::NotFound)
                                       << QStringList {QStringLiteral("%1 does not exist")};
    QTest::addRow("a directory") << QStringLiteral("dir") << 0ULL << -1LL << code(BackendError::Code::NotStorage)
                                 << QStringList {QStringLiteral("%1 is a directory")};
    QTest::addRow("a FIFO") << QStringLiteral("fifo") << 0ULL << -1LL << code(BackendError::Code::NotStorage)
                            << QStringList {QStringLiteral("%1 is neither a regular file nor a block device")};
    QTest::addRow("a character device") << QStringLiteral("/dev/null") << 0ULL << -1LL
                                        << code(BackendError::Code::NotStorage)
                                        << QStringList {QStringLiteral("neither a regular file nor a block device")};
    QTest::addRow("empty file") << QStringLiteral("empty") << 0ULL << -1LL << code(BackendError::Code::OutOfRange)
                                << QStringList {QStringLiteral("offset 0 is at or past the end of %1 (0 sectors)")};
    QTest::addRow("offset at the end") << QStringLiteral("16") << 16ULL << -1LL << code(BackendError::Code::OutOfRange)
                                       << QStringList {
                                              QStringLiteral("offset 16 is at or past the end of %1 (16 sectors)")};
    QTest::addRow("length past the end")
        << QStringLiteral("16") << 0ULL << 17LL << code(BackendError::Code::OutOfRange)
        << QStringList {QStringLiteral("length 17 sectors does not fit %1: 16 sectors are available after the offset")};
    QTest::addRow("offset plus length past the end")
        << QStringLiteral("16") << 8ULL << 9LL << code(BackendError::Code::OutOfRange)
        << QStringList {QStringLiteral("length 9 sectors does not fit %1: 8 sectors are available after the offset")};
    QTest::addRow("length 0") << QStringLiteral("16") << 0ULL << 0LL << code(BackendError::Code::OutOfRange)
                              << QStringList {QStringLiteral("length 0 sectors")};
}

void TestBlockBackend::openErrors()
{
    QFETCH(QString, setup);
    QFETCH(qulonglong, offset);
    QFETCH(qlonglong, length);
    QFETCH(BackendError::Code, code);
    QFETCH(QStringList, mentions);
    QString path = m_dir->filePath(QStringLiteral("target"));
    if (setup == QStringLiteral("no-dir"))
        path = m_dir->filePath(QStringLiteral("no-such-dir/disk.img"));
    else if (setup == QStringLiteral("dir"))
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("target")));
    else if (setup == QStringLiteral("fifo"))
        QCOMPARE(::mkfifo(path.toLocal8Bit().constData(), 0600), 0);
    else if (setup.startsWith(QLatin1Char('/')))
        path = setup;
    else if (setup == QStringLiteral("empty"))
        QVERIFY(QFile(path).open(QIODevice::WriteOnly));
    else if (setup == QStringLiteral("16"))
        QVERIFY(!makeImage(16, QStringLiteral("target")).isEmpty());

    BackendOptions options;
    options.offsetSectors = offset;
    if (length >= 0)
        options.lengthSectors = static_cast<std::uint64_t>(length);
    const auto opened = BlockBackend::open(path.toStdString(), options);
    QVERIFY2(!opened.ok(), "opened what it should refuse");
    const BackendError &error = opened.error();
    QVERIFY2(error.code == code, codeName(error.code));
    const QString message = QString::fromStdString(error.message);
    for (const QString &mention : mentions) {
        const QString wanted = mention.contains(QStringLiteral("%1")) ? mention.arg(path) : mention;
        QVERIFY2(message.contains(wanted), qPrintable(QStringLiteral("'%1' does not say '%2'").arg(message, wanted)));
    }
}

void TestBlockBackend::trailingPartialSectorIsNotExported()
{
    const QString path = makeImage(16);
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write(QByteArray(100, 'p'));
    f.close();
    auto opened = BlockBackend::open(path.toStdString(), {});
    QVERIFY(opened.ok());
    QCOMPARE(opened.value()->sectors(), std::uint64_t {16});
    QByteArray sector(512, '\0');
    QCOMPARE(opened.value()->read(16, spanOf(sector)), IoStatus::OutOfRange);
}

void TestBlockBackend::flushAndSync()
{
    const QString path = makeImage(8);
    for (const bool sync : {false, true}) {
        auto opened = BlockBackend::open(path.toStdString(), {false, false, sync, 0, std::nullopt});
        QVERIFY(opened.ok());
        const QByteArray data(512, sync ? 'S' : 'F');
        QCOMPARE(opened.value()->write(2, constSpanOf(data)), IoStatus::Ok);
        QCOMPARE(opened.value()->flush(), IoStatus::Ok);
        QCOMPARE(fileBytes(path).mid(2 * 512, 512), data);
    }
}

void TestBlockBackend::directIo_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addRow("temp directory") << QDir::tempPath();
    QTest::addRow("tmpfs /dev/shm") << QStringLiteral("/dev/shm");
}

void TestBlockBackend::directIo()
{
    QFETCH(QString, directory);
    if (!QFileInfo(directory).isWritable())
        QSKIP(qPrintable(directory + QStringLiteral(" is not writable here")));
    QTemporaryDir dir(directory + QStringLiteral("/aoesan-direct-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("disk.img"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(frames::sectorLabels(0, 32));
    }
    auto opened = BlockBackend::open(path.toStdString(), {false, true, false, 0, std::nullopt});
    if (!opened) {
        // tmpfs before Linux 6.6 has no O_DIRECT: the person must be told to drop -d, not see EINVAL.
        const BackendError &error = opened.error();
        QVERIFY2(error.code == BackendError::Code::Io, codeName(error.code));
        QVERIFY2(error.message.find("does not support direct I/O (-d); export it without -d") != std::string::npos,
            error.message.c_str());
        return;
    }
    const auto &backend = *opened.value();
    // Page-aligned buffers go to the device directly; the engine's 36-byte frame offset and 1 KiB
    // frames are the unaligned case the page-cache descriptor must serve instead of failing.
    std::unique_ptr<std::uint8_t, AlignedDeleter> memory(
        static_cast<std::uint8_t *>(std::aligned_alloc(4096, 3 * 4096)));
    QVERIFY(memory);
    std::span<std::uint8_t> aligned(memory.get(), 4096);
    QCOMPARE(backend.read(8, aligned), IoStatus::Ok);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(aligned.data()), 4096), frames::sectorLabels(8, 8));
    std::span<std::uint8_t> unaligned(memory.get() + 4096 + 36, 1024);
    QCOMPARE(backend.read(3, unaligned), IoStatus::Ok);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(unaligned.data()), 1024), frames::sectorLabels(3, 2));

    std::fill(unaligned.begin(), unaligned.end(), std::uint8_t {'u'});
    QCOMPARE(backend.write(20, unaligned), IoStatus::Ok);
    std::fill(aligned.begin(), aligned.end(), std::uint8_t {'a'});
    QCOMPARE(backend.write(24, aligned), IoStatus::Ok);
    QCOMPARE(backend.flush(), IoStatus::Ok);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray image = f.readAll();
    QCOMPARE(image.mid(20 * 512, 1024), QByteArray(1024, 'u'));
    QCOMPARE(image.mid(24 * 512, 4096), QByteArray(4096, 'a'));
    QCOMPARE(image.mid(22 * 512, 1024), frames::sectorLabels(22, 2));
}

QTEST_GUILESS_MAIN(TestBlockBackend)
#include "tst_block_backend.moc"
