// SPDX-License-Identifier: GPL-3.0-or-later
// ExportStore: round trip, the XDG location, atomic replacement (a reader of the old file never sees
// half a new one, nothing temporary is left), and damage handling: a corrupt file or a bad record is
// kept aside as exports.json.corrupt-<time> and reported, never dropped silently.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "supervisor/ExportStore.h"

using namespace aoesan::supervisor;

namespace {

ExportRecord record(const QString &name, std::uint8_t slot)
{
    ExportRecord r;
    r.name = name;
    r.path = QStringLiteral("/srv/aoe/%1.img").arg(name);
    r.shelf = 1;
    r.slot = slot;
    r.interface = QStringLiteral("lan0");
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestExportStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultPathFollowsXdg();
    void missingFileIsAnEmptyList();
    void roundTrip();
    void editsAreValidated();
    void saveReplacesAtomically();
    void saveFailureLeavesTheOldFile();
    void corruptFileIsKeptAside_data();
    void corruptFileIsKeptAside();
    void badRecordsAreReportedAndKept();
    void specialFileIsRefusedAndKept_data();
    void specialFileIsRefusedAndKept();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("config/aoesan/exports.json")); }
    QStringList asideCopies() const
    {
        return QDir(m_dir->filePath(QStringLiteral("config/aoesan")))
            .entryList({QStringLiteral("exports.json.corrupt-*")});
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExportStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestExportStore::defaultPathFollowsXdg()
{
    const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", "/tmp/xdg-test");
    QCOMPARE(ExportStore::defaultPath(), QStringLiteral("/tmp/xdg-test/aoesan/exports.json"));
    qputenv("XDG_CONFIG_HOME", "relative/is/ignored");
    QCOMPARE(ExportStore::defaultPath(), QDir::homePath() + QStringLiteral("/.config/aoesan/exports.json"));
    qunsetenv("XDG_CONFIG_HOME");
    QCOMPARE(ExportStore::defaultPath(), QDir::homePath() + QStringLiteral("/.config/aoesan/exports.json"));
    if (!saved.isNull())
        qputenv("XDG_CONFIG_HOME", saved);
}

void TestExportStore::missingFileIsAnEmptyList()
{
    ExportStore store(path());
    const auto loaded = store.load();
    QVERIFY(loaded.ok());
    QVERIFY(loaded->problems.isEmpty());
    QVERIFY(store.records().empty());
    QVERIFY(!QFile::exists(path())); // loading writes nothing
}

void TestExportStore::roundTrip()
{
    ExportStore store(path());
    ExportRecord a = record(QStringLiteral("a"), 1);
    a.autostart = true;
    a.configString = QStringLiteral("first");
    QVERIFY(store.add(a).ok());
    QVERIFY(store.add(record(QStringLiteral("b"), 2)).ok());
    QVERIFY(store.save().ok()); // creates config/aoesan/

    ExportStore again(path());
    const auto loaded = again.load();
    QVERIFY(loaded.ok());
    QVERIFY(loaded->problems.isEmpty());
    QCOMPARE(again.records(), store.records());
    QCOMPARE(again.find(QStringLiteral("a")), std::optional<ExportRecord>(a));
    QVERIFY(!again.find(QStringLiteral("zz")));
    QVERIFY(readAll(path()).contains("\"version\": 1"));
}

void TestExportStore::editsAreValidated()
{
    ExportStore store(path());
    QVERIFY(store.add(record(QStringLiteral("a"), 1)).ok());
    const auto twice = store.add(record(QStringLiteral("a"), 2));
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, StoreError::Code::Invalid);
    QVERIFY(twice.error().message.contains(QStringLiteral("already an export named 'a'")));
    const auto clash = store.add(record(QStringLiteral("b"), 1));
    QVERIFY(!clash.ok());
    QVERIFY(clash.error().message.contains(QStringLiteral("already uses e1.1")));

    ExportRecord changed = record(QStringLiteral("a"), 1);
    changed.readOnly = true;
    QVERIFY(store.replace(changed).ok()); // its own address is no clash
    QVERIFY(store.find(QStringLiteral("a"))->readOnly);
    QCOMPARE(store.replace(record(QStringLiteral("nope"), 9)).error().code, StoreError::Code::NotFound);
    QVERIFY(store.remove(QStringLiteral("a")).ok());
    QCOMPARE(store.remove(QStringLiteral("a")).error().code, StoreError::Code::NotFound);
}

void TestExportStore::saveReplacesAtomically()
{
    ExportStore store(path());
    QVERIFY(store.add(record(QStringLiteral("old"), 1)).ok());
    QVERIFY(store.save().ok());
    const QByteArray before = readAll(path());
    struct stat oldStat
    {
    };
    QCOMPARE(::stat(qPrintable(path()), &oldStat), 0);

    // A reader that opened the old file keeps seeing all of it, not a half-written new one.
    QFile reader(path());
    QVERIFY(reader.open(QIODevice::ReadOnly));
    for (int i = 0; i < 50; ++i)
        QVERIFY(store.add(record(QStringLiteral("n%1").arg(i), std::uint8_t(10 + i))).ok());
    QVERIFY(store.save().ok());
    QCOMPARE(reader.readAll(), before);

    struct stat newStat
    {
    };
    QCOMPARE(::stat(qPrintable(path()), &newStat), 0);
    QVERIFY2(newStat.st_ino != oldStat.st_ino, "the list must be replaced by rename, not rewritten in place");
    QCOMPARE(
        QDir(QFileInfo(path()).absolutePath()).entryList(QDir::Files), QStringList {QStringLiteral("exports.json")});
    ExportStore again(path());
    QVERIFY(again.load().ok());
    QCOMPARE(again.records().size(), std::size_t {51});
}

void TestExportStore::saveFailureLeavesTheOldFile()
{
    // A directory where the file should be: the save fails with a reason, and nothing is lost.
    const QString blocked = m_dir->filePath(QStringLiteral("blocked/exports.json"));
    QVERIFY(QDir().mkpath(blocked));
    ExportStore store(blocked);
    QVERIFY(store.add(record(QStringLiteral("a"), 1)).ok());
    const auto saved = store.save();
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, StoreError::Code::Io);
    QVERIFY(saved.error().message.contains(blocked));
    QVERIFY(QFileInfo(blocked).isDir());
}

void TestExportStore::corruptFileIsKeptAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");

    QTest::addRow("truncated JSON") << QByteArray(R"({"version":1,"exports":[{"name":"a",)")
                                    << QStringLiteral("not valid JSON");
    QTest::addRow("binary junk") << QByteArray("\x00\x01\x02garbage", 10) << QStringLiteral("not valid JSON");
    QTest::addRow("not a list") << QByteArray(R"({"version":1,"exports":{}})") << QStringLiteral("no \"exports\" list");
    QTest::addRow("an array") << QByteArray("[]") << QStringLiteral("no \"exports\" list");
    QTest::addRow("future version") << QByteArray(R"({"version":2,"exports":[]})")
                                    << QStringLiteral("format version 2");
}

void TestExportStore::corruptFileIsKeptAside()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    write(path(), content);
    ExportStore store(path());
    const auto loaded = store.load();
    QVERIFY(loaded.ok());
    QVERIFY(store.records().empty());
    QCOMPARE(loaded->problems.size(), 1);
    const QString problem = loaded->problems.first();
    QVERIFY2(problem.contains(reason), qPrintable(problem));
    QVERIFY2(problem.contains(loaded->movedAsidePath), qPrintable(problem));
    QVERIFY(loaded->movedAsidePath.startsWith(path() + QStringLiteral(".corrupt-")));
    QCOMPARE(readAll(loaded->movedAsidePath), content);
    QVERIFY(!QFile::exists(path()));

    // A second damaged file in the same second gets its own name.
    write(path(), content);
    QVERIFY(ExportStore(path()).load().ok());
    QCOMPARE(asideCopies().size(), 2);

    // And the store works on: the next save writes a good file.
    QVERIFY(store.add(record(QStringLiteral("fresh"), 1)).ok());
    QVERIFY(store.save().ok());
    ExportStore again(path());
    QVERIFY(again.load()->problems.isEmpty());
    QCOMPARE(again.records().size(), std::size_t {1});
}

void TestExportStore::badRecordsAreReportedAndKept()
{
    const QByteArray content = R"({"version":1,"exports":[
        {"name":"good","path":"/srv/a.img","shelf":1,"slot":1,"interface":"lan0"},
        {"name":"bad slot","path":"/srv/b.img","shelf":1,"slot":2,"interface":"lan0"},
        {"name":"twin","path":"/srv/c.img","shelf":1,"slot":1,"interface":"lan0"},
        42
    ]})";
    write(path(), content);
    ExportStore store(path());
    const auto loaded = store.load();
    QVERIFY(loaded.ok());
    QCOMPARE(store.records().size(), std::size_t {1});
    QCOMPARE(store.records().front().name, QStringLiteral("good"));
    QCOMPARE(loaded->problems.size(), 3);
    QVERIFY2(loaded->problems.at(0).contains(QStringLiteral("'bad slot'")), qPrintable(loaded->problems.at(0)));
    QVERIFY2(loaded->problems.at(1).contains(QStringLiteral("already uses e1.1")), qPrintable(loaded->problems.at(1)));
    QVERIFY2(loaded->problems.at(2).contains(QStringLiteral("not an object")), qPrintable(loaded->problems.at(2)));
    // The original, bad records and all, is kept; exports.json stays until the next save.
    QCOMPARE(readAll(loaded->movedAsidePath), content);
    QCOMPARE(readAll(path()), content);
}

void TestExportStore::specialFileIsRefusedAndKept_data()
{
    QTest::addColumn<QString>("kind"); // what is put at the path
    QTest::addColumn<QString>("said"); // the end of the message
    QTest::addRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("is a FIFO, not a regular file");
    QTest::addRow("link to /dev/zero") << QStringLiteral("/dev/zero")
                                       << QStringLiteral("is a character device, not a regular file");
    QTest::addRow("link to /dev/urandom")
        << QStringLiteral("/dev/urandom") << QStringLiteral("is a character device, not a regular file");
    QTest::addRow("larger than 16 MiB") << QStringLiteral("big")
                                        << QStringLiteral("is larger than 16 MiB, more than such a file ever holds");
}

void TestExportStore::specialFileIsRefusedAndKept()
{
    QFETCH(QString, kind);
    QFETCH(QString, said);
    QVERIFY(QDir().mkpath(QFileInfo(path()).absolutePath()));
    const QByteArray file = QFile::encodeName(path());
    if (kind == QLatin1String("fifo")) {
        QCOMPARE(::mkfifo(file.constData(), 0600), 0);
    } else if (kind == QLatin1String("big")) {
        QFile big(path());
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(16 * 1024 * 1024 + 1)); // sparse: costs no disk
    } else {
        if (!QFileInfo::exists(kind))
            QSKIP("this system has no such device");
        QVERIFY(QFile::link(kind, path()));
    }

    ExportStore store(path());
    QElapsedTimer clock;
    clock.start();
    const auto loaded = store.load();
    QVERIFY2(clock.elapsed() < 2000, "load() must not wait on a FIFO or read a device");
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, StoreError::Code::Io);
    QCOMPARE(loaded.error().message, QStringLiteral("the export list %1 %2").arg(path(), said));
    QVERIFY(store.records().empty());

    // A later add is kept in memory only: saving would replace the person's file with a list that lacks
    // whatever it held.
    QVERIFY(store.add(record(QStringLiteral("new"), 1)));
    const auto saved = store.save();
    QVERIFY(!saved);
    QCOMPARE(saved.error().message,
        QStringLiteral("the export list %1 %2; it was left as it is and nothing was saved").arg(path(), said));
    struct stat st
    {
    };
    if (kind == QLatin1String("fifo")) {
        QCOMPARE(::lstat(file.constData(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
    } else if (kind == QLatin1String("big")) {
        QCOMPARE(QFileInfo(path()).size(), qint64(16 * 1024 * 1024 + 1));
    } else {
        QCOMPARE(QFileInfo(path()).symLinkTarget(), kind);
    }
    QVERIFY(asideCopies().isEmpty());
    QCOMPARE(QDir(QFileInfo(path()).absolutePath()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot),
        QStringList {QStringLiteral("exports.json")}); // nothing temporary left either
}

QTEST_GUILESS_MAIN(TestExportStore)
#include "tst_export_store.moc"
