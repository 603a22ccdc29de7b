// SPDX-License-Identifier: GPL-3.0-or-later
// Wizard page 4, "Review": the export's name, a summary, the equivalent `aoesan-ctl serve …` line for
// the curious, and whether to start it now. Finish says "Export".
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace aoesan::ui {

struct ExportDraft;
struct WizardContext;

class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    ReviewPage(ExportDraft &draft, const WizardContext &context, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QString commandLine() const;

private:
    void check();

    ExportDraft &m_draft;
    const WizardContext &m_context;
    QLineEdit *m_name;
    QLabel *m_summary;
    QPlainTextEdit *m_command;
    QCheckBox *m_startNow;
    QLabel *m_problem;
};

} // namespace aoesan::ui
