// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/ExportWizard.h"

#include "wizard/AddressPage.h"
#include "wizard/OptionsPage.h"
#include "wizard/ReviewPage.h"
#include "wizard/SourcePage.h"

namespace aoesan::ui {

ExportWizard::ExportWizard(WizardContext context, QWidget *parent)
    : QWizard(parent)
    , m_context(std::move(context))
    , m_source(new SourcePage(m_draft, m_context, this))
    , m_address(new AddressPage(m_draft, m_context, this))
    , m_options(new OptionsPage(m_draft, this))
    , m_review(new ReviewPage(m_draft, m_context, this))
{
    setObjectName(QStringLiteral("exportWizard"));
    setWindowTitle(tr("New export"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setPage(Source, m_source);
    setPage(Address, m_address);
    setPage(Options, m_options);
    setPage(Review, m_review);
    // Wide enough for the device list's verdicts in every language.
    resize(960, 600);
}

} // namespace aoesan::ui
