// SPDX-License-Identifier: GPL-3.0-or-later
// AsyncIo, the engine's kernel-AIO path for O_DIRECT exports, tested directly on files (the engine on
// the wire with -d is tested in tests/net and tests/vm): many operations in flight, each completion
// with its own cookie and byte count, refusals and short reads reported, never lost.
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <poll.h>
#include <unistd.h>

#include "engine/AsyncIo.h"

using aoesan::engine::AsyncIo;

namespace {

constexpr std::size_t kBlock = 4096;

struct AlignedFree
{
    void operator()(std::uint8_t *p) const { std::free(p); }
};
using Aligned = std::unique_ptr<std::uint8_t, AlignedFree>;

Aligned alignedBlocks(std::size_t count)
{
    return Aligned(static_cast<std::uint8_t *>(std::aligned_alloc(kBlock, count * kBlock)));
}

// Reaps until `expected` completions arrived (waiting for each); cookie -> result.
std::map<std::uint64_t, long> reapAll(AsyncIo &aio, std::size_t expected)
{
    std::map<std::uint64_t, long> results;
    for (int rounds = 0; results.size() < expected && rounds < 1000; ++rounds)
        aio.reap([&](std::uint64_t cookie, long result) { results[cookie] = result; }, true);
    return results;
}

bool readable(int fd, int timeoutMs)
{
    pollfd p {fd, POLLIN, 0};
    return ::poll(&p, 1, timeoutMs) == 1;
}

} // namespace

class TestAsyncIo : public QObject
{
    Q_OBJECT

public:
    ~TestAsyncIo() override
    {
        for (int fd : m_fds)
            ::close(fd);
    }

private slots:
    void init();
    void writesThenReadsBack_data();
    void writesThenReadsBack();
    void refusedOperationIsReportedAndTheRestRun();
    void readPastTheEndIsShort();
    void destroyedWithOperationsInFlight();

private:
    int openFile(const QString &name, bool direct);
    QTemporaryDir m_dir;
    std::vector<int> m_fds;
};

void TestAsyncIo::init()
{
    QVERIFY(m_dir.isValid());
}

int TestAsyncIo::openFile(const QString &name, bool direct)
{
    const int fd
        = ::open(qPrintable(m_dir.filePath(name)), O_RDWR | O_CREAT | O_CLOEXEC | (direct ? O_DIRECT : 0), 0600);
    if (fd >= 0)
        m_fds.push_back(fd);
    return fd;
}

void TestAsyncIo::writesThenReadsBack_data()
{
    QTest::addColumn<bool>("direct");
    QTest::addRow("page cache") << false;
    QTest::addRow("O_DIRECT") << true;
}

void TestAsyncIo::writesThenReadsBack()
{
    QFETCH(bool, direct);
    const int fd = openFile(QStringLiteral("image"), direct);
    if (fd < 0 && direct && errno == EINVAL)
        QSKIP("this file system does not take O_DIRECT");
    QVERIFY2(fd >= 0, std::strerror(errno));
    constexpr std::size_t kCount = 16;
    auto created = AsyncIo::create(kCount);
    QVERIFY2(created, created ? "" : created.error().c_str());
    AsyncIo &aio = *created.value();
    QCOMPARE(aio.depth(), unsigned(kCount));

    Aligned out = alignedBlocks(kCount);
    for (std::size_t i = 0; i < kCount; ++i) {
        std::memset(out.get() + i * kBlock, int(0x40 + i), kBlock);
        aio.queue(fd, true, out.get() + i * kBlock, kBlock, std::int64_t(i * kBlock), 100 + i);
    }
    QCOMPARE(aio.inFlight(), 0U); // queued is not yet submitted
    bool refused = false;
    aio.submit([&](std::uint64_t, long) { refused = true; });
    QVERIFY(!refused);
    QCOMPARE(aio.inFlight(), unsigned(kCount));
    QVERIFY(readable(aio.eventFd(), 5000)); // the serving loop polls this fd
    auto written = reapAll(aio, kCount);
    QCOMPARE(written.size(), kCount);
    for (std::size_t i = 0; i < kCount; ++i)
        QCOMPARE(written[100 + i], long(kBlock));
    QCOMPARE(aio.inFlight(), 0U);

    // Read back in the reverse order, each block into its own place.
    Aligned in = alignedBlocks(kCount);
    std::memset(in.get(), 0, kCount * kBlock);
    for (std::size_t i = kCount; i-- > 0;)
        aio.queue(fd, false, in.get() + i * kBlock, kBlock, std::int64_t(i * kBlock), 200 + i);
    aio.submit([&](std::uint64_t, long) { refused = true; });
    QVERIFY(!refused);
    auto read = reapAll(aio, kCount);
    QCOMPARE(read.size(), kCount);
    for (std::size_t i = 0; i < kCount; ++i)
        QCOMPARE(read[200 + i], long(kBlock));
    QVERIFY(std::memcmp(in.get(), out.get(), kCount * kBlock) == 0);
    QCOMPARE(::lseek(fd, 0, SEEK_END), off_t(kCount * kBlock));
}

void TestAsyncIo::refusedOperationIsReportedAndTheRestRun()
{
    const int fd = openFile(QStringLiteral("small"), false);
    QVERIFY(fd >= 0);
    QCOMPARE(::ftruncate(fd, 4 * kBlock), 0);
    auto created = AsyncIo::create(4);
    QVERIFY(created);
    AsyncIo &aio = *created.value();
    Aligned buffers = alignedBlocks(3);
    aio.queue(fd, false, buffers.get(), kBlock, 0, 1);
    aio.queue(-1, false, buffers.get() + kBlock, kBlock, 0, 2); // the kernel refuses a bad descriptor
    aio.queue(fd, false, buffers.get() + 2 * kBlock, kBlock, std::int64_t(kBlock), 3);
    std::map<std::uint64_t, long> refused;
    aio.submit([&](std::uint64_t cookie, long result) { refused[cookie] = result; });
    QCOMPARE(refused.size(), std::size_t(1));
    QCOMPARE(refused[2], long(-EBADF));
    QCOMPARE(aio.inFlight(), 2U);
    auto done = reapAll(aio, 2);
    QCOMPARE(done.size(), std::size_t(2));
    QCOMPARE(done[1], long(kBlock));
    QCOMPARE(done[3], long(kBlock));
    QCOMPARE(aio.inFlight(), 0U);
    // Nothing left: reaping with wait returns at once instead of blocking forever.
    QCOMPARE(aio.reap([](std::uint64_t, long) {}, true), 0U);
}

void TestAsyncIo::readPastTheEndIsShort()
{
    const int fd = openFile(QStringLiteral("short"), false);
    QVERIFY(fd >= 0);
    QCOMPARE(::ftruncate(fd, kBlock), 0);
    auto created = AsyncIo::create(2);
    QVERIFY(created);
    AsyncIo &aio = *created.value();
    Aligned buffers = alignedBlocks(3);
    aio.queue(fd, false, buffers.get(), 2 * kBlock, 0, 1); // half of it lies past the end
    aio.queue(fd, false, buffers.get() + 2 * kBlock, kBlock, std::int64_t(2 * kBlock), 2); // all of it does
    aio.submit([](std::uint64_t, long) { QFAIL("refused"); });
    auto done = reapAll(aio, 2);
    QCOMPARE(done[1], long(kBlock));
    QCOMPARE(done[2], 0L);
}

void TestAsyncIo::destroyedWithOperationsInFlight()
{
    // io_destroy waits for operations still in flight: the buffers may be freed right after.
    const int fd = openFile(QStringLiteral("inflight"), false);
    QVERIFY(fd >= 0);
    Aligned buffers = alignedBlocks(8);
    std::memset(buffers.get(), 0x5a, 8 * kBlock);
    {
        auto created = AsyncIo::create(8);
        QVERIFY(created);
        for (std::size_t i = 0; i < 8; ++i)
            created.value()->queue(fd, true, buffers.get() + i * kBlock, kBlock, std::int64_t(i * kBlock), i);
        created.value()->submit([](std::uint64_t, long) { QFAIL("refused"); });
    }
    buffers.reset();
    QCOMPARE(::lseek(fd, 0, SEEK_END), off_t(8 * kBlock));
}

QTEST_GUILESS_MAIN(TestAsyncIo)
#include "tst_async_io.moc"
