// SPDX-License-Identifier: GPL-3.0-or-later
// Capture through the service (Manager.StartCapture, label net, root): aoesan-service on a private system bus in
// the lab's target namespace captures veth-t into a file the test opened and passed as a descriptor, while
// aoesan-ctl identify asks vblade (the initiator side) for e9.9; tshark reads the file back: the IDENTIFY request and
// its answer, with shelf 9 and slot 9. The Capture object counts frames; only its owner may stop it; an owner
// that leaves the bus ends it (its engine goes); bad options get typed errors; a fifth capture is refused;
// polkit's no is NotAuthorized.
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

#include "Lab.h"
#include "ServiceRig.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"

using namespace aoesan;
using namespace aoesan::service;
using test::Lab;
using test::ServiceRig;

namespace {

// StartCapture on `c` into a new file at `path`; the object path, or the error name.
std::pair<QString, QString> startCapture(QDBusConnection &c, const QString &path, const QVariantMap &options)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(kBusName), QLatin1String(kRootPath),
        QLatin1String(kManagerInterface), QStringLiteral("StartCapture"));
    m << QVariant::fromValue(QDBusUnixFileDescriptor(fd)) << options;
    const QDBusMessage reply = c.call(m, QDBus::Block, 15000);
    ::close(fd);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return {QString(), reply.errorName() + QStringLiteral(": ") + reply.errorMessage()};
    return {reply.arguments().value(0).value<QDBusObjectPath>().path(), QString()};
}

QVariantMap captureProperties(QDBusConnection &c, const QString &path)
{
    QDBusMessage m = QDBusMessage::createMethodCall(
        QLatin1String(kBusName), path, QLatin1String(kPropertiesInterface), QStringLiteral("GetAll"));
    m << QLatin1String(kCaptureInterface);
    const QDBusMessage reply = c.call(m, QDBus::Block, 5000);
    return reply.type() == QDBusMessage::ReplyMessage ? qdbus_cast<QVariantMap>(reply.arguments().value(0))
                                                      : QVariantMap {};
}

QString stopCapture(QDBusConnection &c, const QString &path)
{
    const QDBusMessage reply = c.call(QDBusMessage::createMethodCall(QLatin1String(kBusName), path,
                                          QLatin1String(kCaptureInterface), QStringLiteral("Stop")),
        QDBus::Block, 10000);
    return reply.type() == QDBusMessage::ReplyMessage ? QString() : reply.errorName();
}

} // namespace

class TestServiceCapture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        AOESAN_SKIP_IF(Lab::unavailableReason());
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
        AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("tshark")));
        registerDbusTypes();
    }

    void captureThroughTheService()
    {
        Lab lab;
        QVERIFY2(lab.ok(), qPrintable(lab.error()));
        const QString image = lab.createSparseImage(QStringLiteral("vblade.img"), 16 << 20);
        QVERIFY(lab.start(lab.initiatorNamespace(),
            {Lab::findTool(QStringLiteral("vblade")), QStringLiteral("9"), QStringLiteral("9"),
                Lab::initiatorInterface(), image}));
        test::ServiceRigOptions options;
        options.netns = lab.targetNamespace();
        ServiceRig rig(options);
        QVERIFY2(rig.ok(), qPrintable(rig.error()));
        QVERIFY2(rig.startService({QStringLiteral("-i"), Lab::targetInterface(), QStringLiteral("--no-discovery")}),
            qPrintable(rig.error()));
        QDBusConnection person = rig.connect(QStringLiteral("person"));
        const QString veth = Lab::targetInterface();

        // Bad options first: typed errors, nothing runs.
        const QString junk = rig.path(QStringLiteral("junk.pcap"));
        QVERIFY(startCapture(person, junk, {}).second.startsWith(QLatin1String(error::kBadInterface)));
        QVERIFY(startCapture(person, junk, {{QStringLiteral("interface"), QStringLiteral("bad/if")}})
                    .second.startsWith(QLatin1String(error::kBadInterface)));
        QVERIFY(startCapture(
            person, junk, {{QStringLiteral("interface"), veth}, {QStringLiteral("target"), QStringLiteral("e70000.1")}})
                    .second.startsWith(QLatin1String(error::kBadAddress)));
        QVERIFY(startCapture(person, junk, {{QStringLiteral("interface"), veth}, {QStringLiteral("seconds"), 5}})
                    .second.startsWith(QLatin1String(error::kInvalidArgs))); // int, not u
        QVERIFY(startCapture(
            person, junk, {{QStringLiteral("interface"), veth}, {QStringLiteral("seconds"), QVariant::fromValue(0U)}})
                    .second.startsWith(QLatin1String(error::kBadOption)));
        QVERIFY(startCapture(person, junk, {{QStringLiteral("interface"), veth}, {QStringLiteral("snap"), true}})
                    .second.startsWith(QLatin1String(error::kInvalidArgs)));
        const auto noSuch = startCapture(person, junk, {{QStringLiteral("interface"), QStringLiteral("fk9")}});
        // An interface that is not there: the engine says so, and the capture fails with its words.
        if (!noSuch.first.isEmpty()) {
            QVERIFY(ServiceRig::waitFor(
                [&] {
                    return captureProperties(person, noSuch.first).value(QStringLiteral("State")).toString()
                        == QLatin1String("failed");
                },
                5000));
            QVERIFY2(captureProperties(person, noSuch.first)
                         .value(QStringLiteral("Error"))
                         .toString()
                         .contains(QLatin1String("fk9")),
                qPrintable(captureProperties(person, noSuch.first).value(QStringLiteral("Error")).toString()));
            QCOMPARE(stopCapture(person, noSuch.first), QString());
        }

        // A real one: e9.9's frames while aoesan-ctl identify asks vblade.
        const QString file = rig.path(QStringLiteral("identify.pcap"));
        const auto [path, failure] = startCapture(
            person, file, {{QStringLiteral("interface"), veth}, {QStringLiteral("target"), QStringLiteral("e9.9")}});
        QVERIFY2(failure.isEmpty(), qPrintable(failure + rig.serviceLog()));
        QVERIFY(path.startsWith(QLatin1String(kCapturesPath)));
        QVariantMap props = captureProperties(person, path);
        QCOMPARE(props.value(QStringLiteral("Interface")).toString(), veth);
        QCOMPARE(props.value(QStringLiteral("Filter")).toString(), QStringLiteral("e9.9's frames"));
        QCOMPARE(props.value(QStringLiteral("Owner")).toString(), person.baseService());
        QTest::qWait(500);
        const auto ping = lab.run(lab.targetNamespace(),
            {QStringLiteral(AOESAN_CTL), QStringLiteral("identify"), QStringLiteral("-i"), veth, QStringLiteral("9.9")},
            15000);
        QVERIFY2(ping.ok(), qPrintable(ping.output));
        QVERIFY2(ServiceRig::waitFor(
                     [&] { return captureProperties(person, path).value(QStringLiteral("Frames")).toULongLong() >= 2; },
                     5000),
            qPrintable(rig.serviceLog()));
        QCOMPARE(captureProperties(person, path).value(QStringLiteral("State")).toString(), QStringLiteral("running"));

        // Someone else may not stop it.
        QDBusConnection stranger = rig.connect(QStringLiteral("stranger"));
        QCOMPARE(stopCapture(stranger, path), QLatin1String(error::kNotAuthorized));
        QCOMPARE(stopCapture(person, path), QString());
        QVERIFY(captureProperties(person, path).isEmpty()); // the object is gone

        QProcess tshark;
        tshark.start(QStringLiteral("tshark"),
            {QStringLiteral("-r"), file, QStringLiteral("-Y"), QStringLiteral("aoe.ata.cmd == 0xec"),
                QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("aoe.major"),
                QStringLiteral("-e"), QStringLiteral("aoe.minor"), QStringLiteral("-e"),
                QStringLiteral("aoe.response")});
        QVERIFY(tshark.waitForFinished(30000));
        const QString fields = QString::fromUtf8(tshark.readAllStandardOutput());
        QVERIFY2(fields.contains(QLatin1String("0x0009\t0x09\t0")), qPrintable(fields)); // the IDENTIFY
        QVERIFY2(fields.contains(QLatin1String("0x0009\t0x09\t1")), qPrintable(fields)); // vblade's answer

        // An owner that leaves the bus ends its capture.
        QString left;
        {
            QDBusConnection leaving = QDBusConnection::connectToBus(rig.address(), QStringLiteral("capture-leaving"));
            const auto started
                = startCapture(leaving, rig.path(QStringLiteral("left.pcap")), {{QStringLiteral("interface"), veth}});
            QVERIFY2(started.second.isEmpty(), qPrintable(started.second));
            left = started.first;
        }
        QVERIFY(!captureProperties(person, left).isEmpty());
        QDBusConnection::disconnectFromBus(QStringLiteral("capture-leaving")); // the last reference: it closes
        QVERIFY2(ServiceRig::waitFor([&] { return captureProperties(person, left).isEmpty(); }, 10000),
            "the capture outlived its owner");

        // At most four at once.
        QStringList running;
        for (int i = 0; i < 4; ++i) {
            const auto s = startCapture(person, rig.path(QStringLiteral("many%1.pcap").arg(i)),
                {{QStringLiteral("interface"), veth}, {QStringLiteral("seconds"), QVariant::fromValue(60U)}});
            QVERIFY2(s.second.isEmpty(), qPrintable(s.second));
            running << s.first;
        }
        QVERIFY(startCapture(person, junk, {{QStringLiteral("interface"), veth}})
                    .second.startsWith(QLatin1String(error::kRefused)));
        for (const QString &p : running)
            QCOMPARE(stopCapture(person, p), QString());

        // polkit's no.
        QVERIFY(rig.polkitMock(QStringLiteral("AllowUnknown"), {false}));
        QVERIFY(rig.polkitMock(QStringLiteral("SetAllowed"), {QStringList {QLatin1String(action::kManageExports)}}));
        QVERIFY(startCapture(person, junk, {{QStringLiteral("interface"), veth}})
                    .second.startsWith(QLatin1String(error::kNotAuthorized)));
        QCOMPARE(rig.stopService(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceCapture)
#include "tst_service_capture.moc"
