// SPDX-License-Identifier: GPL-3.0-or-later
// Who may use an export: "Every machine" or "Only these machines", the latter with a list a person fills with
// MAC addresses or host names of /etc/ethers (core/net/Ethers.h resolves them; a name is shown beside its MAC).
// Beside it a plain note that such a list is no security on a shared network. It only edits the list; the
// page that holds it puts macs() into the export's record.
#pragma once

#include <QWidget>

#include <vector>

#include "net/Ethers.h"
#include "protocol/MacAddress.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace aoesan::ui {

class AllowListBox : public QWidget
{
    Q_OBJECT

public:
    explicit AllowListBox(QWidget *parent = nullptr);

    // The names to accept and show, and where they came from (the path, for messages); problem: why the file
    // could not be read, shown under the list (names then do not resolve, MACs still do).
    void setHostNames(net::EthersTable table, QString path, QString problem = {});
    // Empty: every machine.
    void setMacs(const std::vector<protocol::MacAddress> &macs);
    // What the export allows: empty when "Every machine" is chosen.
    std::vector<protocol::MacAddress> macs() const;
    // False while "Only these machines" has no machine on it and nothing typed to add.
    bool isComplete() const;
    // Adds the words in the entry field (MACs or names, separated by commas or spaces); false, and says why
    // under the list, when one of them is neither (then none is added). An empty field adds nothing: true.
    // The page calls it on Next too, so that a typed MAC not yet added is not lost.
    bool addTyped();
    void removeSelected();

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();

    net::EthersTable m_names;
    QString m_path;
    QString m_fileProblem;
    std::vector<protocol::MacAddress> m_macs;
    QRadioButton *m_everyone;
    QRadioButton *m_only;
    QWidget *m_panel;
    QListWidget *m_list;
    QLineEdit *m_entry;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_problem;
    QLabel *m_note;
};

} // namespace aoesan::ui
