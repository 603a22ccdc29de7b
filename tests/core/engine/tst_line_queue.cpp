// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's event stream never holds up its caller: with a reader that stops reading, posting returns
// at once, droppable lines beyond the bound are dropped and counted, essential ones are kept, and what
// is read afterwards is in order and says how many were dropped. A reader that goes away breaks nothing.
#include <QElapsedTimer>
#include <QList>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

#include "engine/LineQueue.h"

using aoesan::engine::LineQueue;

namespace {

QByteArray dropLine(std::uint64_t n)
{
    return "dropped " + QByteArray::number(qulonglong(n));
}

// Everything that can be read from `fd` until the writer closes it or `timeoutMs` of silence.
QList<QByteArray> readLines(int fd, int timeoutMs = 2000)
{
    QByteArray all;
    char buffer[65536];
    QElapsedTimer quiet;
    quiet.start();
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    while (quiet.elapsed() < timeoutMs) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0)
            break;
        if (n > 0) {
            all.append(buffer, n);
            quiet.restart();
            continue;
        }
        if (errno != EAGAIN)
            break;
        QThread::msleep(5);
    }
    QList<QByteArray> lines = all.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestLineQueue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void linesArriveInOrder()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        std::FILE *out = ::fdopen(fds[1], "w");
        {
            LineQueue queue(out, 1 << 20, dropLine);
            for (int i = 0; i < 1000; ++i)
                queue.post(
                    "line " + QByteArray::number(i), i % 2 ? LineQueue::Kind::Droppable : LineQueue::Kind::Essential);
            QList<QByteArray> lines;
            std::thread reader([&] { lines = readLines(fds[0], 500); });
            QVERIFY(queue.drain(std::chrono::seconds(5)));
            QCOMPARE(queue.dropped(), std::uint64_t {0});
            std::fclose(out);
            reader.join();
            QCOMPARE(lines.size(), 1000);
            for (int i = 0; i < 1000; ++i)
                QCOMPARE(lines[i], "line " + QByteArray::number(i));
        }
        ::close(fds[0]);
    }

    // The reader stops reading: 200,000 posts (about 8 MB) take well under the time one blocked write would,
    // the queue holds its bound, and what the reader finds later is the kept lines, in order, then the
    // count of those dropped, then the essential line posted last.
    void stalledReaderNeverBlocks()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        std::FILE *out = ::fdopen(fds[1], "w");
        auto queue = std::make_unique<LineQueue>(out, 256 * 1024, dropLine);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 200000; ++i)
            queue->post("client 02:00:00:00:00:00 number " + QByteArray::number(i), LineQueue::Kind::Droppable);
        queue->post("stopped", LineQueue::Kind::Essential);
        const qint64 postMs = timer.elapsed();
        QVERIFY2(postMs < 3000, qPrintable(QString::number(postMs)));
        QVERIFY(!queue->drain(std::chrono::milliseconds(100))); // nobody reads: not everything is out
        const std::uint64_t dropped = queue->dropped();
        QVERIFY2(dropped > 150000, qPrintable(QString::number(dropped)));

        QList<QByteArray> lines;
        std::thread reader([&] { lines = readLines(fds[0], 1000); });
        QVERIFY(queue->drain(std::chrono::seconds(5)));
        queue.reset();
        std::fclose(out);
        reader.join();
        QVERIFY(lines.size() >= 3);
        QCOMPARE(lines.last(), QByteArray("stopped"));
        QVERIFY(lines[lines.size() - 2].startsWith("dropped ")); // said where the gap is, before what came after
        std::uint64_t saidDropped = 0;
        std::uint64_t kept = 0;
        int previous = -1;
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (lines[i].startsWith("dropped ")) {
                saidDropped += lines[i].mid(8).toULongLong();
                continue;
            }
            ++kept;
            const int n = lines[i].mid(lines[i].lastIndexOf(' ') + 1).toInt();
            QVERIFY2(n > previous, lines[i].constData()); // in order
            previous = n;
        }
        QCOMPARE(saidDropped, dropped);
        QCOMPARE(kept + dropped, std::uint64_t {200000});
        ::close(fds[0]);
    }

    // The reader is gone: writes fail, the queue stops writing, posting and draining return at once.
    void readerGone()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        ::close(fds[0]);
        std::FILE *out = ::fdopen(fds[1], "w");
        {
            LineQueue queue(out, 1 << 20, dropLine);
            queue.post("started", LineQueue::Kind::Essential);
            QVERIFY(queue.drain(std::chrono::seconds(2)));
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < 10000; ++i)
                queue.post("counters", LineQueue::Kind::Droppable);
            QVERIFY(queue.drain(std::chrono::seconds(2)));
            QVERIFY(timer.elapsed() < 2000);
        }
        std::fclose(out);
    }

    // A reader that never reads again does not hold up the end: the destructor gives up after two seconds.
    void destructorDoesNotHangOnAStalledReader()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        std::FILE *out = ::fdopen(fds[1], "w");
        QElapsedTimer timer;
        timer.start();
        {
            LineQueue queue(out, 1 << 20, dropLine);
            const QByteArray big(4000, 'x');
            for (int i = 0; i < 200; ++i) // 800 KB: more than the pipe holds
                queue.post(big, LineQueue::Kind::Essential);
        }
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
        // The writer thread is still blocked in its write; reading lets it finish and end.
        const QList<QByteArray> lines = readLines(fds[0], 500);
        QVERIFY(lines.size() > 0);
        ::close(fds[0]);
    }
};

QTEST_GUILESS_MAIN(TestLineQueue)
#include "tst_line_queue.moc"
