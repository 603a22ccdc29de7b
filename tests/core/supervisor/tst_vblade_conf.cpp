// SPDX-License-Identifier: GPL-3.0-or-later
// Reading Debian's vblade-persistence files without running them: shell quoting, comments, line
// continuations, and a refusal with the reason for anything only a shell could evaluate. The fixture
// directory (data/vblade.conf.d) holds the man page's example, Debian's skeleton and broken files.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "supervisor/VbladeConf.h"

using namespace aoesan::supervisor;

using Assignments = QMap<QString, QString>;

class TestVbladeConf : public QObject
{
    Q_OBJECT

private slots:
    void assignments_data();
    void assignments();
    void refusals_data();
    void refusals();
    void manPageExample();
    void importsDirectory();
    void missingDirectory();
    void specialFilesAreSkipped();
};

void TestVbladeConf::assignments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Assignments>("expected");

    QTest::addRow("plain") << QStringLiteral("a=1\nb=two\n")
                           << Assignments {{QStringLiteral("a"), QStringLiteral("1")},
                                  {QStringLiteral("b"), QStringLiteral("two")}};
    QTest::addRow("single quotes keep everything")
        << QStringLiteral("o='-r  -d $x \\n'") << Assignments {{QStringLiteral("o"), QStringLiteral("-r  -d $x \\n")}};
    QTest::addRow("double quotes and escapes") << QStringLiteral("f=\"a \\\"b\\\" \\\\ c\"")
                                               << Assignments {{QStringLiteral("f"), QStringLiteral("a \"b\" \\ c")}};
    QTest::addRow("mixed quoting in one word") << QStringLiteral(
        "f=/srv/'my disk'\".img\"") << Assignments {{QStringLiteral("f"), QStringLiteral("/srv/my disk.img")}};
    QTest::addRow("escaped space") << QStringLiteral("f=/srv/my\\ disk.img")
                                   << Assignments {{QStringLiteral("f"), QStringLiteral("/srv/my disk.img")}};
    QTest::addRow("comments") << QStringLiteral("# whole line\na=1 # after\nb=x#y\n")
                              << Assignments {{QStringLiteral("a"), QStringLiteral("1")},
                                     {QStringLiteral("b"), QStringLiteral("x#y")}};
    QTest::addRow("semicolons and several per line")
        << QStringLiteral("a=1; b=2 c=3")
        << Assignments {{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), QStringLiteral("2")},
               {QStringLiteral("c"), QStringLiteral("3")}};
    QTest::addRow("empty value") << QStringLiteral("options=\noptions2=''")
                                 << Assignments {{QStringLiteral("options"), QString()},
                                        {QStringLiteral("options2"), QString()}};
    QTest::addRow("last one wins") << QStringLiteral("a=1\na=2")
                                   << Assignments {{QStringLiteral("a"), QStringLiteral("2")}};
    QTest::addRow("CRLF line ends") << QStringLiteral("a=1\r\nb=2\r\n")
                                    << Assignments {{QStringLiteral("a"), QStringLiteral("1")},
                                           {QStringLiteral("b"), QStringLiteral("2")}};
    QTest::addRow("nothing") << QString() << Assignments {};
}

void TestVbladeConf::assignments()
{
    QFETCH(QString, text);
    QFETCH(Assignments, expected);
    const auto parsed = parseShellAssignments(text);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error()));
    QCOMPARE(parsed.value(), expected);
}

void TestVbladeConf::refusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");

    QTest::addRow("expansion") << QStringLiteral("a=1\nf=$HOME/x") << QStringLiteral("line 2 uses $");
    QTest::addRow("expansion in double quotes") << QStringLiteral("f=\"${X}\"") << QStringLiteral("$");
    QTest::addRow("backquotes") << QStringLiteral("f=`id`") << QStringLiteral("command substitution");
    QTest::addRow("a command") << QStringLiteral("a=1\n\nrm -f x")
                               << QStringLiteral("line 3 is not a variable assignment");
    QTest::addRow("export keyword") << QStringLiteral("export a=1") << QStringLiteral("not a variable assignment");
    QTest::addRow("pipe") << QStringLiteral("a=1|b") << QStringLiteral("'|'");
    QTest::addRow("open single quote") << QStringLiteral("a='x") << QStringLiteral("without its closing quote");
    QTest::addRow("open double quote") << QStringLiteral("a=\"x") << QStringLiteral("without its closing quote");
}

void TestVbladeConf::refusals()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto parsed = parseShellAssignments(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));
}

void TestVbladeConf::manPageExample()
{
    QFile file(QStringLiteral(AOESAN_SUPERVISOR_DATA "/vblade.conf.d/manpage-example.conf"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto record = recordFromVbladeConf(QStringLiteral("manpage-example"), QString::fromUtf8(file.readAll()));
    QVERIFY2(record.ok(), record.ok() ? "" : qPrintable(record.error()));
    QCOMPARE(record->name, QStringLiteral("manpage-example"));
    QCOMPARE(record->shelf, std::uint16_t {14});
    QCOMPARE(record->slot, std::uint8_t {2});
    QCOMPARE(record->interface, QStringLiteral("ens3"));
    QCOMPARE(record->path, QStringLiteral("/dev/mapper/export"));
    QVERIFY(record->readOnly);
    QCOMPARE(record->macs.size(), std::size_t {2});
    QCOMPARE(QString::fromStdString(record->macs[1].toString()), QStringLiteral("22:33:44:55:66:77"));
    QCOMPARE(record->offsetSectors, std::uint64_t {8});
    QVERIFY(!record->lengthSectors);
    QVERIFY(record->autostart); // vblade-persistence starts every configured export
}

void TestVbladeConf::importsDirectory()
{
    const auto imported = readVbladeConfDirectory(QStringLiteral(AOESAN_SUPERVISOR_DATA "/vblade.conf.d"));
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error()));

    QStringList names;
    for (const auto &r : imported->records)
        names << r.name;
    QCOMPARE(names,
        (QStringList {QStringLiteral("continued"), QStringLiteral("manpage-example"), QStringLiteral("plain"),
            QStringLiteral("quoted")}));
    const ExportRecord &quoted = imported->records[3];
    QCOMPARE(quoted.path, QStringLiteral("/srv/aoe/disk one.img"));
    QCOMPARE(quoted.shelf, std::uint16_t {3});
    QVERIFY(quoted.direct && quoted.sync);
    QCOMPARE(quoted.bufferCount, std::uint16_t {32});
    QCOMPARE(quoted.lengthSectors, std::optional<std::uint64_t>(2048));
    const ExportRecord &continued = imported->records[0];
    QCOMPARE(continued.path, QStringLiteral("/srv/aoe/linesjoined.img"));
    QCOMPARE(continued.interface, QStringLiteral("br0"));
    QCOMPARE(continued.slot, std::uint8_t {9});

    QMap<QString, QString> skipped;
    for (const auto &s : imported->skipped)
        skipped.insert(QFileInfo(s.path).fileName(), s.reason);
    const QMap<QString, QString> expected {
        {QStringLiteral("bad name!.conf"), QStringLiteral("the name 'bad name!'")},
        {QStringLiteral("bad-option.conf"), QStringLiteral("unknown option -x")},
        {QStringLiteral("broadcast-slot.conf"), QStringLiteral("slot '255'")},
        {QStringLiteral("command.conf"), QStringLiteral("line 5 is not a variable assignment")},
        {QStringLiteral("expansion.conf"), QStringLiteral("line 4 uses $")},
        {QStringLiteral("missing-netif.conf"), QStringLiteral("does not set netif")},
        {QStringLiteral("relative.conf"), QStringLiteral("not an absolute path")},
        {QStringLiteral("skeleton.conf"), QStringLiteral("does not set shelf, slot, netif, filename")},
        {QStringLiteral("substitution.conf"), QStringLiteral("command substitution")},
        {QStringLiteral("unterminated.conf"), QStringLiteral("without its closing quote")},
    };
    QCOMPARE(skipped.keys(), expected.keys()); // README is not a .conf: not even looked at
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QVERIFY2(skipped.value(it.key()).contains(it.value()),
            qPrintable(it.key() + QStringLiteral(": ") + skipped.value(it.key())));

    QCOMPARE(imported->notes.size(), 1);
    QVERIFY(imported->notes.first().contains(QStringLiteral("ionice")));
}

void TestVbladeConf::missingDirectory()
{
    const auto imported = readVbladeConfDirectory(QStringLiteral(AOESAN_SUPERVISOR_DATA "/no-such-dir"));
    QVERIFY(!imported.ok());
    QVERIFY(imported.error().contains(QStringLiteral("does not exist")));
}

void TestVbladeConf::specialFilesAreSkipped()
{
    // A FIFO would hang the import and /dev/zero would grow it to gigabytes: each is skipped at once with
    // what it is, the good file beside them is imported, and the FIFO is still a FIFO.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("fifo.conf"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("zero.conf"))));
    QVERIFY(QFile::link(QStringLiteral("/dev/urandom"), dir.filePath(QStringLiteral("random.conf"))));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("dir.conf")))); // not a file: not even looked at
    {
        QFile big(dir.filePath(QStringLiteral("big.conf")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize((1 << 20) + 1));
    }
    {
        QFile good(dir.filePath(QStringLiteral("good.conf")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("shelf=1\nslot=2\nnetif=eth0\nfilename=/srv/aoe/good.img\n");
    }
    QElapsedTimer clock;
    clock.start();
    const auto imported = readVbladeConfDirectory(dir.path());
    QVERIFY2(clock.elapsed() < 2000, "the import must not wait on a FIFO or read a device");
    QVERIFY(imported.ok());
    QCOMPARE(imported->records.size(), std::size_t(1));
    QCOMPARE(imported->records.front().name, QStringLiteral("good"));
    QMap<QString, QString> skipped;
    for (const auto &s : imported->skipped)
        skipped.insert(QFileInfo(s.path).fileName(), s.reason);
    const QMap<QString, QString> expected {
        {QStringLiteral("big.conf"), QStringLiteral("it is larger than 1 MiB, more than such a file ever holds")},
        {QStringLiteral("fifo.conf"), QStringLiteral("it is a FIFO, not a regular file")},
        {QStringLiteral("random.conf"), QStringLiteral("it is a character device, not a regular file")},
        {QStringLiteral("zero.conf"), QStringLiteral("it is a character device, not a regular file")},
    };
    QCOMPARE(skipped, expected);
    struct stat st
    {
    };
    QCOMPARE(::lstat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
}

QTEST_GUILESS_MAIN(TestVbladeConf)
#include "tst_vblade_conf.moc"
