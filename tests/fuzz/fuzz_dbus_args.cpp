// SPDX-License-Identifier: GPL-3.0-or-later
// The service's checks of what comes over D-Bus (core/service), without a bus: the input decodes to a{sv}
// option maps (keys of the API and others, values of the right and of wrong types), names and object paths,
// and goes through the pure validation functions the service calls before anything acts on a request:
// - recordFromVariant (AddExport, Change): a record it accepts keeps every rule and survives the client's
//   recordToVariant and the check again unchanged; a refusal is a typed error of the API with a message;
// - captureRequestFor (StartCapture): what it accepts names a real interface name, a bounded duration and
//   count and a target that is not a broadcast address, and the engine's arguments say exactly that;
// - exportPath / exportNameFromPath and targetPath / targetAddressFromPath: every name gives a valid object
//   path that gives the name back; a path that parses is the one its value gives;
// - the API schema's look-ups of an interface, method and property.
#include <QStringList>
#include <QVariantMap>

#include <fuzzer/FuzzedDataProvider.h>

#include "FuzzSupport.h"
#include "net/NetworkInterfaces.h"
#include "service/ApiSchema.h"
#include "service/CaptureJobs.h"
#include "service/DbusApi.h"
#include "service/ExportCodec.h"

using namespace aoesan;
using namespace aoesan::service;

namespace {

// The keys the API's a{sv} arguments take (export records, StartCapture, StartBoot, Attach, kernel settings).
const char *const kKeys[] = {"name", "path", "shelf", "slot", "interface", "readOnly", "direct", "sync", "bufferCount",
    "macs", "offsetSectors", "lengthSectors", "configString", "autostart", "target", "boot", "seconds", "count",
    "range", "proxy", "interfaces", "timeoutSeconds", "flushDownAfterSeconds", "reattach"};

QString takeString(FuzzedDataProvider &in)
{
    return QString::fromUtf8(QByteArray::fromStdString(in.ConsumeRandomLengthString(64)));
}

QVariant takeValue(FuzzedDataProvider &in)
{
    switch (in.ConsumeIntegralInRange<int>(0, 11)) {
    case 0:
        return takeString(in);
    case 1:
        return QVariant::fromValue<ushort>(in.ConsumeIntegral<ushort>());
    case 2:
        return QVariant::fromValue<uchar>(in.ConsumeIntegral<uchar>());
    case 3:
        return in.ConsumeBool();
    case 4: {
        QStringList list;
        for (int n = in.ConsumeIntegralInRange<int>(0, 40); n > 0; --n)
            list << takeString(in);
        return list;
    }
    case 5:
        return QVariant::fromValue<qulonglong>(in.ConsumeIntegral<qulonglong>());
    case 6:
        return QVariant::fromValue<uint>(in.ConsumeIntegral<uint>());
    case 7:
        return QVariant::fromValue<int>(in.ConsumeIntegral<int>());
    case 8:
        return in.ConsumeFloatingPoint<double>();
    case 9:
        return QByteArray::fromStdString(in.ConsumeRandomLengthString(32));
    case 10:
        return QVariant::fromValue<qlonglong>(in.ConsumeIntegral<qlonglong>());
    default:
        return {}; // an invalid QVariant: what a broken demarshalling could hand over
    }
}

QVariantMap takeMap(FuzzedDataProvider &in)
{
    QVariantMap map;
    for (int n = in.ConsumeIntegralInRange<int>(0, 16); n > 0; --n) {
        const QString key = in.ConsumeBool()
            ? QLatin1String(kKeys[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kKeys) - 1)])
            : takeString(in);
        map.insert(key, takeValue(in));
    }
    return map;
}

bool isApiError(const QString &name)
{
    return name.startsWith(QLatin1String("io.github.aoesan1.Error.")) || name == QLatin1String(error::kInvalidArgs);
}

// A D-Bus object path: "/" and elements of [A-Za-z0-9_], none empty.
bool validObjectPath(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')) || path.endsWith(QLatin1Char('/')) || path.contains(QLatin1String("//")))
        return false;
    for (const QChar c : path) {
        const char l = c.toLatin1();
        if (!(l == '/' || l == '_' || (l >= 'A' && l <= 'Z') || (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')))
            return false;
    }
    return true;
}

void exportRecord(const QVariantMap &map)
{
    const auto record = recordFromVariant(map);
    if (!record) {
        FUZZ_CHECK(isApiError(record.error().name) && !record.error().message.isEmpty());
        return;
    }
    FUZZ_CHECK(!supervisor::validateRecord(record.value()));
    const auto again = recordFromVariant(recordToVariant(record.value()));
    FUZZ_CHECK(again.ok() && again.value() == record.value());
    FUZZ_CHECK(validObjectPath(exportPath(record->name)));
}

void capture(const QVariantMap &map)
{
    const auto request = captureRequestFor(map);
    if (!request) {
        FUZZ_CHECK(isApiError(request.error().name) && !request.error().message.isEmpty());
        return;
    }
    const CaptureRequest &r = request.value();
    FUZZ_CHECK(net::isInterfaceName(r.interface.toStdString()));
    FUZZ_CHECK(r.shelf.has_value() == r.slot.has_value());
    if (r.shelf)
        FUZZ_CHECK(*r.shelf <= 65534 && *r.slot <= 254);
    const QStringList &a = r.arguments;
    FUZZ_CHECK(a.size() >= 3 && a.first() == QLatin1String("capture"));
    FUZZ_CHECK(a.at(a.size() - 2) == QLatin1String("-i") && a.last() == r.interface);
    FUZZ_CHECK(a.contains(QLatin1String("--boot")) == r.boot);
    FUZZ_CHECK(a.contains(QLatin1String("--target")) == r.shelf.has_value());
    if (const qsizetype at = a.indexOf(QLatin1String("--seconds")); at >= 0) {
        const uint s = a.at(at + 1).toUInt();
        FUZZ_CHECK(s >= 1 && s <= capture_key::kMaxSeconds);
    }
    if (const qsizetype at = a.indexOf(QLatin1String("--count")); at >= 0)
        FUZZ_CHECK(a.at(at + 1).toULongLong() >= 1);
}

void paths(FuzzedDataProvider &in)
{
    const QString name = takeString(in);
    const QString path = exportPath(name);
    FUZZ_CHECK(validObjectPath(path));
    // Names are UTF-8 on the bus: one that survives UTF-8 comes back from its path (the empty name, which no
    // export has, gets the placeholder element "_" that names nothing).
    if (!name.isEmpty() && QString::fromUtf8(name.toUtf8()) == name)
        FUZZ_CHECK(exportNameFromPath(path) == name);

    const QString any = takeString(in);
    if (const auto parsed = exportNameFromPath(any))
        FUZZ_CHECK(exportNameFromPath(exportPath(*parsed)) == *parsed);
    if (const auto address = targetAddressFromPath(any)) {
        FUZZ_CHECK(address->shelf <= 65534 && address->slot <= 254);
        const auto again = targetAddressFromPath(targetPath(address->shelf, address->slot));
        FUZZ_CHECK(again && again->shelf == address->shelf && again->slot == address->slot);
    }
    const auto shelf = in.ConsumeIntegral<std::uint16_t>();
    const auto slot = in.ConsumeIntegral<std::uint8_t>();
    const QString target = targetPath(shelf, slot);
    FUZZ_CHECK(validObjectPath(target));
    const auto back = targetAddressFromPath(target);
    FUZZ_CHECK(back.has_value() == (shelf <= 65534 && slot <= 254));
    if (back)
        FUZZ_CHECK(back->shelf == shelf && back->slot == slot);
}

void schema(FuzzedDataProvider &in)
{
    const ApiSchema &api = ApiSchema::api();
    const QString interface = in.ConsumeBool() ? QLatin1String(kManagerInterface) : takeString(in);
    const QString member = takeString(in);
    if (const auto in_ = api.inSignature(interface, member))
        FUZZ_CHECK(api.hasInterface(interface) && api.methods(interface).contains(member));
    if (api.propertyType(interface, member))
        FUZZ_CHECK(api.properties(interface).contains(member));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    exportRecord(takeMap(in));
    capture(takeMap(in));
    paths(in);
    schema(in);
    return 0;
}
