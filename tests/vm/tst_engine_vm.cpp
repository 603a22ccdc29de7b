// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-engine against the real Linux aoe initiator: Debian's kernel boots under qemu (TCG) on a tap
// bridged into a namespace lab, discovers the export, writes a pattern, reads the whole device back,
// and its md5 must equal the image's on the host; at MTU 1500 (1024-byte payload) and 9000 (8704),
// and against a read-only export, where the guest's write must fail and the image stay unchanged.
// Skips with the reason when qemu, the kernel image or busybox-static is missing.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "EngineProcess.h"
#include "Lab.h"
#include "TargetFrames.h"

using aoesan::test::EngineProcess;
using aoesan::test::Lab;
using aoesan::test::LabOptions;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
const QString kVmDir = QStringLiteral(AOESAN_VM_DIR);
constexpr qint64 kImageBytes = 4 << 20; // 8192 sectors: a whole-device read takes well under a second
constexpr int kSkip = 77; // the scripts' "missing prerequisite"

QByteArray md5Of(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Md5);
    return f.open(QIODevice::ReadOnly) && hash.addData(&f) ? hash.result().toHex() : QByteArray();
}

// "AOETEST write lba=8 sectors=16 rc=0 verify=ok md5=..." → {"lba": "8", ...} for the line's topic.
QMap<QString, QString> aoetestLine(const QString &output, const QString &topic)
{
    QMap<QString, QString> fields;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QStringLiteral("AOETEST ") + topic))
            continue;
        static const QRegularExpression pair(QStringLiteral("(\\w+)=(\\S*)"));
        auto it = pair.globalMatch(line);
        while (it.hasNext()) {
            const auto m = it.next();
            fields.insert(m.captured(1), m.captured(2));
        }
    }
    return fields;
}

struct ScriptRun
{
    int exitCode = -1;
    QString output; // stdout (AOETEST lines) and stderr
};

ScriptRun runScript(const QString &script, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("/bin/bash"), QStringList {script} + arguments);
    ScriptRun run;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill(); // the script's own `timeout` would have ended qemu first; this is a last resort
        process.waitForFinished(5000);
        run.output = QString::fromLocal8Bit(process.readAll()) + QStringLiteral("\n(no end in time)");
        return run;
    }
    run.output = QString::fromLocal8Bit(process.readAll());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

} // namespace

class TestEngineVm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void kernelInitiator_data();
    void kernelInitiator();

private:
    QTemporaryDir m_build;
    QString m_initramfs;
    QString m_skip;
    std::unique_ptr<Lab> m_lab;
};

void TestEngineVm::initTestCase()
{
    m_skip = Lab::unavailableReason();
    for (const auto &tool : {QStringLiteral("qemu-system-x86_64"), QStringLiteral("busybox"), QStringLiteral("cpio")})
        if (m_skip.isEmpty())
            m_skip = Lab::missingTool(tool);
    if (!m_skip.isEmpty())
        return;
    // One initramfs (busybox, aoe.ko, virtio-net) for every run of this executable.
    QVERIFY(m_build.isValid());
    m_initramfs = m_build.filePath(QStringLiteral("initramfs.cpio.gz"));
    const ScriptRun built = runScript(kVmDir + QStringLiteral("/build-initramfs.sh"), {m_initramfs}, 120000);
    if (built.exitCode == kSkip)
        m_skip = built.output.trimmed();
    else
        QVERIFY2(built.exitCode == 0, qPrintable(built.output));
}

void TestEngineVm::init()
{
    AOESAN_SKIP_IF(m_skip);
}

void TestEngineVm::cleanup()
{
    m_lab.reset();
}

void TestEngineVm::kernelInitiator_data()
{
    QTest::addColumn<int>("mtu");
    QTest::addColumn<int>("payload"); // sysfs: bytes per frame the kernel chose
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("write"); // LBA,SECTORS of the guest's pattern
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("io"); // how the engine says it serves READ/WRITE

    // At 1500 the kernel moves 2 sectors a frame, at 9000 17: both paths and both write sizes.
    const QString inl = QStringLiteral("inline");
    QTest::addRow("MTU 1500") << 1500 << 1024 << false << QStringLiteral("8,16") << QStringList() << inl;
    QTest::addRow("MTU 9000") << 9000 << 8704 << false << QStringLiteral("100,64") << QStringList() << inl;
    QTest::addRow("read-only export, MTU 1500")
        << 1500 << 1024 << true << QStringLiteral("8,8") << QStringList {} << inl;
    // -d alone: kernel AIO from the receive thread; -ds: a pool of I/O threads. Either way replies
    // leave out of order, and the kernel's 17-sector frames are not a multiple of a page.
    QTest::addRow("MTU 9000, O_DIRECT, kernel AIO") << 9000 << 8704 << false << QStringLiteral("33,40")
                                                    << QStringList {QStringLiteral("-d")} << QStringLiteral("aio");
    QTest::addRow("MTU 9000, O_DIRECT and O_SYNC, I/O threads")
        << 9000 << 8704 << false << QStringLiteral("75,24") << QStringList {QStringLiteral("-ds")}
        << QStringLiteral("threads");
}

void TestEngineVm::kernelInitiator()
{
    QFETCH(int, mtu);
    QFETCH(int, payload);
    QFETCH(bool, readOnly);
    QFETCH(QString, write);
    QFETCH(QStringList, options);
    QFETCH(QString, io);
    m_lab = std::make_unique<Lab>(LabOptions {.mtu = mtu, .bridge = true});
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    const QString image = m_lab->createSparseImage(QStringLiteral("vm.img"), kImageBytes);
    QVERIFY(!image.isEmpty());
    {
        // Labelled sectors at the start, so a read from the wrong place or a lost write shows in the md5.
        QFile f(image);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(aoesan::test::frames::sectorLabels(0, 256));
    }
    const QByteArray before = md5Of(image);

    EngineProcess engine(*m_lab, kEngine);
    QStringList serve
        = {QStringLiteral("--no-state"), QStringLiteral("0"), QStringLiteral("1"), Lab::targetInterface(), image};
    if (readOnly)
        serve.prepend(QStringLiteral("-r"));
    QVERIFY2(engine.start(options + serve), qPrintable(engine.error()));
    QCOMPARE(engine.started().value(QStringLiteral("io")).toString(), io);

    QElapsedTimer clock;
    clock.start();
    const QString log = m_lab->workPath(QStringLiteral("vm.log"));
    const ScriptRun vm = runScript(kVmDir + QStringLiteral("/run-initiator-vm.sh"),
        {QStringLiteral("-n"), m_lab->initiatorNamespace(), QStringLiteral("-t"), m_lab->tapInterface(),
            QStringLiteral("-m"), QString::number(mtu), QStringLiteral("-w"), write, QStringLiteral("-T"),
            QStringLiteral("90"), QStringLiteral("-l"), log, QStringLiteral("-i"), m_initramfs},
        150000);
    const qint64 wallMs = clock.elapsed();
    if (vm.exitCode == kSkip)
        QSKIP(qPrintable(vm.output.trimmed()));
    QVERIFY2(engine.running(), qPrintable(engine.log()));
    QCOMPARE(engine.stop(), 0);
    qInfo("kernel initiator at MTU %d%s%s: %.1f s wall, I/O %s", mtu, readOnly ? ", read-only" : "",
        qPrintable(options.isEmpty() ? QString() : QLatin1Char(' ') + options.join(QLatin1Char(' '))),
        double(wallMs) / 1000.0, qPrintable(io));
    QVERIFY2(wallMs < 60000, qPrintable(QStringLiteral("the VM run took %1 ms").arg(wallMs)));

    // The guest saw e0.1 with the image's size and the payload its MTU allows.
    const auto dev = aoetestLine(vm.output, QStringLiteral("dev="));
    QVERIFY2(dev.value(QStringLiteral("dev")) == QStringLiteral("e0.1"), qPrintable(vm.output));
    QCOMPARE(dev.value(QStringLiteral("size")), QString::number(kImageBytes / 512));
    QCOMPARE(dev.value(QStringLiteral("payload")), QString::number(payload));
    QVERIFY2(dev.value(QStringLiteral("state")).startsWith(QStringLiteral("up")), qPrintable(vm.output));

    const auto written = aoetestLine(vm.output, QStringLiteral("write"));
    const auto read = aoetestLine(vm.output, QStringLiteral("read"));
    QVERIFY2(!written.isEmpty() && !read.isEmpty(), qPrintable(vm.output));
    QCOMPARE(read.value(QStringLiteral("rc")), QStringLiteral("0"));
    const QByteArray after = md5Of(image);
    // What the guest read through the kernel is the image as the host has it afterwards.
    QCOMPARE(read.value(QStringLiteral("md5")).toLatin1(), after);
    if (readOnly) {
        QVERIFY2(vm.exitCode == 1 && vm.output.contains(QStringLiteral("AOETEST result=FAIL reason=write")),
            qPrintable(vm.output));
        QVERIFY2(written.value(QStringLiteral("rc")) != QStringLiteral("0")
                && written.value(QStringLiteral("verify")) == QStringLiteral("bad"),
            qPrintable(vm.output));
        QVERIFY2(after == before, "a read-only export's image changed");
        QVERIFY(engine.events(QStringLiteral("stopped")).first().value(QStringLiteral("errors")).toInteger() > 0);
        return;
    }
    QVERIFY2(vm.exitCode == 0, qPrintable(QStringLiteral("exit %1\n%2").arg(vm.exitCode).arg(vm.output)));
    QCOMPARE(written.value(QStringLiteral("rc")), QStringLiteral("0"));
    QCOMPARE(written.value(QStringLiteral("verify")), QStringLiteral("ok"));
    const int lba = write.section(QLatin1Char(','), 0, 0).toInt();
    const int sectors = write.section(QLatin1Char(','), 1, 1).toInt();
    QFile f(image);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.seek(qint64(lba) * 512));
    QByteArray pattern;
    while (pattern.size() < sectors * 512)
        pattern.append("aoesan-vm-write\n");
    QVERIFY2(f.read(sectors * 512) == pattern, "the pattern is not where the guest wrote it");
    QVERIFY(after != before);
    QVERIFY(engine.events(QStringLiteral("stopped")).first().value(QStringLiteral("bytesWritten")).toInteger()
        >= sectors * 512);
}

QTEST_GUILESS_MAIN(TestEngineVm)
#include "tst_engine_vm.moc"
