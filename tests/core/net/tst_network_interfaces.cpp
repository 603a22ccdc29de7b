// SPDX-License-Identifier: GPL-3.0-or-later
// Interface listing from sysfs, on a fake /sys/class/net tree: which interfaces count as Ethernet, and
// how MTU, flags and carrier are read, including the files a down interface refuses to give. And on the
// real tree from a network namespace whose sysfs was not remounted: only that namespace's interfaces.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <optional>
#include <sched.h>
#include <unistd.h>

#include "net/NetworkInterfaces.h"

using aoesan::net::findInterface;
using aoesan::net::InterfaceInfo;
using aoesan::net::listInterfaces;
using aoesan::protocol::MacAddress;

namespace {

constexpr int kArphrdEther = 1;
constexpr int kArphrdLoopback = 772;

struct FakeInterface
{
    QString name;
    int type = kArphrdEther;
    QString address = QStringLiteral("02:00:00:00:a0:01");
    int index = 2;
    int mtu = 1500;
    QString flags = QStringLiteral("0x1003"); // IFF_UP | IFF_BROADCAST | IFF_MULTICAST
    std::optional<QString> carrier = QStringLiteral("1"); // nullopt: the file cannot be read
    QString operState = QStringLiteral("up");
};

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8() + '\n') > 0;
}

// Lays out <root>/<name>/{type,address,ifindex,mtu,flags,carrier,operstate} as the kernel does.
bool addInterface(const QString &root, const FakeInterface &fake)
{
    const QDir dir(root + QLatin1Char('/') + fake.name);
    if (!QDir().mkpath(dir.path()))
        return false;
    bool ok = writeFile(dir.filePath(QStringLiteral("type")), QString::number(fake.type))
        && writeFile(dir.filePath(QStringLiteral("address")), fake.address)
        && writeFile(dir.filePath(QStringLiteral("ifindex")), QString::number(fake.index))
        && writeFile(dir.filePath(QStringLiteral("mtu")), QString::number(fake.mtu))
        && writeFile(dir.filePath(QStringLiteral("flags")), fake.flags)
        && writeFile(dir.filePath(QStringLiteral("operstate")), fake.operState);
    if (fake.carrier)
        ok = ok && writeFile(dir.filePath(QStringLiteral("carrier")), *fake.carrier);
    else // reading `carrier` of a down interface fails (EINVAL); a directory fails to read as well
        ok = ok && dir.mkdir(QStringLiteral("carrier"));
    return ok;
}

} // namespace

class TestNetworkInterfaces : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void listsEthernetOnlySorted();
    void fields_data();
    void fields();
    void missingDirectory();
    void findInterfaceErrors_data();
    void findInterfaceErrors();
    void findInterfaceAnyType();
    void onlyThisNamespacesInterfaces();
    void findAoeInterfaceRefusesLoopback();

private:
    std::unique_ptr<QTemporaryDir> m_root;
    std::string root() const { return m_root->path().toStdString(); }
};

void TestNetworkInterfaces::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
}

void TestNetworkInterfaces::listsEthernetOnlySorted()
{
    QVERIFY(addInterface(m_root->path(), {.name = QStringLiteral("veth-t")}));
    QVERIFY(addInterface(m_root->path(),
        {.name = QStringLiteral("lo"),
            .type = kArphrdLoopback,
            .address = QStringLiteral("00:00:00:00:00:00"),
            .index = 1}));
    QVERIFY(addInterface(m_root->path(), {.name = QStringLiteral("br0"), .index = 3}));
    QVERIFY(addInterface(m_root->path(), {.name = QStringLiteral("ipip0"), .type = 768, .index = 4}));

    const auto listed = listInterfaces(root());
    QVERIFY2(listed.ok(), listed.ok() ? "" : listed.error().c_str());
    QCOMPARE(listed->size(), std::size_t {2});
    QCOMPARE(listed->at(0).name, std::string("br0"));
    QCOMPARE(listed->at(1).name, std::string("veth-t"));
}

void TestNetworkInterfaces::fields_data()
{
    QTest::addColumn<QString>("flags");
    QTest::addColumn<int>("mtu");
    QTest::addColumn<QString>("carrier"); // empty: unreadable
    QTest::addColumn<QString>("operState");
    QTest::addColumn<bool>("up");
    QTest::addColumn<bool>("hasCarrier");

    QTest::addRow("up with carrier") << QStringLiteral("0x1003") << 1500 << QStringLiteral("1") << QStringLiteral("up")
                                     << true << true;
    QTest::addRow("up, jumbo, no carrier")
        << QStringLiteral("0x1003") << 9000 << QStringLiteral("0") << QStringLiteral("lowerlayerdown") << true << false;
    QTest::addRow("down, carrier unreadable")
        << QStringLiteral("0x1002") << 1500 << QString() << QStringLiteral("down") << false << false;
    QTest::addRow("decimal flags") << QStringLiteral("4099") << 65535 << QStringLiteral("1")
                                   << QStringLiteral("unknown") << true << true;
}

void TestNetworkInterfaces::fields()
{
    QFETCH(QString, flags);
    QFETCH(int, mtu);
    QFETCH(QString, carrier);
    QFETCH(QString, operState);
    QFETCH(bool, up);
    QFETCH(bool, hasCarrier);

    FakeInterface fake {.name = QStringLiteral("lan7"), .index = 7, .mtu = mtu, .flags = flags, .operState = operState};
    fake.carrier = carrier.isEmpty() ? std::nullopt : std::optional<QString>(carrier);
    QVERIFY(addInterface(m_root->path(), fake));

    const auto listed = listInterfaces(root());
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), std::size_t {1});
    const InterfaceInfo &info = listed->front();
    QCOMPARE(info.name, std::string("lan7"));
    QCOMPARE(info.mac, MacAddress::fromString("02:00:00:00:a0:01").value());
    QCOMPARE(info.index, 7);
    QCOMPARE(info.mtu, mtu);
    QCOMPARE(info.up, up);
    QCOMPARE(info.carrier, hasCarrier);
    QCOMPARE(info.operState, operState.toStdString());

    const auto found = findInterface("lan7", root());
    QVERIFY(found.ok());
    QCOMPARE(*found, info);
}

void TestNetworkInterfaces::missingDirectory()
{
    const std::string missing = root() + "/no-such-dir";
    const auto listed = listInterfaces(missing);
    QVERIFY(!listed.ok());
    QVERIFY2(listed.error().find(missing) != std::string::npos, listed.error().c_str());
}

void TestNetworkInterfaces::findInterfaceErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mentions");

    // The fix (`ip link`) is the caller's to add, once.
    QTest::addRow("missing") << QStringLiteral("nosuch0") << QStringLiteral("no network interface named 'nosuch0'");
    QTest::addRow("empty") << QString() << QStringLiteral("not a valid interface name");
    QTest::addRow("path") << QStringLiteral("../etc") << QStringLiteral("not a valid interface name");
    QTest::addRow("dot-dot") << QStringLiteral("..") << QStringLiteral("not a valid interface name");
}

void TestNetworkInterfaces::findInterfaceErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, mentions);

    QVERIFY(addInterface(m_root->path(), {.name = QStringLiteral("veth-t")}));
    const auto found = findInterface(name.toStdString(), root());
    QVERIFY(!found.ok());
    QVERIFY2(found.error().find(mentions.toStdString()) != std::string::npos, found.error().c_str());
    QVERIFY2(found.error().find(name.toStdString()) != std::string::npos, found.error().c_str());
}

void TestNetworkInterfaces::findInterfaceAnyType()
{
    // findInterface names what is there, whatever its type: callers decide what they accept.
    QVERIFY(addInterface(m_root->path(),
        {.name = QStringLiteral("lo"),
            .type = kArphrdLoopback,
            .address = QStringLiteral("00:00:00:00:00:00"),
            .index = 1,
            .mtu = 65536}));
    const auto found = findInterface("lo", root());
    QVERIFY(found.ok());
    QCOMPARE(found->mtu, 65536);
    QVERIFY(found->mac.isZero());
}

void TestNetworkInterfaces::onlyThisNamespacesInterfaces()
{
    // This thread alone goes into a fresh network namespace (only lo) and reads the real /sys/class/net,
    // which still shows the namespace sysfs was mounted in: before, the host's eth0 was listed there and
    // discovery failed with "no interface named eth0". Nothing is sent.
    const auto before = listInterfaces();
    QVERIFY(before);
    if (before->empty())
        QSKIP("this machine has no Ethernet interface to be hidden");
    const int original = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    QVERIFY(original >= 0);
    if (::unshare(CLONE_NEWNET) != 0) {
        ::close(original);
        QSKIP("a network namespace needs CAP_SYS_ADMIN (run as root)");
    }
    const auto inside = listInterfaces();
    const bool back = ::setns(original, CLONE_NEWNET) == 0;
    ::close(original);
    QVERIFY(back);
    QVERIFY(inside);
    std::string names;
    for (const auto &i : *inside)
        names += i.name + " ";
    QVERIFY2(inside->empty(), names.c_str());
    QCOMPARE(listInterfaces()->size(), before->size()); // back home, all of them again
}

void TestNetworkInterfaces::findAoeInterfaceRefusesLoopback()
{
    QVERIFY(addInterface(m_root->path(), {.name = QStringLiteral("lo"), .type = 772}));
    QVERIFY(addInterface(m_root->path(), {.name = QStringLiteral("veth-t")}));
    const auto lo = aoesan::net::findAoeInterface("lo", root());
    QVERIFY(!lo.ok());
    QVERIFY2(lo.error().find("'lo' is not an Ethernet interface") == 0, lo.error().c_str());
    QVERIFY(aoesan::net::findAoeInterface("veth-t", root()).ok());
    const auto missing = aoesan::net::findAoeInterface("nosuch0", root());
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromStdString(missing.error()), QStringLiteral("no network interface named 'nosuch0'"));
}

QTEST_GUILESS_MAIN(TestNetworkInterfaces)
#include "tst_network_interfaces.moc"
