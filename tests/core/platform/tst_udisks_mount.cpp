// SPDX-License-Identifier: GPL-3.0-or-later
// UDisksMount against a stand-in udisks2 (tests/support/udisks/udisks2-standin.py) on a private
// dbus-daemon: a known, unmounted filesystem is mounted (the stand-in saw the Mount call) and its mount
// point answered; one mounted already answers its mount point without a call (found through a symlink);
// a block without a filesystem and an unknown node give their errors, so do a refused Mount (the password
// prompt dismissed) and one that never answers (after the bound); a bus without udisks2 says "not running"
// within a bound.
#include <QDBusConnection>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include "platform/UDisksMount.h"

using namespace aoesan;
using platform::MountError;
using platform::UDisksMount;

class TestUDisksMount : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_udisks;
    QString m_address;

    QString callsFile() const { return m_dir.filePath(QStringLiteral("calls")); }
    QStringList calls() const
    {
        QFile f(callsFile());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    static std::optional<Result<QString, MountError>> mount(
        UDisksMount &udisks, const QString &node, int waitMs = 10000)
    {
        std::optional<Result<QString, MountError>> answer;
        udisks.mount(node, [&](Result<QString, MountError> r) { answer = std::move(r); });
        if (answer)
            qWarning("answered before mount() returned");
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, waitMs))
            return std::nullopt;
        return answer;
    }

    bool startBus(QProcess &bus, QString &address, const QString &dir)
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            return false;
        bus.start(daemon,
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                QStringLiteral("--print-address=1"), QStringLiteral("--address=unix:dir=%1").arg(dir)});
        if (!bus.waitForStarted(5000) || !QTest::qWaitFor([&] { return bus.canReadLine(); }, 10000))
            return false;
        address = QString::fromUtf8(bus.readLine()).trimmed();
        return !address.isEmpty();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(startBus(m_bus, m_address, m_dir.path()), "dbus-daemon did not start (apt-get install dbus-daemon)");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        m_udisks.setProcessEnvironment(env);
        m_udisks.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_udisks.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(AOESAN_UDISKS_STANDIN), callsFile()});
        QVERIFY2(m_udisks.waitForStarted(5000), "/usr/bin/python3 is missing");
        QVERIFY2(QTest::qWaitFor([this] { return m_udisks.canReadLine(); }, 15000),
            "the udisks2 stand-in did not come up (python3-dbus and python3-gi needed)");
        QCOMPARE(m_udisks.readLine().trimmed(), QByteArray("ready"));
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_udisks, &m_bus}) {
            if (p->state() == QProcess::NotRunning)
                continue;
            p->terminate();
            if (!p->waitForFinished(5000)) {
                p->kill();
                p->waitForFinished(2000);
            }
        }
    }

    void mountsAKnownFilesystem()
    {
        UDisksMount udisks(QDBusConnection::connectToBus(m_address, QStringLiteral("mount-known")));
        const auto answer = mount(udisks, QStringLiteral("/dev/etherd/e0.1p1"));
        QVERIFY(answer);
        QVERIFY2(answer->ok(), answer->ok() ? "" : qPrintable(answer->error().message));
        QCOMPARE(answer->value(), QStringLiteral("/media/test/data"));
        QCOMPARE(
            calls(), QStringList {QStringLiteral("Mount /org/freedesktop/UDisks2/block_devices/etherd_21e0_2e1p1")});
        // Mounted now: the second time it only reads the mount point.
        const auto again = mount(udisks, QStringLiteral("/dev/etherd/e0.1p1"));
        QVERIFY(again && again->ok());
        QCOMPARE(again->value(), QStringLiteral("/media/test/data"));
        QCOMPARE(calls().size(), 1);
    }

    void answersTheMountPointOfAMountedOne()
    {
        // e0.2p1 is only a symlink of /dev/dm-7 in the stand-in: the Symlinks are compared too.
        UDisksMount udisks(QDBusConnection::connectToBus(m_address, QStringLiteral("mount-mounted")));
        const int before = static_cast<int>(calls().size());
        const auto answer = mount(udisks, QStringLiteral("/dev/etherd/e0.2p1"));
        QVERIFY(answer);
        QVERIFY2(answer->ok(), answer->ok() ? "" : qPrintable(answer->error().message));
        QCOMPARE(answer->value(), QStringLiteral("/media/test/old"));
        QCOMPARE(static_cast<int>(calls().size()), before);
    }

    void saysWhatIsWrong()
    {
        UDisksMount udisks(QDBusConnection::connectToBus(m_address, QStringLiteral("mount-wrong")));
        const int before = static_cast<int>(calls().size());
        const auto unknown = mount(udisks, QStringLiteral("/dev/etherd/e9.9"));
        QVERIFY(unknown && !unknown->ok());
        QCOMPARE(unknown->error().kind, MountError::Kind::UnknownDevice);
        QCOMPARE(unknown->error().message, QStringLiteral("udisks2 does not know /dev/etherd/e9.9"));
        const auto table = mount(udisks, QStringLiteral("/dev/etherd/e0.3"));
        QVERIFY(table && !table->ok());
        QCOMPARE(table->error().kind, MountError::Kind::NoFilesystem);
        QVERIFY2(
            table->error().message.contains(QStringLiteral("/dev/etherd/e0.3")), qPrintable(table->error().message));
        QCOMPARE(static_cast<int>(calls().size()), before);
    }

    void refusedAndHungMounts()
    {
        UDisksMount udisks(QDBusConnection::connectToBus(m_address, QStringLiteral("mount-refused")));
        const auto refused = mount(udisks, QStringLiteral("/dev/etherd/e0.4p1"));
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error().kind, MountError::Kind::NotAuthorized);
        QVERIFY2(
            refused->error().message.contains(QStringLiteral("Not authorized")), qPrintable(refused->error().message));
        // udisks2 takes the call and never answers: the bound ends it.
        udisks.setMountTimeout(std::chrono::seconds(1));
        QElapsedTimer clock;
        clock.start();
        const auto hung = mount(udisks, QStringLiteral("/dev/etherd/e0.5p1"), 5000);
        QVERIFY2(hung, "no answer within 5 s");
        QVERIFY(!hung->ok());
        QCOMPARE(hung->error().kind, MountError::Kind::Timeout);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(calls().contains(QStringLiteral("Mount /org/freedesktop/UDisks2/block_devices/etherd_21e0_2e5p1")));
    }

    void noUDisksOnTheBus()
    {
        QTemporaryDir dir;
        QProcess bus;
        QString address;
        QVERIFY(startBus(bus, address, dir.path()));
        {
            UDisksMount udisks(QDBusConnection::connectToBus(address, QStringLiteral("mount-none")));
            udisks.setListTimeout(std::chrono::seconds(3));
            QElapsedTimer clock;
            clock.start();
            const auto answer = mount(udisks, QStringLiteral("/dev/etherd/e0.1p1"), 5000);
            QVERIFY2(answer, "no answer within 5 s");
            QVERIFY(!answer->ok());
            QCOMPARE(answer->error().kind, MountError::Kind::NotRunning);
            QCOMPARE(answer->error().message, QStringLiteral("udisks2 is not running"));
            QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        }
        // A connection that is not there at all: the same answer, at once.
        UDisksMount nowhere(QDBusConnection::connectToBus(
            QStringLiteral("unix:path=%1/none").arg(dir.path()), QStringLiteral("mount-nowhere")));
        const auto answer = mount(nowhere, QStringLiteral("/dev/etherd/e0.1p1"), 2000);
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error().kind, MountError::Kind::NotRunning);
        bus.terminate();
        QVERIFY(bus.waitForFinished(5000));
    }

    void noAnswerAfterItIsGone()
    {
        bool answered = false;
        {
            UDisksMount udisks(QDBusConnection::connectToBus(m_address, QStringLiteral("mount-gone")));
            udisks.mount(QStringLiteral("/dev/etherd/e0.2p1"), [&](auto) { answered = true; });
        }
        QTest::qWait(300);
        QVERIFY(!answered);
    }
};

QTEST_GUILESS_MAIN(TestUDisksMount)
#include "tst_udisks_mount.moc"
