// SPDX-License-Identifier: GPL-3.0-or-later
// Frames aoesan encodes, written to a .pcap and dissected by Wireshark's tshark (header and ATA
// fields) and by tcpdump (Query Config and MAC Mask bodies, which tshark does not decode): every
// field they decode must equal the value we encoded.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include "FrameBuilders.h"
#include "net/PcapFile.h"
#include "protocol/Frame.h"

using namespace aoesan::protocol;
using namespace aoesan::test;

namespace {

QString hex(std::uint64_t value, int digits)
{
    return QStringLiteral("0x%1").arg(value, digits, 16, QLatin1Char('0'));
}

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}

const QStringList kTsharkFields = {
    QStringLiteral("aoe.version"),
    QStringLiteral("aoe.response"),
    QStringLiteral("aoe.flags_error"),
    QStringLiteral("aoe.error"),
    QStringLiteral("aoe.major"),
    QStringLiteral("aoe.minor"),
    QStringLiteral("aoe.cmd"),
    QStringLiteral("aoe.tag"),
    QStringLiteral("aoe.aflags.e"),
    QStringLiteral("aoe.aflags.d"),
    QStringLiteral("aoe.aflags.a"),
    QStringLiteral("aoe.aflags.w"),
    QStringLiteral("aoe.err_feature"),
    QStringLiteral("aoe.sector_count"),
    QStringLiteral("aoe.ata.cmd"),
    QStringLiteral("aoe.ata.status"),
    QStringLiteral("aoe.lba"),
};

// What tshark 4.0 prints for each field of this frame; absent fields print empty. tshark shows a
// reply's ATA command from the request it matched by tag, so that comes in as `requestCommand`.
QStringList expectedTsharkFields(const Frame &f, std::optional<std::uint8_t> requestCommand)
{
    const Header &h = f.header;
    QStringList v(kTsharkFields.size());
    v[0] = QString::number(h.version);
    v[1] = flag(h.response);
    v[2] = flag(h.error);
    v[3] = h.error ? QString::number(h.errorCode) : QString();
    v[4] = hex(h.major, 4);
    v[5] = hex(h.minor, 2);
    v[6] = QString::number(h.command);
    v[7] = hex(h.tag, 8);
    if (const auto *a = f.as<AtaArg>()) {
        v[8] = flag(a->extended());
        v[9] = a->extended() ? flag(a->device()) : QString(); // D is shown only for extended commands
        v[10] = a->write() ? flag(a->async()) : QString(); // A only for writes
        v[11] = flag(a->write());
        v[12] = hex(a->errFeature, 2);
        v[13] = QString::number(a->sectorCount);
        // In replies tshark derives the command from the matching request.
        if (!h.response)
            v[14] = hex(a->cmdStatus, 2);
        else if (requestCommand)
            v[14] = hex(*requestCommand, 2);
        v[15] = h.response ? hex(a->cmdStatus, 2) : QString();
        v[16] = hex(a->lba, 16);
    }
    return v;
}

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qWarning() << program << "failed:" << p.readAllStandardError();
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestDissectorCrossCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tsharkAgreesOnHeaderAndAtaFields();
    void tcpdumpAgreesOnConfigAndMaskBodies();

private:
    QString writeCapture(const std::vector<Frame> &frames);

    QTemporaryDir m_dir;
    QByteArray m_data = QByteArray(1024, '\x42');
};

void TestDissectorCrossCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestDissectorCrossCheck::writeCapture(const std::vector<Frame> &frames)
{
    static int serial = 0;
    const QString path = m_dir.filePath(QStringLiteral("encoded-%1.pcap").arg(++serial));
    auto writer = aoesan::net::PcapWriter::create(path.toStdString());
    if (!writer)
        qFatal("%s", writer.error().c_str());
    std::int64_t usec = 0;
    for (const auto &f : frames) {
        const auto bytes = encodeFrame(f);
        if (!bytes)
            qFatal("cannot encode: %s", bytes.error().message().c_str());
        writer.value()->write(bytes.value(), std::chrono::microseconds(usec += 1000));
    }
    return path;
}

void TestDissectorCrossCheck::tsharkAgreesOnHeaderAndAtaFields()
{
    const QString tshark = findTool(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed (Debian package: tshark)");

    const auto data = bytesOf(m_data);
    std::vector<Frame> frames;
    // Request/reply pairs share a tag and the two MACs, so tshark can match them as it does on the wire.
    Header readRequest = requestHeader(Command::Ata, 7, 3, 0x80000010);
    readRequest.destination = kTargetMac;
    frames.push_back({readRequest, AtaArg {aflags::Extended, 0, 2, ata::ReadSectorsExt, 0x0000123456789A, {}}});
    frames.push_back({replyHeader(Command::Ata, 7, 3, 0x80000010),
        AtaArg {aflags::Extended, 0, 0, ata::StatusReady, 0x0000123456789A, data}});
    frames.push_back({requestHeader(Command::Ata, 0xFFFE, 0xFE, 0x80000011),
        AtaArg {aflags::Extended | aflags::Write | aflags::Async | aflags::Device, 0x11, 2, ata::WriteSectorsExt,
            0xFFFFFFFFFFFF, data}});
    frames.push_back({requestHeader(Command::Ata, 0, 0, 0x00000012),
        AtaArg {aflags::Write, 0, 1, ata::WriteSectors, 0xE0000064, data.first(512)}});
    frames.push_back({requestHeader(Command::Ata, 1, 2, 0x7fff0013), AtaArg {0, 0, 1, ata::IdentifyDevice, 0, {}}});
    Header aoeErr = replyHeader(Command::Ata, 7, 3, 0x80000014);
    aoeErr.error = true;
    aoeErr.errorCode = static_cast<std::uint8_t>(AoeError::BadArgument);
    frames.push_back({aoeErr, AtaArg {}});
    Header bcast = requestHeader(Command::QueryConfig, kBroadcastMajor, kBroadcastMinor, 0x80000015);
    frames.push_back({bcast, ConfigArg {0, 0, 0, 1, 0, {}}});
    Header cfgErr = replyHeader(Command::QueryConfig, 65534, 254, 0x80000016);
    cfgErr.error = true;
    cfgErr.errorCode = static_cast<std::uint8_t>(AoeError::ConfigStringPresent);
    frames.push_back({cfgErr, ConfigArg {16, 0x4019, 2, 1, 3, "x"}});
    frames.push_back({requestHeader(Command::Reserve, 9, 9, 0x80000017), ReserveArg {1, {kInitiatorMac}}});

    QStringList args = {QStringLiteral("-r"), writeCapture(frames), QStringLiteral("-2"), QStringLiteral("-T"),
        QStringLiteral("fields"), QStringLiteral("-E"), QStringLiteral("separator=/t")};
    for (const auto &field : kTsharkFields)
        args << QStringLiteral("-e") << field;
    const QStringList lines = run(tshark, args).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), int(frames.size()));
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const QStringList got = lines[int(i)].split(QLatin1Char('\t'));
        std::optional<std::uint8_t> requestCommand;
        for (const auto &other : frames) {
            const auto *a = other.as<AtaArg>();
            if (a && !other.header.response && other.header.tag == frames[i].header.tag)
                requestCommand = a->cmdStatus;
        }
        const QStringList want = expectedTsharkFields(frames[i], requestCommand);
        QCOMPARE(got.size(), want.size());
        for (int field = 0; field < want.size(); ++field) {
            if (got[field] != want[field])
                QFAIL(qPrintable(QStringLiteral("frame %1, %2: tshark says '%3', we encoded '%4'")
                                     .arg(i + 1)
                                     .arg(kTsharkFields[field], got[field], want[field])));
        }
    }
}

void TestDissectorCrossCheck::tcpdumpAgreesOnConfigAndMaskBodies()
{
    const QString tcpdump = findTool(QStringLiteral("tcpdump"));
    if (tcpdump.isEmpty())
        QSKIP("tcpdump is not installed (Debian package: tcpdump)");

    const std::vector<ConfigArg> configs = {
        {16, 0x4019, 2, 1, 0, "rack-b/3"},
        {2, 1, 17, 1, 4, std::string(300, 'q')},
        {0, 0, 0, 1, 1, {}},
        {64, 0xFFFF, 255, 1, 2, "prefix"},
    };
    const std::vector<MacMaskDirective> directives
        = {{1, kInitiatorMac}, {2, kTargetMac}, {0, *MacAddress::fromString("0e:ff:00:12:34:56")}};
    std::vector<Frame> frames;
    for (const auto &c : configs)
        frames.push_back({replyHeader(Command::QueryConfig), c});
    frames.push_back({requestHeader(Command::MacMask), MacMaskArg::withDirectives(MacMaskCommand::Edit, directives)});

    const QString text
        = run(tcpdump, {QStringLiteral("-r"), writeCapture(frames), QStringLiteral("-vv"), QStringLiteral("-n")});
    static const QRegularExpression configLine(QStringLiteral(
        R"(Buffer Count: (\d+), Firmware Version: (\d+), Sector Count: (\d+), AoE: (\d+), CCmd: [^\n]*(?:\n\s*Config String \(length (\d+)\): ([^\n]*))?)"));
    auto it = configLine.globalMatch(text);
    std::size_t seen = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        QVERIFY(seen < configs.size());
        const ConfigArg &c = configs[seen++];
        QCOMPARE(m.captured(1).toInt(), int(c.bufferCount));
        QCOMPARE(m.captured(2).toInt(), int(c.firmwareVersion));
        QCOMPARE(m.captured(3).toInt(), int(c.sectorCount));
        QCOMPARE(m.captured(4).toInt(), int(c.aoeVersion));
        QCOMPARE(m.captured(5).toInt(), int(c.configString.size())); // no string line for length 0
        QCOMPARE(m.captured(6), QString::fromStdString(c.configString));
    }
    QCOMPARE(seen, configs.size());

    static const QRegularExpression maskHead(
        QStringLiteral(R"(MCmd: Edit Mac Mask List, MError: [^,]*, Dir Count: (\d+))"));
    const auto head = maskHead.match(text);
    QVERIFY2(head.hasMatch(), qPrintable(text));
    QCOMPARE(head.captured(1).toInt(), int(directives.size()));
    static const QRegularExpression directive(QStringLiteral(R"(DCmd: ([^,]*), Ethernet Address: ([0-9a-f:]{17}))"));
    auto d = directive.globalMatch(text);
    const QStringList dcmdNames = {QStringLiteral("No Directive"), QStringLiteral("Add mac address to mask list"),
        QStringLiteral("Delete mac address from mask list")};
    for (const auto &want : directives) {
        QVERIFY(d.hasNext());
        const auto m = d.next();
        QCOMPARE(m.captured(1), dcmdNames[want.dcmd]);
        QCOMPARE(m.captured(2), QString::fromStdString(want.mac.toString()));
    }
    QVERIFY(!d.hasNext());
}

QTEST_GUILESS_MAIN(TestDissectorCrossCheck)
#include "tst_dissector_crosscheck.moc"
