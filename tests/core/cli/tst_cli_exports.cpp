// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl exports and import-vblade-conf called in-process on an export list in a temporary file
// (--store): the table and the JSON that list prints, add and remove with their words, the refusals, a
// damaged or unreadable list reported with what became of it. No network: --force keeps the interface
// check out, and nothing is started.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
    void damagedStoreIsSetAsideAndReported();
    void unreadableStoreIsAnError();
    void unwritableStoreIsAnError();
    void startOfAnUnknownExport();
    void runOfAnUnknownExport();
    void importDryRunChangesNothing();

private:
    CommandRun exports(const QStringList &args) const;
    QString store() const { return m_dir->filePath(QStringLiteral("exports.json")); }
    QString image() const { return m_dir->filePath(QStringLiteral("disk.img")); }
    CommandRun addLab() const;

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliExports::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_STATE_HOME", m_home.filePath(QStringLiteral("state")).toUtf8());
}

void TestCliExports::init()
{
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
        QStringLiteral("added lab: e7.3 on lan1 from %1 (read-only, 1 allowed MAC(s), sectors 8+rest, autostart)\n")
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
        "sync": false
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
    QVERIFY2(run.err.endsWith("or add --force for one that appears later\n"), run.err.constData());
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

QTEST_GUILESS_MAIN(TestCliExports)
#include "tst_cli_exports.moc"
