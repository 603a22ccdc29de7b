// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/BootView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "service/DbusApi.h"
#include "util/JsonNumber.h"

namespace aoesan::service {

namespace {

BootView::State stateOf(const QString &name)
{
    if (name == QLatin1String("starting"))
        return BootView::State::Starting;
    if (name == QLatin1String("running"))
        return BootView::State::Running;
    if (name == QLatin1String("failed"))
        return BootView::State::Failed;
    return BootView::State::Off;
}

} // namespace

QString bootStateName(BootView::State state)
{
    switch (state) {
    case BootView::State::Starting:
        return QStringLiteral("starting");
    case BootView::State::Running:
        return QStringLiteral("running");
    case BootView::State::Failed:
        return QStringLiteral("failed");
    case BootView::State::Off:
        break;
    }
    return QStringLiteral("off");
}

BootView bootFromJson(const QString &json)
{
    BootView b;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    const auto text = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    b.state = stateOf(text(boot_key::kState));
    b.interface = text(boot_key::kInterface);
    b.proxy = text(boot_key::kMode) == QLatin1String("proxy");
    const QStringList range = text(boot_key::kRange).split(QLatin1Char(','));
    if (range.size() == 2) {
        b.rangeFirst = range[0].trimmed();
        b.rangeLast = range[1].trimmed();
    }
    for (const auto &mac : o.value(QLatin1String(boot_key::kMacs)).toArray())
        b.macs << mac.toString();
    b.rootPath = text(boot_key::kRootPath);
    b.serving = text(boot_key::kServing);
    b.error = text(boot_key::kError);
    b.script = text(boot_key::kScript);
    for (const auto &entry : o.value(QLatin1String(boot_key::kClients)).toArray()) {
        const QJsonObject c = entry.toObject();
        BootClient client;
        client.time = QDateTime::fromMSecsSinceEpoch(util::jsonInteger(c.value(QLatin1String("time"))));
        client.mac = c.value(QLatin1String("mac")).toString();
        client.address = c.value(QLatin1String("address")).toString();
        client.given = c.value(QLatin1String("given")).toString();
        client.text = c.value(QLatin1String("text")).toString();
        b.clients.push_back(client);
    }
    return b;
}

QVariantMap bootOptions(const BootRequest &request)
{
    QVariantMap options {{QLatin1String(boot_key::kInterface), request.interface}};
    if (request.proxy)
        options.insert(QLatin1String(boot_key::kProxy), true);
    else
        options.insert(
            QLatin1String(boot_key::kRange), QString(request.rangeFirst + QLatin1Char(',') + request.rangeLast));
    if (!request.macs.isEmpty())
        options.insert(QLatin1String(boot_key::kMacs), request.macs);
    return options;
}

} // namespace aoesan::service
