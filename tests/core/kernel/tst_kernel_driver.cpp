// SPDX-License-Identifier: GPL-3.0-or-later
// core/kernel over a made-up aoe driver (FakeAoeKernel): what `aoesan-ctl attach/detach/stat --kernel` and the
// service do with the real one, with every answer of the driver chosen by the test.
// The interface names (fk0x...) are made up: nothing here opens an interface or sends a frame; the driver is a
// directory tree.
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <chrono>
#include <memory>

#include "kernel/AoeDriver.h"
#include "kernel/AttachJob.h"
#include "kernel/FakeAoeKernel.h"
#include "kernel/KernelStat.h"

using namespace aoesan;
using namespace std::chrono_literals;

namespace {

// Runs an AttachJob to its end while the fake driver reacts to what the job writes, as the real one would.
Result<QString, QString> runAttach(test::FakeAoeKernel &fake, kernel::AoeDriver &driver, kernel::AttachRequest request,
    QStringList *progress = nullptr, std::chrono::milliseconds *took = nullptr)
{
    kernel::AttachJob job(driver, std::move(request));
    QTimer kernelTick;
    kernelTick.setInterval(20);
    QObject::connect(&kernelTick, &QTimer::timeout, [&fake] { fake.react(); });
    kernelTick.start();
    std::optional<Result<QString, QString>> result;
    QObject::connect(&job, &kernel::AttachJob::finished, [&](const Result<QString, QString> &r) { result = r; });
    QObject::connect(&job, &kernel::AttachJob::progress, [&](const QString &line) {
        if (progress)
            *progress << line;
    });
    const auto started = std::chrono::steady_clock::now();
    job.start();
    if (result)
        return Unexpected(QStringLiteral("finished inside start()"));
    QElapsedTimer waited;
    waited.start();
    while (!result && waited.elapsed() < 30000)
        QTest::qWait(10);
    if (!result)
        return Unexpected(QStringLiteral("the job never finished"));
    if (took)
        *took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return *result;
}

} // namespace

class TestKernelDriver : public QObject
{
    Q_OBJECT
private slots:
    void deviceNames_data();
    void deviceNames();
    void statMatchesAoeStat();
    void statWithoutPayloadAndFilter();
    void jsonRoundTrip();
    void explainsStates();
    void loadsRestrictedToInterfaces();
    void widensALoadedList();
    void leavesEveryInterfaceAlone();
    void loaderFailureIsReported();
    void attachWaitsForTheDevice();
    void attachRediscoversAndKeepsItsBound();
    void attachRejectsAWrongSize();
    void attachNamesAMissingNode();
    void usersAreFound();
    void detachRefusesWhileUsedThenFlushes();
    void controlWriteErrorsAreClear();
};

void TestKernelDriver::deviceNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("shelf"); // -1: rejected
    QTest::addColumn<int>("slot");
    QTest::newRow("e0.1") << "e0.1" << 0 << 1;
    QTest::newRow("bare") << "7.3" << 7 << 3;
    QTest::newRow("partition names its disk") << "e7.3p1" << 7 << 3;
    QTest::newRow("largest") << "e65534.254" << 65534 << 254;
    QTest::newRow("broadcast shelf") << "e65535.1" << -1 << 0;
    QTest::newRow("broadcast slot") << "e1.255" << -1 << 0;
    QTest::newRow("too big") << "e99999.1" << -1 << 0;
    QTest::newRow("word") << "discover" << -1 << 0;
    QTest::newRow("empty") << "" << -1 << 0;
    QTest::newRow("trailing junk") << "e0.1x" << -1 << 0;
}

void TestKernelDriver::deviceNames()
{
    QFETCH(QString, text);
    QFETCH(int, shelf);
    QFETCH(int, slot);
    const auto parsed = kernel::parseDeviceName(text);
    if (shelf < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(int(parsed->first), shelf);
    QCOMPARE(int(parsed->second), slot);
    QCOMPARE(kernel::deviceName(parsed->first, parsed->second), QStringLiteral("e%1.%2").arg(shelf).arg(slot));
}

void TestKernelDriver::statMatchesAoeStat()
{
    const QString aoeStat = QStandardPaths::findExecutable(
        QStringLiteral("aoe-stat"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    QVERIFY2(
        !aoeStat.isEmpty(), "aoe-stat (package aoetools) is needed: packaging/build-from-source.sh --test installs it");
    // aoe-stat drops every path that has a "p" in it (its partition filter), the fixture's own path included.
    std::unique_ptr<test::FakeAoeKernel> fake;
    for (int i = 0; i < 50 && (!fake || fake->root().contains(QLatin1Char('p'))); ++i)
        fake = std::make_unique<test::FakeAoeKernel>(QStringLiteral("/dev/shm/aoesan-kernel-XXXXXX"));
    QVERIFY(!fake->root().contains(QLatin1Char('p')));
    fake->setLoaded({QStringLiteral("fk0x")});
    // Names whose text order is their numeric order, so aoe-stat's plain `sort` and ours agree.
    fake->addDevice(1, 2, 2097152, QStringLiteral("fk0x"));
    fake->addDevice(7, 3, 131072, QStringLiteral("fk0x"));
    fake->addDevice(8, 0, 0, QStringLiteral("fk1x,fk2x"), QStringLiteral("down,closewait"));
    fake->addPartition(7, 3, 1, 131000); // partitions are not listed
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("sysfs_dir"), fake->root() + QStringLiteral("/sys"));
    process.setProcessEnvironment(env);
    process.start(aoeStat, {});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray theirs = process.readAllStandardOutput();
    const std::string ours = kernel::kernelStatReport(fake->driver().devices());
    QCOMPARE(QByteArray::fromStdString(ours), theirs);
    QVERIFY(theirs.contains("e7.3         0.067GB       fk0x 1024  up            \n"));
    QVERIFY(theirs.contains("down,closewait"));
}

void TestKernelDriver::statWithoutPayloadAndFilter()
{
    kernel::KernelDevice a;
    a.shelf = 10;
    a.slot = 0;
    a.sectors = 8388610;
    a.state = QStringLiteral("up");
    a.interfaces = {QStringLiteral("fk1x")};
    kernel::KernelDevice b = a;
    b.shelf = 9;
    b.sectors.reset(); // an unreadable size file
    b.state.clear();
    // Numeric order: e9 before e10 (aoe-stat's text sort would put e10.0 first).
    const std::string report = kernel::kernelStatReport({a, b});
    QCOMPARE(QString::fromStdString(report),
        QStringLiteral("      e9.0            (NA)   fk1x (NA)          \n"
                       "     e10.0         4.294GB   fk1x up            \n"));
    const std::string filtered = kernel::kernelStatReport({a, b}, QRegularExpression(QStringLiteral("e10")));
    QCOMPARE(QString::fromStdString(filtered), QStringLiteral("     e10.0         4.294GB   fk1x up            \n"));
    QCOMPARE(kernel::kernelStatReport({}), std::string());
}

void TestKernelDriver::jsonRoundTrip()
{
    test::FakeAoeKernel fake;
    fake.setLoaded({QStringLiteral("fk0x")});
    fake.addDevice(0, 1, 4194304, QStringLiteral("fk0x"));
    fake.addPartition(0, 1, 1, 2048000);
    fake.addPartition(0, 1, 2, 2000000);
    fake.mount(QStringLiteral("e0.1p2"), QStringLiteral("/mnt/data"));
    fake.openBy(4242, QStringLiteral("dd"), QStringLiteral("e0.1"));
    const auto devices = fake.driver().devices();
    QCOMPARE(devices.size(), size_t(1));
    const QJsonArray json = kernel::devicesToJson(devices);
    const QJsonObject o = json.first().toObject();
    QCOMPARE(o.value(QStringLiteral("address")).toString(), QStringLiteral("e0.1"));
    QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("/dev/etherd/e0.1"));
    QCOMPARE(o.value(QStringLiteral("sectors")).toDouble(), 4194304.0);
    QCOMPARE(o.value(QStringLiteral("inUse")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("stateText")).toString().startsWith(QLatin1String("up")));
    // Through text, as the service's property carries it.
    const auto back = kernel::devicesFromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).array());
    QCOMPARE(back.size(), size_t(1));
    QCOMPARE(back.front(), devices.front());
    QCOMPARE(back.front().partitions.size(), size_t(2));
    QCOMPARE(back.front().partitions[1].mountPoints, QStringList {QStringLiteral("/mnt/data")});
    // Malformed entries are skipped, never a crash.
    const auto junk
        = kernel::devicesFromJson(QJsonArray {42, QJsonObject {{QStringLiteral("address"), QStringLiteral("x")}},
            QJsonObject {{QStringLiteral("address"), QStringLiteral("e3.4")}, {QStringLiteral("partitions"), 7}}});
    QCOMPARE(junk.size(), size_t(1));
    QCOMPARE(junk.front().name(), QStringLiteral("e3.4"));
    QVERIFY(!junk.front().sectors);
}

void TestKernelDriver::explainsStates()
{
    QVERIFY(kernel::explainState(QStringLiteral("down,closewait"))
                .contains(QLatin1String("until every program has closed it")));
    QVERIFY(kernel::explainState(QStringLiteral("down")).startsWith(QLatin1String("down")));
    QVERIFY(kernel::explainState(QString()).startsWith(QLatin1String("unknown")));
    kernel::KernelDevice d;
    d.state = QStringLiteral("down,closewait");
    QVERIFY(!d.up());
    QVERIFY(d.closewait());
    d.state = QStringLiteral("up,kickme");
    QVERIFY(d.up());
}

void TestKernelDriver::loadsRestrictedToInterfaces()
{
    test::FakeAoeKernel fake;
    auto driver = fake.driver();
    QVERIFY(!driver.loaded());
    QVERIFY(!driver.interfaces());
    QVERIFY(!driver.use({})); // never "every interface" by accident
    QCOMPARE(fake.loads(), 0);
    const auto used = driver.use({QStringLiteral("fk1x"), QStringLiteral("fk2x")});
    QVERIFY2(used.ok(), qPrintable(used.ok() ? QString() : used.error()));
    QCOMPARE(fake.loads(), 1);
    QCOMPARE(fake.loadedInterfaces(), (QStringList {QStringLiteral("fk1x"), QStringLiteral("fk2x")}));
    QVERIFY(driver.loaded());
    QCOMPARE(*driver.interfaces(), (QStringList {QStringLiteral("fk1x"), QStringLiteral("fk2x")}));
    // Loaded: no second load.
    QVERIFY(driver.use({QStringLiteral("fk1x")}));
    QCOMPARE(fake.loads(), 1);
}

void TestKernelDriver::widensALoadedList()
{
    test::FakeAoeKernel fake;
    fake.setLoaded({QStringLiteral("fk0x")});
    auto driver = fake.driver();
    const auto used = driver.use({QStringLiteral("fk0x"), QStringLiteral("fk3x")});
    QVERIFY(used.ok());
    QVERIFY(used->contains(QLatin1String("fk0x fk3x")));
    fake.react();
    // fk0x stays: another disk may be on it.
    QCOMPARE(fake.lastWrite(QStringLiteral("interfaces")), QStringLiteral("fk0x fk3x"));
    QCOMPARE(*driver.interfaces(), (QStringList {QStringLiteral("fk0x"), QStringLiteral("fk3x")}));
    QCOMPARE(fake.loads(), 0);
}

void TestKernelDriver::leavesEveryInterfaceAlone()
{
    test::FakeAoeKernel fake;
    fake.setLoaded({});
    auto driver = fake.driver();
    QCOMPARE(*driver.interfaces(), QStringList());
    const auto used = driver.use({QStringLiteral("fk0x")});
    QVERIFY(used.ok());
    QVERIFY(used->contains(QLatin1String("every interface")));
    fake.react();
    QCOMPARE(fake.lastWrite(QStringLiteral("interfaces")), QString());
}

void TestKernelDriver::loaderFailureIsReported()
{
    test::FakeAoeKernel fake;
    kernel::AoeDriver failing(fake.root(), [](const QStringList &) -> Result<bool, QString> {
        return Unexpected(QStringLiteral("modprobe: FATAL: Module aoe not found"));
    });
    const auto used = failing.use({QStringLiteral("fk0x")});
    QVERIFY(!used);
    QCOMPARE(used.error(), QStringLiteral("modprobe: FATAL: Module aoe not found"));
    // A loader that says yes but leaves no module behind is not believed.
    kernel::AoeDriver lying(fake.root(), [](const QStringList &) -> Result<bool, QString> { return true; });
    const auto lied = lying.use({QStringLiteral("fk0x")});
    QVERIFY(!lied);
    QVERIFY(lied.error().contains(QLatin1String("not loaded")));
}

void TestKernelDriver::attachWaitsForTheDevice()
{
    test::FakeAoeKernel fake;
    fake.addTarget(0, 1, 131072, QStringLiteral("fk0x"));
    fake.addTarget(0, 2, 65536, QStringLiteral("fk1x")); // not on the chosen interface
    auto driver = fake.driver();
    kernel::AttachRequest request;
    request.shelf = 0;
    request.slot = 1;
    request.interfaces = {QStringLiteral("fk0x")};
    request.expectedSectors = 131072;
    request.timeout = 5s;
    QStringList progress;
    const auto result = runAttach(fake, driver, request, &progress);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error()));
    QCOMPARE(*result, QStringLiteral("/dev/etherd/e0.1"));
    QCOMPARE(fake.loadedInterfaces(), QStringList {QStringLiteral("fk0x")});
    QVERIFY(progress.join(QLatin1Char('\n')).contains(QLatin1String("waiting for e0.1 on fk0x")));
    // The driver only saw fk0x's target.
    const auto devices = driver.devices();
    QCOMPARE(devices.size(), size_t(1));
    QCOMPARE(devices.front().name(), QStringLiteral("e0.1"));
}

void TestKernelDriver::attachRediscoversAndKeepsItsBound()
{
    test::FakeAoeKernel fake;
    fake.setLoaded({QStringLiteral("fk0x")});
    auto driver = fake.driver();
    kernel::AttachRequest request;
    request.shelf = 0;
    request.slot = 9;
    request.interfaces = {QStringLiteral("fk0x")};
    request.timeout = 1500ms;
    request.rediscoverInterval = 300ms;
    std::chrono::milliseconds took {};
    const auto result = runAttach(fake, driver, request, nullptr, &took);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QLatin1String("e0.9 is not usable after 1.5 s")), qPrintable(result.error()));
    QVERIFY(result.error().contains(QLatin1String("has no e0.9")));
    QVERIFY(took >= 1500ms);
    QVERIFY2(took < 4000ms, qPrintable(QString::number(took.count())));
    // A target that starts answering late is still found within the bound, by a later discovery.
    fake.addDevice(0, 3, 0, QStringLiteral("fk0x"), QStringLiteral("down"));
    QTimer::singleShot(600, [&fake] { fake.addTarget(0, 4, 2048, QStringLiteral("fk0x")); });
    request.slot = 4;
    request.timeout = 5s;
    const auto late = runAttach(fake, driver, request);
    QVERIFY2(late.ok(), qPrintable(late.ok() ? QString() : late.error()));
}

void TestKernelDriver::attachRejectsAWrongSize()
{
    test::FakeAoeKernel fake;
    fake.addTarget(0, 1, 2048, QStringLiteral("fk0x"));
    auto driver = fake.driver();
    kernel::AttachRequest request;
    request.slot = 1;
    request.interfaces = {QStringLiteral("fk0x")};
    request.expectedSectors = 4096;
    request.timeout = 800ms;
    const auto result = runAttach(fake, driver, request);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QLatin1String("e0.1 has 2048 sectors, discovery saw 4096")),
        qPrintable(result.error()));
    // Down (capacity 0): said so.
    fake.setState(0, 1, QStringLiteral("down"));
    request.expectedSectors.reset();
    const auto down = runAttach(fake, driver, request);
    QVERIFY(!down);
    QVERIFY2(down.error().contains(QLatin1String("e0.1 is down")), qPrintable(down.error()));
}

void TestKernelDriver::attachNamesAMissingNode()
{
    test::FakeAoeKernel fake;
    fake.setNodeCreation(false);
    fake.addTarget(0, 1, 2048, QStringLiteral("fk0x"));
    auto driver = fake.driver();
    kernel::AttachRequest request;
    request.slot = 1;
    request.interfaces = {QStringLiteral("fk0x")};
    request.timeout = 600ms;
    const auto result = runAttach(fake, driver, request);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QLatin1String("no device node /dev/etherd/e0.1")), qPrintable(result.error()));
}

void TestKernelDriver::usersAreFound()
{
    test::FakeAoeKernel fake;
    fake.setLoaded({QStringLiteral("fk0x")});
    fake.addDevice(0, 1, 4194304, QStringLiteral("fk0x"));
    fake.addDevice(0, 2, 4194304, QStringLiteral("fk0x"));
    fake.addPartition(0, 1, 1, 4000000);
    fake.mount(QStringLiteral("e0.1p1"), QStringLiteral("/srv/vm images"));
    fake.openBy(77, QStringLiteral("qemu-system-x86"), QStringLiteral("e0.1p1"));
    const auto devices = fake.driver().devices();
    QCOMPARE(devices.size(), size_t(2));
    const auto &used = devices[0];
    QCOMPARE(used.users.mountPoints, QStringList {QStringLiteral("/srv/vm images (e0.1p1)")});
    QCOMPARE(used.users.processes, QStringList {QStringLiteral("77 qemu-system-x86")});
    QCOMPARE(used.partitions.size(), size_t(1));
    QCOMPARE(used.partitions[0].path, QStringLiteral("/dev/etherd/e0.1p1"));
    QCOMPARE(used.partitions[0].mountPoints, QStringList {QStringLiteral("/srv/vm images")});
    QCOMPARE(used.users.describe(), QStringLiteral("mounted at /srv/vm images (e0.1p1); open by 77 qemu-system-x86"));
    QVERIFY(devices[1].users.empty());
}

void TestKernelDriver::detachRefusesWhileUsedThenFlushes()
{
    test::FakeAoeKernel fake;
    fake.setLoaded({QStringLiteral("fk0x")});
    fake.addDevice(0, 1, 4194304, QStringLiteral("fk0x"));
    fake.openBy(4242, QStringLiteral("dd"), QStringLiteral("e0.1"));
    auto driver = fake.driver();
    const auto refused = driver.detach(0, 1);
    QVERIFY(!refused);
    QCOMPARE(refused.error(), QStringLiteral("e0.1 is in use: open by 4242 dd"));
    fake.react();
    QCOMPARE(fake.lastWrite(QStringLiteral("flush")), QString()); // nothing was written
    fake.closeBy(4242);
    QVERIFY(driver.detach(0, 1));
    fake.react();
    QCOMPARE(fake.lastWrite(QStringLiteral("flush")), QStringLiteral("e0.1"));
    QVERIFY(!driver.device(0, 1));
    const auto again = driver.detach(0, 1);
    QVERIFY(!again);
    QVERIFY(again.error().contains(QLatin1String("not attached")));
}

void TestKernelDriver::controlWriteErrorsAreClear()
{
    test::FakeAoeKernel fake;
    auto driver = fake.driver();
    const auto notLoaded = driver.discover();
    QVERIFY(!notLoaded);
    QCOMPARE(notLoaded.error(), QStringLiteral("the aoe driver is not loaded"));
    fake.setLoaded({QStringLiteral("fk0x")});
    QFile::remove(fake.root() + QStringLiteral("/dev/etherd/discover"));
    const auto noNode = driver.discover();
    QVERIFY(!noNode);
    QVERIFY2(noNode.error().contains(QLatin1String("dev/etherd/discover does not exist")), qPrintable(noNode.error()));
    // A control file this process may not write (root ignores file modes, so a directory stands in).
    QDir(fake.root()).mkpath(QStringLiteral("dev/etherd/discover"));
    const auto unwritable = driver.discover();
    QVERIFY(!unwritable);
    QVERIFY2(unwritable.error().startsWith(QLatin1String("cannot open ")), qPrintable(unwritable.error()));
}

QTEST_GUILESS_MAIN(TestKernelDriver)
#include "tst_kernel_driver.moc"
