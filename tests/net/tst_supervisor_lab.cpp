// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor with the real aoesan-engine in a namespace lab (label net, root): kill -9 a serving
// engine and it is back within a second while an initiator reading during the kill gets every sector
// right; a crash loop (an interface that does not exist) ends in `failed` with the reason; a serving
// engine holds no capability; an engine without CAP_NET_RAW fails once, with the fix, and is not
// restarted; a host sending 20,000 config queries a second from ever-new source MACs does not stop a
// supervised export from answering its real initiator, nor grow the engine's memory. Engines run through
// `ip netns exec`, so no frame ever reaches a host interface.
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <csignal>
#include <thread>

#include "Lab.h"
#include "RawPeer.h"
#include "ResidentMemory.h"
#include "SourceStorm.h"
#include "TargetFrames.h"
#include "net/PacketCapability.h"
#include "supervisor/ExportSupervisor.h"
#include "supervisor/QProcessLauncher.h"

using namespace aoesan::supervisor;
using aoesan::test::Lab;
using aoesan::test::RawPeer;
namespace frames = aoesan::test::frames;
using namespace std::chrono_literals;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
constexpr std::uint64_t kSectors = 8192; // a 4 MiB image, every sector labelled with its LBA
constexpr std::uint16_t kShelf = 7;
constexpr std::uint8_t kSlot = 3;

// Reads the image over and over, two sectors a frame, retransmitting what is not answered, until told
// to stop; counts sectors read and checks each against its label.
struct Reader
{
    std::atomic<bool> stop {false};
    std::atomic<std::uint64_t> sectorsRead {0};
    std::atomic<int> retransmits {0};
    std::atomic<bool> failed {false};
    QString failure; // the first wrong or failed read; read it only after the thread has ended

    void run(RawPeer &peer)
    {
        failure = read(peer);
        failed = !failure.isEmpty();
    }

    QString read(RawPeer &peer)
    {
        std::uint32_t tag = 0x10000;
        QElapsedTimer unanswered;
        for (std::uint64_t i = 0; !stop; ++i) {
            const std::uint64_t lba = (i * 2) % kSectors;
            ++tag;
            const QByteArray request
                = frames::header(Lab::targetMac(), peer.mac(), frames::kRequest, 0, kShelf, kSlot, frames::kAta, tag)
                      .ata(0x40, 0, 2, 0x24, lba)
                      .padTo();
            unanswered.start();
            QByteArray reply;
            while (reply.isEmpty() && !stop) {
                if (unanswered.elapsed() > 10000)
                    return QStringLiteral("no answer for LBA %1 in 10 s").arg(lba);
                if (!peer.send(request))
                    return QStringLiteral("cannot send");
                reply = peer.awaitReply(tag, 100);
                if (reply.isEmpty())
                    ++retransmits;
            }
            if (reply.isEmpty())
                return {};
            const bool error = (static_cast<std::uint8_t>(reply[14]) & 0x04U) != 0;
            const std::uint8_t status = static_cast<std::uint8_t>(reply[27]);
            if (error || (status & 0x01U) != 0 || reply.mid(36, 1024) != frames::sectorLabels(lba, 2))
                return QStringLiteral("LBA %1 read wrong (error %2, status %3)").arg(lba).arg(error).arg(status, 0, 16);
            sectorsRead += 2;
        }
        return {};
    }
};

QString statusField(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(QByteArray(field) + ':')))
            return QString::fromLatin1(line.mid(qsizetype(std::strlen(field)) + 1)).trimmed();
    }
    return {};
}

} // namespace

class TestSupervisorLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void killedEngineIsBackWithinASecond();
    void crashLoopEndsFailed();
    void servingEngineHoldsNoCapability();
    void noPermissionFailsWithoutRestarting();
    void sourceStormDoesNotStopServing();

private:
    // A supervisor whose engines run in the lab's target namespace, behind `wrapper` (setpriv, ...).
    void makeSupervisor(const QStringList &wrapper = {}, RestartPolicy policy = {});
    ExportRecord record(const QString &interface = Lab::targetInterface()) const;
    ExportStatus status() const { return *m_supervisor->status(QStringLiteral("lab")); }
    void stopAll();

    std::unique_ptr<Lab> m_lab;
    QString m_image;
    SteadySupervisorClock m_clock;
    std::unique_ptr<QProcessLauncher> m_launcher;
    std::unique_ptr<ExportSupervisor> m_supervisor;
    int m_launches = 0;
    ExportState m_previous = ExportState::Stopped;
};

void TestSupervisorLab::initTestCase()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    QVERIFY2(QFile::exists(kEngine), qPrintable(kEngine));
}

void TestSupervisorLab::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    // The engine's log file and state stay in the lab's work directory, not in root's home.
    qputenv("XDG_STATE_HOME", m_lab->workPath(QStringLiteral("state")).toLocal8Bit());
    m_image = m_lab->workPath(QStringLiteral("disk.img"));
    QFile image(m_image);
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.write(frames::sectorLabels(0, kSectors));
    image.close();
    m_launches = 0;
    m_previous = ExportState::Stopped;
}

void TestSupervisorLab::cleanup()
{
    stopAll();
    m_supervisor.reset();
    m_launcher.reset();
    m_lab.reset();
}

void TestSupervisorLab::stopAll()
{
    if (!m_supervisor || !m_supervisor->anyActive())
        return;
    QSignalSpy done(m_supervisor.get(), &ExportSupervisor::allStopped);
    m_supervisor->stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
}

void TestSupervisorLab::makeSupervisor(const QStringList &wrapper, RestartPolicy policy)
{
    m_launcher = std::make_unique<QProcessLauncher>(EngineCommand {Lab::findTool(QStringLiteral("ip")),
        QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->targetNamespace()} + wrapper
            + QStringList {kEngine}});
    m_supervisor = std::make_unique<ExportSupervisor>(*m_launcher, m_clock, ExportPreflight(nullptr, nullptr), policy);
    m_supervisor->setStateDirectory(m_lab->workPath(QStringLiteral("exports")));
    connect(m_supervisor.get(), &ExportSupervisor::statusChanged, this, [this](const QString &, const ExportStatus &s) {
        if (s.state == ExportState::Starting && m_previous != ExportState::Starting)
            ++m_launches;
        m_previous = s.state;
    });
}

ExportRecord TestSupervisorLab::record(const QString &interface) const
{
    ExportRecord r;
    r.name = QStringLiteral("lab");
    r.path = m_image;
    r.shelf = kShelf;
    r.slot = kSlot;
    r.interface = interface;
    return r;
}

void TestSupervisorLab::killedEngineIsBackWithinASecond()
{
    makeSupervisor();
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 10000);
    const qint64 firstPid = status().pid;

    std::unique_ptr<RawPeer> peer;
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        QString error;
        peer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(peer, qPrintable(error));
    }
    peer->drain();
    Reader reader;
    std::thread thread([&reader, &peer]() { reader.run(*peer); });
    const auto joinReader = qScopeGuard([&]() {
        reader.stop = true;
        if (thread.joinable())
            thread.join();
    });

    QTRY_VERIFY_WITH_TIMEOUT(reader.sectorsRead >= 1000 || reader.failed, 10000);
    QVERIFY2(::kill(pid_t(firstPid), SIGKILL) == 0, "kill -9 the engine");
    QElapsedTimer sinceKill;
    sinceKill.start();
    QTRY_VERIFY_WITH_TIMEOUT(status().state == ExportState::Running && status().pid != firstPid, 3000);
    const qint64 backAfter = sinceKill.elapsed();
    qInfo("engine back after %lld ms; the reader retransmitted %d times", backAfter, reader.retransmits.load());
    QVERIFY2(backAfter < 1000, qPrintable(QStringLiteral("back after %1 ms").arg(backAfter)));
    QCOMPARE(status().restarts, 1);
    QCOMPARE(status().lastError->code, QStringLiteral("crashed"));

    // The reader goes on through the kill and reads well past it, every sector correct.
    const std::uint64_t atRestart = reader.sectorsRead;
    QTRY_VERIFY_WITH_TIMEOUT(reader.sectorsRead >= atRestart + 2 * kSectors || reader.failed, 20000);
    reader.stop = true;
    thread.join();
    QVERIFY2(reader.failure.isEmpty(), qPrintable(reader.failure));
    QVERIFY2(reader.retransmits > 0, "the kill went unnoticed by the reader");
}

void TestSupervisorLab::crashLoopEndsFailed()
{
    makeSupervisor();
    QVERIFY(m_supervisor->start(record(QStringLiteral("aoesan-none0"))).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Failed, 20000);
    const ExportProblem problem = *status().lastError;
    QCOMPARE(problem.code, QStringLiteral("no-such-interface"));
    QVERIFY2(problem.message.contains(QStringLiteral("aoesan-none0")), qPrintable(problem.message));
    QVERIFY2(problem.message.contains(QStringLiteral("gave up after 5 failed starts")), qPrintable(problem.message));
    QVERIFY2(problem.fix.contains(QStringLiteral("ip link")), qPrintable(problem.fix));
    QCOMPARE(m_launches, RestartPolicy {}.maxFastFailures);
}

void TestSupervisorLab::servingEngineHoldsNoCapability()
{
    makeSupervisor();
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 10000);
    const qint64 pid = status().pid;
    QVERIFY(statusField(pid, "Name").startsWith(QStringLiteral("aoesan-engine")));
    const auto caps = aoesan::net::parseEffectiveCapabilities(
        QStringLiteral("CapEff:\t%1\n").arg(statusField(pid, "CapEff")).toStdString());
    QVERIFY(caps.has_value());
    QCOMPARE(*caps, std::uint64_t {0});
    QCOMPARE(statusField(pid, "CapPrm"), QStringLiteral("0000000000000000"));
    QCOMPARE(statusField(pid, "NoNewPrivs"), QStringLiteral("1"));
}

void TestSupervisorLab::noPermissionFailsWithoutRestarting()
{
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("setpriv")));
    // As root, a program gets every capability of the bounding set: without CAP_NET_RAW there, the
    // engine can open its image but not its packet socket.
    makeSupervisor({Lab::findTool(QStringLiteral("setpriv")), QStringLiteral("--inh-caps=-all"),
        QStringLiteral("--bounding-set=-net_raw"), QStringLiteral("--")});
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Failed, 10000);
    QTest::qWait(1000); // four first back-off delays: nothing may have started it again
    QCOMPARE(status().state, ExportState::Failed);
    QCOMPARE(m_launches, 1);
    const ExportProblem problem = *status().lastError;
    QCOMPARE(problem.code, QStringLiteral("no-permission"));
    QVERIFY2(problem.message.contains(QStringLiteral("no permission")), qPrintable(problem.message));
    QVERIFY2(problem.fix.contains(QStringLiteral("setcap cap_net_raw+ep")), qPrintable(problem.describe()));
    QVERIFY2(problem.fix.contains(QStringLiteral("sudo usermod -aG aoesan $USER")), qPrintable(problem.describe()));
}

// The storm that once stopped a supervised export from answering ([12]): 20,000 broadcast config queries a
// second for 5 s, each from a new source MAC. The supervisor spent all its time on a linear search per
// `client` event and the engine then blocked on its full event pipe: most READs of the real initiator got
// no answer within 0.3 s. Now its READs keep being answered at once, the engine's memory stays flat, and
// the status lists a bounded number of clients.
void TestSupervisorLab::sourceStormDoesNotStopServing()
{
    makeSupervisor();
    QVERIFY(m_supervisor->start(record()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(status().state, ExportState::Running, 10000);
    const qint64 pid = status().pid;

    std::unique_ptr<RawPeer> peer;
    std::unique_ptr<RawPeer> stormPeer;
    {
        const auto guard = m_lab->enter(m_lab->initiatorNamespace());
        QVERIFY2(guard.ok(), qPrintable(guard.error()));
        QString error;
        peer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(peer, qPrintable(error));
        stormPeer = RawPeer::open(Lab::initiatorInterface(), &error);
        QVERIFY2(stormPeer, qPrintable(error));
    }
    peer->drain();
    Reader reader;
    std::thread thread([&reader, &peer]() { reader.run(*peer); });
    const auto joinReader = qScopeGuard([&]() {
        reader.stop = true;
        if (thread.joinable())
            thread.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(reader.sectorsRead >= 1000 || reader.failed, 10000);
    QTest::qWait(1500); // the engine's memory after its first second of serving
    const qint64 rssBefore = aoesan::test::residentKiB(pid);

    const std::uint64_t readBefore = reader.sectorsRead;
    const int retransmitsBefore = reader.retransmits;
    aoesan::test::SourceStorm storm(std::move(stormPeer), 20000, 5s);
    QElapsedTimer timer;
    timer.start();
    qint64 rssPeak = rssBefore;
    while (storm.running() && !reader.failed) {
        QTest::qWait(100); // the supervisor reads the engine's events on this thread's event loop
        rssPeak = std::max(rssPeak, aoesan::test::residentKiB(pid));
    }
    const qint64 stormMs = timer.elapsed();
    const std::uint64_t read = reader.sectorsRead - readBefore;
    const int retransmits = reader.retransmits - retransmitsBefore;
    const qint64 sent = storm.sent();
    storm.stop();
    QTest::qWait(1500); // the last counters
    const ExportStatus s = status();
    qInfo("storm: %lld frames from new MACs in %lld ms; the real initiator read %llu sectors (%llu requests) with %d "
          "retransmits; engine resident %lld KiB before, %lld KiB peak; engine keeps %llu clients, the status lists "
          "%lld",
        sent, stormMs, static_cast<unsigned long long>(read), static_cast<unsigned long long>(read / 2), retransmits,
        rssBefore, rssPeak, static_cast<unsigned long long>(s.counters.clients),
        static_cast<long long>(s.clients.size()));
    QVERIFY2(reader.failure.isEmpty() && !reader.failed, qPrintable(reader.failure));
    QVERIFY2(sent >= 40000, "the storm was too weak to show anything: a slow machine?");
    QCOMPARE(s.state, ExportState::Running);
    QCOMPARE(s.pid, pid);
    // All but a few READs were answered within 0.1 s (before: most got no answer within 0.3 s); a loaded
    // machine loses a few more to the test's own reader.
    QVERIFY2(read / 2 >= 200 && std::uint64_t(retransmits) * 5 <= read / 2,
        qPrintable(QStringLiteral("%1 sectors read, %2 retransmits").arg(read).arg(retransmits)));
    QVERIFY2(rssPeak - rssBefore < 16 * 1024, qPrintable(QStringLiteral("grew %1 KiB").arg(rssPeak - rssBefore)));
    QVERIFY(s.counters.clients <= 1024);
    QVERIFY(s.clients.size() <= 256);
    QVERIFY(s.counters.framesIn >= std::uint64_t(sent) * 9 / 10);
}

QTEST_GUILESS_MAIN(TestSupervisorLab)
#include "tst_supervisor_lab.moc"
