// SPDX-License-Identifier: GPL-3.0-or-later
// writeFileAtomically: a new file is created and an old one replaced whole (also through a link to a regular
// file, whose link stays); a FIFO, a directory, a link to a FIFO, a link to nothing and (as root) a link to a
// character device are refused with a sentence naming the path and what it is, and the thing at the path is
// left exactly as it was. Every non-regular target here is the test's own, in its temporary directory: a
// writer that followed the link would replace only that, never a device of the machine.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "util/WriteFileAtomically.h"

using aoesan::util::refusedWriteTarget;
using aoesan::util::writeFileAtomically;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

mode_t lmode(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode : 0;
}

mode_t mode(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode : 0;
}

} // namespace

class TestWriteFileAtomically : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void createsAndReplaces()
    {
        const QString path = m_dir->filePath(QStringLiteral("state.json"));
        QVERIFY(!refusedWriteTarget(path));
        QVERIFY(writeFileAtomically(path, "first"));
        QCOMPARE(readAll(path), QByteArray("first"));
        QVERIFY(writeFileAtomically(path, "second, longer"));
        QCOMPARE(readAll(path), QByteArray("second, longer"));
        // No temporary file is left beside it.
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("state.json")});
    }

    // A person's config kept elsewhere and linked in (dotfiles): the target is replaced, the link stays.
    void linkToRegularFileWritesTheTarget()
    {
        const QString target = m_dir->filePath(QStringLiteral("real.json"));
        const QString path = m_dir->filePath(QStringLiteral("link.json"));
        QVERIFY(writeFileAtomically(target, "old"));
        QVERIFY(QFile::link(target, path));
        QVERIFY(writeFileAtomically(path, "new"));
        QVERIFY(S_ISLNK(lmode(path)));
        QCOMPARE(readAll(target), QByteArray("new"));
    }

    void nonRegularTargetsAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("said");
        QTest::addRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("is a FIFO, not a regular file");
        QTest::addRow("directory") << QStringLiteral("dir") << QStringLiteral("is a directory, not a regular file");
        QTest::addRow("link to a FIFO") << QStringLiteral("link-fifo")
                                        << QStringLiteral("is a link to a FIFO, not a regular file");
        QTest::addRow("link to nothing") << QStringLiteral("dangling")
                                         << QStringLiteral("is a symbolic link to nothing");
        QTest::addRow("link to a character device")
            << QStringLiteral("link-device") << QStringLiteral("is a link to a character device, not a regular file");
    }

    void nonRegularTargetsAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, said);
        const QString path = m_dir->filePath(QStringLiteral("exports.json"));
        const QString other = m_dir->filePath(QStringLiteral("other"));
        const QByteArray otherName = QFile::encodeName(other);
        if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("dir")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("link-fifo")) {
            QCOMPARE(::mkfifo(otherName.constData(), 0600), 0);
            QVERIFY(QFile::link(other, path));
        } else if (kind == QLatin1String("dangling")) {
            QVERIFY(QFile::link(other, path));
        } else {
            // The test's own node of the null device (1, 3): never /dev itself.
            if (::geteuid() != 0)
                QSKIP("making a device node needs root");
            QCOMPARE(::mknod(otherName.constData(), S_IFCHR | 0600, makedev(1, 3)), 0);
            QVERIFY(QFile::link(other, path));
        }
        const mode_t before = lmode(path);
        const mode_t targetBefore = mode(other);

        const auto refused = refusedWriteTarget(path, QStringLiteral("the export list"));
        QVERIFY(refused);
        QVERIFY2(
            refused->startsWith(QStringLiteral("the export list ") + path + QLatin1Char(' ')), qPrintable(*refused));
        QVERIFY2(refused->contains(said), qPrintable(*refused));
        QVERIFY2(refused->endsWith(QStringLiteral("nothing was written")), qPrintable(*refused));

        const auto written = writeFileAtomically(path, "text", QStringLiteral("the export list"));
        QVERIFY(!written);
        QCOMPARE(written.error(), *refused);
        // Left exactly as it was: the same kind at the path, the same kind (or still nothing) at the target.
        QCOMPARE(lmode(path), before);
        QCOMPARE(mode(other), targetBefore);
        QCOMPARE(
            QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot).size(),
            kind == QLatin1String("fifo") || kind == QLatin1String("dir") || kind == QLatin1String("dangling") ? 1 : 2);
    }

    void unwritableDirectoryIsAnError()
    {
        const QString path = m_dir->filePath(QStringLiteral("no/such/dir/state.json"));
        const auto written = writeFileAtomically(path, "text", QStringLiteral("export state"));
        QVERIFY(!written);
        QVERIFY2(written.error().startsWith(QStringLiteral("cannot write export state ") + path + QStringLiteral(": ")),
            qPrintable(written.error()));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestWriteFileAtomically)
#include "tst_write_file_atomically.moc"
