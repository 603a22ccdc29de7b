// SPDX-License-Identifier: GPL-3.0-or-later
// ExportRecord: the validation rules and their words, JSON in and out, vblade's arguments in, and the
// engine command line out — read back by the engine's own parser, so the two never drift apart.
#include <QJsonArray>
#include <QTest>

#include "engine/ServeOptions.h"
#include "supervisor/ExportRecord.h"
#include "supervisor/VbladeArguments.h"

using namespace aoesan::supervisor;

Q_DECLARE_METATYPE(aoesan::supervisor::RecordError::Code)
Q_DECLARE_METATYPE(aoesan::supervisor::ExportRecord)

namespace {

ExportRecord sample()
{
    ExportRecord r;
    r.name = QStringLiteral("lab-disk_1.0");
    r.path = QStringLiteral("/srv/aoe/disk.img");
    r.shelf = 7;
    r.slot = 3;
    r.interface = QStringLiteral("lan1");
    return r;
}

} // namespace

class TestExportRecord : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();
    void clashesWithOthers();
    void jsonRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
    void engineArgumentsParseBack();
    void fromVbladeArguments_data();
    void fromVbladeArguments();
    void describes();
};

void TestExportRecord::validation_data()
{
    QTest::addColumn<ExportRecord>("record");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<RecordError::Code>("code");
    QTest::addColumn<QString>("mentions");

    using C = RecordError::Code;
    const auto with = [](auto change) {
        ExportRecord r = sample();
        change(r);
        return r;
    };
    QTest::addRow("good") << sample() << true << C::BadFormat << QString();
    QTest::addRow("empty name") << with([](ExportRecord &r) { r.name.clear(); }) << false << C::BadName
                                << QStringLiteral("name");
    QTest::addRow("name with a slash") << with([](ExportRecord &r) { r.name = QStringLiteral("a/b"); }) << false
                                       << C::BadName << QStringLiteral("'a/b'");
    QTest::addRow("name starting with a dash") << with([](ExportRecord &r) { r.name = QStringLiteral("-r"); }) << false
                                               << C::BadName << QStringLiteral("not start");
    QTest::addRow("name too long") << with([](ExportRecord &r) { r.name = QString(65, QLatin1Char('a')); }) << false
                                   << C::BadName << QStringLiteral("64");
    QTest::addRow("relative path") << with([](ExportRecord &r) { r.path = QStringLiteral("disk.img"); }) << false
                                   << C::BadPath << QStringLiteral("absolute");
    QTest::addRow("broadcast shelf") << with([](ExportRecord &r) { r.shelf = 65535; }) << false << C::BadAddress
                                     << QStringLiteral("0 to 65534");
    QTest::addRow("broadcast slot") << with([](ExportRecord &r) { r.slot = 255; }) << false << C::BadAddress
                                    << QStringLiteral("0 to 254");
    QTest::addRow("no interface") << with([](ExportRecord &r) { r.interface.clear(); }) << false << C::BadInterface
                                  << QStringLiteral("ip link");
    QTest::addRow("interface name too long")
        << with([](ExportRecord &r) { r.interface = QStringLiteral("abcdefghijklmnop"); }) << false << C::BadInterface
        << QStringLiteral("interface");
    QTest::addRow("one buffer") << with([](ExportRecord &r) { r.bufferCount = 1; }) << false << C::BadOption
                                << QStringLiteral("at least 2");
    QTest::addRow("broadcast MAC") << with([](ExportRecord &r) {
        r.macs = {aoesan::protocol::MacAddress::broadcast()};
    }) << false << C::BadOption << QStringLiteral("ff:ff:ff:ff:ff:ff");
    QTest::addRow("too many MACs") << with([](ExportRecord &r) {
        for (std::uint8_t i = 0; i < 33; ++i)
            r.macs.push_back(aoesan::protocol::MacAddress({2, 0, 0, 0, 0, i}));
    }) << false << C::BadOption << QStringLiteral("32");
    QTest::addRow("zero length") << with([](ExportRecord &r) { r.lengthSectors = 0; }) << false << C::BadOption
                                 << QStringLiteral("one sector");
    QTest::addRow("long config string") << with([](ExportRecord &r) {
        r.configString = QString(1025, QLatin1Char('x'));
    }) << false << C::BadOption << QStringLiteral("1024");
}

void TestExportRecord::validation()
{
    QFETCH(ExportRecord, record);
    QFETCH(bool, valid);
    QFETCH(RecordError::Code, code);
    QFETCH(QString, mentions);
    const auto error = validateRecord(record);
    QCOMPARE(!error.has_value(), valid);
    if (error) {
        QCOMPARE(error->code, code);
        QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
    }
}

void TestExportRecord::clashesWithOthers()
{
    ExportRecord other = sample();
    other.name = QStringLiteral("other");
    other.slot = 4;
    QVERIFY(!validateAgainst(sample(), {other}));

    ExportRecord sameName = other;
    sameName.name = sample().name;
    QCOMPARE(validateAgainst(sample(), {sameName})->code, RecordError::Code::DuplicateName);

    other.slot = 3;
    const auto clash = validateAgainst(sample(), {other});
    QCOMPARE(clash->code, RecordError::Code::DuplicateAddress);
    QVERIFY2(clash->message.contains(QStringLiteral("'other' already uses e7.3 on lan1")), qPrintable(clash->message));
    other.interface = QStringLiteral("lan2"); // another segment
    QVERIFY(!validateAgainst(sample(), {other}));
}

void TestExportRecord::jsonRoundTrip()
{
    ExportRecord r = sample();
    r.readOnly = true;
    r.direct = true;
    r.sync = true;
    r.bufferCount = 64;
    r.macs = {*aoesan::protocol::MacAddress::fromString("02:00:00:00:b0:02")};
    r.offsetSectors = 4503599627370496ULL; // 2^52: still exact in a JSON number
    r.lengthSectors = 2048;
    r.configString = QStringLiteral("rack 4 — left");
    r.autostart = true;
    r.wireEdits = aoesan::engine::WireEdits::Refuse;
    const auto back = recordFromJson(recordToJson(r));
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(back.value(), r);

    // Optional fields may be left out of a hand-written file.
    const QJsonObject minimal {{QStringLiteral("name"), QStringLiteral("m")},
        {QStringLiteral("path"), QStringLiteral("/x.img")}, {QStringLiteral("shelf"), 1}, {QStringLiteral("slot"), 2},
        {QStringLiteral("interface"), QStringLiteral("lan0")}};
    const auto parsed = recordFromJson(minimal);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->bufferCount, std::uint16_t {16});
    QVERIFY(!parsed->lengthSectors);
    QVERIFY(!parsed->autostart);
    // Lists written before wireEdits existed get vblade's behaviour, as their engines had.
    QCOMPARE(parsed->wireEdits, aoesan::engine::WireEdits::Forget);
    for (const auto mode :
        {aoesan::engine::WireEdits::Forget, aoesan::engine::WireEdits::Keep, aoesan::engine::WireEdits::Refuse}) {
        r.wireEdits = mode;
        const QJsonObject o = recordToJson(r);
        QCOMPARE(
            o.value(QStringLiteral("wireEdits")).toString(), QString::fromLatin1(aoesan::engine::wireEditsWord(mode)));
        QCOMPARE(recordFromJson(o)->wireEdits, mode);
    }
}

void TestExportRecord::jsonErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("mentions");

    QTest::addRow("name missing") << QStringLiteral("name") << QJsonValue(QJsonValue::Undefined)
                                  << QStringLiteral("'name'");
    QTest::addRow("shelf as text") << QStringLiteral("shelf") << QJsonValue(QStringLiteral("7"))
                                   << QStringLiteral("'shelf'");
    QTest::addRow("slot out of range") << QStringLiteral("slot") << QJsonValue(300)
                                       << QStringLiteral("e7.300 is out of range");
    QTest::addRow("negative offset") << QStringLiteral("offsetSectors") << QJsonValue(-1)
                                     << QStringLiteral("'offsetSectors'");
    QTest::addRow("fractional slot") << QStringLiteral("slot") << QJsonValue(1.5) << QStringLiteral("whole number");
    QTest::addRow("flag as text") << QStringLiteral("readOnly") << QJsonValue(QStringLiteral("yes"))
                                  << QStringLiteral("true or false");
    QTest::addRow("bad MAC") << QStringLiteral("macs") << QJsonValue(QJsonArray {QStringLiteral("zz")})
                             << QStringLiteral("'zz'");
    QTest::addRow("wire edits unknown") << QStringLiteral("wireEdits") << QJsonValue(QStringLiteral("always"))
                                        << QStringLiteral(
                                               "'wireEdits' must be \"forget\", \"keep\" or \"refuse\", not 'always'");
    QTest::addRow("wire edits not text") << QStringLiteral("wireEdits") << QJsonValue(true)
                                         << QStringLiteral("'wireEdits'");
    QTest::addRow("MACs not a list") << QStringLiteral("macs") << QJsonValue(QStringLiteral("02:00:00:00:00:01"))
                                     << QStringLiteral("list");
}

void TestExportRecord::jsonErrors()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, mentions);
    QJsonObject o = recordToJson(sample());
    if (value.isUndefined())
        o.remove(field);
    else
        o.insert(field, value);
    const auto parsed = recordFromJson(o);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
}

void TestExportRecord::engineArgumentsParseBack()
{
    ExportRecord r = sample();
    r.readOnly = true;
    r.sync = true;
    r.bufferCount = 32;
    r.macs = {*aoesan::protocol::MacAddress::fromString("02:00:00:00:b0:02"),
        *aoesan::protocol::MacAddress::fromString("02:00:00:00:b0:03")};
    r.offsetSectors = 8;
    r.lengthSectors = 100;
    const QStringList args = engineArguments(r, QStringLiteral("/state/x.json"));
    QCOMPARE(args.first(), QStringLiteral("serve"));
    std::vector<std::string> words;
    for (const auto &a : args.mid(1))
        words.push_back(a.toStdString());
    const auto parsed = aoesan::engine::parseServeArguments(words);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().c_str());
    QVERIFY(parsed->events);
    QCOMPARE(parsed->stateFile, std::optional<std::string>("/state/x.json"));
    QCOMPARE(parsed->shelf, r.shelf);
    QCOMPARE(parsed->slot, r.slot);
    QCOMPARE(parsed->interface, std::string("lan1"));
    QCOMPARE(parsed->path, std::string("/srv/aoe/disk.img"));
    QVERIFY(parsed->readOnly && parsed->sync && !parsed->direct);
    QCOMPARE(parsed->bufferCount, std::uint16_t {32});
    QCOMPARE(parsed->masks, r.macs);
    QCOMPARE(parsed->offsetSectors, std::uint64_t {8});
    QCOMPARE(parsed->lengthSectors, std::optional<std::uint64_t>(100));
    QCOMPARE(parsed->wireEdits, aoesan::engine::WireEdits::Forget);
    QVERIFY(!args.contains(QStringLiteral("--wire-edits"))); // the engine's default: the command line vblade's
    for (const auto mode : {aoesan::engine::WireEdits::Keep, aoesan::engine::WireEdits::Refuse}) {
        r.wireEdits = mode;
        std::vector<std::string> edited;
        for (const auto &a : engineArguments(r).mid(1))
            edited.push_back(a.toStdString());
        const auto back = aoesan::engine::parseServeArguments(edited);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
        QCOMPARE(back->wireEdits, mode);
    }
}

void TestExportRecord::fromVbladeArguments_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("detail"); // the path when ok, else words of the error

    QTest::addRow("vblade's own example")
        << QStringList {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("lan0"), QStringLiteral("/dev/sdd5")}
        << true << QStringLiteral("/dev/sdd5");
    QTest::addRow("options and a relative file")
        << QStringList {QStringLiteral("-rd"), QStringLiteral("-b"), QStringLiteral("8"), QStringLiteral("1"),
               QStringLiteral("2"), QStringLiteral("lan0"), QStringLiteral("images/../disk.img")}
        << true << QStringLiteral("/work/disk.img");
    QTest::addRow("aoesan's long options are not vblade's") << QStringList {QStringLiteral("--no-state"),
        QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("lan0"), QStringLiteral("/x.img")}
                                                            << false << QStringLiteral("not one of vblade's options");
    QTest::addRow("missing file") << QStringList {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("lan0")}
                                  << false << QStringLiteral("got 3");
    QTest::addRow("bad slot") << QStringList {QStringLiteral("1"), QStringLiteral("x"), QStringLiteral("lan0"),
        QStringLiteral("/x")} << false
                              << QStringLiteral("slot 'x'");
}

void TestExportRecord::fromVbladeArguments()
{
    QFETCH(QStringList, words);
    QFETCH(bool, ok);
    QFETCH(QString, detail);
    const auto r = recordFromVbladeArguments(QStringLiteral("v"), words, QStringLiteral("/work"));
    QCOMPARE(r.ok(), ok);
    if (ok)
        QCOMPARE(r->path, detail);
    else
        QVERIFY2(r.error().contains(detail), qPrintable(r.error()));
}

void TestExportRecord::describes()
{
    ExportRecord r = sample();
    QCOMPARE(describeRecord(r), QStringLiteral("e7.3 on lan1 from /srv/aoe/disk.img"));
    r.readOnly = true;
    r.autostart = true;
    r.offsetSectors = 8;
    QCOMPARE(describeRecord(r),
        QStringLiteral("e7.3 on lan1 from /srv/aoe/disk.img (read-only, sectors 8+rest, autostart)"));
}

QTEST_GUILESS_MAIN(TestExportRecord)
#include "tst_export_record.moc"
