// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/HelpMenu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include "Version.h"
#include "log/Logging.h"
#include "shell/Diagnostics.h"

namespace aoesan::ui {

namespace {

QString plainText(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

} // namespace

// Placeholder: the project has no published home yet; both links point at the intended repository.
QString HelpMenu::homePage()
{
    return QStringLiteral("https://github.com/aoesan/aoesan");
}

QString HelpMenu::issueTracker()
{
    return homePage() + QStringLiteral("/issues");
}

HelpMenu::HelpMenu(QWidget &window, LogModel &log, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_log(log)
    , m_menu(new QMenu(tr("&Help"), &window))
    , m_about(new QAction(tr("&About aoesan"), m_menu))
    , m_shortcuts(new QAction(tr("&Keyboard shortcuts"), &window))
    , m_diagnostics(new QAction(tr("&Copy diagnostics"), m_menu))
{
    m_menu->setObjectName(QStringLiteral("helpMenu"));
    m_about->setMenuRole(QAction::AboutRole);
    m_about->setToolTip(tr("Version, license and where to report a problem"));
    m_shortcuts->setShortcut(QKeySequence(Qt::Key_F1));
    const QString keys = m_shortcuts->shortcut().toString(QKeySequence::NativeText);
    m_shortcuts->setToolTip(tr("Every keyboard shortcut of the window") + QStringLiteral(" (%1)").arg(keys));
    m_diagnostics->setToolTip(
        tr("Copy versions, interfaces, permissions and the last errors to the clipboard for a bug report"));
    window.addAction(m_shortcuts); // its shortcut works wherever the focus is in the window
    m_menu->addAction(m_shortcuts);
    m_menu->addAction(m_diagnostics);
    m_menu->addSeparator();
    m_menu->addAction(m_about);
    connect(m_about, &QAction::triggered, this, &HelpMenu::showAbout);
    connect(m_shortcuts, &QAction::triggered, this, &HelpMenu::showShortcuts);
    connect(m_diagnostics, &QAction::triggered, this, [this] { (void)copyDiagnostics(); });
}

QString HelpMenu::aboutText()
{
    return tr("<h3>aoesan %1</h3>"
              "<p>ATA over Ethernet SAN manager: discover, export and watch AoE targets.</p>"
              "<p>License: GNU General Public License, version 3 or later (GPL-3.0-or-later).</p>"
              "<p>Home: <a href=\"%2\">%2</a><br>Report a problem: <a href=\"%3\">%3</a></p>"
              "<p>Built with Qt %4, running with Qt %5.</p>")
        .arg(QString::fromLatin1(kVersionString), homePage(), issueTracker(), QStringLiteral(QT_VERSION_STR),
            QString::fromLatin1(qVersion()));
}

QList<QPair<QString, QString>> HelpMenu::shortcutRows(const QWidget &window)
{
    QList<QPair<QString, QString>> rows;
    QSet<QString> seen;
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->isSeparator())
            continue;
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        const QString text = plainText(action->text());
        if (seen.contains(text + keys))
            continue;
        seen.insert(text + keys);
        rows.append({text, keys});
    }
    return rows;
}

void HelpMenu::showAbout()
{
    auto *dialog = new QDialog(&m_window);
    dialog->setObjectName(QStringLiteral("aboutDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("About aoesan"));
    auto *label = new QLabel(aboutText(), dialog);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    label->setWordWrap(true);
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 64); // the links on one line each
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    layout->addWidget(buttons);
    dialog->open();
}

void HelpMenu::showShortcuts()
{
    const auto rows = shortcutRows(m_window);
    auto *dialog = new QDialog(&m_window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(static_cast<int>(rows.size()), 2, dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < rows.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(rows[row].first));
        table->setItem(row, 1, new QTableWidgetItem(rows[row].second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(table->horizontalHeader()->length() + 60,
        std::min(600, table->verticalHeader()->length() + table->horizontalHeader()->height() + 90));
    dialog->open();
}

QString HelpMenu::copyDiagnostics()
{
    const QString text = formatDiagnostics(collectDiagnostics(m_log));
    QApplication::clipboard()->setText(text);
    log::logger("ui")->info("diagnostics copied to the clipboard");
    auto *box = new QMessageBox(QMessageBox::Information, tr("Copy diagnostics"),
        tr("The diagnostics are on the clipboard: paste them into your bug report at %1.").arg(issueTracker()),
        QMessageBox::Ok, &m_window);
    box->setObjectName(QStringLiteral("diagnosticsCopied"));
    box->setDetailedText(text);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return text;
}

} // namespace aoesan::ui
