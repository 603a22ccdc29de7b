// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/ReviewPage.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

#include "format/Format.h"
#include "wizard/ExportDraft.h"

namespace aoesan::ui {

ReviewPage::ReviewPage(ExportDraft &draft, const WizardContext &context, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_context(context)
    , m_name(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_command(new QPlainTextEdit(this))
    , m_startNow(new QCheckBox(tr("Start &serving now"), this))
    , m_problem(new QLabel(this))
{
    setTitle(tr("Review"));
    setSubTitle(tr("Check the export, then press Export."));
    setButtonText(QWizard::FinishButton, tr("&Export"));
    m_name->setObjectName(QStringLiteral("exportName"));
    m_command->setObjectName(QStringLiteral("commandLine"));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_name->setToolTip(tr("A short name for this export: letters, digits, '-' and '_'"));
    m_name->setMaxLength(supervisor::kMaxNameLength);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_command->setReadOnly(true);
    m_command->setMaximumHeight(m_command->fontMetrics().height() * 3 + 12);
    m_command->setToolTip(tr("The same export from a terminal, with vblade's arguments"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_command->setFont(mono);
    m_startNow->setChecked(true);
    m_startNow->setToolTip(tr("Start the engine for this export as soon as it is added"));
    m_problem->setStyleSheet(QStringLiteral("color:#b02020"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Equivalent command:"), this));
    layout->addWidget(m_command);
    layout->addWidget(m_startNow);
    layout->addWidget(m_problem);
    layout->addStretch();
    connect(m_name, &QLineEdit::textChanged, this, &ReviewPage::check);
}

void ReviewPage::initializePage()
{
    auto &r = m_draft.record;
    if (m_name->text().isEmpty()) {
        QString base = QFileInfo(m_draft.path).completeBaseName();
        base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("-"));
        QString name = base.isEmpty() ? QStringLiteral("export") : base;
        for (int n = 2; std::ranges::any_of(m_context.exports, [&](const auto &e) { return e.name == name; }); ++n)
            name = QStringLiteral("%1-%2").arg(base).arg(n);
        m_name->setText(name.left(supervisor::kMaxNameLength));
    }
    QStringList options;
    if (r.readOnly)
        options << tr("read-only");
    if (r.direct)
        options << tr("direct I/O");
    if (r.sync)
        options << tr("synchronous writes");
    if (!r.macs.empty())
        options << tr("%n allowed initiator(s)", nullptr, static_cast<int>(r.macs.size()));
    if (r.wireEdits == engine::WireEdits::Keep)
        options << tr("changes from the network kept");
    else if (r.wireEdits == engine::WireEdits::Refuse)
        options << tr("changes from the network refused");
    if (r.autostart)
        options << tr("starts with aoesan");
    QString summary = tr("e%1.%2 on %3, serving %4 (%5)")
                          .arg(r.shelf)
                          .arg(r.slot)
                          .arg(r.interface, m_draft.path, format::binarySize(m_draft.sizeBytes));
    if (!options.isEmpty())
        summary += QStringLiteral("\n") + tr("Options: %1").arg(options.join(QStringLiteral(", ")));
    if (!m_draft.sourceWarning.isEmpty())
        summary += QStringLiteral("\n\n") + m_draft.sourceWarning;
    m_summary->setText(summary);
    check();
}

QString ReviewPage::commandLine() const
{
    return m_command->toPlainText();
}

void ReviewPage::check()
{
    m_draft.record.name = m_name->text().trimmed();
    m_command->setPlainText(serveCommandLine(m_draft.record));
    QString problem;
    if (const auto bad = supervisor::validateAgainst(m_draft.record, m_context.exports))
        problem = bad->message;
    m_problem->setText(problem);
    emit completeChanged();
}

bool ReviewPage::isComplete() const
{
    return m_problem->text().isEmpty();
}

bool ReviewPage::validatePage()
{
    m_draft.record.name = m_name->text().trimmed();
    m_draft.startNow = m_startNow->isChecked();
    return true;
}

} // namespace aoesan::ui
