// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl exports and import-vblade-conf called in-process on an export list in a temporary file
// (--store): the table and the JSON that list prints, add and remove with their words, the refusals, a
// damaged or unreadable list reported with what became of it. No network: --force keeps the interface
// check out, and nothing is started.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "cli/CapturedConsole.h"
#include "cli/Commands.h"
#include "supervisor/ExportStore.h"

using namespace aoesan;
using aoesan::test::CommandRun;
using aoesan::test::runCommand;

class TestCliExports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addListRemove();
    void listJson();
    void refusals();
    void refusedAtAddTime_data();
    void refusedAtAddTime();
    void fitsAtTheEdge();
    void setIsCheckedToo();
    void damagedStoreIsSetAsideAndReported();
    void unreadableStoreIsAnError();
    void unwritableStoreIsAnError();
    void startOfAnUnknownExport();
    void runOfAnUnknownExport();
    void importDryRunChangesNothing();
    void namesInTheAllowList();
    void unknownNameSavesNothing();
    void unreadableEthersFile();
    void wireEditsAddAndSet();

private:
    CommandRun exports(const QStringList &args) const;
    QString store() const { return m_dir->filePath(QStringLiteral("exports.json")); }
    QString image() const { return m_dir->filePath(QStringLiteral("disk.img")); }
    QString ethers() const { return m_home.filePath(QStringLiteral("ethers")); }
    void writeEthers(const QByteArray &text) const
    {
        QFile f(ethers());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(text), text.size());
    }
    CommandRun addLab() const;
    QByteArray readStore() const
    {
        QFile f(store());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliExports::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_STATE_HOME", m_home.filePath(QStringLiteral("state")).toUtf8());
    // Never this machine's /etc/ethers: a file of the test's own (written by the tests that need names).
    qputenv("AOESAN_ETHERS", ethers().toUtf8());
}

void TestCliExports::init()
{
    QFile::remove(ethers());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFile file(image());
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(1 << 20));
}

CommandRun TestCliExports::exports(const QStringList &args) const
{
    return runCommand(cli::runExports, args);
}

CommandRun TestCliExports::addLab() const
{
    return exports(
        {QStringLiteral("add"), QStringLiteral("--store"), store(), QStringLiteral("--force"), QStringLiteral("--name"),
            QStringLiteral("lab"), QStringLiteral("--autostart"), QStringLiteral("--config=rack 4"),
            QStringLiteral("-r"), QStringLiteral("-m"), QStringLiteral("02:00:00:00:b0:02"), QStringLiteral("-o"),
            QStringLiteral("8"), QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), image()});
}

void TestCliExports::addListRemove()
{
    CommandRun run = exports({QStringLiteral("list"), QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.err, QByteArray());
    // The command it suggests works on the same list.
    QCOMPARE(QString::fromUtf8(run.out),
        QStringLiteral("no exports in %1 (add one with: aoesan-ctl exports add --store %1 ...)\n").arg(store()));
    QVERIFY(!QFile::exists(store())); // listing writes nothing

    run = addLab();
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out),
        QStringLiteral("added lab: e7.3 on lan1 from %1 (read-only, 1 allowed MAC(s), sectors 8+rest, autostart)\n"
                       "  allowed: 02:00:00:00:b0:02\n")
            .arg(image()));
    QCOMPARE(run.err, QByteArray());

    // A file that is not there yet is added with a warning; the name is made up from the address.
    run = exports(
        {QStringLiteral("add"), QStringLiteral("--store"), store(), QStringLiteral("--force"), QStringLiteral("1"),
            QStringLiteral("2"), QStringLiteral("lan1"), m_dir->filePath(QStringLiteral("later.img"))});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out),
        QStringLiteral("added e1.2-lan1: e1.2 on lan1 from %1\n").arg(m_dir->filePath(QStringLiteral("later.img"))));
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral("aoesan-ctl exports: warning: %1 does not exist (yet); the export cannot start without it\n")
            .arg(m_dir->filePath(QStringLiteral("later.img"))));

    run = exports({QStringLiteral("list"), QStringLiteral("--store=") + store()});
    QCOMPARE(run.code, 0);
    QCOMPARE(QString::fromUtf8(run.out),
        QStringLiteral("NAME                 TARGET     INTERFACE    AUTOSTART FILE\n"
                       "lab                  e7.3       lan1         yes       %1\n"
                       "                     only 02:00:00:00:b0:02\n"
                       "e1.2-lan1            e1.2       lan1         no        %2\n")
            .arg(image(), m_dir->filePath(QStringLiteral("later.img"))));

    // What was written is the export list the supervisor reads.
    supervisor::ExportStore written(store());
    QVERIFY(written.load().ok());
    QCOMPARE(written.records().size(), std::size_t(2));
    QCOMPARE(written.find(QStringLiteral("lab"))->configString, QStringLiteral("rack 4"));

    run = exports({QStringLiteral("remove"), QStringLiteral("lab"), QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.out, QByteArray("removed lab (an engine still serving it stops only when it is stopped)\n"));
    run = exports({QStringLiteral("remove"), QStringLiteral("lab"), QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.err, QByteArray("aoesan-ctl exports: no export is named 'lab'\n"));
    run = exports({QStringLiteral("list"), QStringLiteral("--store"), store()});
    QVERIFY2(run.out.startsWith("NAME ") && !run.out.contains("\nlab "), run.out.constData());
}

void TestCliExports::listJson()
{
    QCOMPARE(addLab().code, 0);
    const CommandRun run
        = exports({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.err, QByteArray());
    // Byte for byte what scripts read: keys sorted, four spaces, the length null for "to the end".
    const QString expected = QStringLiteral(R"([
    {
        "autostart": true,
        "bufferCount": 16,
        "configString": "rack 4",
        "direct": false,
        "interface": "lan1",
        "lengthSectors": null,
        "macs": [
            "02:00:00:00:b0:02"
        ],
        "name": "lab",
        "offsetSectors": 8,
        "path": "%1",
        "readOnly": true,
        "shelf": 7,
        "slot": 3,
        "sync": false,
        "wireEdits": "forget"
    }
]
)");
    QCOMPARE(QString::fromUtf8(run.out), expected.arg(image()));

    const CommandRun empty = exports({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--store"),
        m_dir->filePath(QStringLiteral("none.json"))});
    QCOMPARE(empty.code, 0);
    QCOMPARE(empty.out, QByteArray("[\n]\n"));
}

void TestCliExports::refusals()
{
    QCOMPARE(addLab().code, 0);
    const QByteArray before = [this] {
        QFile f(store());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    // The same address twice, the same name twice: refused by the list, exit 1, the file unchanged.
    CommandRun run = exports(
        {QStringLiteral("add"), QStringLiteral("--store"), store(), QStringLiteral("--force"), QStringLiteral("--name"),
            QStringLiteral("twin"), QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), image()});
    QCOMPARE(run.code, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.err,
        QByteArray("aoesan-ctl exports: export 'lab' already uses e7.3 on lan1; choose another shelf or slot\n"));
    run = exports(
        {QStringLiteral("add"), QStringLiteral("--store"), store(), QStringLiteral("--force"), QStringLiteral("--name"),
            QStringLiteral("lab"), QStringLiteral("7"), QStringLiteral("4"), QStringLiteral("lan1"), image()});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith("aoesan-ctl exports: ") && run.err.contains("'lab'"), qPrintable(run.describe()));
    QFile after(store());
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);

    // Without --force an interface that is not here is refused before the list is read.
    run = exports({QStringLiteral("add"), QStringLiteral("--store"), store(), QStringLiteral("1"), QStringLiteral("1"),
        QStringLiteral("aoesan-none0"), image()});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith("aoesan-ctl exports: no network interface named 'aoesan-none0'"), run.err.constData());
    QVERIFY2(run.err.endsWith("or add --force for one that appears later (a USB NIC, a VLAN or bridge made at boot)\n"),
        run.err.constData());
}

void TestCliExports::refusedAtAddTime_data()
{
    // IMAGE stands for the 2048-sector image. Each is refused before the list is touched.
    QTest::addColumn<QStringList>("words"); // after `add --store FILE`
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says"); // the whole error line after "aoesan-ctl exports: "

    const QString img = QStringLiteral("IMAGE");
    const auto words = [&](std::initializer_list<const char *> w) {
        QStringList out;
        for (const char *word : w)
            out << QString::fromUtf8(word);
        return out;
    };
    const QString fits = QStringLiteral("; give -o and -l (512-byte sectors) that fit the file or device");
    QTest::addRow("-o at the end") << words({"--force", "-o", "2048", "1", "1", "lan1",
        "IMAGE"}) << 1 << QStringLiteral("offset 2048 is at or past the end of IMAGE (2048 sectors)") + fits;
    QTest::addRow("-l past the end") << words({"--force", "-l", "2049", "1", "1", "lan1", "IMAGE"}) << 1
                                     << QStringLiteral("length 2049 sectors does not fit IMAGE: 2048 sectors are "
                                                       "available after the offset")
            + fits;
    QTest::addRow("-o + -l past the end")
        << words({"--force", "-o", "1000", "-l", "1049", "1", "1", "lan1", "IMAGE"}) << 1
        << QStringLiteral("length 1049 sectors does not fit IMAGE: 1048 sectors are available after the offset") + fits;

    const QString rule = QStringLiteral(" is not a network interface name: it must be 1 to 15 bytes without '/', "
                                        "':', spaces or control characters (see `ip link`)");
    const auto badInterface = [&](const char *row, const QString &name, const QString &shown) {
        QTest::addRow("%s", row) << (QStringList {QStringLiteral("--force"), QStringLiteral("--name"),
            QStringLiteral("x"), QStringLiteral("1"), QStringLiteral("1"), name, img})
                                 << 2 << QStringLiteral("export 'x': '%1'").arg(shown) + rule;
    };
    badInterface("empty interface", QString(), QString());
    badInterface("16 bytes", QStringLiteral("abcdefghijklmnop"), QStringLiteral("abcdefghijklmnop"));
    badInterface("8 letters, 16 bytes of UTF-8", QStringLiteral("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"),
        QStringLiteral("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"));
    badInterface("slash", QStringLiteral("br/0"), QStringLiteral("br/0"));
    badInterface("space", QStringLiteral("br 0"), QStringLiteral("br 0"));
    badInterface("tab", QStringLiteral("br\t0"),
        QStringLiteral("br\\x09"
                       "0"));
    badInterface("colon (an address label, no interface)", QStringLiteral("eth0:1"), QStringLiteral("eth0:1"));
    badInterface("escape sequence", QStringLiteral("eth\x1b[2J"), QStringLiteral("eth\\x1b[2J"));
    badInterface("DEL", QStringLiteral("eth\x7f"), QStringLiteral("eth\\x7f"));
    badInterface("dot-dot", QStringLiteral(".."), QStringLiteral(".."));
    // The name made up from the address blames the interface, not itself.
    QTest::addRow("made-up name") << words({"--force", "1", "1", "br 0", "IMAGE"}) << 2
                                  << QStringLiteral("export 'e1.1-br 0': 'br 0'") + rule;
    QTest::addRow("interface not here") << words({"1", "1", "aoesan-none0", "IMAGE"}) << 1
                                        << QStringLiteral("no network interface named 'aoesan-none0'; name an Ethernet "
                                                          "interface (`aoesan-ctl interfaces` lists them), or add "
                                                          "--force for one that appears later (a USB NIC, a VLAN or "
                                                          "bridge made at boot)");
}

void TestCliExports::refusedAtAddTime()
{
    QFETCH(QStringList, words);
    QFETCH(int, code);
    QFETCH(QString, says);
    QCOMPARE(addLab().code, 0);
    const QByteArray before = readStore();
    for (QString &w : words)
        w.replace(QStringLiteral("IMAGE"), image());
    const CommandRun run = exports(QStringList {QStringLiteral("add"), QStringLiteral("--store"), store()} + words);
    QVERIFY2(run.code == code, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral("aoesan-ctl exports: ") + QString(says).replace(QStringLiteral("IMAGE"), image())
            + QLatin1Char('\n'));
    QCOMPARE(readStore(), before);
}

void TestCliExports::fitsAtTheEdge()
{
    // The last sector exactly, and an interface that is not here with --force: kept.
    const CommandRun run = exports({QStringLiteral("add"), QStringLiteral("--store"), store(),
        QStringLiteral("--force"), QStringLiteral("-o"), QStringLiteral("1000"), QStringLiteral("-l"),
        QStringLiteral("1048"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("usb0"), image()});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.startsWith("added e1.1-usb0: "), run.out.constData());
}

void TestCliExports::setIsCheckedToo()
{
    QCOMPARE(addLab().code, 0); // -o 8 into a 2048-sector image, on lan1 (not here), with --force
    const QByteArray before = readStore();
    const QString small = m_dir->filePath(QStringLiteral("small.img"));
    {
        QFile f(small);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(8 * 512)); // the offset is its end
    }
    CommandRun run = exports({QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("--file"), small,
        QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 1);
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral("aoesan-ctl exports: offset 8 is at or past the end of %1 (8 sectors); give -o and -l "
                       "(512-byte sectors) that fit the file or device\n")
            .arg(small));
    run = exports({QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("--interface"),
        QStringLiteral("eth\x1b"), QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains("'eth\\x1b' is not a network interface name"), run.err.constData());
    run = exports({QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("--interface"),
        QStringLiteral("aoesan-none1"), QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains("no network interface named 'aoesan-none1'") && run.err.contains("--force"),
        run.err.constData());
    QCOMPARE(readStore(), before);
    // What it does not change is not looked at again: lan1 is still not here, and that is fine.
    run = exports({QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("--no-autostart"),
        QStringLiteral("--store"), store()});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    run = exports({QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("--force"),
        QStringLiteral("--interface"), QStringLiteral("usb0"), QStringLiteral("--store"), store()});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
}

void TestCliExports::damagedStoreIsSetAsideAndReported()
{
    {
        QFile file(store());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{bad");
    }
    const CommandRun run = exports({QStringLiteral("list"), QStringLiteral("--store"), store()});
    // Not a reason to stop: the list starts empty, and the person hears where the old one went.
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.startsWith(QStringLiteral("aoesan-ctl exports: The export list %1 could not be used because it is "
                                           "not valid JSON")
                                .arg(store())),
        qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("It was kept as %1.corrupt-").arg(store())), qPrintable(err));
    QVERIFY(err.endsWith(QStringLiteral(" and the list starts empty.\n")));
    const QStringList kept = QDir(m_dir->path()).entryList({QStringLiteral("exports.json.corrupt-*")});
    QCOMPARE(kept.size(), 1);
    QFile copy(m_dir->filePath(kept.first()));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), QByteArray("{bad"));
    QVERIFY2(run.out.startsWith("no exports in "), run.out.constData());
}

void TestCliExports::unreadableStoreIsAnError()
{
    // A directory where the file should be: nothing to set aside, the command stops (exit 1).
    const CommandRun run = exports({QStringLiteral("list"), QStringLiteral("--store"), m_dir->path()});
    QCOMPARE(run.code, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral("aoesan-ctl exports: the export list %1 is a directory, not a regular file\n")
            .arg(m_dir->path()));
}

void TestCliExports::unwritableStoreIsAnError()
{
    // The list's directory cannot be made (a file is in the way): the add is not saved, and says so.
    const QString blocked = image() + QStringLiteral("/exports.json");
    const CommandRun run = exports({QStringLiteral("add"), QStringLiteral("--store"), blocked,
        QStringLiteral("--force"), QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("lan1"), image()});
    QCOMPARE(run.code, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral("aoesan-ctl exports: cannot create the directory %1\n").arg(image()));
}

void TestCliExports::startOfAnUnknownExport()
{
    // Refused before systemd is asked: the list has no such export.
    for (const QString &verb : {QStringLiteral("start"), QStringLiteral("stop")}) {
        const CommandRun run = exports({verb, QStringLiteral("nosuch"), QStringLiteral("--store"), store()});
        QCOMPARE(run.code, 1);
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(QString::fromUtf8(run.err),
            QStringLiteral("aoesan-ctl exports: no export is named 'nosuch' in %1\n").arg(store()));
    }
}

void TestCliExports::runOfAnUnknownExport()
{
    const CommandRun run
        = exports({QStringLiteral("run"), QStringLiteral("nosuch"), QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 1);
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral("aoesan-ctl exports: no export is named 'nosuch' in %1\n").arg(store()));
}

void TestCliExports::importDryRunChangesNothing()
{
    const QString dir = QStringLiteral(AOESAN_SUPERVISOR_DATA "/vblade.conf.d");
    CommandRun run
        = runCommand(cli::runImportVbladeConf, {QStringLiteral("--dry-run"), QStringLiteral("--store"), store(), dir});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QStringLiteral("would import manpage-example: e14.2 on ens3")), qPrintable(out));
    QVERIFY2(out.endsWith(QStringLiteral("4 of 14 file(s) would be imported into %1\n").arg(store())), qPrintable(out));
    QVERIFY2(
        run.err.contains("skipped ") && run.err.contains("bad-option.conf: unknown option -x\n"), run.err.constData());
    QVERIFY(!QFile::exists(store()));

    run = runCommand(
        cli::runImportVbladeConf, {QStringLiteral("--store"), store(), m_dir->filePath(QStringLiteral("none"))});
    QCOMPARE(run.code, 1);
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral("aoesan-ctl import-vblade-conf: %1 does not exist or is not a directory\n")
            .arg(m_dir->filePath(QStringLiteral("none"))));
}

void TestCliExports::namesInTheAllowList()
{
    writeEthers("# the lab\n"
                "8:0:20:1:2:3\talice\n"
                "2:0:0:0:0:9 bob # spare\n"
                "this line is no entry\n");
    const QStringList where {QStringLiteral("--store"), store()};
    // Names and MACs mixed, a name in another case, the same machine twice (once by name, once by MAC): kept once.
    CommandRun run = exports(
        QStringList {QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"), QStringLiteral("lab"),
            QStringLiteral("-m"), QStringLiteral("alice,02:00:00:00:00:77,BOB,08:00:20:01:02:03"), QStringLiteral("1"),
            QStringLiteral("2"), QStringLiteral("lan1"), image()}
        + where);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out),
        QStringLiteral("added lab: e1.2 on lan1 from %1 (3 allowed MAC(s))\n"
                       "  allowed: 08:00:20:01:02:03 (alice), 02:00:00:00:00:77, 02:00:00:00:00:09 (bob)\n")
            .arg(image()));
    // The export keeps MACs only: that is what the engine is given and what JSON shows.
    supervisor::ExportStore written(store());
    QVERIFY(written.load().ok());
    const auto record = written.find(QStringLiteral("lab"));
    QVERIFY(record);
    QCOMPARE(record->macs.size(), std::size_t(3));
    QCOMPARE(record->macs.at(0).toString(), std::string("08:00:20:01:02:03"));
    QCOMPARE(record->macs.at(2).toString(), std::string("02:00:00:00:00:09"));
    QVERIFY(!readStore().contains("alice"));

    run = exports(QStringList {QStringLiteral("list")} + where);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains("\n                     only 08:00:20:01:02:03 (alice), 02:00:00:00:00:77, "
                              "02:00:00:00:00:09 (bob)\n"),
        run.out.constData());
    run = exports(QStringList {QStringLiteral("show"), QStringLiteral("lab")} + where);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains("\n  allowed:   08:00:20:01:02:03 (alice), 02:00:00:00:00:77, 02:00:00:00:00:09 "
                              "(bob)\n"),
        run.out.constData());

    // vblade's grouped and attached forms are resolved too (-rmNAME, -rm NAME).
    run = exports(QStringList {QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("-rmbob"),
                      QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("lan1"), image()}
        + where);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(
        run.out.contains("(read-only, 1 allowed MAC(s))\n  allowed: 02:00:00:00:00:09 (bob)\n"), run.out.constData());
    run = exports(
        QStringList {QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("-dm"), QStringLiteral("alice"),
            QStringLiteral("1"), QStringLiteral("4"), QStringLiteral("lan1"), image()}
        + where);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("  allowed: 08:00:20:01:02:03 (alice)\n"), run.out.constData());

    // set -m replaces the list; --no-macs lets everyone in again.
    run = exports(
        QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("-m"), QStringLiteral("bob")}
        + where);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.endsWith("(1 allowed MAC(s))\n  allowed: 02:00:00:00:00:09 (bob)\n"), run.out.constData());
    run = exports(QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("--no-macs")} + where);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    run = exports(QStringList {QStringLiteral("show"), QStringLiteral("lab")} + where);
    QVERIFY2(run.out.contains("\n  allowed:   every initiator\n"), run.out.constData());

    // A name that has since left /etc/ethers: the export still has the MAC, shown without a name.
    writeEthers("8:0:20:1:2:3 alice\n");
    run = exports(QStringList {QStringLiteral("show"), QStringLiteral("e1.3-lan1")} + where);
    QVERIFY2(run.out.contains("\n  allowed:   02:00:00:00:00:09\n"), run.out.constData());
}

void TestCliExports::unknownNameSavesNothing()
{
    writeEthers("8:0:20:1:2:3 alice\nbroken\n");
    QCOMPARE(addLab().code, 0);
    const QByteArray before = readStore();
    const QStringList where {QStringLiteral("--store"), store()};
    CommandRun run = exports(
        QStringList {QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("-m"),
            QStringLiteral("alice,mallory"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("lan1"), image()}
        + where);
    QCOMPARE(run.code, 2);
    QCOMPARE(run.out, QByteArray());
    // It names the word, the file, and the line of the file that may have been meant.
    QCOMPARE(QString::fromUtf8(run.err),
        QStringLiteral(
            "aoesan-ctl exports: 'mallory' is neither a MAC address nor a host name in %1 (which has lines "
            "aoesan cannot read: line 2: 'broken' is one word; a line needs a MAC address and a host name)\n")
            .arg(ethers()));
    QCOMPARE(readStore(), before);

    run = exports(QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("-m"),
                      QStringLiteral("02:00:00:00:00:01,carol")}
        + where);
    QCOMPARE(run.code, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(
                 QStringLiteral("'carol' is neither a MAC address nor a host name in ") + ethers()),
        run.err.constData());
    // A mistyped MAC is called a MAC, not a name.
    run = exports(QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("-m"),
                      QStringLiteral("02:00:00:00:01")}
        + where);
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains("'02:00:00:00:01' is not a MAC address"), run.err.constData());
    run = exports(QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("-m"),
                      QStringLiteral("alice,ff:ff:ff:ff:ff:ff")}
        + where);
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains("'ff:ff:ff:ff:ff:ff' is no machine's address"), run.err.constData());
    run = exports(
        QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("-m"), QStringLiteral(",")} + where);
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains("-m needs at least one MAC address or host name"), run.err.constData());
    QCOMPARE(readStore(), before);

    // No /etc/ethers at all: still the same clear error.
    QVERIFY(QFile::remove(ethers()));
    run = exports(
        QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("-m"), QStringLiteral("alice")}
        + where);
    QCOMPARE(run.code, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(
                 QStringLiteral("'alice' is neither a MAC address nor a host name in ") + ethers()),
        run.err.constData());
    QCOMPARE(readStore(), before);
}

void TestCliExports::unreadableEthersFile()
{
    // A FIFO where the file should be: refused at once (no hang), exit 1, nothing saved.
    QCOMPARE(::mkfifo(QFile::encodeName(ethers()).constData(), 0600), 0);
    QCOMPARE(addLab().code, 0); // MACs only: the file is not read, so it cannot stand in the way
    const QByteArray before = readStore();
    const QStringList where {QStringLiteral("--store"), store()};
    CommandRun run = exports(
        QStringList {QStringLiteral("set"), QStringLiteral("lab"), QStringLiteral("-m"), QStringLiteral("alice")}
        + where);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.startsWith("aoesan-ctl exports: cannot look up 'alice': ") && run.err.contains("a FIFO")
            && QString::fromUtf8(run.err).contains(ethers()),
        run.err.constData());
    QCOMPARE(readStore(), before);
    // Lists still print, without names.
    run = exports(QStringList {QStringLiteral("list")} + where);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains("only 02:00:00:00:b0:02\n"), run.out.constData());
    QVERIFY(QFile::remove(ethers()));
}

// What mask and reserve edits from the network do is the owner's word, on add and on set; a word the
// engine does not know is refused before anything is written.
void TestCliExports::wireEditsAddAndSet()
{
    CommandRun run = exports({QStringLiteral("add"), QStringLiteral("--store"), store(), QStringLiteral("--force"),
        QStringLiteral("--name"), QStringLiteral("kept"), QStringLiteral("--wire-edits"), QStringLiteral("keep"),
        QStringLiteral("7"), QStringLiteral("4"), QStringLiteral("lan1"), image()});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("keeps mask edits from the network"), run.out.constData());
    QVERIFY2(readStore().contains("\"wireEdits\": \"keep\""), readStore().constData());

    const QByteArray before = readStore();
    run = exports({QStringLiteral("set"), QStringLiteral("kept"), QStringLiteral("--wire-edits=always"),
        QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains("--wire-edits takes forget, keep or refuse, not 'always'"), run.err.constData());
    run = exports({QStringLiteral("set"), QStringLiteral("kept"), QStringLiteral("--wire-edits"),
        QStringLiteral("--store"), store()});
    QCOMPARE(run.code, 2);
    QCOMPARE(readStore(), before);

    run = exports({QStringLiteral("set"), QStringLiteral("kept"), QStringLiteral("--wire-edits=refuse"),
        QStringLiteral("--store"), store()});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    run = exports({QStringLiteral("show"), QStringLiteral("kept"), QStringLiteral("--store"), store()});
    QVERIFY2(run.out.contains("refuses mask edits from the network"), run.out.constData());
    run = exports({QStringLiteral("set"), QStringLiteral("kept"), QStringLiteral("--wire-edits"),
        QStringLiteral("forget"), QStringLiteral("--store"), store()});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(readStore().contains("\"wireEdits\": \"forget\""), readStore().constData());
}

QTEST_GUILESS_MAIN(TestCliExports)
#include "tst_cli_exports.moc"
