// SPDX-License-Identifier: GPL-3.0-or-later
// DiscoveryService in-process in the initiator namespace of a lab, against Debian's vblade, with a 1 s
// interval: a killed target goes down within the rule's time (3 × interval after its last answer) and is
// up again as soon as it answers after a restart; the initiator's own link pulled and put back: the target
// goes down, comes back up, and a READ sent while the link was down is answered once it is back; and answers
// to another initiator are sniffed.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "discovery/DiscoveryService.h"
#include "initiator/SystemClock.h"
#include "net/PcapTransport.h"
#include "tst_ctl_helpers.h"

using namespace aoesan;
using namespace aoesan::test;
using namespace std::chrono_literals;
using discovery::DiscoveryService;
using discovery::TargetInfo;
using discovery::TargetState;

namespace {

// Discovery as the service runs it, in the lab's initiator namespace: one transport, one initiator, one
// DiscoveryService on it. Members are destroyed in reverse order: the service before the transport it
// uses, the namespace left last.
struct InitiatorSide
{
    InitiatorSide(test::NamespaceGuard entered, std::unique_ptr<net::PcapTransport> opened)
        : guard(std::move(entered))
        , transport(std::move(opened))
    { }
    test::NamespaceGuard guard;
    std::unique_ptr<net::PcapTransport> transport;
    initiator::SystemClock clock;
    initiator::Initiator initiator {clock};
    std::unique_ptr<DiscoveryService> service;
};

// Null with `why` set when the namespace or the capture cannot be opened.
std::unique_ptr<InitiatorSide> openInitiatorSide(
    const Lab &lab, const discovery::DiscoveryOptions &options, QString *why)
{
    auto guard = lab.enter(lab.initiatorNamespace());
    if (!guard.ok()) {
        *why = guard.error();
        return nullptr;
    }
    auto opened = net::PcapTransport::open(Lab::initiatorInterface().toStdString());
    if (!opened.ok()) {
        *why = QString::fromStdString(opened.error().describe());
        return nullptr;
    }
    auto side = std::make_unique<InitiatorSide>(std::move(guard), std::move(opened).value());
    side->service = std::make_unique<DiscoveryService>(side->initiator, side->clock, options);
    side->service->addTransport(side->transport.get());
    return side;
}

discovery::DiscoveryOptions everySecond()
{
    discovery::DiscoveryOptions options;
    options.interval = 1s;
    return options;
}

} // namespace

class TestDiscoveryUpDown : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_lab.reset(); }
    void killedTargetGoesDownAndComesBack();
    void ownLinkDownAndUpRecovers();
    void sniffsAnswersToAnotherInitiator();

private:
    std::unique_ptr<Lab> m_lab;
};

void TestDiscoveryUpDown::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
}

void TestDiscoveryUpDown::killedTargetGoesDownAndComesBack()
{
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 131072 * 512);
    QProcess *vblade = startVblade(*m_lab, 7, 3, Lab::targetInterface(), image);
    QVERIFY(vblade);
    QVERIFY(waitForTarget(*m_lab, 7, 3));

    QString why;
    const auto side = openInitiatorSide(*m_lab, everySecond(), &why);
    QVERIFY2(side, qPrintable(why));
    DiscoveryService &service = *side->service;
    QSignalSpy state(&service, &DiscoveryService::stateChanged);
    service.start();
    QTRY_VERIFY_WITH_TIMEOUT(service.target({7, 3}) && service.target({7, 3})->identified, 3000);
    QCOMPARE(service.target({7, 3})->state, TargetState::Up);
    // Let it answer a re-probe or two, so "last answer" is a probe and not the first broadcast.
    QTest::qWait(1500);
    QCOMPARE(state.size(), 0);

    QElapsedTimer sinceKill;
    m_lab->stop(vblade);
    sinceKill.start();
    QTRY_VERIFY_WITH_TIMEOUT(state.size() == 1, 6000);
    const qint64 downAfter = sinceKill.elapsed();
    QCOMPARE(state.last().first().value<TargetInfo>().state, TargetState::Down);
    // Its last answer came at most one interval before the kill: down 2-3 s after it, never later.
    QVERIFY2(downAfter >= 1900 && downAfter <= 3300, qPrintable(QString::number(downAfter)));

    QElapsedTimer sinceRestart;
    QVERIFY(startVblade(*m_lab, 7, 3, Lab::targetInterface(), image));
    sinceRestart.start();
    QTRY_VERIFY_WITH_TIMEOUT(state.size() == 2, 5000);
    const qint64 upAfter = sinceRestart.elapsed();
    QCOMPARE(state.last().first().value<TargetInfo>().state, TargetState::Up);
    // vblade announces itself at start (Ver 0): sniffed at once, without waiting for the next probe.
    QVERIFY2(upAfter <= 1200, qPrintable(QString::number(upAfter)));
    qInfo("down %lld ms after the kill (rule: 3 s after the last answer), up %lld ms after the restart",
        static_cast<long long>(downAfter), static_cast<long long>(upAfter));
}

// The cable of this machine is pulled (the initiator's interface set down) for 4 s, then put back: discovery
// marks the target down by the usual rule (its probes cannot leave), keeps its transport, and has it up again
// within two intervals of the link coming back; a READ sent while the link is down keeps retransmitting and is
// answered with the right data once it is back (aoesan-engine announces itself when its carrier returns).
void TestDiscoveryUpDown::ownLinkDownAndUpRecovers()
{
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 131072 * 512);
    QProcess *engine = m_lab->start(m_lab->targetNamespace(),
        {QStringLiteral(AOESAN_ENGINE), QStringLiteral("serve"), QStringLiteral("--no-state"), QStringLiteral("7"),
            QStringLiteral("3"), Lab::targetInterface(), image});
    QVERIFY(engine);
    QVERIFY(waitForTarget(*m_lab, 7, 3));

    QString why;
    const auto side = openInitiatorSide(*m_lab, everySecond(), &why);
    QVERIFY2(side, qPrintable(why));
    DiscoveryService &service = *side->service;
    QSignalSpy state(&service, &DiscoveryService::stateChanged);
    service.start();
    QTRY_VERIFY_WITH_TIMEOUT(service.target({7, 3}) && service.target({7, 3})->identified, 3000);

    QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), Lab::initiatorInterface(), false));
    QElapsedTimer down;
    down.start();
    // A READ of sector 5 while there is no link: retransmitted, for up to 20 s in all.
    std::optional<initiator::Outcome<initiator::ReadResult>> read;
    QObject context;
    side->initiator.read(
        initiator::Peer {side->transport.get(), service.target({7, 3})->paths.front().mac, 7, 3}, 5, 1, &context,
        [&](initiator::Outcome<initiator::ReadResult> r) { read.emplace(std::move(r)); },
        initiator::RetryPolicy::within(20s));
    QTRY_VERIFY_WITH_TIMEOUT(state.size() == 1, 5000);
    const qint64 downAfter = down.elapsed();
    QCOMPARE(state.last().first().value<TargetInfo>().state, TargetState::Down);
    QVERIFY(!read.has_value());
    QTest::qWait(static_cast<int>(std::max<qint64>(0, 4000 - down.elapsed())));
    QVERIFY(!read.has_value());

    QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), Lab::initiatorInterface(), true));
    QElapsedTimer up;
    up.start();
    QTRY_VERIFY_WITH_TIMEOUT(state.size() == 2, 5000);
    QCOMPARE(state.last().first().value<TargetInfo>().state, TargetState::Up);
    const qint64 upAfter = up.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 5000);
    QVERIFY2(read->ok(), read->ok() ? "" : read->error().message.c_str());
    QCOMPARE(read->value().data, QByteArray(512, '\0'));
    QVERIFY2(upAfter <= 2500, qPrintable(QString::number(upAfter)));
    qInfo("link down 4 s: target down after %lld ms, up %lld ms after the link came back, the READ answered",
        static_cast<long long>(downAfter), static_cast<long long>(upAfter));
    m_lab->stop(engine);
}

void TestDiscoveryUpDown::sniffsAnswersToAnotherInitiator()
{
    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), 131072 * 512);
    QVERIFY(startVblade(*m_lab, 2, 1, Lab::targetInterface(), image));
    // Another initiator on the same segment: a macvlan with its own MAC over veth-i.
    const QString other = QStringLiteral("mv-i");
    QVERIFY(m_lab
                ->run(m_lab->initiatorNamespace(),
                    {Lab::findTool(QStringLiteral("ip")), QStringLiteral("link"), QStringLiteral("add"),
                        QStringLiteral("link"), Lab::initiatorInterface(), QStringLiteral("name"), other,
                        QStringLiteral("address"), QStringLiteral("02:00:00:00:d0:01"), QStringLiteral("type"),
                        QStringLiteral("macvlan"), QStringLiteral("mode"), QStringLiteral("bridge")})
                .ok());
    QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), other, true));
    QVERIFY(waitForTarget(*m_lab, 2, 1, other));

    QString why;
    const auto side = openInitiatorSide(*m_lab, {}, &why);
    QVERIFY2(side, qPrintable(why));
    DiscoveryService &service = *side->service;
    QSignalSpy added(&service, &DiscoveryService::added);
    // Listening only: never started, so it sends no probe.

    // The other initiator asks by unicast; vblade answers to its MAC, not ours.
    const Run run = runIn(m_lab->initiatorNamespace(),
        ctl({QStringLiteral("config"), QStringLiteral("2.1"), QStringLiteral("-i"), other}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QTRY_VERIFY_WITH_TIMEOUT(added.size() == 1, 3000);
    QCOMPARE(added.first().first().value<TargetInfo>().id, (discovery::TargetId {2, 1}));
    QTRY_VERIFY_WITH_TIMEOUT(service.target({2, 1})->identified, 3000); // and IDENTIFY was ours
    QCOMPARE(service.target({2, 1})->sectors, std::uint64_t {131072});
}

QTEST_GUILESS_MAIN(TestDiscoveryUpDown)
#include "tst_discovery_updown.moc"
