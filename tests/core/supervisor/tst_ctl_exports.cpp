// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl's export commands as a user types them, against a private XDG config directory: add with
// vblade's arguments, list, remove, import-vblade-conf, the refusals and their words, and `exports run`
// and `supervise` ending an export that cannot start (no network needed: the interface does not exist).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/stat.h>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCtlExports : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addListRemove();
    void addRefusals_data();
    void addRefusals();
    void addRefusesInterfaces_data();
    void addRefusesInterfaces();
    void fixCommandsKeepTheStore();
    void importVbladeConf();
    void specialFilesAreRefusedAtOnce();
    void startWithoutSystemdSaysWhatToDo();
    void runEndsFailedWithTheReason();
    void superviseStopsOnSigterm();

private:
    QProcessEnvironment environment() const;
    Run ctl(const QStringList &args, int timeoutMs = 15000) const;
    QString image() const { return m_dir->filePath(QStringLiteral("disk.img")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCtlExports::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QFile file(image());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.resize(1 << 20);
}

QProcessEnvironment TestCtlExports::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir->filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("AOESAN_ENGINE"), QStringLiteral(AOESAN_ENGINE));
    return env;
}

Run TestCtlExports::ctl(const QStringList &args, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(AOESAN_CTL), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestCtlExports::addListRemove()
{
    Run r = ctl({QStringLiteral("exports"), QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("no exports")), qPrintable(r.out));

    r = ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"),
        QStringLiteral("lab"), QStringLiteral("--autostart"), QStringLiteral("--config=rack 4"), QStringLiteral("-rd"),
        QStringLiteral("-m"), QStringLiteral("02:00:00:00:b0:02"), QStringLiteral("-o"), QStringLiteral("8"),
        QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), image()});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("added lab: e7.3 on lan1")), qPrintable(r.out));
    r = ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("1"),
        QStringLiteral("2"), QStringLiteral("lan1"), QStringLiteral("disk.img")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("does not exist (yet)")), qPrintable(r.err));

    r = ctl({QStringLiteral("exports"), QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("lab +e7\\.3 +lan1 +yes +%1").arg(image()))),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("e1.2-lan1")), qPrintable(r.out)); // the name made up for it

    r = ctl({QStringLiteral("exports"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(list.size(), 2);
    const QJsonObject lab = list.at(0).toObject();
    QCOMPARE(lab.value(QStringLiteral("configString")).toString(), QStringLiteral("rack 4"));
    QVERIFY(lab.value(QStringLiteral("readOnly")).toBool() && lab.value(QStringLiteral("direct")).toBool());
    QCOMPARE(lab.value(QStringLiteral("offsetSectors")).toInt(), 8);
    QCOMPARE(lab.value(QStringLiteral("macs")).toArray().first().toString(), QStringLiteral("02:00:00:00:b0:02"));
    QVERIFY(list.at(1).toObject().value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/disk.img")));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("config/aoesan/exports.json"))));

    r = ctl({QStringLiteral("exports"), QStringLiteral("remove"), QStringLiteral("lab")});
    QCOMPARE(r.code, 0);
    r = ctl({QStringLiteral("exports"), QStringLiteral("remove"), QStringLiteral("lab")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no export is named 'lab'")), qPrintable(r.err));
}

void TestCtlExports::addRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");

    QTest::addRow("too few words") << QStringList {QStringLiteral("7"), QStringLiteral("3")} << 2
                                   << QStringLiteral("needs at least shelf, slot, interface and file");
    QTest::addRow("broadcast slot") << QStringList {QStringLiteral("7"), QStringLiteral("255"), QStringLiteral("lan1"),
        QStringLiteral("/x.img")} << 2
                                    << QStringLiteral("255 means broadcast");
    QTest::addRow("bad name") << QStringList {QStringLiteral("--name"), QStringLiteral("a b"), QStringLiteral("7"),
        QStringLiteral("3"), QStringLiteral("lan1"), QStringLiteral("/x.img")}
                              << 2 << QStringLiteral("the name 'a b'");
    QTest::addRow("unknown option") << QStringList {QStringLiteral("-q"), QStringLiteral("7"), QStringLiteral("3"),
        QStringLiteral("lan1"), QStringLiteral("/x.img")}
                                    << 2 << QStringLiteral("unknown option -q");
    QTest::addRow("same address twice") << QStringList {QStringLiteral("--name"), QStringLiteral("twin"),
        QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), QStringLiteral("/y.img")}
                                        << 1 << QStringLiteral("already uses e7.3 on lan1");
}

void TestCtlExports::addRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    QCOMPARE(
        ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"),
                QStringLiteral("first"), QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), image()})
            .code,
        0);
    const Run r = ctl(QStringList {QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force")} + args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
}

void TestCtlExports::addRefusesInterfaces_data()
{
    QTest::addColumn<QString>("interface");
    QTest::addColumn<QString>("says");
    QTest::newRow("missing") << QStringLiteral("aoesan-none0")
                             << QStringLiteral("no network interface named 'aoesan-none0'");
    QTest::newRow("loopback") << QStringLiteral("lo") << QStringLiteral("'lo' is not an Ethernet interface");
}

void TestCtlExports::addRefusesInterfaces()
{
    QFETCH(QString, interface);
    QFETCH(QString, says);
    const QStringList args {QStringLiteral("7"), QStringLiteral("3"), interface, image()};
    Run r = ctl(QStringList {QStringLiteral("exports"), QStringLiteral("add")} + args);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("aoesan-ctl exports: ") + says), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--force")), qPrintable(r.err));
    // Nothing was added.
    r = ctl({QStringLiteral("exports"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
    // --force keeps it, for an interface that appears later.
    r = ctl(QStringList {QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force")} + args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestCtlExports::fixCommandsKeepTheStore()
{
    const QString store = m_dir->filePath(QStringLiteral("my exports.json"));
    QCOMPARE(ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"),
                     QStringLiteral("--store"), store, QStringLiteral("--name"), QStringLiteral("lab"),
                     QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), image()})
                 .code,
        0);
    const Run r = ctl(
        {QStringLiteral("exports"), QStringLiteral("start"), QStringLiteral("lab"), QStringLiteral("--store"), store});
    QCOMPARE(r.code, 1);
    const QString quoted = QStringLiteral("'") + store + QStringLiteral("'");
    QVERIFY2(r.err.contains(QStringLiteral("aoesan-ctl exports run lab --store ") + quoted), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("aoesan-ctl supervise --store ") + quoted), qPrintable(r.err));
    const Run empty = ctl({QStringLiteral("exports"), QStringLiteral("list"), QStringLiteral("--store"),
        m_dir->filePath(QStringLiteral("none.json"))});
    QVERIFY2(empty.out.contains(
                 QStringLiteral("aoesan-ctl exports add --store ") + m_dir->filePath(QStringLiteral("none.json"))),
        qPrintable(empty.out));
}

void TestCtlExports::importVbladeConf()
{
    const QString dir = QStringLiteral(AOESAN_SUPERVISOR_DATA "/vblade.conf.d");
    // One name is taken already: that file is skipped, the rest come in.
    QCOMPARE(
        ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"),
                QStringLiteral("plain"), QStringLiteral("9"), QStringLiteral("9"), QStringLiteral("lan1"), image()})
            .code,
        0);
    Run r = ctl({QStringLiteral("import-vblade-conf"), dir, QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("3 of 14 file(s) would be imported")), qPrintable(r.out));
    r = ctl({QStringLiteral("import-vblade-conf"), dir});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("imported manpage-example: e14.2 on ens3")), qPrintable(r.out));
    QVERIFY2(r.err.contains(QStringLiteral("plain.conf: there is already an export named 'plain'")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("skeleton.conf: it does not set")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("ionice")), qPrintable(r.out));
    r = ctl({QStringLiteral("exports"), QStringLiteral("list")});
    for (const char *name : {"continued", "manpage-example", "quoted", "plain"})
        QVERIFY2(r.out.contains(QLatin1String(name)), qPrintable(r.out));

    r = ctl({QStringLiteral("import-vblade-conf"), m_dir->filePath(QStringLiteral("nowhere"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
}

void TestCtlExports::specialFilesAreRefusedAtOnce()
{
    // A FIFO as the export list: list and add say what it is and exit 1 at once (no writer ever comes), and
    // the FIFO is still a FIFO afterwards: add did not replace it with a new list.
    const QString fifo = m_dir->filePath(QStringLiteral("exports.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const auto isFifo = [](const QString &path) {
        struct stat st
        {
        };
        return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
    };
    QElapsedTimer clock;
    clock.start();
    Run r = ctl({QStringLiteral("exports"), QStringLiteral("list"), QStringLiteral("--store"), fifo}, 5000);
    QVERIFY2(clock.elapsed() < 5000 && r.code != -1, "exports list hung on a FIFO");
    QCOMPARE(r.code, 1);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QStringLiteral("aoesan-ctl exports: the export list %1 is a FIFO, not a regular file\n").arg(fifo));
    clock.restart();
    r = ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--store"), fifo,
                QStringLiteral("--force"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("lan1"), image()},
        5000);
    QVERIFY2(clock.elapsed() < 5000 && r.code != -1, "exports add hung on a FIFO");
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("is a FIFO, not a regular file")), qPrintable(r.err));
    QVERIFY(isFifo(fifo));

    // import-vblade-conf over a directory with a FIFO and a link to /dev/zero beside a good file: both are
    // skipped with what they are (not a 4 GB read), the good one comes in.
    const QString conf = m_dir->filePath(QStringLiteral("vblade.conf.d"));
    QVERIFY(QDir().mkpath(conf));
    QCOMPARE(::mkfifo(QFile::encodeName(conf + QStringLiteral("/pipe.conf")).constData(), 0600), 0);
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), conf + QStringLiteral("/zero.conf")));
    {
        QFile good(conf + QStringLiteral("/good.conf"));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(QStringLiteral("shelf=4\nslot=5\nnetif=lan1\nfilename=%1\n").arg(image()).toUtf8());
    }
    const QString store = m_dir->filePath(QStringLiteral("imported.json"));
    clock.restart();
    r = ctl({QStringLiteral("import-vblade-conf"), QStringLiteral("--store"), store, conf}, 5000);
    QVERIFY2(clock.elapsed() < 5000 && r.code != -1, "import-vblade-conf hung on a FIFO or /dev/zero");
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QStringLiteral("skipped %1/pipe.conf: it is a FIFO, not a regular file\n").arg(conf)),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(
                 QStringLiteral("skipped %1/zero.conf: it is a character device, not a regular file\n").arg(conf)),
        qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("imported good: e4.5 on lan1")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("1 of 3 file(s) imported")), qPrintable(r.out));
    QVERIFY(isFifo(conf + QStringLiteral("/pipe.conf")));
}

void TestCtlExports::startWithoutSystemdSaysWhatToDo()
{
    if (QFile::exists(QStringLiteral("/run/systemd/system")))
        QSKIP("systemd runs here: `exports start` would really start a unit");
    QCOMPARE(ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"),
                     QStringLiteral("lab"), QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), image()})
                 .code,
        0);
    const Run r = ctl({QStringLiteral("exports"), QStringLiteral("start"), QStringLiteral("lab")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("aoesan-ctl exports run lab")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("aoesan-ctl supervise")), qPrintable(r.err));
}

void TestCtlExports::runEndsFailedWithTheReason()
{
    // An interface that exists nowhere: the engine stops before it could send anything, five times.
    QCOMPARE(ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"),
                     QStringLiteral("lost"), QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("aoesan-none0"),
                     image()})
                 .code,
        0);
    const Run r = ctl({QStringLiteral("exports"), QStringLiteral("run"), QStringLiteral("lost")}, 30000);
    QVERIFY2(r.code == 1, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("lost: restarting in 250 ms: no network interface named 'aoesan-none0'")),
        qPrintable(r.out));
    QVERIFY2(
        r.out.contains(QStringLiteral("lost: failed: no network interface named 'aoesan-none0'")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("gave up after 5 failed starts")), qPrintable(r.out));

    const Run missing = ctl({QStringLiteral("exports"), QStringLiteral("run"), QStringLiteral("nobody")});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("no export is named 'nobody'")), qPrintable(missing.err));
}

void TestCtlExports::superviseStopsOnSigterm()
{
    QCOMPARE(ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"),
                     QStringLiteral("lost"), QStringLiteral("--autostart"), QStringLiteral("7"), QStringLiteral("3"),
                     QStringLiteral("aoesan-none0"), image()})
                 .code,
        0);
    QCOMPARE(ctl({QStringLiteral("exports"), QStringLiteral("add"), QStringLiteral("--force"), QStringLiteral("--name"),
                     QStringLiteral("idle"), QStringLiteral("7"), QStringLiteral("4"), QStringLiteral("aoesan-none0"),
                     image()})
                 .code,
        0);
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(AOESAN_CTL), {QStringLiteral("supervise")});
    QVERIFY(p.waitForStarted());
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(p.readAllStandardOutput())).contains(QStringLiteral("lost: failed")), 20000);
    QVERIFY2(!out.contains(QStringLiteral("idle")), qPrintable(out)); // not autostart
    QCOMPARE(p.state(), QProcess::Running); // a failed export does not end the supervisor
    ::kill(pid_t(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(5000));
    out += QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("SIGTERM: stopping every export")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestCtlExports)
#include "tst_ctl_exports.moc"
