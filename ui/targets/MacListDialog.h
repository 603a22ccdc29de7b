// SPDX-License-Identifier: GPL-3.0-or-later
// Views and edits a list of MAC addresses: a target's MAC mask or its reserve list. Shows which entry is
// this computer and warns while this computer is not on a non-empty list. It only edits the list; the
// caller sends the change (and the engine guards against a lock-out).
#pragma once

#include <QDialog>

#include <vector>

#include "protocol/MacAddress.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace aoesan::ui {

class MacListDialog : public QDialog
{
    Q_OBJECT

public:
    struct Texts
    {
        QString title;
        QString explanation; // what the list does
        QString emptyMeaning; // what an empty list means ("every host may use it")
    };

    MacListDialog(const Texts &texts, std::vector<protocol::MacAddress> macs, protocol::MacAddress own,
        QString interfaceName, QWidget *parent = nullptr);

    const std::vector<protocol::MacAddress> &macs() const { return m_macs; }
    const std::vector<protocol::MacAddress> &original() const { return m_original; }
    // Adds the text in the entry field as a MAC; false (and says why) when it is not one.
    bool addTyped();
    void addOwn();
    void removeSelected();
    QLineEdit *entry() const { return m_entry; }
    QListWidget *list() const { return m_list; }

private:
    void refresh();

    Texts m_texts;
    std::vector<protocol::MacAddress> m_original;
    std::vector<protocol::MacAddress> m_macs;
    protocol::MacAddress m_own;
    QString m_interface;
    QListWidget *m_list;
    QLineEdit *m_entry;
    QLabel *m_note;
    QPushButton *m_remove;
};

} // namespace aoesan::ui
