// SPDX-License-Identifier: GPL-3.0-or-later
// ExportState: what an initiator set (config string, MAC mask, reserve list) survives a save/load
// round trip byte for byte; a damaged state file is moved aside with a warning instead of being lost
// or stopping the export; and the lists keep their bounds (32 entries each, entries unique).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

#include "TargetFrames.h"
#include "engine/ExportState.h"

using aoesan::engine::ExportState;
using aoesan::engine::WireEdits;
using aoesan::engine::wireEditsFromWord;
using aoesan::engine::wireEditsWord;
using aoesan::protocol::MacAddress;
namespace frames = aoesan::test::frames;

namespace {

std::vector<MacAddress> fillers(unsigned count, unsigned first = 0)
{
    std::vector<MacAddress> list;
    for (unsigned i = 0; i < count; ++i)
        list.push_back(frames::fillerMac(first + i));
    return list;
}

QString macJson(unsigned count)
{
    QStringList items;
    for (const auto &m : fillers(count))
        items << QLatin1Char('"') + QString::fromStdString(m.toString()) + QLatin1Char('"');
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace

class TestExportState : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTrip_data();
    void roundTrip();
    void wireEditsNotKeptSaveOnlyTheConfig_data();
    void wireEditsNotKeptSaveOnlyTheConfig();
    void wireEditsWords();
    void noPathKeepsNothing();
    void missingFileStartsEmpty();
    void damagedFileMovedAside_data();
    void damagedFileMovedAside();
    void damagedTwiceInOneSecondKeepsBoth();
    void unwritablePathIsAnError();
    void specialFileIsAnErrorAndKept_data();
    void specialFileIsAnErrorAndKept();
    void maskCapacity();
    void maskEntriesAreUnique();
    void reserveCapacity();
    void whoIsAllowed();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExportState::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestExportState::roundTrip_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<int>("masks");
    QTest::addColumn<int>("reservations");

    QByteArray binary;
    for (int i = 1; i < 256; ++i)
        binary.append(char(i));
    QTest::addRow("empty") << QByteArray() << 0 << 0;
    QTest::addRow("a config string") << QByteArrayLiteral("rack 4, slot 3") << 0 << 0;
    QTest::addRow("every byte value but NUL") << binary << 1 << 1;
    QTest::addRow("UTF-8 bytes") << QByteArrayLiteral("d\xc3\xa9j\xc3\xa0 vu \xe2\x82\xac") << 2 << 0;
    QTest::addRow("1024 bytes, full lists") << QByteArray(1024, 'c') << 32 << 32;
}

void TestExportState::roundTrip()
{
    QFETCH(QByteArray, config);
    QFETCH(int, masks);
    QFETCH(int, reservations);
    const std::string path = m_dir->filePath(QStringLiteral("e7.3.json")).toStdString();
    auto loaded = ExportState::load(path);
    QVERIFY(loaded.ok());
    ExportState state = loaded.value();
    state.setWireEdits(WireEdits::Keep); // the lists are saved only when the owner keeps wire edits
    state.setConfigString(config.toStdString());
    state.setMasks(fillers(unsigned(masks)));
    state.setReservations(fillers(unsigned(reservations), 100));
    const auto saved = state.save();
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().c_str());

    std::string warning;
    const auto again = ExportState::load(path, &warning);
    QVERIFY(again.ok());
    QVERIFY2(warning.empty(), warning.c_str());
    QVERIFY(again.value() == state);
    QCOMPARE(QByteArray::fromStdString(again->configString()), config);
    QCOMPARE(again->masks().size(), std::size_t(masks));
    QCOMPARE(again->reservations(), fillers(unsigned(reservations), 100));
    QCOMPARE(again->path(), path);

    // A small JSON document a person can read.
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(root.value(QStringLiteral("macMask")).isArray());
}

void TestExportState::wireEditsNotKeptSaveOnlyTheConfig_data()
{
    QTest::addColumn<WireEdits>("mode");
    QTest::addRow("forget") << WireEdits::Forget;
    QTest::addRow("refuse") << WireEdits::Refuse;
}

void TestExportState::wireEditsNotKeptSaveOnlyTheConfig()
{
    // A hostile host's mask edit must not outlive the engine: under forget and refuse the file holds the
    // config string and empty lists, also over a file an earlier "keep" run filled.
    QFETCH(WireEdits, mode);
    const std::string path = m_dir->filePath(QStringLiteral("e7.4.json")).toStdString();
    ExportState kept = ExportState::load(path).value();
    kept.setWireEdits(WireEdits::Keep);
    kept.setMasks(fillers(3));
    kept.setReservations(fillers(2, 100));
    QVERIFY(kept.save().ok());
    QCOMPARE(ExportState::load(path)->masks().size(), std::size_t(3));

    ExportState state = ExportState::load(path).value();
    state.setWireEdits(mode);
    state.setConfigString("kept anyway");
    QCOMPARE(state.masks().size(), std::size_t(3)); // in memory the edit holds until the engine stops
    QVERIFY(state.save().ok());
    const auto again = ExportState::load(path);
    QVERIFY(again.ok());
    QCOMPARE(again->configString(), std::string("kept anyway"));
    QVERIFY(again->masks().empty());
    QVERIFY(again->reservations().empty());
}

void TestExportState::wireEditsWords()
{
    for (const WireEdits mode : {WireEdits::Forget, WireEdits::Keep, WireEdits::Refuse})
        QCOMPARE(wireEditsFromWord(wireEditsWord(mode)), std::optional<WireEdits>(mode));
    QCOMPARE(wireEditsWord(WireEdits::Forget), std::string_view("forget"));
    QCOMPARE(wireEditsWord(WireEdits::Keep), std::string_view("keep"));
    QCOMPARE(wireEditsWord(WireEdits::Refuse), std::string_view("refuse"));
    QVERIFY(!wireEditsFromWord("Keep").has_value());
    QVERIFY(!wireEditsFromWord("").has_value());
}

void TestExportState::noPathKeepsNothing()
{
    // --no-state: vblade's behaviour, nothing written anywhere.
    auto loaded = ExportState::load({});
    QVERIFY(loaded.ok());
    ExportState state = loaded.value();
    state.setConfigString("volatile");
    QVERIFY(state.save().ok());
    QVERIFY(state.path().empty());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
}

void TestExportState::missingFileStartsEmpty()
{
    const std::string path = m_dir->filePath(QStringLiteral("new.json")).toStdString();
    std::string warning;
    const auto loaded = ExportState::load(path, &warning);
    QVERIFY(loaded.ok());
    QVERIFY(warning.empty());
    QVERIFY(loaded.value() == ExportState());
    QVERIFY(loaded->save().ok());
    QVERIFY(QFile::exists(QString::fromStdString(path)));
}

void TestExportState::damagedFileMovedAside_data()
{
    QTest::addColumn<QString>("content");

    QTest::addRow("not JSON") << QStringLiteral("{\"version\": 1, \"configString\": ");
    QTest::addRow("empty file") << QString();
    QTest::addRow("an array") << QStringLiteral("[1, 2, 3]");
    QTest::addRow("no version") << QStringLiteral("{\"configString\": \"x\"}");
    QTest::addRow("version 2") << QStringLiteral("{\"version\": 2, \"configString\": \"x\"}");
    QTest::addRow("config string not a string") << QStringLiteral("{\"version\": 1, \"configString\": 7}");
    QTest::addRow("config string of 1025 bytes")
        << QStringLiteral("{\"version\": 1, \"configString\": \"%1\"}").arg(QString(1025, QLatin1Char('x')));
    QTest::addRow("a bad MAC") << QStringLiteral("{\"version\": 1, \"macMask\": [\"02:00:zz:00:00:01\"]}");
    QTest::addRow("mask not a list") << QStringLiteral("{\"version\": 1, \"macMask\": \"02:00:00:00:00:01\"}");
    QTest::addRow("33 masks") << QStringLiteral("{\"version\": 1, \"macMask\": %1}").arg(macJson(33));
    QTest::addRow("33 reservations") << QStringLiteral("{\"version\": 1, \"reserve\": %1}").arg(macJson(33));
}

void TestExportState::damagedFileMovedAside()
{
    QFETCH(QString, content);
    const QString path = m_dir->filePath(QStringLiteral("e7.3.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.toUtf8());
    }
    std::string warning;
    const auto loaded = ExportState::load(path.toStdString(), &warning);
    // The export still starts, empty, and says where the old file went.
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
    QVERIFY(loaded.value() == ExportState());
    QCOMPARE(loaded->path(), path.toStdString());
    const QString text = QString::fromStdString(warning);
    QVERIFY2(text.contains(path) && text.contains(QStringLiteral("damaged")), qPrintable(text));

    QVERIFY2(!QFile::exists(path), "the damaged file is still in the way");
    const QStringList aside = QDir(m_dir->path()).entryList({QStringLiteral("e7.3.json.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    QVERIFY2(text.contains(aside.first()), qPrintable(text));
    QFile kept(m_dir->filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), content.toUtf8());
}

void TestExportState::damagedTwiceInOneSecondKeepsBoth()
{
    // The second rename used to land on the first one's name and fail: the engine then refused to start.
    const QString path = m_dir->filePath(QStringLiteral("e7.3.json"));
    const QList<QByteArray> damaged {"{\"version\": 1, \"configString\": ", "[1, 2, 3]"};
    for (const QByteArray &content : damaged) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        std::string warning;
        const auto loaded = ExportState::load(path.toStdString(), &warning);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
    }
    QList<QByteArray> kept;
    for (const QString &name : QDir(m_dir->path()).entryList({QStringLiteral("e7.3.json.corrupt-*")})) {
        QFile f(m_dir->filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        kept << f.readAll();
    }
    QCOMPARE(kept.size(), 2);
    QVERIFY(kept.contains(damaged.at(0)) && kept.contains(damaged.at(1)));
}

void TestExportState::unwritablePathIsAnError()
{
    ExportState state;
    state.setPath(m_dir->filePath(QStringLiteral("no-such-dir/e7.3.json")).toStdString());
    state.setConfigString("lost?");
    const auto saved = state.save();
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().find("cannot write export state") != std::string::npos
            && saved.error().find(state.path()) != std::string::npos,
        saved.error().c_str());
}

void TestExportState::specialFileIsAnErrorAndKept_data()
{
    QTest::addColumn<QString>("kind"); // what is put at the path
    QTest::addColumn<QString>("said"); // the end of the error
    QTest::addRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("is a FIFO, not a regular file");
    QTest::addRow("link to /dev/zero") << QStringLiteral("/dev/zero")
                                       << QStringLiteral("is a character device, not a regular file");
    QTest::addRow("link to /dev/urandom")
        << QStringLiteral("/dev/urandom") << QStringLiteral("is a character device, not a regular file");
    QTest::addRow("directory") << QStringLiteral("dir") << QStringLiteral("is a directory, not a regular file");
    QTest::addRow("over 1 MiB") << QStringLiteral("big")
                                << QStringLiteral("is larger than 1 MiB, more than such a file ever holds");
}

void TestExportState::specialFileIsAnErrorAndKept()
{
    QFETCH(QString, kind);
    QFETCH(QString, said);
    const QString path = m_dir->filePath(QStringLiteral("e7.3.json"));
    if (kind == QLatin1String("fifo")) {
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == QLatin1String("dir")) {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == QLatin1String("big")) {
        QFile big(path);
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize((1 << 20) + 1));
    } else {
        if (!QFileInfo::exists(kind))
            QSKIP("this system has no such device");
        QVERIFY(QFile::link(kind, path));
    }
    QElapsedTimer clock;
    clock.start();
    std::string warning;
    const auto loaded = ExportState::load(path.toStdString(), &warning);
    QVERIFY2(clock.elapsed() < 2000, "load() must not wait on a FIFO or read a device");
    QVERIFY(!loaded.ok());
    QCOMPARE(QString::fromStdString(loaded.error()), QStringLiteral("the export state %1 %2").arg(path, said));
    QVERIFY(warning.empty());
    // Not set aside as damaged, not replaced: what is there stays.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot),
        QStringList {QStringLiteral("e7.3.json")});
    struct stat st
    {
    };
    QCOMPARE(::lstat(QFile::encodeName(path).constData(), &st), 0);
    if (kind == QLatin1String("fifo"))
        QVERIFY(S_ISFIFO(st.st_mode));
    else if (kind.startsWith(QLatin1Char('/')))
        QVERIFY(S_ISLNK(st.st_mode));
}

void TestExportState::maskCapacity()
{
    QCOMPARE(ExportState::kMaxMasks, std::size_t {32});
    ExportState state;
    for (const auto &mac : fillers(32))
        QCOMPARE(state.addMask(mac), ExportState::MaskEdit::Ok);
    QCOMPARE(state.addMask(frames::fillerMac(99)), ExportState::MaskEdit::ListFull);
    QCOMPARE(state.masks(), fillers(32));
    // A MAC already on a full list is no error: nothing needs to be added.
    QCOMPARE(state.addMask(frames::fillerMac(5)), ExportState::MaskEdit::Ok);
    QCOMPARE(state.masks().size(), std::size_t {32});
    state.removeMask(frames::fillerMac(0));
    QCOMPARE(state.addMask(frames::fillerMac(99)), ExportState::MaskEdit::Ok);
    QCOMPARE(state.masks().back(), frames::fillerMac(99));

    // -m with more than fit keeps the first 32.
    state.setMasks(fillers(40));
    QCOMPARE(state.masks(), fillers(32));
}

void TestExportState::maskEntriesAreUnique()
{
    ExportState state;
    const MacAddress a = frames::fillerMac(1);
    const MacAddress b = frames::fillerMac(2);
    state.setMasks({a, b, a, b, a});
    QCOMPARE(state.masks(), (std::vector<MacAddress> {a, b}));
    state.removeMask(a);
    QCOMPARE(state.masks(), std::vector<MacAddress> {b});
    state.removeMask(a); // not there: no change, no crash
    QCOMPARE(state.masks(), std::vector<MacAddress> {b});
    state.removeMask(b);
    QVERIFY(state.masks().empty());
}

void TestExportState::reserveCapacity()
{
    QCOMPARE(ExportState::kMaxReservations, std::size_t {32});
    ExportState state;
    state.setReservations(fillers(40));
    QCOMPARE(state.reservations(), fillers(32));
    state.setReservations({});
    QVERIFY(state.reservations().empty());
}

void TestExportState::whoIsAllowed()
{
    const MacAddress a = frames::fillerMac(1);
    const MacAddress b = frames::fillerMac(2);
    ExportState state;
    QVERIFY(state.maskAllows(a));
    QVERIFY(state.reservationAllows(a));
    state.setMasks({a});
    state.setReservations({b});
    QVERIFY(state.maskAllows(a));
    QVERIFY(!state.maskAllows(b));
    QVERIFY(state.reservationAllows(b));
    QVERIFY(!state.reservationAllows(a));
}

QTEST_GUILESS_MAIN(TestExportState)
#include "tst_export_state.moc"
