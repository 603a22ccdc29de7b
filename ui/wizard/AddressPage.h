// SPDX-License-Identifier: GPL-3.0-or-later
// Wizard page 2, "Where": shelf and slot (a free address is suggested; a clash with a discovered target
// or another export is shown inline in red and blocks the page), the interface with its link state,
// MTU and sectors per frame, and a warning for images iPXE cannot boot.
#pragma once

#include <QWizardPage>

#include <optional>

class QLabel;
class QListWidget;
class QSpinBox;

namespace aoesan::ui {

struct ExportDraft;
struct WizardContext;

class AddressPage : public QWizardPage
{
    Q_OBJECT

public:
    AddressPage(ExportDraft &draft, const WizardContext &context, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // Who already answers this address on this interface, in words; empty when it is free.
    QString clash(int shelf, int slot, const QString &interface) const;
    // The suggested address: the next free slot on a shelf this machine exports from, else the first free.
    std::pair<int, int> suggestAddress(const QString &interface) const;
    QString currentInterface() const;

private:
    void check();

    ExportDraft &m_draft;
    const WizardContext &m_context;
    QSpinBox *m_shelf;
    QSpinBox *m_slot;
    QLabel *m_clash;
    QListWidget *m_interfaces;
    QLabel *m_notes;
    bool m_suggested = false;
};

} // namespace aoesan::ui
