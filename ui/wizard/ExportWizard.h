// SPDX-License-Identifier: GPL-3.0-or-later
// New export… : What to export, Where, Options, Review. The wizard only builds an ExportRecord; the
// caller hands it to the ExportController (the KeePassXC way: the wizard makes a core object and gives
// it back).
#pragma once

#include <QWizard>

#include "wizard/ExportDraft.h"

namespace aoesan::ui {

class AddressPage;
class OptionsPage;
class ReviewPage;
class SourcePage;

class ExportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { Source, Address, Options, Review };

    explicit ExportWizard(WizardContext context, QWidget *parent = nullptr);

    const ExportDraft &draft() const { return m_draft; }
    SourcePage *sourcePage() const { return m_source; }
    AddressPage *addressPage() const { return m_address; }
    OptionsPage *optionsPage() const { return m_options; }
    ReviewPage *reviewPage() const { return m_review; }

private:
    WizardContext m_context;
    ExportDraft m_draft;
    SourcePage *m_source;
    AddressPage *m_address;
    OptionsPage *m_options;
    ReviewPage *m_review;
};

} // namespace aoesan::ui
