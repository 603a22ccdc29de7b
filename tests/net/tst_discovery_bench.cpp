// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery benchmark (label bench: prints figures, never fails on speed). In a namespace lab:
//  1. a simulated responder thread answers for 1,000 shelf.slot addresses from one MAC (config queries
//     and IDENTIFY, over a raw packet socket in the target namespace): time until all are listed with sizes,
//     in-process and as `aoesan-ctl stat` wall time;
//  2. one vblade target: `aoesan-ctl stat` and in-process discovery beside `aoe-sancheck`, in the same run.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <future>
#include <poll.h>
#include <thread>
#include <unistd.h>

#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sys/socket.h>

#include "discovery/DiscoveryService.h"
#include "initiator/SystemClock.h"
#include "net/PcapTransport.h"
#include "protocol/Frame.h"
#include "protocol/Identify.h"
#include "tst_ctl_helpers.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;

namespace {

constexpr int kSimulated = 1000;
constexpr std::uint16_t kFirstShelf = 100; // shelves 100-199, slots 0-9

std::uint64_t simulatedSectors(int i)
{
    return 1000000 + static_cast<std::uint64_t>(i);
}

// Answers Query Config and IDENTIFY for kSimulated addresses, as a target with one MAC would.
class Responder
{
public:
    explicit Responder(const Lab &lab)
        : m_lab(lab)
    { }
    ~Responder() { stop(); }

    QString start()
    {
        std::promise<QString> ready;
        auto result = ready.get_future();
        m_thread = std::thread([this, promise = std::move(ready)]() mutable { run(promise); });
        return result.get();
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    std::uint64_t framesOut() const { return m_framesOut; }

private:
    void run(std::promise<QString> &ready)
    {
        const auto guard = m_lab.enter(m_lab.targetNamespace());
        if (!guard.ok()) {
            ready.set_value(guard.error());
            return;
        }
        const int fd = ::socket(AF_PACKET, SOCK_RAW, htons(protocol::kEtherType));
        sockaddr_ll address {};
        address.sll_family = AF_PACKET;
        address.sll_protocol = htons(protocol::kEtherType);
        address.sll_ifindex = static_cast<int>(::if_nametoindex(qPrintable(Lab::targetInterface())));
        const int buffer = 8 << 20;
        if (fd < 0 || ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
            || ::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, sizeof buffer) != 0
            || ::setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &buffer, sizeof buffer) != 0) {
            ready.set_value(QStringLiteral("responder socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            if (fd >= 0)
                ::close(fd);
            return;
        }
        ready.set_value({});
        std::vector<std::uint8_t> frame(9216);
        while (!m_stop) {
            pollfd p {fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const ssize_t n = ::recv(fd, frame.data(), frame.size(), 0);
            if (n > 0)
                answer(fd, std::span(frame.data(), static_cast<std::size_t>(n)));
        }
        ::close(fd);
    }

    void send(int fd, const protocol::Frame &reply)
    {
        const auto bytes = protocol::encodeFrame(reply);
        if (bytes && ::send(fd, bytes->data(), bytes->size(), 0) > 0)
            ++m_framesOut;
    }

    void answer(int fd, std::span<const std::uint8_t> bytes)
    {
        const auto request = protocol::decodeFrame(bytes);
        if (!request || request->header.response)
            return;
        for (int i = 0; i < kSimulated; ++i) {
            const auto shelf = static_cast<std::uint16_t>(kFirstShelf + i / 10);
            const auto slot = static_cast<std::uint8_t>(i % 10);
            if (!request->header.addresses(shelf, slot))
                continue;
            protocol::Frame reply = *request;
            reply.header.destination = request->header.source;
            reply.header.source = Lab::targetMac();
            reply.header.response = true;
            reply.header.major = shelf;
            reply.header.minor = slot;
            if (request->as<protocol::ConfigArg>()) {
                reply.arg = protocol::ConfigArg {16, 0x0001, 2, protocol::kVersion, 0, {}};
                send(fd, reply);
            } else if (const auto *ata = request->as<protocol::AtaArg>();
                       ata && ata->cmdStatus == protocol::ata::IdentifyDevice) {
                const auto block = protocol::buildIdentify({"sim-" + std::to_string(i), "1", "aoesan bench responder",
                    0x0FFFFFFF, simulatedSectors(i), true, true, true, false});
                protocol::AtaArg out = *ata;
                out.sectorCount = 0;
                out.cmdStatus = protocol::ata::StatusReady;
                out.data = block;
                reply.arg = out;
                send(fd, reply);
            }
        }
    }

    const Lab &m_lab;
    std::thread m_thread;
    std::atomic<bool> m_stop {false};
    std::atomic<std::uint64_t> m_framesOut {0};
};

struct InProcessResult
{
    qint64 allAddedMs = -1;
    qint64 allIdentifiedMs = -1;
    int listed = 0; // after at most 5 s
    int identified = 0;
};

// Discovery in this process on veth-i: time from start() until `expected` targets are listed with sizes.
InProcessResult discoverInProcess(const Lab &lab, int expected)
{
    InProcessResult result;
    const auto guard = lab.enter(lab.initiatorNamespace());
    if (!guard.ok())
        return result;
    auto opened = net::PcapTransport::open(Lab::initiatorInterface().toStdString());
    if (!opened)
        return result;
    const auto transport = std::move(opened).value();
    initiator::SystemClock clock;
    initiator::Initiator initiator(clock);
    discovery::DiscoveryService service(initiator, clock);
    QElapsedTimer elapsed;
    int identified = 0;
    QObject context;
    QObject::connect(&service, &discovery::DiscoveryService::added, &context, [&](const discovery::TargetInfo &) {
        if (static_cast<int>(service.targetCount()) == expected && result.allAddedMs < 0)
            result.allAddedMs = elapsed.elapsed();
    });
    QObject::connect(&service, &discovery::DiscoveryService::changed, &context, [&](const discovery::TargetInfo &t) {
        if (t.identified && ++identified == expected)
            result.allIdentifiedMs = elapsed.elapsed();
    });
    service.addTransport(transport.get());
    elapsed.start();
    service.start();
    while (result.allIdentifiedMs < 0 && elapsed.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    result.listed = static_cast<int>(service.targetCount());
    result.identified = identified;
    return result;
}

} // namespace

class TestDiscoveryBench : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void thousandSimulatedTargets();
    void oneVbladeBesideSancheck();

private:
    std::unique_ptr<Lab> m_lab;
};

void TestDiscoveryBench::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
}

void TestDiscoveryBench::thousandSimulatedTargets()
{
    Responder responder(*m_lab);
    const QString error = responder.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const InProcessResult inProcess = discoverInProcess(*m_lab, kSimulated);
    const Run stat = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}), 60000);
    responder.stop();
    const auto statLines = stat.out.count('\n');

    // Figures first, whatever they are; the checks follow.
    qInfo("BENCH discovery, 1,000 simulated targets answering from one MAC on one veth");
    if (inProcess.allIdentifiedMs >= 0)
        qInfo("BENCH   in-process: all 1,000 listed %lld ms, all with sizes (IDENTIFY) %lld ms after the probe",
            static_cast<long long>(inProcess.allAddedMs), static_cast<long long>(inProcess.allIdentifiedMs));
    else
        qInfo("BENCH   in-process: INCOMPLETE, %d listed and %d with sizes after 5 s (replies lost in capture)",
            inProcess.listed, inProcess.identified);
    qInfo("BENCH   aoesan-ctl stat: %lld ms wall (1 s of quiet ends the wait), %lld of 1,000 lines, exit %d",
        static_cast<long long>(stat.ms), static_cast<long long>(statLines), stat.exitCode);

    QVERIFY2(stat.exitCode == 0, qPrintable(stat.describe().left(2000)));
    QVERIFY(stat.out.startsWith(aoeStatLineReference(QStringLiteral("e100.0"), static_cast<qint64>(simulatedSectors(0)),
        Lab::initiatorInterface(), 1024, QStringLiteral("up"))
                                    .toUtf8()));
    QVERIFY2(inProcess.identified == kSimulated && statLines == kSimulated,
        "not every answer of the burst was captured: see the figures above");
}

void TestDiscoveryBench::oneVbladeBesideSancheck()
{
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("aoe-sancheck")));
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 131072 * 512);
    QVERIFY(startVblade(*m_lab, 1, 1, Lab::targetInterface(), image));
    QVERIFY(waitForTarget(*m_lab, 1, 1));

    const InProcessResult inProcess = discoverInProcess(*m_lab, 1);
    QVERIFY(inProcess.allIdentifiedMs >= 0);
    QList<qint64> statMs;
    for (int i = 0; i < 3; ++i) {
        const Run stat = runIn(m_lab->initiatorNamespace(),
            ctl({QStringLiteral("stat"), QStringLiteral("-i"), Lab::initiatorInterface()}));
        QVERIFY2(stat.exitCode == 0, qPrintable(stat.describe()));
        QVERIFY(stat.out.contains("e1.1"));
        statMs << stat.ms;
    }
    // aoe-sancheck probes every interface of the initiator namespace (only veth-i is Ethernet there).
    const Run sancheck = runIn(m_lab->initiatorNamespace(), {Lab::findTool(QStringLiteral("aoe-sancheck"))}, 60000);
    const bool sancheckFound = sancheck.out.contains("e1.1");

    qInfo("BENCH discovery, one vblade target (64 MiB) on one veth, same run");
    qInfo("BENCH   aoesan in-process: listed %lld ms, with size %lld ms after the probe",
        static_cast<long long>(inProcess.allAddedMs), static_cast<long long>(inProcess.allIdentifiedMs));
    qInfo("BENCH   aoesan-ctl stat (wall, 3 runs): %lld / %lld / %lld ms, size included",
        static_cast<long long>(statMs[0]), static_cast<long long>(statMs[1]), static_cast<long long>(statMs[2]));
    qInfo("BENCH   aoe-sancheck (wall): %lld ms, exit %d, %s, no size", static_cast<long long>(sancheck.ms),
        sancheck.exitCode, sancheckFound ? "found e1.1" : "did not list e1.1");
}

QTEST_GUILESS_MAIN(TestDiscoveryBench)
#include "tst_discovery_bench.moc"
