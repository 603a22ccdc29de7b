// SPDX-License-Identifier: GPL-3.0-or-later
// The /etc/ethers parser: a table of good lines (both MAC spellings, tabs, comments, CR LF) and bad ones (a
// short or long MAC, a group of three digits, a missing or extra field, a host name that is no name or reads as
// a MAC), each bad one skipped and named by its line; lookups both ways, without case for names, first entry
// winning; the file itself: missing = no names, a directory, a FIFO and an oversized file refused with its path;
// AOESAN_ETHERS overrides the path; words of an allow list resolved as MACs first, then names, with the two
// kinds of error told apart.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "net/Ethers.h"

using aoesan::net::EthersTable;
using aoesan::net::MacWordError;
using aoesan::protocol::MacAddress;

namespace {

// The lower-case text of a looked-up MAC, "none" when there was none.
QString text(const std::optional<MacAddress> &mac)
{
    return mac ? QString::fromStdString(mac->toString()) : QStringLiteral("none");
}

MacAddress mac(const char *text)
{
    return *MacAddress::fromString(text);
}

QStringList strings(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *w : words)
        list << QString::fromUtf8(w);
    return list;
}

} // namespace

class TestEthers : public QObject
{
    Q_OBJECT

private slots:
    void goodLines_data();
    void goodLines();
    void ignoredLines_data();
    void ignoredLines();
    void badLines_data();
    void badLines();
    void wholeFile();
    void lookups();
    void missingFileIsNoNames();
    void nonRegularFilesRefused();
    void oversizedFileRefused();
    void pathOverride();
    void words_data();
    void words();
    void splitting();
};

void TestEthers::goodLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("host");
    QTest::addRow("ethers(5) short form") << "8:0:20:1:2:3 alice"
                                          << "08:00:20:01:02:03"
                                          << "alice";
    QTest::addRow("two digits each") << "08:00:20:01:02:03 alice"
                                     << "08:00:20:01:02:03"
                                     << "alice";
    QTest::addRow("upper case hex") << "02:AB:cd:EF:0:1 bob"
                                    << "02:ab:cd:ef:00:01"
                                    << "bob";
    QTest::addRow("tabs and spaces") << " \t02:00:00:00:00:09\t\t  carol.lab  "
                                     << "02:00:00:00:00:09"
                                     << "carol.lab";
    QTest::addRow("comment after") << "2:0:0:0:0:a dave # the build box"
                                   << "02:00:00:00:00:0a"
                                   << "dave";
    QTest::addRow("comment touching") << "2:0:0:0:0:b erin#x"
                                      << "02:00:00:00:00:0b"
                                      << "erin";
    QTest::addRow("CR LF") << "2:0:0:0:0:c frank\r"
                           << "02:00:00:00:00:0c"
                           << "frank";
    QTest::addRow("IPv4 as the name") << "2:0:0:0:0:d 10.0.0.13"
                                      << "02:00:00:00:00:0d"
                                      << "10.0.0.13";
    QTest::addRow("underscore and digits") << "2:0:0:0:0:e node_07-b"
                                           << "02:00:00:00:00:0e"
                                           << "node_07-b";
}

void TestEthers::goodLines()
{
    QFETCH(QString, line);
    QFETCH(QString, mac);
    QFETCH(QString, host);
    const auto parsed = aoesan::net::parseEthersLine(line);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
    QVERIFY(parsed.value().has_value());
    QCOMPARE(QString::fromStdString(parsed.value()->mac.toString()), mac);
    QCOMPARE(parsed.value()->host, host);
}

void TestEthers::ignoredLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addRow("empty") << "";
    QTest::addRow("blanks") << " \t \r";
    QTest::addRow("comment") << "# 8:0:20:1:2:3 alice";
    QTest::addRow("indented comment") << "   # nothing here";
}

void TestEthers::ignoredLines()
{
    QFETCH(QString, line);
    const auto parsed = aoesan::net::parseEthersLine(line);
    QVERIFY(parsed.ok());
    QVERIFY(!parsed.value().has_value());
}

void TestEthers::badLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("says"); // a part of the message
    QTest::addRow("MAC alone") << "8:0:20:1:2:3"
                               << "is one word; a line needs a MAC address and a host name";
    QTest::addRow("name alone") << "alice"
                                << "is one word; a line needs a MAC address and a host name";
    QTest::addRow("five groups") << "8:0:20:1:2 alice"
                                 << "'8:0:20:1:2' is not a MAC address";
    QTest::addRow("seven groups") << "8:0:20:1:2:3:4 alice"
                                  << "is not a MAC address";
    QTest::addRow("three digits") << "8:0:20:1:2:003 alice"
                                  << "is not a MAC address";
    QTest::addRow("empty group") << "8::20:1:2:3 alice"
                                 << "is not a MAC address";
    QTest::addRow("trailing colon") << "8:0:20:1:2:3: alice"
                                    << "is not a MAC address";
    QTest::addRow("not hex") << "8:0:20:1:2:g alice"
                             << "is not a MAC address";
    QTest::addRow("dashes") << "08-00-20-01-02-03 alice"
                            << "is not a MAC address";
    QTest::addRow("two names") << "8:0:20:1:2:3 alice bob"
                               << "more than";
    QTest::addRow("odd character") << "8:0:20:1:2:3 al!ce"
                                   << "is not a host name";
    QTest::addRow("comma in name") << "8:0:20:1:2:3 a,b"
                                   << "is not a host name";
    QTest::addRow("name too long") << QString(QStringLiteral("8:0:20:1:2:3 ") + QString(254, QLatin1Char('a')))
                                   << "at most 253";
    QTest::addRow("name reads as a MAC") << "8:0:20:1:2:3 deadbeef0001"
                                         << "reads as a MAC address";
}

void TestEthers::badLines()
{
    QFETCH(QString, line);
    QFETCH(QString, says);
    const auto parsed = aoesan::net::parseEthersLine(line);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(says), qPrintable(parsed.error()));
    // In a file the line is skipped, named by its number, and the good lines around it are kept.
    const EthersTable table = EthersTable::parse(
        QString(QStringLiteral("2:0:0:0:0:1 before\n") + line + QStringLiteral("\n2:0:0:0:0:2 after\n")).toUtf8());
    QCOMPARE(table.entries().size(), 2U);
    QCOMPARE(table.problems().size(), 1U);
    QCOMPARE(table.problems().front().line, 2);
    QVERIFY(table.problems().front().message.startsWith(QStringLiteral("line 2: ")));
}

void TestEthers::wholeFile()
{
    const EthersTable table = EthersTable::parse("# lab machines\n"
                                                 "8:0:20:1:2:3\talice\n"
                                                 "\n"
                                                 "02:00:00:00:00:09 bob # spare\n"
                                                 "not a line at all\n"
                                                 "02:00:00:00:00:0a carol");
    QCOMPARE(table.entries().size(), 3U);
    QCOMPARE(table.problems().size(), 1U);
    QCOMPARE(table.problems().front().line, 5);
    QCOMPARE(table.hosts(), strings({"alice", "bob", "carol"}));
    QVERIFY(!table.isEmpty());
    QVERIFY(EthersTable::parse({}).isEmpty());
}

void TestEthers::lookups()
{
    const EthersTable table = EthersTable::parse("8:0:20:1:2:3 alice\n"
                                                 "2:0:0:0:0:9 bob\n"
                                                 "2:0:0:0:0:a Alice\n" // a second Alice: the first wins
                                                 "8:0:20:1:2:3 alice-again\n"); // a second name: the first wins
    QCOMPARE(text(table.macOf(u"alice")), QStringLiteral("08:00:20:01:02:03"));
    QCOMPARE(text(table.macOf(u"ALICE")), QStringLiteral("08:00:20:01:02:03"));
    QCOMPARE(text(table.macOf(u"alice-again")), QStringLiteral("08:00:20:01:02:03"));
    QCOMPARE(text(table.macOf(u"bob")), QStringLiteral("02:00:00:00:00:09"));
    QVERIFY(!table.macOf(u"carol"));
    QVERIFY(!table.macOf(u"ali"));
    QCOMPARE(table.hostOf(mac("08:00:20:01:02:03")), QStringLiteral("alice"));
    QCOMPARE(table.hostOf(mac("02:00:00:00:00:0a")), QStringLiteral("Alice"));
    QVERIFY(table.hostOf(mac("02:00:00:00:00:0b")).isEmpty());
    QCOMPARE(table.describe(mac("02:00:00:00:00:09")), QStringLiteral("02:00:00:00:00:09 (bob)"));
    QCOMPARE(table.describe(mac("02:00:00:00:00:0b")), QStringLiteral("02:00:00:00:00:0b"));
    QCOMPARE(table.hosts(), strings({"alice", "bob", "alice-again"}));
}

void TestEthers::missingFileIsNoNames()
{
    QTemporaryDir dir;
    const auto table = aoesan::net::readEthers(dir.filePath(QStringLiteral("ethers")));
    QVERIFY(table.ok());
    QVERIFY(table->isEmpty());
    QVERIFY(table->problems().empty());
}

void TestEthers::nonRegularFilesRefused()
{
    QTemporaryDir dir;
    const auto ofDirectory = aoesan::net::readEthers(dir.path());
    QVERIFY(!ofDirectory.ok());
    QVERIFY2(ofDirectory.error().contains(dir.path()), qPrintable(ofDirectory.error()));
    QVERIFY(ofDirectory.error().contains(QStringLiteral("a directory")));
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const auto ofFifo = aoesan::net::readEthers(fifo); // at once: a FIFO with no writer must not hang it
    QVERIFY(!ofFifo.ok());
    QVERIFY2(ofFifo.error().contains(QStringLiteral("a FIFO")), qPrintable(ofFifo.error()));
    const auto ofDevice = aoesan::net::readEthers(QStringLiteral("/dev/zero"));
    QVERIFY(!ofDevice.ok());
    QVERIFY(ofDevice.error().contains(QStringLiteral("/dev/zero")));
}

void TestEthers::oversizedFileRefused()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("ethers")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray line = "2:0:0:0:0:1 a-host-with-a-longish-name\n";
    for (qint64 written = 0; written <= (1 << 20); written += line.size())
        file.write(line);
    file.close();
    const auto table = aoesan::net::readEthers(file.fileName());
    QVERIFY(!table.ok());
    QVERIFY2(table.error().contains(QStringLiteral("larger than 1 MiB")), qPrintable(table.error()));
}

void TestEthers::pathOverride()
{
    qunsetenv("AOESAN_ETHERS");
    QCOMPARE(aoesan::net::ethersPath(), QStringLiteral("/etc/ethers"));
    qputenv("AOESAN_ETHERS", "/tmp/lab-ethers");
    QCOMPARE(aoesan::net::ethersPath(), QStringLiteral("/tmp/lab-ethers"));
    qunsetenv("AOESAN_ETHERS");
}

void TestEthers::words_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("mac"); // empty: an error
    QTest::addColumn<int>("error"); // MacWordError::Code when mac is empty
    QTest::addRow("vblade form") << "02:00:00:00:00:99"
                                 << "02:00:00:00:00:99" << 0;
    QTest::addRow("dashes") << "02-00-00-00-00-98"
                            << "02:00:00:00:00:98" << 0;
    QTest::addRow("colon-less") << "020000000097"
                                << "02:00:00:00:00:97" << 0;
    QTest::addRow("ethers form") << "8:0:20:1:2:3"
                                 << "08:00:20:01:02:03" << 0;
    QTest::addRow("host") << "alice"
                          << "08:00:20:01:02:03" << 0;
    QTest::addRow("host, other case") << "BOB"
                                      << "02:00:00:00:00:09" << 0;
    QTest::addRow("unknown host") << "mallory"
                                  << "" << int(MacWordError::Code::UnknownHost);
    QTest::addRow("short MAC") << "02:00:00:00:00"
                               << "" << int(MacWordError::Code::BadMac);
    QTest::addRow("bad digit") << "02:00:00:00:00:zz"
                               << "" << int(MacWordError::Code::BadMac);
    QTest::addRow("all zeros") << "0:0:0:0:0:0"
                               << "" << int(MacWordError::Code::NoSender);
    QTest::addRow("broadcast") << "ff:ff:ff:ff:ff:ff"
                               << "" << int(MacWordError::Code::NoSender);
    QTest::addRow("multicast") << "01:00:5e:00:00:01"
                               << "" << int(MacWordError::Code::NoSender);
    QTest::addRow("host of a multicast address") << "group"
                                                 << "" << int(MacWordError::Code::NoSender);
}

void TestEthers::words()
{
    QFETCH(QString, word);
    QFETCH(QString, mac);
    QFETCH(int, error);
    const EthersTable table = EthersTable::parse("8:0:20:1:2:3 alice\n2:0:0:0:0:9 bob\n1:0:5e:0:0:2 group\n");
    const auto resolved = aoesan::net::resolveMacWord(word, table);
    if (mac.isEmpty()) {
        QVERIFY(!resolved.ok());
        QCOMPARE(int(resolved.error().code), error);
        QCOMPARE(resolved.error().word, word);
    } else {
        QVERIFY(resolved.ok());
        QCOMPARE(QString::fromStdString(resolved->toString()), mac);
    }
}

void TestEthers::splitting()
{
    QCOMPARE(aoesan::net::splitMacWords(QStringLiteral(" alice, 2:0:0:0:0:9;bob\tcarol ,,")),
        strings({"alice", "2:0:0:0:0:9", "bob", "carol"}));
    QVERIFY(aoesan::net::splitMacWords(QStringLiteral(" , ")).isEmpty());
}

QTEST_GUILESS_MAIN(TestEthers)
#include "tst_ethers.moc"
