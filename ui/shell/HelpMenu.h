// SPDX-License-Identifier: GPL-3.0-or-later
// The window's Help menu: About (version, license, links), Keyboard shortcuts (a table made from the
// window's own actions when it opens, so it cannot go stale), and Copy diagnostics (ui/shell/Diagnostics)
// to the clipboard for a bug report. Dialogs open without a nested event loop.
#pragma once

#include <QObject>
#include <QPair>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace aoesan::ui {

class LogModel;

class HelpMenu : public QObject
{
    Q_OBJECT

public:
    // Placeholders until the project has a home of its own: where About points people.
    static QString homePage();
    static QString issueTracker();

    HelpMenu(QWidget &window, LogModel &log, QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; }
    QAction *aboutAction() const { return m_about; }
    QAction *shortcutsAction() const { return m_shortcuts; }
    QAction *diagnosticsAction() const { return m_diagnostics; }

    static QString aboutText();
    // (action, shortcut) for every action of `window` and its children that has a shortcut, in the
    // order they were made; menu mnemonics and the trailing "…" taken out.
    static QList<QPair<QString, QString>> shortcutRows(const QWidget &window);

    void showAbout();
    void showShortcuts();
    // Puts the diagnostics on the clipboard and returns them.
    QString copyDiagnostics();

private:
    QWidget &m_window;
    LogModel &m_log;
    QMenu *m_menu;
    QAction *m_about;
    QAction *m_shortcuts;
    QAction *m_diagnostics;
};

} // namespace aoesan::ui
