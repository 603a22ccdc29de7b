// SPDX-License-Identifier: GPL-3.0-or-later
// The API has one definition: the names in DbusApi.h are those of io.github.aoesan1.xml, the XML compiled
// in is the repo's file, and the codecs produce every declared property with its declared type.
#include <QDBusMetaType>
#include <QFile>
#include <QTest>

#include "service/ApiSchema.h"
#include "service/DbusApi.h"
#include "service/DbusTypes.h"
#include "service/DiscoveryLimitCodec.h"
#include "service/ExportCodec.h"

using namespace aoesan;
using namespace aoesan::service;

class TestDbusApi : public QObject
{
    Q_OBJECT

private slots:
    void compiledInXmlIsTheRepoFile()
    {
        QFile file(QStringLiteral(AOESAN_SOURCE_DIR "/core/service/io.github.aoesan1.xml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(introspectionXml(), QString::fromUtf8(file.readAll()));
    }

    void headerNamesAreTheXmlInterfaces()
    {
        const ApiSchema &api = ApiSchema::api();
        for (const char *name : {kManagerInterface, kExportInterface, kTargetInterface, kCaptureInterface})
            QVERIFY2(api.hasInterface(QLatin1String(name)), name);
        QCOMPARE(api.methods(QLatin1String(kManagerInterface)),
            (QStringList {QStringLiteral("AddExport"), QStringLiteral("Attach"), QStringLiteral("Detach"),
                QStringLiteral("SetKernelSettings"), QStringLiteral("StartCapture"), QStringLiteral("ProbeNow"),
                QStringLiteral("ForgetDownTargets"), QStringLiteral("SetInterfaces")}));
        QCOMPARE(api.inSignature(QLatin1String(kManagerInterface), QStringLiteral("Attach")).value(),
            QStringLiteral("sa{sv}"));
        QCOMPARE(
            api.outSignature(QLatin1String(kManagerInterface), QStringLiteral("Attach")).value(), QStringLiteral("s"));
        QCOMPARE(api.inSignature(QLatin1String(kManagerInterface), QStringLiteral("AddExport")).value(),
            QStringLiteral("a{sv}a{sv}"));
        QCOMPARE(
            api.outSignature(QLatin1String(kTargetInterface), QStringLiteral("Request")).value(), QStringLiteral("s"));
        QVERIFY(!api.inSignature(QLatin1String(kExportInterface), QStringLiteral("Nope")));
        QVERIFY(introspectionXml(QLatin1String(kExportInterface)).contains(QLatin1String("name=\"Start\"")));
        QVERIFY(!introspectionXml(QLatin1String(kExportInterface)).contains(QLatin1String("AddExport")));
    }

    void exportPropertiesHaveTheDeclaredTypes()
    {
        registerDbusTypes();
        supervisor::ExportRecord r;
        r.name = QStringLiteral("disk-1");
        r.path = QStringLiteral("/srv/disk.img");
        r.shelf = 7;
        r.slot = 3;
        r.interface = QStringLiteral("lan0");
        const QVariantMap props = exportProperties(r, {}, bootOffJson(r));
        const ApiSchema &api = ApiSchema::api();
        QCOMPARE(QStringList(props.keys()).size(), api.properties(QLatin1String(kExportInterface)).size());
        for (const QString &name : api.properties(QLatin1String(kExportInterface))) {
            QVERIFY2(props.contains(name), qPrintable(name));
            QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(props.value(name).metaType())),
                api.propertyType(QLatin1String(kExportInterface), name).value());
        }
    }

    void discoveryLimitRoundTripsThroughVariant()
    {
        const discovery::DiscoveryLimit limit {true, 4096, 16, 5000000000ULL, 77};
        const QVariantMap map = discoveryLimitToVariant(limit);
        QCOMPARE(
            QString::fromLatin1(QDBusMetaType::typeToSignature(QVariant(map).metaType())), QStringLiteral("a{sv}"));
        QCOMPARE(discoveryLimitFromVariant(map), limit);
        QCOMPARE(discoveryLimitFromVariant(QVariantMap {}), discovery::DiscoveryLimit {});
    }

    void recordRoundTripsThroughVariant()
    {
        supervisor::ExportRecord r;
        r.name = QStringLiteral("disk-1");
        r.path = QStringLiteral("/srv/disk.img");
        r.shelf = 65534;
        r.slot = 254;
        r.interface = QStringLiteral("lan0");
        r.readOnly = true;
        r.macs = {*protocol::MacAddress::fromString("02:00:00:00:00:01")};
        r.offsetSectors = 8;
        r.lengthSectors = 1024;
        r.configString = QStringLiteral("boot disk");
        r.autostart = true;
        const auto back = recordFromVariant(recordToVariant(r));
        QVERIFY(back);
        QCOMPARE(back.value(), r);
    }

    void exportPathsAreValidAndReversible_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("path");
        QTest::newRow("plain") << "disk1"
                               << "/io/github/aoesan1/exports/disk1";
        QTest::newRow("dash") << "disk-1"
                              << "/io/github/aoesan1/exports/disk_2d1";
        QTest::newRow("dot underscore") << "a.b_c"
                                        << "/io/github/aoesan1/exports/a_2eb_5fc";
    }

    void exportPathsAreValidAndReversible()
    {
        QFETCH(QString, name);
        QFETCH(QString, path);
        QCOMPARE(exportPath(name), path);
        QCOMPARE(exportNameFromPath(path).value(), name);
        QVERIFY(!exportNameFromPath(path + QStringLiteral("_4")));
        QVERIFY(!exportNameFromPath(path + QStringLiteral("_zz")));
        QVERIFY(!exportNameFromPath(QStringLiteral("/io/github/aoesan1/exports/a/b")));
    }

    void targetPathsAreValidAndReversible()
    {
        QCOMPARE(targetPath(7, 3), QStringLiteral("/io/github/aoesan1/targets/e7_3"));
        const auto a = targetAddressFromPath(QStringLiteral("/io/github/aoesan1/targets/e65534_254"));
        QVERIFY(a);
        QCOMPARE(a->shelf, 65534);
        QCOMPARE(a->slot, 254);
        QVERIFY(!targetAddressFromPath(QStringLiteral("/io/github/aoesan1/targets/e65535_1")));
        QVERIFY(!targetAddressFromPath(QStringLiteral("/io/github/aoesan1/targets/e7")));
        QVERIFY(!targetAddressFromPath(QStringLiteral("/io/github/aoesan1/targets/e7_3_1")));
    }
};

QTEST_GUILESS_MAIN(TestDbusApi)
#include "tst_dbus_api.moc"
