// SPDX-License-Identifier: GPL-3.0-or-later
// readSmallFile: a regular file comes back whole (also through a symbolic link); an empty one is empty; a
// file over the limit, a FIFO with no writer (at once, not after a writer came), /dev/zero, /dev/urandom, a
// directory and a dangling link are refused with a sentence naming the path and what it is; a missing file
// is NotFound; with followLinks off a link is refused.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

#include "util/ReadSmallFile.h"

using aoesan::util::ReadFileError;
using aoesan::util::ReadLimits;
using aoesan::util::readSmallFile;
using Code = ReadFileError::Code;

Q_DECLARE_METATYPE(ReadFileError::Code)

namespace {

// A refusal that must come back at once: never waiting for a writer, never reading a device for long.
constexpr qint64 kPromptMs = 2000;

} // namespace

class TestReadSmallFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void regularFile();
    void emptyFile();
    void exactlyTheLimit();
    void overTheLimit();
    void symlinkToRegularFile();
    void refused_data();
    void refused();
    void symlinkRefusedWhenLinksAreNot();
    void messagesSayWhatTheFileIs();
    void kindNames();

private:
    QString path(const char *name) const { return m_dir->filePath(QLatin1String(name)); }
    void write(const QString &file, const QByteArray &bytes) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestReadSmallFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestReadSmallFile::write(const QString &file, const QByteArray &bytes) const
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

void TestReadSmallFile::regularFile()
{
    QByteArray text("{\"version\": 1}\n");
    text.append('\0'); // bytes, not text: a NUL is kept
    text.append("end");
    write(path("a.json"), text);
    const auto read = readSmallFile(path("a.json"), ReadLimits {1024});
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read.value(), text);
}

void TestReadSmallFile::emptyFile()
{
    write(path("empty"), QByteArray());
    const auto read = readSmallFile(path("empty"), ReadLimits {1024});
    QVERIFY(read.ok());
    QVERIFY(read.value().isEmpty());
}

void TestReadSmallFile::exactlyTheLimit()
{
    const QByteArray bytes(4096, 'x');
    write(path("full"), bytes);
    const auto read = readSmallFile(path("full"), ReadLimits {4096});
    QVERIFY(read.ok());
    QCOMPARE(read.value(), bytes);
}

void TestReadSmallFile::overTheLimit()
{
    write(path("big"), QByteArray(4097, 'x'));
    const auto read = readSmallFile(path("big"), ReadLimits {4096});
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, Code::TooBig);
    QCOMPARE(read.error().message,
        QStringLiteral("%1 is larger than 4 KiB, more than such a file ever holds").arg(path("big")));
}

void TestReadSmallFile::symlinkToRegularFile()
{
    write(path("real"), "hello");
    QVERIFY(QFile::link(path("real"), path("link")));
    const auto read = readSmallFile(path("link"), ReadLimits {1024});
    QVERIFY(read.ok());
    QCOMPARE(read.value(), QByteArray("hello"));
}

void TestReadSmallFile::refused_data()
{
    QTest::addColumn<QString>("target"); // what the tested path is, or links to
    QTest::addColumn<QString>("kind"); // how the message names it
    QTest::addColumn<Code>("code");
    QTest::addColumn<bool>("viaLink");
    QTest::addRow("FIFO with no writer") << QStringLiteral("fifo") << QStringLiteral("a FIFO") << Code::NotRegular
                                         << false;
    QTest::addRow("link to a FIFO") << QStringLiteral("fifo") << QStringLiteral("a FIFO") << Code::NotRegular << true;
    QTest::addRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("a character device")
                               << Code::NotRegular << false;
    QTest::addRow("link to /dev/urandom")
        << QStringLiteral("/dev/urandom") << QStringLiteral("a character device") << Code::NotRegular << true;
    QTest::addRow("directory") << QStringLiteral("dir") << QStringLiteral("a directory") << Code::NotRegular << false;
    QTest::addRow("missing") << QStringLiteral("missing") << QString() << Code::NotFound << false;
    QTest::addRow("dangling link") << QStringLiteral("missing") << QString() << Code::NotFound << true;
}

void TestReadSmallFile::refused()
{
    QFETCH(QString, target);
    QFETCH(QString, kind);
    QFETCH(Code, code);
    QFETCH(bool, viaLink);
    if (target == QLatin1String("fifo")) {
        target = path("fifo");
        QCOMPARE(::mkfifo(QFile::encodeName(target).constData(), 0600), 0);
    } else if (target == QLatin1String("dir")) {
        target = path("dir");
        QVERIFY(QDir().mkpath(target));
    } else if (target == QLatin1String("missing")) {
        target = path("missing");
    } else if (!QFileInfo::exists(target)) {
        QSKIP("this system has no such device");
    }
    QString tested = target;
    if (viaLink) {
        tested = path("link");
        QVERIFY(QFile::link(target, tested));
    }

    QElapsedTimer clock;
    clock.start();
    const auto read = readSmallFile(tested, ReadLimits {aoesan::util::kMiB});
    QVERIFY2(clock.elapsed() < kPromptMs, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, code);
    if (code == Code::NotFound)
        QCOMPARE(read.error().message, QStringLiteral("%1 does not exist").arg(tested));
    else
        QCOMPARE(read.error().message, QStringLiteral("%1 is %2, not a regular file").arg(tested, kind));
    if (target == path("fifo"))
        QVERIFY(QFileInfo(target).isFile() == false && QFileInfo::exists(target)); // still there, still a FIFO
}

void TestReadSmallFile::symlinkRefusedWhenLinksAreNot()
{
    write(path("real"), "hello");
    QVERIFY(QFile::link(path("real"), path("link")));
    const auto read = readSmallFile(path("link"), ReadLimits {1024, QString(), false});
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, Code::NotRegular);
    QCOMPARE(read.error().message, QStringLiteral("%1 is a symbolic link, not a regular file").arg(path("link")));
    QVERIFY(readSmallFile(path("real"), ReadLimits {1024, QString(), false}).ok());
}

void TestReadSmallFile::messagesSayWhatTheFileIs()
{
    QCOMPARE(::mkfifo(QFile::encodeName(path("fifo")).constData(), 0600), 0);
    const auto read = readSmallFile(path("fifo"), ReadLimits {1024, QStringLiteral("the export list")});
    QVERIFY(!read.ok());
    QCOMPARE(
        read.error().message, QStringLiteral("the export list %1 is a FIFO, not a regular file").arg(path("fifo")));
    write(path("big"), QByteArray(2 * 1024 * 1024 + 1, 'x'));
    const auto big = readSmallFile(path("big"), ReadLimits {2 * aoesan::util::kMiB, QStringLiteral("the state")});
    QVERIFY(!big.ok());
    QCOMPARE(big.error().message,
        QStringLiteral("the state %1 is larger than 2 MiB, more than such a file ever holds").arg(path("big")));
}

void TestReadSmallFile::kindNames()
{
    QCOMPARE(aoesan::util::fileKindName(S_IFIFO | 0600), QStringLiteral("a FIFO"));
    QCOMPARE(aoesan::util::fileKindName(S_IFCHR | 0666), QStringLiteral("a character device"));
    QCOMPARE(aoesan::util::fileKindName(S_IFBLK | 0660), QStringLiteral("a block device"));
    QCOMPARE(aoesan::util::fileKindName(S_IFSOCK | 0600), QStringLiteral("a socket"));
    QCOMPARE(aoesan::util::fileKindName(S_IFDIR | 0755), QStringLiteral("a directory"));
    QCOMPARE(aoesan::util::fileKindName(S_IFREG | 0644), QStringLiteral("a regular file"));
}

QTEST_GUILESS_MAIN(TestReadSmallFile)
#include "tst_read_small_file.moc"
