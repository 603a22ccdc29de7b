// SPDX-License-Identifier: GPL-3.0-or-later
// Wizard page 3, "Options": read-only, direct I/O, synchronous writes, the initiators allowed (MAC
// list; empty = everyone), the config string, and whether it starts with aoesan.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace aoesan::ui {

struct ExportDraft;

class OptionsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit OptionsPage(ExportDraft &draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void check();

    ExportDraft &m_draft;
    QCheckBox *m_readOnly;
    QCheckBox *m_direct;
    QCheckBox *m_sync;
    QLineEdit *m_macs;
    QLineEdit *m_config;
    QCheckBox *m_autostart;
    QLabel *m_problem;
};

} // namespace aoesan::ui
