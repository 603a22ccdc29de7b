// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-engine serve as a process, in a namespace lab: wrong arguments give a clear message and a
// non-zero exit before anything is served; SIGTERM and SIGINT stop it cleanly with a `stopped` event;
// the --events stream carries `started` (every field), `client` and `counters`; capabilities are gone
// once it serves; and the config string, MAC mask and reservations set over the wire survive a restart
// through --state-file (a damaged state file is kept aside, not fatal). The link: down and up while serving,
// down at the start, the interface removed, and MTU changes while serving, each followed.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <memory>

#include <sys/stat.h>

#include "EngineProcess.h"
#include "Lab.h"
#include "RawPeer.h"
#include "TargetFrames.h"

using aoesan::protocol::MacAddress;
using aoesan::test::CommandResult;
using aoesan::test::EngineProcess;
using aoesan::test::Lab;
using aoesan::test::RawPeer;
namespace frames = aoesan::test::frames;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
constexpr qint64 kImageBytes = 1 << 20; // 2048 sectors
const MacAddress kB = frames::mac("02:00:00:00:b0:0b");
const MacAddress kC = frames::mac("02:00:00:00:b0:0c");

QString macText(const MacAddress &m)
{
    return QString::fromStdString(m.toString());
}

// A line of /proc/PID/status, e.g. "CapEff".
QString statusField(qint64 pid, const QString &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(field.toLatin1() + ':')))
            return QString::fromLatin1(line.mid(field.size() + 1)).trimmed();
    return {};
}

} // namespace

class TestEngineLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void badArguments_data();
    void badArguments();
    void stopsCleanly_data();
    void stopsCleanly();
    void eventStream();
    void announcement_data();
    void announcement();
    void humanStartLine();
    void capabilitiesDropped();
    void stateSurvivesRestart();
    void wireEditsForgottenOrRefused();
    void damagedStateFileIsKeptAside();
    void stateFileThatIsNoFileIsRefused_data();
    void stateFileThatIsNoFileIsRefused();
    void linkDownAndUpKeepsServing_data();
    void linkDownAndUpKeepsServing();
    void removedInterfaceEndsWithTheReason();
    void startedWhileLinkDownServesOnceUp();
    void mtuChangesAreFollowed();
    void thisMachineIsNoClient();

private:
    void makeLab();
    std::unique_ptr<RawPeer> openPeer();
    // An ATA/config/mask/reserve request to e7.3 from `from`.
    static frames::RawFrame request(std::uint8_t command, std::uint32_t tag, const MacAddress &from);

    std::unique_ptr<Lab> m_lab;
    QString m_image;
};

void TestEngineLifecycle::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    QVERIFY2(QFile::exists(kEngine), qPrintable(kEngine + QStringLiteral(" is not built")));
}

void TestEngineLifecycle::cleanup()
{
    m_lab.reset();
}

void TestEngineLifecycle::makeLab()
{
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    m_image = m_lab->createSparseImage(QStringLiteral("disk.img"), kImageBytes);
    QVERIFY(!m_image.isEmpty());
}

std::unique_ptr<RawPeer> TestEngineLifecycle::openPeer()
{
    // The socket stays in the initiator namespace after the guard brings this thread back.
    const auto guard = m_lab->enter(m_lab->initiatorNamespace());
    if (!guard.ok())
        return nullptr;
    QString error;
    auto peer = RawPeer::open(Lab::initiatorInterface(), &error);
    if (!peer)
        qWarning("raw peer: %s", qPrintable(error));
    return peer;
}

frames::RawFrame TestEngineLifecycle::request(std::uint8_t command, std::uint32_t tag, const MacAddress &from)
{
    return frames::header(Lab::targetMac(), from, frames::kRequest, 0, 7, 3, command, tag);
}

void TestEngineLifecycle::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments"); // IMAGE and IF stand for the image and veth-t
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("eventCode"); // the --events error code; empty: refused before events exist

    const QString image = QStringLiteral("IMAGE");
    const QString itf = QStringLiteral("IF");
    QTest::addRow("shelf 65535") << QStringList {QStringLiteral("65535"), QStringLiteral("1"), itf, image} << 2
                                 << QStringLiteral("shelf '65535' must be a number from 0 to 65534")
                                 << QStringLiteral("bad-arguments");
    QTest::addRow("slot 255") << QStringList {QStringLiteral("7"), QStringLiteral("255"), itf, image} << 2
                              << QStringLiteral("slot '255' must be a number from 0 to 254")
                              << QStringLiteral("bad-arguments");
    QTest::addRow("-b 1") << QStringList {QStringLiteral("-b"), QStringLiteral("1"), QStringLiteral("7"),
        QStringLiteral("3"), itf, image}
                          << 2 << QStringLiteral("-b: buffer count '1'") << QStringLiteral("bad-arguments");
    QTest::addRow("missing positional") << QStringList {QStringLiteral("7"), QStringLiteral("3"), itf} << 2
                                        << QStringLiteral("expected shelf, slot, interface and file; got 3")
                                        << QStringLiteral("bad-arguments");
    QTest::addRow("missing file") << QStringList {QStringLiteral("7"), QStringLiteral("3"), itf,
        image + QStringLiteral(".gone")}
                                  << 1 << QStringLiteral("disk.img.gone does not exist") << QStringLiteral("not-found");
    QTest::addRow("-l past the end") << QStringList {QStringLiteral("-l"), QStringLiteral("4096"), QStringLiteral("7"),
        QStringLiteral("3"), itf, image}
                                     << 1 << QStringLiteral("length 4096 sectors does not fit")
                                     << QStringLiteral("out-of-range");
    QTest::addRow("-o at the end") << QStringList {QStringLiteral("-o"), QStringLiteral("2048"), QStringLiteral("7"),
        QStringLiteral("3"), itf, image}
                                   << 1 << QStringLiteral("offset 2048 is at or past the end")
                                   << QStringLiteral("out-of-range");
    QTest::addRow("unknown interface") << QStringList {QStringLiteral("7"), QStringLiteral("3"),
        QStringLiteral("aoesan-none0"), image}
                                       << 1 << QStringLiteral("no network interface named 'aoesan-none0'")
                                       << QStringLiteral("no-such-interface");
    // An interface that is down is no bad argument: startedWhileLinkDownServesOnceUp.
}

void TestEngineLifecycle::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFETCH(QString, eventCode);
    makeLab();
    for (QString &a : arguments)
        a.replace(QStringLiteral("IMAGE"), m_image).replace(QStringLiteral("IF"), Lab::targetInterface());

    const CommandResult r = m_lab->run(m_lab->targetNamespace(),
        QStringList {kEngine, QStringLiteral("serve"), QStringLiteral("--events"), QStringLiteral("--no-state")}
            + arguments);
    QVERIFY2(r.exitCode == exitCode,
        qPrintable(QStringLiteral("exit %1, expected %2\n%3").arg(r.exitCode).arg(exitCode).arg(r.output)));
    // A person reads it on stderr, whether or not a supervisor reads the events.
    QVERIFY2(r.output.contains(QStringLiteral("error: ")) && r.output.contains(message), qPrintable(r.output));
    if (!eventCode.isEmpty()) {
        bool found = false;
        for (const QString &line : r.output.split(QLatin1Char('\n'))) {
            const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
            if (event.value(QStringLiteral("event")).toString() == QStringLiteral("error")) {
                QCOMPARE(event.value(QStringLiteral("code")).toString(), eventCode);
                QVERIFY2(event.value(QStringLiteral("message")).toString().contains(message), qPrintable(line));
                found = true;
            }
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no error event:\n") + r.output));
    }
    QVERIFY2(!r.output.contains(QStringLiteral("\"started\"")), "it started serving anyway");
}

void TestEngineLifecycle::stopsCleanly_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("busy"); // a burst of READs is in flight when the signal comes

    QTest::addRow("SIGTERM") << int(SIGTERM) << QStringList() << false;
    QTest::addRow("SIGINT") << int(SIGINT) << QStringList() << false;
    QTest::addRow("SIGTERM, I/O threads") << int(SIGTERM) << QStringList {QStringLiteral("-s")} << false;
    QTest::addRow("SIGTERM, kernel AIO") << int(SIGTERM) << QStringList {QStringLiteral("-d")} << false;
    QTest::addRow("SIGTERM while reading, inline") << int(SIGTERM) << QStringList() << true;
    QTest::addRow("SIGTERM while reading, I/O threads") << int(SIGTERM) << QStringList {QStringLiteral("-s")} << true;
    QTest::addRow("SIGTERM while reading, kernel AIO") << int(SIGTERM) << QStringList {QStringLiteral("-d")} << true;
}

void TestEngineLifecycle::stopsCleanly()
{
    QFETCH(int, signal);
    QFETCH(QStringList, options);
    QFETCH(bool, busy);
    makeLab();
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(options
                 + QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                     Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    if (busy) {
        auto peer = openPeer();
        QVERIFY(peer);
        for (std::uint32_t i = 0; i < 2000; ++i)
            peer->send(
                request(frames::kAta, 0x80005000 + i, peer->mac()).ata(0x40, 0, 2, 0x24, (i * 2) % 2048).padTo());
    }
    QElapsedTimer clock;
    clock.start();
    const int code = engine.stop(signal);
    QVERIFY2(code == 0, qPrintable(QStringLiteral("exit %1\n%2").arg(code).arg(engine.log())));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QStringLiteral("took %1 ms to stop").arg(clock.elapsed())));
    const auto stopped = engine.events(QStringLiteral("stopped"));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped.first().value(QStringLiteral("reason")).toString(), QStringLiteral("signal"));
    QVERIFY(engine.events().last() == stopped.first()); // nothing after it
}

void TestEngineLifecycle::eventStream()
{
    makeLab();
    EngineProcess engine(*m_lab, kEngine);
    const QString state = m_lab->workPath(QStringLiteral("e7.3.json"));
    QVERIFY2(engine.start({QStringLiteral("-b"), QStringLiteral("8"), QStringLiteral("-o"), QStringLiteral("48"),
                 QStringLiteral("--state-file"), state, QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    const QJsonObject s = engine.started();
    const auto field = [&](const char *name) { return s.value(QString::fromLatin1(name)); };
    QCOMPARE(field("pid").toInteger(), engine.pid());
    QCOMPARE(field("shelf").toInt(), 7);
    QCOMPARE(field("slot").toInt(), 3);
    QCOMPARE(field("interface").toString(), Lab::targetInterface());
    QCOMPARE(field("mac").toString(), macText(Lab::targetMac()));
    QCOMPARE(field("mtu").toInt(), 1500);
    QCOMPARE(field("file").toString(), m_image);
    QCOMPARE(field("sectors").toInteger(), qint64(2000));
    QCOMPARE(field("bytes").toInteger(), qint64(2000 * 512));
    QCOMPARE(field("offset").toInteger(), qint64(48));
    QCOMPARE(field("readOnly").toBool(), false);
    QCOMPARE(field("direct").toBool(), false);
    QCOMPARE(field("sync").toBool(), false);
    QCOMPARE(field("bufferCount").toInt(), 8);
    QCOMPARE(field("maxSectors").toInt(), 2);
    QCOMPARE(field("workers").toInt(), 0);
    QCOMPARE(field("io").toString(), QStringLiteral("inline"));
    QVERIFY(field("masks").isArray() && field("masks").toArray().isEmpty());
    QCOMPARE(field("configString").toString(), QString());
    QCOMPARE(field("stateFile").toString(), state);

    // Traffic from one initiator: a `client` event for it, and counters that count it.
    const CommandResult ping = m_lab->run(m_lab->initiatorNamespace(),
        {Lab::findTool(QStringLiteral("aoeping")), QStringLiteral("-s"), QStringLiteral("5"), QStringLiteral("-I"),
            QStringLiteral("7"), QStringLiteral("3"), Lab::initiatorInterface()});
    QVERIFY2(ping.ok(), qPrintable(ping.output));
    QVERIFY2(engine.waitForEvent(QStringLiteral("client"), 3000,
                 [](const QJsonObject &e) {
                     return e.value(QStringLiteral("mac")).toString() == macText(Lab::initiatorMac());
                 }),
        qPrintable(engine.log()));
    // aoeping: a config query and an IDENTIFY in, plus the announcement and two replies out.
    QVERIFY2(engine.waitForEvent(QStringLiteral("counters"), 3000,
                 [](const QJsonObject &e) {
                     return e.value(QStringLiteral("framesIn")).toInteger() >= 2
                         && e.value(QStringLiteral("framesOut")).toInteger() >= 3
                         && e.value(QStringLiteral("clients")).toInteger() == 1
                         && e.value(QStringLiteral("errors")).toInteger() == 0
                         && e.value(QStringLiteral("bytesRead")).isDouble()
                         && e.value(QStringLiteral("bytesWritten")).isDouble();
                 }),
        qPrintable(engine.log()));
    QCOMPARE(engine.stop(), 0);
    const auto stopped = engine.events(QStringLiteral("stopped"));
    QCOMPARE(stopped.size(), 1);
    const auto lastCounters = engine.events(QStringLiteral("counters")).last();
    for (const char *counter : {"framesIn", "framesOut", "errors", "clients"}) {
        const QString name = QString::fromLatin1(counter);
        QVERIFY2(stopped.first().value(name).toInteger() >= lastCounters.value(name).toInteger(),
            qPrintable(QStringLiteral("stopped.%1 = %2 is below the last counters' %3")
                           .arg(name)
                           .arg(stopped.first().value(name).toInteger())
                           .arg(lastCounters.value(name).toInteger())));
    }
}

void TestEngineLifecycle::announcement_data()
{
    QTest::addColumn<QStringList>("masks");
    QTest::addRow("no mask: one broadcast") << QStringList();
    QTest::addRow("-m A,B: one unicast to each") << QStringList {macText(Lab::initiatorMac()), macText(kB)};
}

void TestEngineLifecycle::announcement()
{
    QFETCH(QStringList, masks);
    makeLab();
    const QString state = m_lab->workPath(QStringLiteral("e7.3.json"));
    {
        QFile file(state);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "configString": "announced", "macMask": [], "reserve": []})");
    }
    auto peer = openPeer(); // listening before the engine starts
    QVERIFY(peer);
    EngineProcess engine(*m_lab, kEngine);
    QStringList options = {QStringLiteral("--state-file"), state};
    if (!masks.isEmpty())
        options << QStringLiteral("-m") << masks.join(QLatin1Char(','));
    QVERIFY2(
        engine.start(options + QStringList {QStringLiteral("7"), QStringLiteral("3"), Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    const QList<QByteArray> heard = peer->collect(1000);
    QList<QByteArray> destinations;
    for (const QByteArray &frame : heard) {
        // An unsolicited config reply: Ver 1 (vblade sends 0), tag 0 so Linux takes it, padded, with the string.
        const QByteArray expected
            = frames::header(frames::mac(qPrintable(QString::fromLatin1(frame.left(6).toHex(':')))), Lab::targetMac(),
                frames::kReply, 0, 7, 3, frames::kConfig, 0)
                  .config(16, 0, 2, 0x10, 9, "announced")
                  .padTo();
        QVERIFY2(frame.size() == 60, qPrintable(frames::hex(frame)));
        QVERIFY2(
            frame.left(26) == expected.left(26) && frame.mid(28) == expected.mid(28), qPrintable(frames::hex(frame)));
        destinations << frame.left(6);
    }
    QByteArrayList wanted;
    if (masks.isEmpty())
        wanted << frames::macBytes(MacAddress::broadcast());
    for (const QString &m : masks)
        wanted << frames::macBytes(frames::mac(qPrintable(m)));
    QCOMPARE(destinations, wanted);
    QCOMPARE(engine.stop(), 0);
}

void TestEngineLifecycle::humanStartLine()
{
    makeLab();
    QProcess *engine = m_lab->start(m_lab->targetNamespace(),
        {kEngine, QStringLiteral("serve"), QStringLiteral("-r"), QStringLiteral("--no-state"), QStringLiteral("7"),
            QStringLiteral("3"), Lab::targetInterface(), m_image});
    QVERIFY(engine);
    // vblade's start line, so scripts written for vblade keep working.
    const QString expected = QStringLiteral("pid %1: e7.3, 2048 sectors O_RDONLY\n").arg(engine->processId());
    QTRY_VERIFY2_WITH_TIMEOUT(m_lab->logOf(engine).contains(expected), qPrintable(m_lab->logOf(engine)), 5000);
    QVERIFY2(!m_lab->logOf(engine).contains(QStringLiteral("\"event\"")), "JSON events without --events");
    m_lab->stop(engine);
    QCOMPARE(engine->exitStatus(), QProcess::NormalExit);
    QCOMPARE(engine->exitCode(), 0);
}

void TestEngineLifecycle::capabilitiesDropped()
{
    makeLab();
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start({QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    // Started as root with every capability; `started` comes after the drop.
    const QString zero = QStringLiteral("0000000000000000");
    for (const auto &set :
        {QStringLiteral("CapEff"), QStringLiteral("CapPrm"), QStringLiteral("CapInh"), QStringLiteral("CapAmb")})
        QVERIFY2(statusField(engine.pid(), set) == zero,
            qPrintable(set + QStringLiteral(" is ") + statusField(engine.pid(), set)));
    QCOMPARE(statusField(engine.pid(), QStringLiteral("NoNewPrivs")), QStringLiteral("1"));
    QCOMPARE(engine.stop(), 0);
}

void TestEngineLifecycle::stateSurvivesRestart()
{
    makeLab();
    const QString state = m_lab->workPath(QStringLiteral("state/e7.3.json")); // the directory does not exist yet
    const QString config = QStringLiteral("persisted across a restart");
    // The owner allowed edits from the wire to stay (ggaoed's way); the default forgets them (below).
    const QStringList serve = {QStringLiteral("--wire-edits"), QStringLiteral("keep"), QStringLiteral("--state-file"),
        state, QStringLiteral("7"), QStringLiteral("3"), Lab::targetInterface(), m_image};
    const MacAddress a = Lab::initiatorMac();
    auto peer = openPeer();
    QVERIFY(peer);
    {
        EngineProcess engine(*m_lab, kEngine);
        QVERIFY2(engine.start(serve), qPrintable(engine.error()));
        const CommandResult set = m_lab->run(m_lab->initiatorNamespace(),
            {Lab::findTool(QStringLiteral("aoecfg")), QStringLiteral("-c"), QStringLiteral("fset"),
                QStringLiteral("-s"), config, QStringLiteral("-t"), QStringLiteral("2"), QStringLiteral("7"),
                QStringLiteral("3"), Lab::initiatorInterface()});
        QVERIFY2(set.ok() && set.output == config + QLatin1Char('\n'), qPrintable(set.output));
        const QByteArray mask = peer->exchange(
            request(frames::kMask, 0x80007001, a).mask(1, 0, 2).directive(1, a).directive(1, kC).padTo());
        QVERIFY2(mask.size() >= 44 && mask[26] == 0 && mask[27] == 2, qPrintable(frames::hex(mask)));
        const QByteArray reserve
            = peer->exchange(request(frames::kReserve, 0x80007002, a).reserve(1, 1).mac(a).padTo());
        QVERIFY2(
            reserve.size() >= 32 && (reserve[14] & 0x04) == 0 && reserve[25] == 1, qPrintable(frames::hex(reserve)));
        QVERIFY(engine.waitForEvent(QStringLiteral("access"), 3000, [&](const QJsonObject &e) {
            return e.value(QStringLiteral("kept")).toBool()
                && e.value(QStringLiteral("reservations")).toArray() == QJsonArray {macText(a)};
        }));
        QCOMPARE(engine.stop(), 0);
    }
    {
        QFile file(state);
        QVERIFY2(file.open(QIODevice::ReadOnly), "no state file after the changes");
        const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(saved.value(QStringLiteral("configString")).toString(), config);
        QCOMPARE(saved.value(QStringLiteral("macMask")).toArray(), (QJsonArray {macText(a), macText(kC)}));
        QCOMPARE(saved.value(QStringLiteral("reserve")).toArray(), QJsonArray {macText(a)});
    }
    {
        EngineProcess engine(*m_lab, kEngine);
        QVERIFY2(engine.start(serve), qPrintable(engine.error()));
        QCOMPARE(engine.started().value(QStringLiteral("configString")).toString(), config);
        // The list in force, loaded from the state file: a supervisor shows what the engine enforces.
        QCOMPARE(engine.started().value(QStringLiteral("masks")).toArray(), (QJsonArray {macText(a), macText(kC)}));
        const CommandResult read = m_lab->run(m_lab->initiatorNamespace(),
            {Lab::findTool(QStringLiteral("aoecfg")), QStringLiteral("-c"), QStringLiteral("read"),
                QStringLiteral("-t"), QStringLiteral("2"), QStringLiteral("7"), QStringLiteral("3"),
                Lab::initiatorInterface()});
        QCOMPARE(read.output, config + QLatin1Char('\n'));
        const QByteArray mask = peer->exchange(request(frames::kMask, 0x80007011, a).mask(0, 0, 0).padTo());
        const QByteArray expectedMask
            = frames::header(a, Lab::targetMac(), frames::kReply, 0, 7, 3, frames::kMask, 0x80007011)
                  .mask(0, 0, 2)
                  .directive(0, a)
                  .directive(0, kC)
                  .padTo();
        QVERIFY2(mask == expectedMask, qPrintable(frames::hex(mask)));
        const QByteArray reserve = peer->exchange(request(frames::kReserve, 0x80007012, a).reserve(0, 0).padTo());
        const QByteArray expectedReserve
            = frames::header(a, Lab::targetMac(), frames::kReply, 0, 7, 3, frames::kReserve, 0x80007012)
                  .reserve(0, 1)
                  .mac(a)
                  .padTo();
        QVERIFY2(reserve == expectedReserve, qPrintable(frames::hex(reserve)));
        // Both lists act, not only read back: C is masked in but holds no reservation, B is masked out.
        const QByteArray fromC = peer->exchange(request(frames::kAta, 0x80007013, kC).ata(0x40, 0, 1, 0x24, 0).padTo());
        QVERIFY2(fromC.size() >= 60 && fromC[14] == 0x1C && fromC[15] == 6, qPrintable(frames::hex(fromC)));
        const QByteArray fromB
            = peer->exchange(request(frames::kConfig, 0x80007014, kB).configRequest(0, {}).padTo(), 500);
        QVERIFY2(fromB.isEmpty(), "a host off the mask list got an answer");
        QCOMPARE(engine.stop(), 0);
    }
    {
        // -m at start-up replaces the saved list, as it sets vblade's; the config string stays.
        EngineProcess engine(*m_lab, kEngine);
        QVERIFY2(engine.start(QStringList {QStringLiteral("-m"), macText(a)} + serve), qPrintable(engine.error()));
        QCOMPARE(engine.started().value(QStringLiteral("masks")).toArray(), QJsonArray {macText(a)});
        QCOMPARE(engine.started().value(QStringLiteral("configString")).toString(), config);
        const QByteArray mask = peer->exchange(request(frames::kMask, 0x80007021, a).mask(0, 0, 0).padTo());
        QVERIFY2(mask.size() >= 60 && mask[27] == 1 && mask.mid(30, 6) == frames::macBytes(a),
            qPrintable(frames::hex(mask)));
        QCOMPARE(engine.stop(), 0);
    }
}

// The default: a mask edit from the wire acts at once and is said in an `access` event, but the next start
// begins from the owner's list, and the lists an older engine saved are dropped with a warning. Under
// refuse no edit acts at all, and the export goes on serving.
void TestEngineLifecycle::wireEditsForgottenOrRefused()
{
    makeLab();
    const QString state = m_lab->workPath(QStringLiteral("e7.3.json"));
    {
        // What an aoesan that kept every edit left behind.
        QFile file(state);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(
            QJsonObject {{QStringLiteral("version"), 1}, {QStringLiteral("configString"), QStringLiteral("kept")},
                {QStringLiteral("macMask"), QJsonArray {macText(kC)}},
                {QStringLiteral("reserve"), QJsonArray {macText(kC)}}})
                       .toJson());
    }
    const QStringList serve = {QStringLiteral("--state-file"), state, QStringLiteral("7"), QStringLiteral("3"),
        Lab::targetInterface(), m_image};
    const MacAddress a = Lab::initiatorMac();
    auto peer = openPeer();
    QVERIFY(peer);
    const auto readSector
        = [&](quint32 tag) { return peer->exchange(request(frames::kAta, tag, a).ata(0x40, 0, 1, 0x24, 0).padTo()); };
    {
        EngineProcess engine(*m_lab, kEngine);
        QVERIFY2(engine.start(serve), qPrintable(engine.error()));
        QCOMPARE(engine.started().value(QStringLiteral("masks")).toArray(), QJsonArray {});
        QCOMPARE(engine.started().value(QStringLiteral("configString")).toString(), QStringLiteral("kept"));
        QVERIFY2(engine.waitForEvent(QStringLiteral("warning"), 3000,
                     [](const QJsonObject &e) {
                         return e.value(QStringLiteral("message")).toString().contains(QStringLiteral("--wire-edits"));
                     }),
            qPrintable(engine.log()));
        QVERIFY(engine.events(QStringLiteral("restored")).isEmpty());
        // A host sets a mask of one: it acts at once (B is out), and the event names who did it.
        const QByteArray mask
            = peer->exchange(request(frames::kMask, 0x80008001, a).mask(1, 0, 1).directive(1, a).padTo());
        QVERIFY2(mask.size() >= 44 && mask[26] == 0 && mask[27] == 1, qPrintable(frames::hex(mask)));
        QVERIFY(engine.waitForEvent(QStringLiteral("access"), 3000, [&](const QJsonObject &e) {
            return e.value(QStringLiteral("by")).toString() == macText(a) && !e.value(QStringLiteral("kept")).toBool()
                && e.value(QStringLiteral("masks")).toArray() == QJsonArray {macText(a)};
        }));
        QVERIFY(peer->exchange(request(frames::kConfig, 0x80008002, kB).configRequest(0, {}).padTo(), 500).isEmpty());
        QCOMPARE(engine.stop(), 0);
    }
    {
        QFile file(state);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(saved.value(QStringLiteral("macMask")).toArray(), QJsonArray {});
        QCOMPARE(saved.value(QStringLiteral("reserve")).toArray(), QJsonArray {});
        QCOMPARE(saved.value(QStringLiteral("configString")).toString(), QStringLiteral("kept"));
    }
    {
        // The edit is gone with the engine that took it: B is answered again.
        EngineProcess engine(*m_lab, kEngine);
        QVERIFY2(engine.start(serve), qPrintable(engine.error()));
        QCOMPARE(engine.started().value(QStringLiteral("masks")).toArray(), QJsonArray {});
        const QByteArray fromB = peer->exchange(request(frames::kConfig, 0x80008011, kB).configRequest(0, {}).padTo());
        QVERIFY2(fromB.size() >= 60 && (fromB[14] & 0x04) == 0, qPrintable(frames::hex(fromB)));
        QCOMPARE(engine.stop(), 0);
    }
    {
        EngineProcess engine(*m_lab, kEngine);
        QVERIFY2(engine.start(QStringList {QStringLiteral("--wire-edits"), QStringLiteral("refuse")} + serve),
            qPrintable(engine.error()));
        const QByteArray mask
            = peer->exchange(request(frames::kMask, 0x80008021, a).mask(1, 0, 1).directive(1, kC).padTo());
        QVERIFY2(mask.size() >= 28 && mask[26] == 1 && mask[27] == 0, qPrintable(frames::hex(mask))); // MError 1
        const QByteArray reserve
            = peer->exchange(request(frames::kReserve, 0x80008022, kC).reserve(1, 1).mac(kC).padTo());
        QVERIFY2(
            reserve.size() >= 16 && (reserve[14] & 0x04) != 0 && reserve[15] == 6, qPrintable(frames::hex(reserve)));
        // Nothing changed: the real client reads, and there never was an access event.
        const QByteArray read = readSector(0x80008023);
        QVERIFY2(read.size() >= 36 + 512 && (read[14] & 0x04) == 0, qPrintable(frames::hex(read.left(40))));
        QVERIFY(engine.events(QStringLiteral("access")).isEmpty());
        QCOMPARE(engine.stop(), 0);
    }
}

void TestEngineLifecycle::damagedStateFileIsKeptAside()
{
    makeLab();
    const QString state = m_lab->workPath(QStringLiteral("e7.3.json"));
    {
        QFile file(state);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"version\": 1, \"configString\": ");
    }
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start({QStringLiteral("--state-file"), state, QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    const auto warnings = engine.events(QStringLiteral("warning"));
    QCOMPARE(warnings.size(), 1);
    const QString message = warnings.first().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(state) && message.contains(QStringLiteral(".corrupt-")), qPrintable(message));
    QCOMPARE(engine.started().value(QStringLiteral("configString")).toString(), QString());
    QCOMPARE(QDir(m_lab->workPath(QString())).entryList({QStringLiteral("e7.3.json.corrupt-*")}).size(), 1);
    QCOMPARE(engine.stop(), 0);
}

void TestEngineLifecycle::stateFileThatIsNoFileIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("said");
    QTest::addRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("is a FIFO, not a regular file");
    QTest::addRow("link to /dev/zero") << QStringLiteral("/dev/zero")
                                       << QStringLiteral("is a character device, not a regular file");
}

void TestEngineLifecycle::stateFileThatIsNoFileIsRefused()
{
    // A FIFO would hang the engine before it serves; /dev/zero would grow it until it aborts. Either is
    // refused at once with exit 1 (util/ExitCode.h) and an `io` error event, and left where it is.
    QFETCH(QString, kind);
    QFETCH(QString, said);
    makeLab();
    const QString state = m_lab->workPath(QStringLiteral("e7.3.json"));
    if (kind == QLatin1String("fifo"))
        QCOMPARE(::mkfifo(QFile::encodeName(state).constData(), 0600), 0);
    else
        QVERIFY(QFile::link(kind, state));
    QElapsedTimer clock;
    clock.start();
    const CommandResult r = m_lab->run(m_lab->targetNamespace(),
        {kEngine, QStringLiteral("serve"), QStringLiteral("--events"), QStringLiteral("--state-file"), state,
            QStringLiteral("7"), QStringLiteral("3"), Lab::targetInterface(), m_image},
        5000);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QStringLiteral("the engine hung:\n") + r.output));
    QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1\n%2").arg(r.exitCode).arg(r.output)));
    const QString expected = QStringLiteral("the export state %1 %2").arg(state, said);
    QVERIFY2(r.output.contains(QStringLiteral("error: ") + expected), qPrintable(r.output));
    bool found = false;
    for (const QString &line : r.output.split(QLatin1Char('\n'))) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        if (event.value(QStringLiteral("event")).toString() == QStringLiteral("error")) {
            QCOMPARE(event.value(QStringLiteral("code")).toString(), QStringLiteral("io"));
            QCOMPARE(event.value(QStringLiteral("message")).toString(), expected);
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(QStringLiteral("no error event:\n") + r.output));
    QVERIFY2(!r.output.contains(QStringLiteral("\"started\"")), "it started serving anyway");
    const QFileInfo after(state);
    QVERIFY(kind == QLatin1String("fifo") ? !after.isSymLink() && !after.isFile() : after.symLinkTarget() == kind);
}

namespace {

bool ipLink(const Lab &lab, const QStringList &words)
{
    QProcess ip;
    ip.start(Lab::findTool(QStringLiteral("ip")),
        QStringList {QStringLiteral("-n"), lab.targetNamespace(), QStringLiteral("link")} + words);
    return ip.waitForFinished(5000) && ip.exitStatus() == QProcess::NormalExit && ip.exitCode() == 0;
}

} // namespace

void TestEngineLifecycle::linkDownAndUpKeepsServing_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addRow("inline") << QStringList();
    QTest::addRow("I/O threads") << QStringList {QStringLiteral("-s")};
    QTest::addRow("kernel AIO") << QStringList {QStringLiteral("-d")};
}

// The cable is pulled (the target's link set down) while an initiator reads, and put back 2 s later: the
// engine says so, waits instead of ending (it once exited, and its supervisor gave up after five fast
// restarts while the link stayed down), announces itself again and serves the same reads, same process.
void TestEngineLifecycle::linkDownAndUpKeepsServing()
{
    QFETCH(QStringList, options);
    makeLab();
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(options
                 + QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                     Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    auto peer = openPeer();
    QVERIFY(peer);
    peer->drain();
    const auto read = [&](std::uint32_t tag) {
        return peer->exchange(request(frames::kAta, tag, peer->mac()).ata(0x40, 0, 1, 0x24, tag % 2048).padTo(), 300);
    };
    QVERIFY(!read(0x80007000).isEmpty());

    QVERIFY(ipLink(*m_lab, {QStringLiteral("set"), Lab::targetInterface(), QStringLiteral("down")}));
    QVERIFY(engine.waitForEvent(QStringLiteral("warning"), 3000, [](const QJsonObject &e) {
        return e.value(QStringLiteral("message")).toString().contains(QStringLiteral("is down"));
    }));
    QVERIFY(read(0x80007001).isEmpty()); // no link, no answer
    QTest::qWait(1500);
    QVERIFY2(engine.running(), qPrintable(engine.log()));
    peer->drain();
    QVERIFY(ipLink(*m_lab, {QStringLiteral("set"), Lab::targetInterface(), QStringLiteral("up")}));
    QVERIFY(engine.waitForEvent(QStringLiteral("warning"), 5000, [](const QJsonObject &e) {
        return e.value(QStringLiteral("message")).toString().contains(QStringLiteral("is back"));
    }));
    // Announced again: an unsolicited config reply (tag 0) to the broadcast address.
    const QList<QByteArray> announced = peer->collect(2000, [](const QList<QByteArray> &got) {
        return std::any_of(
            got.begin(), got.end(), [](const QByteArray &f) { return f.mid(0, 6) == QByteArray(6, '\xff'); });
    });
    QVERIFY(std::any_of(announced.begin(), announced.end(),
        [](const QByteArray &f) { return f.mid(0, 6) == QByteArray(6, '\xff') && f[19] == 1; }));
    QByteArray reply;
    for (std::uint32_t tag = 0x80007100; reply.isEmpty() && tag < 0x80007110; ++tag)
        reply = read(tag);
    QVERIFY2(!reply.isEmpty(), qPrintable(engine.log()));
    QCOMPARE(static_cast<std::uint8_t>(reply[27]) & 0x01U, 0U); // no ATA error
    QCOMPARE(engine.stop(), 0);
    QCOMPARE(engine.events(QStringLiteral("error")).size(), 0);
}

// The interface is deleted: nothing can bring this socket back, so the engine ends at once with the reason
// (its supervisor restarts it, and the restarts say whether the interface came back).
void TestEngineLifecycle::removedInterfaceEndsWithTheReason()
{
    makeLab();
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    QVERIFY(ipLink(*m_lab, {QStringLiteral("delete"), Lab::targetInterface()}));
    QVERIFY(engine.waitForEvent(QStringLiteral("error"), 5000));
    const QJsonObject error = engine.events(QStringLiteral("error")).first();
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("went away")),
        qPrintable(engine.log()));
    QCOMPARE(engine.stop(), 1);
}

// Started while the cable is out (or before the interface is up at boot): the engine starts, says the link is
// down and waits; once the link is up it announces itself, where an initiator can hear it, and serves.
void TestEngineLifecycle::startedWhileLinkDownServesOnceUp()
{
    makeLab();
    QVERIFY(ipLink(*m_lab, {QStringLiteral("set"), Lab::targetInterface(), QStringLiteral("down")}));
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    QVERIFY2(engine.waitForEvent(QStringLiteral("warning"), 3000,
                 [](const QJsonObject &e) {
                     return e.value(QStringLiteral("message")).toString().contains(QStringLiteral("is down"));
                 }),
        qPrintable(engine.log()));
    QTest::qWait(1000);
    QVERIFY2(engine.running(), qPrintable(engine.log()));
    auto peer = openPeer();
    QVERIFY(peer);
    peer->drain();
    QVERIFY(ipLink(*m_lab, {QStringLiteral("set"), Lab::targetInterface(), QStringLiteral("up")}));
    const QList<QByteArray> announced = peer->collect(5000, [](const QList<QByteArray> &got) {
        return std::any_of(got.begin(), got.end(),
            [](const QByteArray &f) { return f.mid(0, 6) == QByteArray(6, '\xff') && f[19] == 1; });
    });
    QVERIFY2(std::any_of(announced.begin(), announced.end(),
                 [](const QByteArray &f) { return f.mid(0, 6) == QByteArray(6, '\xff') && f[19] == 1; }),
        qPrintable(engine.log()));
    const QByteArray reply
        = peer->exchange(request(frames::kAta, 0x80007200, peer->mac()).ata(0x40, 0, 1, 0x24, 5).padTo(), 1000);
    QCOMPARE(reply.size(), 36 + 512);
    QCOMPARE(static_cast<std::uint8_t>(reply[14]) & 0x04U, 0U); // no AoE error
    QCOMPARE(engine.stop(), 0);
    QCOMPARE(engine.events(QStringLiteral("error")).size(), 0);
}

// The MTU is raised to 9000 while serving, then lowered to 1000: each time the engine says so, tells the
// initiators at once (an unsolicited config reply with the new Sector Count: 17, then 1) and serves what
// fits: a 17-sector write and read at 9000, one sector at 1000, where a 2-sector READ gets an AoE error
// (Bad Argument) instead of a reply the interface could not send.
void TestEngineLifecycle::mtuChangesAreFollowed()
{
    makeLab();
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    auto peer = openPeer();
    QVERIFY(peer);
    peer->drain();
    // The Sector Count of a config reply (frame byte 28), or -1 when none came.
    const auto sectorsOf = [](const QByteArray &f) { return f.size() > 28 ? int(std::uint8_t(f.at(28))) : -1; };
    const auto config = [&](std::uint32_t tag) {
        return sectorsOf(peer->exchange(request(frames::kConfig, tag, peer->mac()).configRequest(0, {}).padTo(), 1000));
    };
    QCOMPARE(config(0x80007300), 2);

    const auto setMtu = [&](int mtu) {
        QProcess ip;
        ip.start(Lab::findTool(QStringLiteral("ip")),
            {QStringLiteral("-n"), m_lab->initiatorNamespace(), QStringLiteral("link"), QStringLiteral("set"),
                Lab::initiatorInterface(), QStringLiteral("mtu"), QString::number(mtu)});
        return ip.waitForFinished(5000) && ip.exitCode() == 0
            && ipLink(
                *m_lab, {QStringLiteral("set"), Lab::targetInterface(), QStringLiteral("mtu"), QString::number(mtu)});
    };
    const auto announcedWith = [&](int sectors) {
        const auto isIt = [&](const QByteArray &f) {
            return f.mid(0, 6) == QByteArray(6, '\xff') && f[19] == 1 && sectorsOf(f) == sectors;
        };
        const QList<QByteArray> heard = peer->collect(
            4000, [&](const QList<QByteArray> &got) { return std::any_of(got.begin(), got.end(), isIt); });
        return std::any_of(heard.begin(), heard.end(), isIt);
    };
    const auto said = [&](const QString &text) {
        return engine.waitForEvent(QStringLiteral("warning"), 1000,
            [&](const QJsonObject &e) { return e.value(QStringLiteral("message")).toString().contains(text); });
    };

    QVERIFY(setMtu(9000));
    QVERIFY2(announcedWith(17), qPrintable(engine.log()));
    QVERIFY2(
        said(QStringLiteral("changed from 1500 to 9000: 17 sectors per frame now (were 2)")), qPrintable(engine.log()));
    QCOMPARE(config(0x80007301), 17);
    QByteArray data(17 * 512, '\0');
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 7 + i / 512) & 0xff);
    const QByteArray written
        = peer->exchange(request(frames::kAta, 0x80007302, peer->mac()).ata(0x41, 0, 17, 0x34, 100).raw(data), 2000);
    QCOMPARE(written.size(), 60);
    QCOMPARE(static_cast<std::uint8_t>(written[14]) & 0x04U, 0U);
    QCOMPARE(static_cast<std::uint8_t>(written[27]) & 0x01U, 0U);
    const QByteArray read17
        = peer->exchange(request(frames::kAta, 0x80007303, peer->mac()).ata(0x40, 0, 17, 0x24, 100).padTo(), 2000);
    QCOMPARE(read17.size(), 36 + 17 * 512);
    QVERIFY(read17.mid(36) == data);

    QVERIFY(setMtu(1000));
    QVERIFY2(announcedWith(1), qPrintable(engine.log()));
    QVERIFY2(
        said(QStringLiteral("changed from 9000 to 1000: 1 sector per frame now (were 17)")), qPrintable(engine.log()));
    const QByteArray tooMany
        = peer->exchange(request(frames::kAta, 0x80007304, peer->mac()).ata(0x40, 0, 2, 0x24, 100).padTo(), 1000);
    QVERIFY2(!tooMany.isEmpty(), "a 2-sector READ at MTU 1000 got no answer at all");
    QCOMPARE(static_cast<std::uint8_t>(tooMany[14]) & 0x04U, 0x04U);
    QCOMPARE(static_cast<int>(tooMany[15]), 2); // Bad Argument
    const QByteArray one
        = peer->exchange(request(frames::kAta, 0x80007305, peer->mac()).ata(0x40, 0, 1, 0x24, 100).padTo(), 1000);
    QCOMPARE(one.size(), 36 + 512);
    QVERIFY(one.mid(36) == data.left(512));
    QCOMPARE(engine.stop(), 0);
    const auto stopped = engine.events(QStringLiteral("stopped"));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(stopped.first().value(QStringLiteral("sendFailures")).toInteger(), 0);
}

// Requests from this machine itself (the service's discovery, aoesan-ctl here) come from the interface's own
// MAC: they are answered, so that the machine finds its own exports, but they make no client (the GUI's and
// the monitor's client count once showed the service's own probe as one). A request from elsewhere does.
void TestEngineLifecycle::thisMachineIsNoClient()
{
    makeLab();
    EngineProcess engine(*m_lab, kEngine);
    QVERIFY2(engine.start(QStringList {QStringLiteral("--no-state"), QStringLiteral("7"), QStringLiteral("3"),
                 Lab::targetInterface(), m_image}),
        qPrintable(engine.error()));
    std::unique_ptr<RawPeer> local;
    {
        const auto guard = m_lab->enter(m_lab->targetNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        QString error;
        local = RawPeer::open(Lab::targetInterface(), &error);
        QVERIFY2(local, qPrintable(error));
    }
    QCOMPARE(local->mac(), Lab::targetMac());
    // The replies go to this machine's own MAC, out on the wire: the socket of the other end of the cable
    // hears them pass (a packet socket of this machine does not see the engine's outgoing frames).
    auto peer = openPeer();
    QVERIFY(peer);
    peer->drain();
    for (std::uint32_t tag = 0x80007400; tag < 0x80007403; ++tag) {
        QVERIFY(local->send(request(frames::kConfig, tag, local->mac()).configRequest(0, {}).padTo()));
        const QByteArray reply = peer->awaitReply(tag, 1000);
        QVERIFY2(!reply.isEmpty(), qPrintable(engine.log()));
        QCOMPARE(reply.left(6), frames::macBytes(Lab::targetMac()));
    }
    QTest::qWait(1200); // a counters event after the requests
    QVERIFY(engine.events(QStringLiteral("client")).isEmpty());
    const auto counters = engine.events(QStringLiteral("counters"));
    QVERIFY(!counters.isEmpty());
    QCOMPARE(counters.last().value(QStringLiteral("clients")).toInteger(), 0);

    peer->drain();
    QVERIFY(!peer->exchange(request(frames::kConfig, 0x80007410, peer->mac()).configRequest(0, {}).padTo(), 1000)
                 .isEmpty());
    QVERIFY(engine.waitForEvent(QStringLiteral("client"), 2000));
    QCOMPARE(engine.events(QStringLiteral("client")).size(), 1);
    QCOMPARE(
        engine.events(QStringLiteral("client")).first().value(QStringLiteral("mac")).toString(), macText(peer->mac()));
    QCOMPARE(engine.stop(), 0);
}

QTEST_GUILESS_MAIN(TestEngineLifecycle)
#include "tst_engine_lifecycle.moc"
