// SPDX-License-Identifier: GPL-3.0-or-later
// Wizard page 3, "Options": read-only, direct I/O, synchronous writes, the config string, who may use the
// export (every machine, or a list of MACs and /etc/ethers names: AllowListBox), what mask and reservation
// edits sent by other machines do (forget, keep or refuse: the record's wireEdits), and whether it starts with
// aoesan.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace aoesan::ui {

class AllowListBox;
struct ExportDraft;

class OptionsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit OptionsPage(ExportDraft &draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    AllowListBox *allowList() const { return m_allow; }

private:
    ExportDraft &m_draft;
    QCheckBox *m_readOnly;
    QCheckBox *m_direct;
    QCheckBox *m_sync;
    QLineEdit *m_config;
    AllowListBox *m_allow;
    QComboBox *m_wireEdits;
    QCheckBox *m_autostart;
};

} // namespace aoesan::ui
