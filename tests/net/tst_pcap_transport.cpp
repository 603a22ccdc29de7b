// SPDX-License-Identifier: GPL-3.0-or-later
// PcapTransport against a real peer: in a namespace lab, a broadcast Query Config from the initiator
// side must come back from Debian's vblade, decoded; and each way opening can fail must give its typed
// error, the no-permission one from a child process that really lacks CAP_NET_RAW.
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cstring>
#include <iostream>
#include <optional>

#include "Lab.h"
#include "net/PacketCapability.h"
#include "net/PcapTransport.h"
#include "protocol/Frame.h"

using aoesan::net::PcapTransport;
using aoesan::net::Transport;
using aoesan::net::TransportError;
using aoesan::test::Lab;
using aoesan::test::LabOptions;
namespace protocol = aoesan::protocol;

Q_DECLARE_METATYPE(aoesan::net::TransportError::Code)

namespace {

constexpr char kHelperFlag[] = "--open-pcap";
constexpr std::uint32_t kTag = 0x80000001;

const char *codeName(TransportError::Code code)
{
    switch (code) {
    case TransportError::Code::NoPermission:
        return "NoPermission";
    case TransportError::Code::NoSuchInterface:
        return "NoSuchInterface";
    case TransportError::Code::InterfaceDown:
        return "InterfaceDown";
    case TransportError::Code::FrameTooBig:
        return "FrameTooBig";
    case TransportError::Code::Unsupported:
        return "Unsupported";
    case TransportError::Code::Io:
        return "Io";
    }
    return "?";
}

// The child side of noPermission(): reports what it holds and what opening gave, one key=value a line.
int openPcapHelper(int argc, char **argv, const char *interface)
{
    QCoreApplication app(argc, argv);
    std::cout << "capability=" << (aoesan::net::hasPacketCapability() ? 1 : 0) << '\n';
    const auto opened = PcapTransport::open(interface);
    if (opened.ok()) {
        std::cout << "result=ok\n";
    } else {
        std::cout << "result=" << codeName(opened.error().code) << '\n'
                  << "message=" << opened.error().message << '\n'
                  << "fix=" << opened.error().fix << '\n';
    }
    return 0;
}

std::span<const std::uint8_t> bytesOf(const QByteArray &frame)
{
    return {reinterpret_cast<const std::uint8_t *>(frame.constData()), static_cast<std::size_t>(frame.size())};
}

} // namespace

class TestPcapTransport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queryConfigAnsweredByVblade_data();
    void queryConfigAnsweredByVblade();
    void openErrors_data();
    void openErrors();
    void noPermission();
    void linkDownIsNotFatal();
    void interfaceRemovedFails();

private:
    // Builds the lab for the current test; QSKIPs when this machine cannot have one.
    void makeLab(LabOptions options = {});

    std::unique_ptr<Lab> m_lab;
};

void TestPcapTransport::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
}

void TestPcapTransport::cleanup()
{
    // Also after a failed or skipped test: stops vblade and removes the namespaces.
    m_lab.reset();
}

void TestPcapTransport::makeLab(LabOptions options)
{
    m_lab = std::make_unique<Lab>(options);
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
}

void TestPcapTransport::queryConfigAnsweredByVblade_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<int>("sectorCount");

    // vblade and every other implementation: floor((MTU - 36) / 512).
    QTest::addRow("MTU 1500") << 1500 << 2;
    QTest::addRow("MTU 9000") << 9000 << 17;
}

void TestPcapTransport::queryConfigAnsweredByVblade()
{
    QFETCH(int, mtu);
    QFETCH(int, sectorCount);
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    makeLab({.mtu = mtu});

    const QString image = m_lab->createSparseImage(QStringLiteral("disk.img"), qint64 {1024} * 1024);
    QVERIFY(!image.isEmpty());
    QProcess *vblade = m_lab->start(m_lab->targetNamespace(),
        {Lab::findTool(QStringLiteral("vblade")), QStringLiteral("7"), QStringLiteral("3"), Lab::targetInterface(),
            image});
    QVERIFY(vblade);

    const auto guard = m_lab->enter(m_lab->initiatorNamespace());
    QVERIFY2(guard.ok(), qPrintable(guard.error()));
    auto opened = PcapTransport::open(Lab::initiatorInterface().toStdString());
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
    std::unique_ptr<PcapTransport> transport = std::move(opened).value();
    QCOMPARE(transport->interfaceName(), Lab::initiatorInterface().toStdString());
    QCOMPARE(transport->localMac(), Lab::initiatorMac());
    QCOMPARE(transport->mtu(), mtu);

    std::optional<protocol::Frame> reply;
    QList<QByteArray> received;
    connect(transport.get(), &Transport::frameReceived, this, [&](const QByteArray &bytes) {
        received.append(bytes);
        // vblade's start-up announcement (Ver 0, tag 0) does not decode as Ver 1: ignored here.
        const auto decoded = protocol::decodeFrame(bytesOf(bytes));
        if (decoded && decoded->header.tag == kTag && decoded->header.response)
            reply = *decoded;
    });

    const protocol::Frame query {protocol::Header {.destination = protocol::MacAddress::broadcast(),
                                     .source = transport->localMac(),
                                     .major = protocol::kBroadcastMajor,
                                     .minor = protocol::kBroadcastMinor,
                                     .command = static_cast<std::uint8_t>(protocol::Command::QueryConfig),
                                     .tag = kTag},
        protocol::ConfigArg {}};
    const auto encoded = protocol::encodeFrame(query);
    QVERIFY(encoded.ok());
    // vblade may still be opening its socket: ask again until it answers.
    const auto ask = [&]() { QVERIFY(transport->send(*encoded).ok()); };
    ask();
    QTimer again;
    connect(&again, &QTimer::timeout, this, ask);
    again.start(300);
    QTRY_VERIFY2_WITH_TIMEOUT(reply.has_value(), qPrintable(m_lab->logOf(vblade)), 10000);
    again.stop();

    QVERIFY(reply->header.response);
    QVERIFY(!reply->header.error);
    QCOMPARE(reply->header.major, std::uint16_t {7});
    QCOMPARE(reply->header.minor, std::uint8_t {3});
    QCOMPARE(reply->header.tag, kTag);
    QCOMPARE(reply->header.commandCode(), protocol::Command::QueryConfig);
    QCOMPARE(reply->header.source, Lab::targetMac());
    QCOMPARE(reply->header.destination, Lab::initiatorMac());
    const auto *config = reply->as<protocol::ConfigArg>();
    QVERIFY(config);
    QCOMPARE(config->bufferCount, std::uint16_t {16});
    QCOMPARE(config->firmwareVersion, std::uint16_t {0x4019});
    QCOMPARE(int(config->sectorCount), sectorCount);

    // Not one of our own broadcasts came back to us (the kernel skips the sending socket).
    for (const QByteArray &frame : received)
        QVERIFY(frame.mid(6, 6) != QByteArray(reinterpret_cast<const char *>(Lab::initiatorMac().bytes().data()), 6));
}

void TestPcapTransport::openErrors_data()
{
    QTest::addColumn<QString>("interface");
    QTest::addColumn<bool>("bringDown");
    QTest::addColumn<TransportError::Code>("code");
    QTest::addColumn<QString>("fixMentions");

    QTest::addRow("missing interface") << QStringLiteral("aoesan-none0") << false
                                       << TransportError::Code::NoSuchInterface << QStringLiteral("ip link");
    QTest::addRow("interface down") << Lab::initiatorInterface() << true << TransportError::Code::InterfaceDown
                                    << QStringLiteral("sudo ip link set veth-i up");
    QTest::addRow("loopback") << QStringLiteral("lo") << false << TransportError::Code::Unsupported
                              << QStringLiteral("Ethernet");
}

void TestPcapTransport::openErrors()
{
    QFETCH(QString, interface);
    QFETCH(bool, bringDown);
    QFETCH(TransportError::Code, code);
    QFETCH(QString, fixMentions);
    makeLab();
    if (bringDown)
        QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), interface, false));

    const auto guard = m_lab->enter(m_lab->initiatorNamespace());
    QVERIFY2(guard.ok(), qPrintable(guard.error()));
    const auto opened = PcapTransport::open(interface.toStdString());
    QVERIFY(!opened.ok());
    const TransportError &error = opened.error();
    QVERIFY2(error.code == code, codeName(error.code));
    QVERIFY2(error.message.find(interface.toStdString()) != std::string::npos, error.message.c_str());
    QVERIFY2(error.fix.find(fixMentions.toStdString()) != std::string::npos, error.describe().c_str());
}

void TestPcapTransport::noPermission()
{
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("setpriv")));
    makeLab();
    // As root, a new program gets every capability in the bounding set: dropping CAP_NET_RAW from it
    // (and from the inheritable set) leaves the child root but without the right to raw sockets.
    const auto result = m_lab->run(m_lab->initiatorNamespace(),
        {Lab::findTool(QStringLiteral("setpriv")), QStringLiteral("--inh-caps=-net_raw"),
            QStringLiteral("--bounding-set=-net_raw"), QStringLiteral("--"), QCoreApplication::applicationFilePath(),
            QString::fromLatin1(kHelperFlag), Lab::initiatorInterface()});
    QVERIFY2(result.ok(), qPrintable(result.output));
    QVERIFY2(result.output.contains(QStringLiteral("capability=0\n")), qPrintable(result.output));
    QVERIFY2(result.output.contains(QStringLiteral("result=NoPermission\n")), qPrintable(result.output));
    QVERIFY2(result.output.contains(QStringLiteral("setcap cap_net_raw+ep")), qPrintable(result.output));
    QVERIFY2(result.output.contains(QStringLiteral("sudo usermod -aG aoesan $USER")), qPrintable(result.output));
}

void TestPcapTransport::linkDownIsNotFatal()
{
    makeLab();
    const auto guard = m_lab->enter(m_lab->initiatorNamespace());
    QVERIFY2(guard.ok(), qPrintable(guard.error()));
    auto opened = PcapTransport::open(Lab::initiatorInterface().toStdString());
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
    std::unique_ptr<PcapTransport> transport = std::move(opened).value();
    QSignalSpy failures(transport.get(), &Transport::failed);
    const QByteArray frame(60, '\0');

    // A pulled cable: sending says why it fails, but the transport lives on for when the link is back.
    QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), Lab::initiatorInterface(), false));
    QTest::qWait(200);
    const auto whileDown = transport->send(bytesOf(frame));
    QVERIFY(!whileDown.ok());
    QVERIFY2(whileDown.error().code == TransportError::Code::InterfaceDown, whileDown.error().describe().c_str());
    QCOMPARE(failures.size(), 0);

    QVERIFY(m_lab->setLinkUp(m_lab->initiatorNamespace(), Lab::initiatorInterface(), true));
    QTRY_VERIFY_WITH_TIMEOUT(transport->send(bytesOf(frame)).ok(), 3000);
    QCOMPARE(failures.size(), 0);
}

void TestPcapTransport::interfaceRemovedFails()
{
    makeLab();
    const auto guard = m_lab->enter(m_lab->initiatorNamespace());
    QVERIFY2(guard.ok(), qPrintable(guard.error()));
    auto opened = PcapTransport::open(Lab::initiatorInterface().toStdString());
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
    std::unique_ptr<PcapTransport> transport = std::move(opened).value();
    std::optional<TransportError> failure;
    connect(transport.get(), &Transport::failed, this, [&](const TransportError &error) { failure = error; });

    const auto removed = m_lab->run(m_lab->initiatorNamespace(),
        {Lab::findTool(QStringLiteral("ip")), QStringLiteral("link"), QStringLiteral("del"),
            Lab::initiatorInterface()});
    QVERIFY2(removed.ok(), qPrintable(removed.output));
    QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), 5000);
    QVERIFY2(failure->code == TransportError::Code::NoSuchInterface, failure->describe().c_str());
    QVERIFY2(failure->message.find("veth-i") != std::string::npos, failure->message.c_str());
    // Once failed, it says so instead of pretending to send.
    QVERIFY(!transport->send(bytesOf(QByteArray(60, '\0'))).ok());
}

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], kHelperFlag) == 0)
        return openPcapHelper(argc, argv, argv[2]);
    QCoreApplication app(argc, argv);
    TestPcapTransport test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pcap_transport.moc"
