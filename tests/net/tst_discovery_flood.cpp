// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery under a flood of forged config replies ([12]), in a namespace lab: a raw socket in the target
// namespace sends broadcast config replies at a high rate, three in four from a random shelf.slot and
// every one from a new random source MAC, the fourth claiming the real target's shelf.slot, while vblade
// serves e7.3. `aoesan-ctl stat --json --wait 5` must finish in bounded time and memory, list at most the
// cap and show e7.3 up, also under a lower cap (--max-targets 64); `aoesan-engine probe` must stay bounded in memory
// during and after the flood, keep e7.3 up, report the limit, and exit within 2 s of its stdin closing in the middle of
// a flood. Built twice: tst_discovery_flood (net, 10 s floods) and tst_discovery_flood_bench (bench, 60 s).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include "RawPeer.h"
#include "ResidentMemory.h"
#include "tst_ctl_helpers.h"

using namespace aoesan::test;
using namespace std::chrono_literals;

#ifndef AOESAN_FLOOD_SECONDS
#define AOESAN_FLOOD_SECONDS 10
#endif

namespace {

constexpr int kFloodSeconds = AOESAN_FLOOD_SECONDS;
constexpr int kRate = 20000; // frames per second
constexpr int kMaxTargets = 4096; // DiscoveryOptions' default
constexpr int kMaxPaths = 16;
constexpr qint64 kImageSectors = 131072;

// A broadcast config reply with the fields a real target sends; the addresses are patched per frame.
QByteArray configReplyTemplate()
{
    QByteArray f(14 + 10 + 8, '\0');
    f.replace(0, 6, QByteArray(6, '\xff'));
    f[12] = '\x88';
    f[13] = '\xa2';
    f[14] = '\x18'; // version 1, response
    f[19] = '\x01'; // Query Config
    f[24] = '\x00';
    f[25] = '\x10'; // Buffer Count 16
    f[26] = '\x40';
    f[27] = '\x19'; // firmware 0x4019
    f[28] = '\x02'; // Sector Count 2
    return f;
}

// Sends forged replies from its own thread at kRate until stopped or `seconds` have passed.
class Flood
{
public:
    Flood(std::unique_ptr<RawPeer> peer, int seconds)
        : m_peer(std::move(peer))
        , m_thread([this, seconds] { run(seconds); })
    { }
    ~Flood() { stop(); }
    Flood(const Flood &) = delete;
    Flood &operator=(const Flood &) = delete;

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    bool running() const { return !m_done; }
    qint64 sent() const { return m_sent; }
    qint64 failed() const { return m_failed; }

private:
    void run(int seconds)
    {
        std::mt19937_64 random(20261203);
        QByteArray frame = configReplyTemplate();
        const auto start = std::chrono::steady_clock::now();
        const auto end = start + std::chrono::seconds(seconds);
        qint64 n = 0;
        while (!m_stop && std::chrono::steady_clock::now() < end) {
            // 100 frames, then wait for the schedule: 20,000 a second in 5 ms steps.
            for (int i = 0; i < 100; ++i, ++n) {
                const std::uint64_t r = random();
                frame[6] = '\x02'; // locally administered, unicast
                for (int b = 1; b < 6; ++b)
                    frame[6 + b] = static_cast<char>((r >> (8U * static_cast<unsigned>(b))) & 0xffU);
                const bool claimReal = n % 4 == 3;
                const auto shelf = claimReal ? 7U : static_cast<unsigned>((r >> 40U) % 0xffffU);
                const auto slot = claimReal ? 3U : static_cast<unsigned>((r >> 56U) % 0xffU);
                frame[16] = static_cast<char>(shelf >> 8U);
                frame[17] = static_cast<char>(shelf & 0xffU);
                frame[18] = static_cast<char>(slot);
                if (m_peer->send(frame))
                    ++m_sent;
                else
                    ++m_failed;
            }
            std::this_thread::sleep_until(start + std::chrono::microseconds(n * 1000000 / kRate));
        }
        m_done = true;
    }

    std::unique_ptr<RawPeer> m_peer;
    std::atomic<bool> m_stop {false};
    std::atomic<bool> m_done {false};
    std::atomic<qint64> m_sent {0};
    std::atomic<qint64> m_failed {0};
    std::thread m_thread;
};

// The probe's events as they come: which targets it lists, the limit events, e7.3's state.
struct ProbeView
{
    QSet<QString> listed;
    int added = 0;
    int removed = 0;
    int limitsReached = 0;
    QString realState; // e7.3's state as the last event about it says
    bool realIdentified = false;
    int realPaths = 0;
    bool stopped = false;

    void read(QProcess &process)
    {
        while (process.canReadLine()) {
            const QJsonObject event = QJsonDocument::fromJson(process.readLine()).object();
            const QString name = event.value(QStringLiteral("event")).toString();
            const QJsonObject target = event.value(QStringLiteral("target")).toObject();
            const QString device = target.value(QStringLiteral("device")).toString();
            if (name == QLatin1String("added")) {
                ++added;
                listed.insert(device);
            } else if (name == QLatin1String("removed")) {
                ++removed;
                listed.remove(device);
            } else if (name == QLatin1String("limit") && event.value(QStringLiteral("reached")).toBool()) {
                ++limitsReached;
            } else if (name == QLatin1String("stopped")) {
                stopped = true;
            }
            if (device == QLatin1String("e7.3") && name != QLatin1String("removed")) {
                realState = target.value(QStringLiteral("state")).toString();
                realIdentified = target.value(QStringLiteral("identified")).toBool();
                realPaths = static_cast<int>(target.value(QStringLiteral("paths")).toArray().size());
            }
        }
    }
};

} // namespace

class TestDiscoveryFlood : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void statUnderFlood();
    void statWithALowerBound();
    void probeUnderFlood();

private:
    std::unique_ptr<Flood> startFlood(int seconds);
    std::unique_ptr<Lab> m_lab;
};

void TestDiscoveryFlood::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), kImageSectors * 512);
    QVERIFY(startVblade(*m_lab, 7, 3, Lab::targetInterface(), image));
    QVERIFY(waitForTarget(*m_lab, 7, 3));
}

void TestDiscoveryFlood::cleanup()
{
    m_lab.reset();
}

std::unique_ptr<Flood> TestDiscoveryFlood::startFlood(int seconds)
{
    QString error;
    std::unique_ptr<RawPeer> peer;
    {
        const auto guard = m_lab->enter(m_lab->targetNamespace());
        peer = RawPeer::open(Lab::targetInterface(), &error);
    }
    if (!peer) {
        qWarning("no raw socket in the target namespace: %s", qPrintable(error));
        return nullptr;
    }
    return std::make_unique<Flood>(std::move(peer), seconds);
}

void TestDiscoveryFlood::statUnderFlood()
{
    auto flood = startFlood(kFloodSeconds);
    QVERIFY(flood);
    QTest::qWait(1000); // the segment is already noisy when stat starts
    const QString time = Lab::findTool(QStringLiteral("time"));
    QStringList command = ctl({QStringLiteral("stat"), QStringLiteral("--json"), QStringLiteral("--wait"),
        QStringLiteral("5"), QStringLiteral("-i"), Lab::initiatorInterface()});
    if (!time.isEmpty())
        command = QStringList {time, QStringLiteral("-f"), QStringLiteral("maxrss %M")} + command;
    const Run run = runIn(m_lab->initiatorNamespace(), command, 60000);
    const qint64 sent = flood->sent();
    const bool floodLasted = flood->running();
    flood->stop();
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe().left(4000)));
    const auto maxRss = QRegularExpression(QStringLiteral("maxrss (\\d+)")).match(QString::fromUtf8(run.err));
    const qint64 rss = maxRss.hasMatch() ? maxRss.captured(1).toLongLong() : -1;
    const QJsonArray targets = QJsonDocument::fromJson(run.out).array();
    qInfo("stat under %d frames/s: %lld ms, max RSS %lld KiB, %lld targets listed (%lld frames sent so far)", kRate,
        run.ms, rss, static_cast<long long>(targets.size()), sent);
    QVERIFY2(run.ms < 9000, "stat --wait 5 took far longer than its wait");
    QVERIFY2(floodLasted, "the flood ended before stat did: make it longer");
    QVERIFY(!targets.isEmpty());
    QVERIFY(targets.size() <= kMaxTargets);
    if (rss >= 0)
        QVERIFY2(rss < 128 * 1024, "stat's memory is not bounded");
    bool sawReal = false;
    for (const QJsonValue &v : targets) {
        const QJsonObject t = v.toObject();
        QVERIFY(t.value(QStringLiteral("paths")).toArray().size() <= kMaxPaths);
        if (t.value(QStringLiteral("device")).toString() != QLatin1String("e7.3"))
            continue;
        sawReal = true;
        qInfo("e7.3 in stat's list: %lld paths",
            static_cast<long long>(t.value(QStringLiteral("paths")).toArray().size()));
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        QVERIFY(t.value(QStringLiteral("identified")).toBool());
        QCOMPARE(t.value(QStringLiteral("sectors")).toDouble(), static_cast<double>(kImageSectors));
    }
    QVERIFY2(sawReal, "the real target is missing from the list");
}

// `stat --max-targets 64` under the same flood: the forged targets fill its 64 places before its own query is
// answered, and the real target's answer (sent to our MAC) still takes one; never more than 64 are listed. A
// bound out of range is refused before anything is sent.
void TestDiscoveryFlood::statWithALowerBound()
{
    for (const char *bad : {"15", "1048577", "many"}) {
        const Run refused = runIn(m_lab->initiatorNamespace(),
            ctl({QStringLiteral("stat"), QStringLiteral("--max-targets"), QString::fromLatin1(bad),
                QStringLiteral("-i"), Lab::initiatorInterface()}));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--max-targets needs a whole number from 16 to 1048576"),
            qPrintable(refused.describe()));
    }
    auto flood = startFlood(kFloodSeconds);
    QVERIFY(flood);
    QTest::qWait(1000);
    const Run run = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("stat"), QStringLiteral("--json"), QStringLiteral("--wait"), QStringLiteral("3"),
            QStringLiteral("--max-targets"), QStringLiteral("64"), QStringLiteral("-i"), Lab::initiatorInterface()}),
        60000);
    const bool floodLasted = flood->running();
    flood->stop();
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe().left(4000)));
    QVERIFY2(floodLasted, "the flood ended before stat did: make it longer");
    const QJsonArray targets = QJsonDocument::fromJson(run.out).array();
    qInfo(
        "stat --max-targets 64 under %d frames/s: %lld targets listed", kRate, static_cast<long long>(targets.size()));
    QVERIFY2(targets.size() <= 64, qPrintable(QString::number(targets.size())));
    const auto real = std::find_if(targets.begin(), targets.end(), [](const QJsonValue &v) {
        return v.toObject().value(QStringLiteral("device")).toString() == QLatin1String("e7.3");
    });
    QVERIFY2(real != targets.end(), "the real target did not get a place");
    QVERIFY(real->toObject().value(QStringLiteral("identified")).toBool());
    QCOMPARE(real->toObject().value(QStringLiteral("sectors")).toDouble(), static_cast<double>(kImageSectors));
}

void TestDiscoveryFlood::probeUnderFlood()
{
    QProcess engine;
    engine.setProgram(Lab::findTool(QStringLiteral("ip")));
    engine.setArguments(QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->initiatorNamespace(),
        QStringLiteral(AOESAN_ENGINE), QStringLiteral("probe"), QStringLiteral("-i"), Lab::initiatorInterface(),
        QStringLiteral("--interval"), QStringLiteral("1")});
    engine.setProcessEnvironment([] {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AOESAN_LOG"), QStringLiteral("warn"));
        return env;
    }());
    engine.start(); // stdin stays open: the probe runs until we close it
    QVERIFY(engine.waitForStarted());
    const qint64 pid = engine.processId(); // `ip netns exec` execs the engine in place
    ProbeView view;
    const auto readFor = [&](std::chrono::milliseconds span, const std::function<void()> &each = {}) {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < span.count()) {
            engine.waitForReadyRead(50);
            view.read(engine);
            if (each)
                each();
        }
    };
    QElapsedTimer ready;
    ready.start();
    while (!view.realIdentified && ready.elapsed() < 10000) {
        engine.waitForReadyRead(100);
        view.read(engine);
    }
    QVERIFY2(view.realIdentified, qPrintable(QString::fromUtf8(engine.readAllStandardError())));
    const qint64 rssBefore = aoesan::test::residentKiB(pid);

    // The flood, and a few seconds after it: memory stays bounded and stops growing once it ends.
    auto flood = startFlood(kFloodSeconds);
    QVERIFY(flood);
    qint64 rssMax = 0;
    std::size_t listedMax = 0;
    const auto sample = [&] {
        rssMax = std::max(rssMax, aoesan::test::residentKiB(pid));
        listedMax = std::max<std::size_t>(listedMax, static_cast<std::size_t>(view.listed.size()));
    };
    while (flood->running()) {
        readFor(250ms, sample);
        QVERIFY2(engine.state() == QProcess::Running, "the probe died under the flood");
    }
    const qint64 sent = flood->sent();
    flood->stop();
    const qint64 rssAtEnd = aoesan::test::residentKiB(pid);
    readFor(3s, sample);
    const qint64 rssAfter = aoesan::test::residentKiB(pid);
    qInfo("probe under %lld frames in %d s: RSS %lld KiB before, %lld max, %lld at the end, %lld 3 s later; "
          "%zu targets listed at most (%d added, %d removed), e7.3 %s with %d paths",
        sent, kFloodSeconds, rssBefore, rssMax, rssAtEnd, rssAfter, listedMax, view.added, view.removed,
        qPrintable(view.realState), view.realPaths);
    QVERIFY(listedMax <= static_cast<std::size_t>(kMaxTargets));
    QVERIFY(view.limitsReached >= 1);
    QCOMPARE(view.realState, QStringLiteral("up"));
    QVERIFY(view.realIdentified);
    QVERIFY(view.realPaths >= 1 && view.realPaths <= kMaxPaths);
    QVERIFY2(rssMax < 128 * 1024, "the probe's memory is not bounded");
    QVERIFY2(rssAfter <= rssAtEnd + 16 * 1024, "the probe's memory keeps growing after the flood");

    // stdin closes in the middle of a flood: the probe says stopped and exits within 2 s.
    flood = startFlood(kFloodSeconds);
    QVERIFY(flood);
    readFor(2s);
    QElapsedTimer closing;
    closing.start();
    engine.closeWriteChannel();
    while (engine.state() != QProcess::NotRunning && closing.elapsed() < 10000) {
        engine.waitForFinished(20);
        view.read(engine);
    }
    const qint64 exitMs = closing.elapsed();
    flood->stop();
    view.read(engine);
    qInfo("probe exited %lld ms after its stdin closed mid-flood", exitMs);
    QVERIFY2(exitMs <= 2000, "the probe did not exit within 2 s of its stdin closing");
    QCOMPARE(engine.exitStatus(), QProcess::NormalExit);
    QCOMPARE(engine.exitCode(), 0);
    QVERIFY(view.stopped);
}

QTEST_GUILESS_MAIN(TestDiscoveryFlood)
#include "tst_discovery_flood.moc"
