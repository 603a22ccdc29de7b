// SPDX-License-Identifier: GPL-3.0-or-later
// "Network boot…" for one export: lets machines with no disk boot from it. The person picks the interface
// (with its IPv4 address: the boot server needs one), whether this server hands out the addresses (an
// isolated network, a range pre-filled from the interface's network) or another DHCP server does (proxy
// DHCP), and which machines it answers; Start and Stop are the service's Export.StartBoot and StopBoot. The
// state, what it serves, the machines that asked and the iPXE script follow the export's Boot property
// live. The form is checked as it is typed: a problem is shown under its field and Start waits.
#pragma once

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

#include "service/BootView.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace aoesan::ui {

class SanLink;

// One of this machine's interfaces as the form offers it.
struct BootInterface
{
    QString name;
    std::optional<quint32> address; // its first IPv4 address, host order; none: it has no IPv4 address
    int prefix = 24;
    bool up = true;
};
using BootInterfaceLister = std::function<std::vector<BootInterface>()>;
// This machine's interfaces but loopback (QNetworkInterface).
std::vector<BootInterface> machineInterfaces();

class BootDialog : public QDialog
{
    Q_OBJECT

public:
    BootDialog(SanLink &link, const QString &exportName, QWidget *parent = nullptr,
        BootInterfaceLister interfaces = machineInterfaces);

    // The form's request, or why it cannot be sent yet (the first problem; each is also shown at its field).
    std::optional<service::BootRequest> request() const;
    QStringList problems() const;
    const QString &exportName() const { return m_name; }

    void start();
    void stop();
    void copyScript();

    // For the tests: the widgets by role.
    QComboBox *interfaceBox() const { return m_interface; }
    QRadioButton *isolatedButton() const { return m_isolated; }
    QRadioButton *proxyButton() const { return m_proxy; }
    QLineEdit *firstEdit() const { return m_first; }
    QLineEdit *lastEdit() const { return m_last; }
    QLineEdit *macsEdit() const { return m_macs; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *interfaceNote() const { return m_interfaceNote; }
    QLabel *rangeNote() const { return m_rangeNote; }
    QLabel *macsNote() const { return m_macsNote; }
    QTreeWidget *clientList() const { return m_clients; }
    QPlainTextEdit *scriptView() const { return m_script; }
    QLabel *rootPathLabel() const { return m_root; }

    // "192.168.50.100" – "192.168.50.150" for a /24: a range in the network, not the interface's own address.
    static std::pair<quint32, quint32> suggestedRange(quint32 address, int prefix);

private:
    const BootInterface *chosenInterface() const;
    void fillInterfaces(const QString &preferred);
    void onInterfaceChosen();
    void validate();
    void showBoot();
    void fillFormFrom(const service::BootView &boot);

    SanLink &m_link;
    QString m_name;
    std::vector<BootInterface> m_interfaces;
    bool m_rangeEdited = false; // the person typed a range: choosing another interface keeps it
    bool m_busy = false; // a StartBoot or StopBoot is on its way
    QString m_callError;

    QLabel *m_root;
    QComboBox *m_interface;
    QLabel *m_interfaceNote;
    QRadioButton *m_isolated;
    QRadioButton *m_proxy;
    QLineEdit *m_first;
    QLineEdit *m_last;
    QLabel *m_rangeNote;
    QLineEdit *m_macs;
    QLabel *m_macsNote;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_state;
    QTreeWidget *m_clients;
    QPlainTextEdit *m_script;
    QPushButton *m_copy;
    QLabel *m_ownDhcp;
};

} // namespace aoesan::ui
