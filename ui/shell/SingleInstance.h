// One aoesan per user: the first instance listens on a local socket named from the app id; a second
// launch finds it, asks it to show its window, and exits.
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

    // True when this is the first instance (it now listens); false when another one answered and
    // was asked to activate.
    bool claim();
    QString serverName() const { return m_name; }

signals:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace aoesan::ui
