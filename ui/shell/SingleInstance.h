// SPDX-License-Identifier: GPL-3.0-or-later
// One aoesan per user: the first instance listens on a local socket named from the app id; a second
// launch finds it, asks it to show its window, waits for its "raised" answer, says so, and exits.
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace aoesan::ui {

class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `key` names the socket; the user id is added, since the socket directory may be shared.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);

    enum class Claim {
        First, // this is the first instance; it now listens
        Raised, // another one runs and showed its window
        NoAnswer, // another one accepted the request but did not confirm it
    };

    Claim claim();
    // Whether another instance listens, without asking it for anything (the login entry must not bring a
    // window forward).
    bool anotherRuns() const;
    QString serverName() const { return m_name; }
    // What a second launch prints (on stdout) for a claim other than First.
    static QString message(Claim claim);

signals:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace aoesan::ui
