// SPDX-License-Identifier: GPL-3.0-or-later
// A SanLink with one export whose Boot the test sets (as the service would publish it), for the Network boot
// dialog's screenshots and layout: StartBoot and StopBoot are recorded and answered with `answer`.
#pragma once

#include <QTimer>

#include "Fixtures.h"
#include "service/DbusApi.h"
#include "service/SanLink.h"

namespace aoesan::test {

class BootLink : public ui::SanLink
{
    Q_OBJECT

public:
    explicit BootLink(const QString &name = QStringLiteral("lab-media"), std::uint16_t shelf = 7, std::uint8_t slot = 3)
        : m_name(name)
    {
        service::ExportView view;
        view.record = exportRecord(name, shelf, slot, QStringLiteral("lab0"));
        view.status.name = name;
        view.boot.rootPath = QStringLiteral("aoe:") + view.record.address();
        view.boot.script
            = QStringLiteral("#!ipxe\n# made by aoesan boot serve\nsanboot %1 || shell\n").arg(view.boot.rootPath);
        m_exports[name] = view;
    }

    void setBoot(const service::BootView &boot)
    {
        m_exports[m_name].boot = boot;
        emit exportUpdated(m_name);
    }
    const service::BootView &boot() const { return m_exports.at(m_name).boot; }

    Owner owner() const override { return Owner::System; }
    bool isConnected() const override { return true; }
    const std::map<QString, service::ExportView> &exports() const override { return m_exports; }
    const std::map<quint32, service::TargetView> &targets() const override { return m_targets; }
    const service::ManagerView &manager() const override { return m_manager; }
    void addExport(const supervisor::ExportRecord &, bool, bool, Done done) override { reply(std::move(done)); }
    void exportCall(const QString &, const QString &method, const QVariantList &args, Done done) override
    {
        calls << method;
        lastArgs = args;
        reply(std::move(done));
    }
    void managerCall(const QString &, const QVariantList &, Done done) override { reply(std::move(done)); }
    void request(std::uint16_t, std::uint8_t, const QString &, Done done) override { reply(std::move(done)); }

    QStringList calls;
    QVariantList lastArgs;
    std::optional<service::ServiceError> answer; // the error every call gets; none: success

private:
    void reply(Done done)
    {
        QTimer::singleShot(0, this, [this, done = std::move(done)] {
            if (answer)
                done(Unexpected(*answer));
            else
                done(QVariantList {});
        });
    }

    QString m_name;
    std::map<QString, service::ExportView> m_exports;
    std::map<quint32, service::TargetView> m_targets;
    service::ManagerView m_manager;
};

} // namespace aoesan::test
