// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl as a client of aoesan-service, run the way its help says: `exports list|show|add|set|start|stop|
// remove` go through the service on the (private) system bus, `--store` keeps the local file, a refusal by
// polkit exits 3 with the fix, and `targets [--json] [--watch] [REGEX]` prints what the service discovered
// (a stand-in probe announces three targets) with no privilege. No frame is sent anywhere.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "ServiceRig.h"
#include "service/DbusTypes.h"
#include "service/ServiceClient.h"

using namespace aoesan;
using test::ServiceRig;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliService : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServiceRig> m_rig;
    QTemporaryDir m_home;

    QProcessEnvironment environment(bool withService = true) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
            withService ? m_rig->address() : QStringLiteral("unix:path=") + m_home.filePath(QStringLiteral("no-bus")));
        return env;
    }

    Run ctl(const QStringList &args, bool withService = true) const
    {
        QProcess p;
        p.setProcessEnvironment(environment(withService));
        p.start(QStringLiteral(AOESAN_CTL), args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString image() const { return m_rig->path(QStringLiteral("disk.img")); }

    service::ServiceClient &client()
    {
        static service::ServiceClient c(m_rig->connect(QStringLiteral("checker")));
        (void)c.refresh();
        return c;
    }

private slots:
    void initTestCase()
    {
        service::registerDbusTypes();
        QVERIFY(m_home.isValid());
        m_rig = std::make_unique<ServiceRig>();
        QVERIFY2(m_rig->ok(), qPrintable(m_rig->error()));
        QFile f(image());
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(8 << 20));
        f.close();
        qputenv("AOESAN_FAKE_TARGETS", "3");
        QVERIFY2(m_rig->startService({QStringLiteral("--engine"), QStringLiteral(AOESAN_FAKE_PROBE_ENGINE),
                     QStringLiteral("-i"), QStringLiteral("lan0")}),
            qPrintable(m_rig->error()));
    }

    void exportsGoThroughTheService()
    {
        Run r = ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("boot"),
            QStringLiteral("--force"), QStringLiteral("5"), QStringLiteral("1"), QStringLiteral("lan0"), image()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QLatin1String("added boot: e5.1 on lan0")));
        QVERIFY(client().exports().contains(QStringLiteral("boot")));
        QVERIFY(QFile::exists(m_rig->configDir() + QStringLiteral("/exports.json")));

        r = ctl({QStringLiteral("exports"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QRegularExpression(
                     QStringLiteral("^boot +e5\\.1 +lan0 +no +"), QRegularExpression::MultilineOption)),
            qPrintable(r.out));
        r = ctl({QStringLiteral("exports"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 1);

        r = ctl({QStringLiteral("exports"), QStringLiteral("set"), QStringLiteral("boot"), QStringLiteral("-r"),
            QStringLiteral("--autostart"), QStringLiteral("--config"), QStringLiteral("boot disk")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QLatin1String("changed boot:")));
        const auto changed = client().exports().at(QStringLiteral("boot")).record;
        QVERIFY(changed.readOnly && changed.autostart);
        QCOMPARE(changed.configString, QStringLiteral("boot disk"));

        r = ctl({QStringLiteral("exports"), QStringLiteral("start"), QStringLiteral("boot")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Its engine fails here (there is no lan0): show says so, with the engine's reason.
        QVERIFY(ServiceRig::waitFor(
            [&] {
                const auto s = client().exports().at(QStringLiteral("boot")).status;
                return s.lastError.has_value();
            },
            10000));
        r = ctl({QStringLiteral("exports"), QStringLiteral("show"), QStringLiteral("boot")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("state:")) && r.out.contains(QLatin1String("lan0")), qPrintable(r.out));
        r = ctl({QStringLiteral("exports"), QStringLiteral("show"), QStringLiteral("boot"), QStringLiteral("--json")});
        const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("record")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("boot"));
        QVERIFY(shown.value(QStringLiteral("status")).toObject().contains(QStringLiteral("lastError")));
        r = ctl({QStringLiteral("exports"), QStringLiteral("stop"), QStringLiteral("boot")});
        QCOMPARE(r.code, 0);

        // Bad input from the CLI reaches the service and comes back as its sentence.
        r = ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("twin"),
            QStringLiteral("--force"), QStringLiteral("5"), QStringLiteral("1"), QStringLiteral("lan0"), image()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("e5.1")), qPrintable(r.err));
        r = ctl({QStringLiteral("exports"), QStringLiteral("show"), QStringLiteral("nobody")});
        QCOMPARE(r.code, 1);
    }

    void refusedByPolkitExitsThreeWithTheFix()
    {
        QVERIFY(m_rig->polkitMock(QStringLiteral("AllowUnknown"), {false}));
        QVERIFY(m_rig->polkitMock(QStringLiteral("SetAllowed"), {QStringList {}}));
        const Run r = ctl({QStringLiteral("exports"), QStringLiteral("remove"), QStringLiteral("boot")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("group aoesan")) && r.err.contains(QLatin1String("usermod")),
            qPrintable(r.err));
        QVERIFY(client().exports().contains(QStringLiteral("boot")));
        // Viewing needs nothing.
        QCOMPARE(ctl({QStringLiteral("exports"), QStringLiteral("list")}).code, 0);
        QCOMPARE(ctl({QStringLiteral("targets")}).code, 0);
        QVERIFY(m_rig->polkitMock(QStringLiteral("AllowUnknown"), {true}));
        QCOMPARE(ctl({QStringLiteral("exports"), QStringLiteral("remove"), QStringLiteral("boot")}).code, 0);
        QVERIFY(!client().exports().contains(QStringLiteral("boot")));
    }

    void storeKeepsTheLocalFile()
    {
        const QString store = m_home.filePath(QStringLiteral("mine.json"));
        const Run r = ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--store"), store,
            QStringLiteral("--name"), QStringLiteral("local"), QStringLiteral("--force"), QStringLiteral("6"),
            QStringLiteral("1"), QStringLiteral("lan0"), image()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(store));
        QVERIFY(!client().exports().contains(QStringLiteral("local")));
    }

    void targetsListWhatTheServiceDiscovered()
    {
        QVERIFY(ServiceRig::waitFor([&] { return client().targets().size() == 3; }, 10000));
        Run r = ctl({QStringLiteral("targets")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        // aoe-stat's columns: e1.0, 1.073GB (2097152 sectors), lan0, payload, up.
        QVERIFY2(lines.first().contains(QRegularExpression(QStringLiteral("^ +e1\\.0 +1\\.073GB +lan0 .* up"))),
            qPrintable(lines.first()));
        r = ctl({QStringLiteral("targets"), QStringLiteral("e1\\.2")});
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1);
        r = ctl({QStringLiteral("targets"), QStringLiteral("--json")});
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("aoesan fake"));
        QVERIFY(list.at(0).toObject().contains(QStringLiteral("local")));
        QCOMPARE(ctl({QStringLiteral("targets"), QStringLiteral("(")}).code, 2);
    }

    void watchFollowsTheServiceGoingAway()
    {
        QProcess watch;
        watch.setProcessEnvironment(environment());
        watch.start(QStringLiteral(AOESAN_CTL), {QStringLiteral("targets"), QStringLiteral("--watch")});
        QVERIFY(watch.waitForStarted());
        QVERIFY(ServiceRig::waitFor(
            [&] { return watch.bytesAvailable() > 0 && watch.peek(4096).count('\n') >= 3; }, 10000));
        QCOMPARE(m_rig->stopService(SIGKILL), -1);
        QVERIFY(ServiceRig::waitFor([&] { return watch.peek(8192).count(" gone\n") == 3; }, 10000));
        ::kill(static_cast<pid_t>(watch.processId()), SIGINT);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY(QString::fromUtf8(watch.readAllStandardError()).contains(QLatin1String("went away")));
        QVERIFY2(m_rig->startService({QStringLiteral("--engine"), QStringLiteral(AOESAN_FAKE_PROBE_ENGINE),
                     QStringLiteral("-i"), QStringLiteral("lan0")}),
            qPrintable(m_rig->error()));
    }

    void withoutAServiceTheCliSaysSoOrUsesTheFile()
    {
        Run r = ctl({QStringLiteral("targets")}, false);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("no aoesan service is running")), qPrintable(r.err));
        r = ctl({QStringLiteral("exports"), QStringLiteral("list")}, false);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(m_home.filePath(QStringLiteral("config/aoesan/exports.json"))), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliService)
#include "tst_cli_service.moc"
