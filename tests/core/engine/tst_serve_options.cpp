// SPDX-License-Identifier: GPL-3.0-or-later
// ServeOptions: `aoesan-engine serve` takes vblade's arguments with vblade's meaning (grouped flags,
// attached values, -m lists, offsets in sectors) plus its long options, and every wrong argument is
// refused with a message that names it and what would be right.
#include <QTest>

#include "engine/ServeOptions.h"

using aoesan::engine::parseServeArguments;
using aoesan::engine::ServeOptions;

namespace {

std::vector<std::string> words(const QString &line)
{
    std::vector<std::string> out;
    for (const QString &w : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out.push_back(w.toStdString());
    return out;
}

// A readable summary of the parsed options, one field=value per word, compared as text so a failing
// row shows every field at once.
QString summary(const ServeOptions &o)
{
    QStringList masks;
    for (const auto &m : o.masks)
        masks << QString::fromStdString(m.toString());
    return QStringLiteral("e%1.%2 if=%3 file=%4 b=%5 d=%6 s=%7 r=%8 m=%9 o=%10 l=%11 events=%12 state=%13 nostate=%14 "
                          "workers=%15")
        .arg(int(o.shelf))
        .arg(int(o.slot))
        .arg(QString::fromStdString(o.interface), QString::fromStdString(o.path))
        .arg(int(o.bufferCount))
        .arg(int(o.direct))
        .arg(int(o.sync))
        .arg(int(o.readOnly))
        .arg(masks.isEmpty() ? QStringLiteral("-") : masks.join(QLatin1Char(',')))
        .arg(o.offsetSectors)
        .arg(o.lengthSectors ? QString::number(*o.lengthSectors) : QStringLiteral("-"))
        .arg(int(o.events))
        .arg(o.stateFile ? QString::fromStdString(*o.stateFile) : QStringLiteral("-"))
        .arg(int(o.noState))
        .arg(o.workers ? QString::number(*o.workers) : QStringLiteral("-"));
}

} // namespace

class TestServeOptions : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void shelf4095Warns();
    void usageNamesEveryOption();
};

void TestServeOptions::accepted_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("parsed");

    const QString plain = QStringLiteral("e7.3 if=veth-t file=/srv/d.img b=16 d=0 s=0 r=0 m=- o=0 l=- events=0 state=- "
                                         "nostate=0 workers=-");
    QTest::addRow("positional only") << QStringLiteral("7 3 veth-t /srv/d.img") << plain;
    QTest::addRow("highest shelf and slot") << QStringLiteral(
        "65534 254 veth-t /srv/d.img") << QString(plain).replace(QStringLiteral("e7.3"), QStringLiteral("e65534.254"));
    QTest::addRow("shelf 0 slot 0") << QStringLiteral("0 0 lan1 disk.img")
                                    << QStringLiteral("e0.0 if=lan1 file=disk.img b=16 d=0 s=0 r=0 m=- o=0 l=- "
                                                      "events=0 state=- nostate=0 workers=-");
    QTest::addRow("-r -d -s apart") << QStringLiteral("-r -d -s 7 3 veth-t /srv/d.img")
                                    << QString(plain).replace(
                                           QStringLiteral("d=0 s=0 r=0"), QStringLiteral("d=1 s=1 r=1"));
    QTest::addRow("grouped -rd") << QStringLiteral("-rd 7 3 veth-t /srv/d.img")
                                 << QString(plain).replace(
                                        QStringLiteral("d=0 s=0 r=0"), QStringLiteral("d=1 s=0 r=1"));
    QTest::addRow("grouped -sdr") << QStringLiteral("-sdr 7 3 veth-t /srv/d.img")
                                  << QString(plain).replace(
                                         QStringLiteral("d=0 s=0 r=0"), QStringLiteral("d=1 s=1 r=1"));
    QTest::addRow("grouped flags ending in a value: -rb 4")
        << QStringLiteral("-rb 4 7 3 veth-t /srv/d.img")
        << QString(plain).replace(QStringLiteral("b=16 d=0 s=0 r=0"), QStringLiteral("b=4 d=0 s=0 r=1"));
    QTest::addRow("-b attached") << QStringLiteral("-b64 7 3 veth-t /srv/d.img")
                                 << QString(plain).replace(QStringLiteral("b=16"), QStringLiteral("b=64"));
    QTest::addRow("-b 2, the least Linux takes") << QStringLiteral(
        "-b 2 7 3 veth-t /srv/d.img") << QString(plain).replace(QStringLiteral("b=16"), QStringLiteral("b=2"));
    QTest::addRow("-o and -l in sectors")
        << QStringLiteral("-o 2048 -l 4096 7 3 veth-t /srv/d.img")
        << QString(plain).replace(QStringLiteral("o=0 l=-"), QStringLiteral("o=2048 l=4096"));
    QTest::addRow("-o attached") << QStringLiteral("-o8 7 3 veth-t /srv/d.img")
                                 << QString(plain).replace(QStringLiteral("o=0"), QStringLiteral("o=8"));
    QTest::addRow("-m one MAC") << QStringLiteral("-m 02:00:00:00:a0:02 7 3 veth-t /srv/d.img")
                                << QString(plain).replace(QStringLiteral("m=-"), QStringLiteral("m=02:00:00:00:a0:02"));
    QTest::addRow("-m list, with and without colons")
        << QStringLiteral("-m 02:00:00:00:a0:02,02000000A00B 7 3 veth-t /srv/d.img")
        << QString(plain).replace(QStringLiteral("m=-"), QStringLiteral("m=02:00:00:00:a0:02,02:00:00:00:a0:0b"));
    QTest::addRow("options after the positionals") << QStringLiteral(
        "7 3 veth-t /srv/d.img -r") << QString(plain).replace(QStringLiteral("r=0"), QStringLiteral("r=1"));
    QTest::addRow("long options") << QStringLiteral(
        "--events --state-file /var/lib/e7.3.json --workers 4 7 3 veth-t /srv/d.img")
                                  << QString(plain)
                                         .replace(QStringLiteral("events=0 state=-"),
                                             QStringLiteral("events=1 state=/var/lib/e7.3.json"))
                                         .replace(QStringLiteral("workers=-"), QStringLiteral("workers=4"));
    QTest::addRow("--no-state, --workers 0") << QStringLiteral("--no-state --workers 0 7 3 veth-t /srv/d.img")
                                             << QString(plain)
                                                    .replace(QStringLiteral("nostate=0"), QStringLiteral("nostate=1"))
                                                    .replace(QStringLiteral("workers=-"), QStringLiteral("workers=0"));
}

void TestServeOptions::accepted()
{
    QFETCH(QString, arguments);
    QFETCH(QString, parsed);
    const auto options = parseServeArguments(words(arguments));
    QVERIFY2(options.ok(), options.ok() ? "" : options.error().c_str());
    QCOMPARE(summary(options.value()), parsed);
    QVERIFY(options->warnings.empty());
}

void TestServeOptions::refused_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("message");

    QTest::addRow("shelf 65535 (broadcast)")
        << QStringLiteral("65535 1 veth-t d.img")
        << QStringLiteral("shelf '65535' must be a number from 0 to 65534 (65535 means broadcast)");
    QTest::addRow("shelf 70000") << QStringLiteral("70000 1 veth-t d.img")
                                 << QStringLiteral("shelf '70000' must be a number from 0 to 65534");
    QTest::addRow("shelf not a number") << QStringLiteral("x 1 veth-t d.img")
                                        << QStringLiteral("shelf 'x' must be a number from 0 to 65534");
    QTest::addRow("slot 255 (broadcast)") << QStringLiteral(
        "7 255 veth-t d.img") << QStringLiteral("slot '255' must be a number from 0 to 254 (255 means broadcast)");
    QTest::addRow("slot 3x") << QStringLiteral("7 3x veth-t d.img") << QStringLiteral("slot '3x' must be a number");
    QTest::addRow("-b 1") << QStringLiteral("-b 1 7 3 veth-t d.img")
                          << QStringLiteral("-b: buffer count '1' must be a number from 2 to 65535 (the Linux "
                                            "initiator needs at least 2)");
    QTest::addRow("-b 0") << QStringLiteral("-b 0 7 3 veth-t d.img") << QStringLiteral("-b: buffer count '0'");
    QTest::addRow("-b 65536") << QStringLiteral("-b 65536 7 3 veth-t d.img")
                              << QStringLiteral("-b: buffer count '65536'");
    QTest::addRow("-b without a value") << QStringLiteral("7 3 veth-t d.img -b") << QStringLiteral("-b needs a value");
    QTest::addRow("bad MAC") << QStringLiteral("-m 02:00:00:00:a0 7 3 veth-t d.img")
                             << QStringLiteral("-m: '02:00:00:00:a0' is not a MAC address");
    QTest::addRow("bad MAC second in a list") << QStringLiteral("-m 02:00:00:00:a0:02,zz 7 3 veth-t d.img")
                                              << QStringLiteral("-m: 'zz' is not a MAC address");
    QTest::addRow("empty MAC in a list") << QStringLiteral("-m 02:00:00:00:a0:02, 7 3 veth-t d.img")
                                         << QStringLiteral("-m: '' is not a MAC address");
    QTest::addRow("-o not a number") << QStringLiteral("-o 1k 7 3 veth-t d.img")
                                     << QStringLiteral("-o: '1k' is not a number of sectors");
    QTest::addRow("-l 0") << QStringLiteral("-l 0 7 3 veth-t d.img")
                          << QStringLiteral("-l: the length must be at least 1 sector");
    QTest::addRow("unknown option") << QStringLiteral("-x 7 3 veth-t d.img") << QStringLiteral("unknown option -x");
    QTest::addRow("unknown option in a group")
        << QStringLiteral("-rq 7 3 veth-t d.img") << QStringLiteral("unknown option -q");
    QTest::addRow("missing file") << QStringLiteral("7 3 veth-t")
                                  << QStringLiteral("expected shelf, slot, interface and file; got 3 argument(s)");
    QTest::addRow("nothing") << QString() << QStringLiteral("got 0 argument(s)");
    QTest::addRow("one too many") << QStringLiteral("7 3 veth-t d.img extra") << QStringLiteral("got 5 argument(s)");
    QTest::addRow("--workers 257") << QStringLiteral("--workers 257 7 3 veth-t d.img")
                                   << QStringLiteral("--workers: '257' is not a number from 0 to 256");
    QTest::addRow("--state-file without a path")
        << QStringLiteral("7 3 veth-t d.img --state-file") << QStringLiteral("--state-file needs a value");
    QTest::addRow("--state-file and --no-state") << QStringLiteral("--state-file /x.json --no-state 7 3 veth-t d.img")
                                                 << QStringLiteral("--state-file and --no-state contradict each other");
}

void TestServeOptions::refused()
{
    QFETCH(QString, arguments);
    QFETCH(QString, message);
    const auto options = parseServeArguments(words(arguments));
    QVERIFY2(!options.ok(),
        qPrintable(QStringLiteral("accepted: ") + (options.ok() ? summary(options.value()) : QString())));
    const QString error = QString::fromStdString(options.error());
    QVERIFY2(error.contains(message), qPrintable(QStringLiteral("'%1' does not say '%2'").arg(error, message)));
}

void TestServeOptions::shelf4095Warns()
{
    const auto options = parseServeArguments(words(QStringLiteral("4095 1 veth-t d.img")));
    QVERIFY(options.ok());
    QCOMPARE(options->warnings.size(), std::size_t {1});
    QVERIFY2(options->warnings.front().find("ignored by the Linux aoe initiator") != std::string::npos,
        options->warnings.front().c_str());
}

void TestServeOptions::usageNamesEveryOption()
{
    const QString usage = QString::fromStdString(aoesan::engine::serveUsage("aoesan-engine"));
    QVERIFY(usage.startsWith(QStringLiteral("usage: aoesan-engine serve")));
    for (const char *option : {"-b bufcnt", "-d ", "-s ", "-r ", "-m mac", "-o offset", "-l length", "--events",
             "--state-file", "--no-state", "--workers", "0-65534", "0-254"})
        QVERIFY2(usage.contains(QString::fromLatin1(option)), option);
}

QTEST_GUILESS_MAIN(TestServeOptions)
#include "tst_serve_options.moc"
