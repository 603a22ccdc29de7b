// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernel/KernelStat.h"

#include <QJsonValue>

#include <algorithm>
#include <cstdio>

#include "protocol/SizeFormat.h"
#include "util/JsonNumber.h"

namespace aoesan::kernel {

namespace {

std::string orNA(const QString &text)
{
    return text.isEmpty() ? std::string("(NA)") : text.toStdString();
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray array;
    for (const auto &s : list)
        array.append(s);
    return array;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const auto &v : value.toArray()) {
        if (v.isString())
            list << v.toString();
    }
    return list;
}

} // namespace

std::string kernelStatReport(std::vector<KernelDevice> devices, const QRegularExpression &filter)
{
    std::sort(devices.begin(), devices.end(),
        [](const auto &a, const auto &b) { return a.shelf != b.shelf ? a.shelf < b.shelf : a.slot < b.slot; });
    // aoe-stat prints the payload column when any device has a payload file.
    const bool payloadColumn
        = std::any_of(devices.begin(), devices.end(), [](const auto &d) { return d.payload.has_value(); });
    std::string report;
    for (const auto &d : devices) {
        const std::string name = d.name().toStdString();
        const std::string size = d.sectors ? protocol::aoeStatSize(*d.sectors) : std::string("(NA)");
        const std::string netif = orNA(d.interfaces.join(QLatin1Char(',')));
        const std::string state = orNA(d.state);
        std::string line;
        if (payloadColumn) {
            line = protocol::aoeStatLine(
                name, size, netif, d.payload ? std::to_string(*d.payload) : std::string("(NA)"), state);
        } else {
            char buffer[512];
            std::snprintf(buffer, sizeof buffer, "%10s %15s %6s %-14s\n", name.c_str(), size.c_str(), netif.c_str(),
                state.c_str());
            line = buffer;
        }
        if (!filter.pattern().isEmpty() && filter.isValid()
            && !filter.match(QString::fromStdString(line).chopped(1)).hasMatch())
            continue;
        report += line;
    }
    return report;
}

QJsonObject deviceToJson(const KernelDevice &d)
{
    QJsonArray partitions;
    for (const auto &p : d.partitions) {
        partitions.append(QJsonObject {{QStringLiteral("name"), p.name}, {QStringLiteral("path"), p.path},
            {QStringLiteral("sectors"), static_cast<double>(p.sectors)}, {QStringLiteral("fsType"), p.fsType},
            {QStringLiteral("label"), p.label}, {QStringLiteral("mountPoints"), strings(p.mountPoints)}});
    }
    const QJsonObject users {{QStringLiteral("mountPoints"), strings(d.users.mountPoints)},
        {QStringLiteral("processes"), strings(d.users.processes)},
        {QStringLiteral("holders"), strings(d.users.holders)}};
    return QJsonObject {{QStringLiteral("address"), d.name()}, {QStringLiteral("shelf"), d.shelf},
        {QStringLiteral("slot"), d.slot}, {QStringLiteral("device"), d.devicePath()},
        {QStringLiteral("sectors"), d.sectors ? QJsonValue(static_cast<double>(*d.sectors)) : QJsonValue()},
        {QStringLiteral("state"), d.state}, {QStringLiteral("stateText"), explainState(d.state)},
        {QStringLiteral("mac"), d.mac}, {QStringLiteral("interfaces"), strings(d.interfaces)},
        {QStringLiteral("payload"), d.payload ? QJsonValue(static_cast<double>(*d.payload)) : QJsonValue()},
        {QStringLiteral("firmware"), d.firmware}, {QStringLiteral("majorMinor"), d.majorMinor},
        {QStringLiteral("partitions"), partitions}, {QStringLiteral("users"), users},
        {QStringLiteral("inUse"), !d.users.empty()}};
}

QJsonArray devicesToJson(const std::vector<KernelDevice> &devices)
{
    QJsonArray array;
    for (const auto &d : devices)
        array.append(deviceToJson(d));
    return array;
}

std::vector<KernelDevice> devicesFromJson(const QJsonArray &array)
{
    std::vector<KernelDevice> devices;
    for (const auto &value : array) {
        const QJsonObject o = value.toObject();
        const auto address = parseDeviceName(o.value(QStringLiteral("address")).toString());
        if (!address)
            continue;
        KernelDevice d;
        d.shelf = address->first;
        d.slot = address->second;
        // JSON numbers are doubles: sector counts stay exact up to 2^53 (4 EiB).
        if (o.value(QStringLiteral("sectors")).isDouble())
            d.sectors = util::jsonCount(o.value(QStringLiteral("sectors")));
        d.state = o.value(QStringLiteral("state")).toString();
        d.mac = o.value(QStringLiteral("mac")).toString();
        d.interfaces = stringList(o.value(QStringLiteral("interfaces")));
        if (o.value(QStringLiteral("payload")).isDouble())
            d.payload = static_cast<std::uint32_t>(o.value(QStringLiteral("payload")).toDouble());
        d.firmware = o.value(QStringLiteral("firmware")).toString();
        d.majorMinor = o.value(QStringLiteral("majorMinor")).toString();
        for (const auto &pv : o.value(QStringLiteral("partitions")).toArray()) {
            const QJsonObject po = pv.toObject();
            KernelPartition p;
            p.name = po.value(QStringLiteral("name")).toString();
            p.path = po.value(QStringLiteral("path")).toString();
            p.sectors = util::jsonCount(po.value(QStringLiteral("sectors")));
            p.fsType = po.value(QStringLiteral("fsType")).toString();
            p.label = po.value(QStringLiteral("label")).toString();
            p.mountPoints = stringList(po.value(QStringLiteral("mountPoints")));
            if (!p.name.isEmpty())
                d.partitions.push_back(p);
        }
        const QJsonObject users = o.value(QStringLiteral("users")).toObject();
        d.users.mountPoints = stringList(users.value(QStringLiteral("mountPoints")));
        d.users.processes = stringList(users.value(QStringLiteral("processes")));
        d.users.holders = stringList(users.value(QStringLiteral("holders")));
        devices.push_back(std::move(d));
    }
    return devices;
}

} // namespace aoesan::kernel
