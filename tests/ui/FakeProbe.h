// SPDX-License-Identifier: GPL-3.0-or-later
// A ProbeLauncher whose probes print and end on command, for the discovery tests.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <vector>

#include "discovery/TargetJson.h"
#include "supervisor/ProbeProcess.h"

namespace aoesan::test {

class FakeProbe : public supervisor::ProbeProcess
{
    Q_OBJECT

public:
    QStringList arguments;
    QByteArrayList written;
    bool stopped = false;

    qint64 pid() const override { return 4242; }
    void writeLine(const QByteArray &line) override { written << line; }
    void stop() override
    {
        stopped = true;
        end(supervisor::ProcessExit::exited(0));
    }

    void say(const QJsonObject &event) { emit lineReceived(QJsonDocument(event).toJson(QJsonDocument::Compact)); }
    void sayTarget(const char *kind, const discovery::TargetInfo &t)
    {
        say({{QStringLiteral("event"), QString::fromLatin1(kind)},
            {QStringLiteral("target"), discovery::targetToJson(t)}});
    }
    void sayStarted(const QStringList &interfaces, int intervalMs = 1000)
    {
        QJsonArray list;
        for (const auto &name : interfaces)
            list.append(QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("mtu"), 1500}});
        say({{QStringLiteral("event"), QStringLiteral("started")}, {QStringLiteral("pid"), 4242},
            {QStringLiteral("interfaces"), list}, {QStringLiteral("intervalMs"), intervalMs}});
    }
    void end(const supervisor::ProcessExit &exit)
    {
        if (!m_ended) {
            m_ended = true;
            emit finished(exit);
        }
    }

private:
    bool m_ended = false;
};

class FakeProbeLauncher : public supervisor::ProbeLauncher
{
public:
    std::vector<QPointer<FakeProbe>> launched;

    std::unique_ptr<supervisor::ProbeProcess> launch(const QStringList &arguments) override
    {
        auto probe = std::make_unique<FakeProbe>();
        probe->arguments = arguments;
        launched.emplace_back(probe.get());
        return probe;
    }
    FakeProbe *last() const { return launched.empty() ? nullptr : launched.back().data(); }
};

} // namespace aoesan::test
