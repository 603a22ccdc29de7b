// SPDX-License-Identifier: GPL-3.0-or-later
// A message a person can act on, shown at the top of a view: what went wrong and the fix, with an
// optional button ("Retry", "Open settings"). Never a modal box for things that persist.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace aoesan::ui {

class ErrorBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Info, Warning, Error };

    explicit ErrorBanner(QWidget *parent = nullptr);

    // Shows the banner; an empty action text hides the button.
    void showMessage(Level level, const QString &message, const QString &fix = {}, const QString &actionText = {});
    void clear();
    QString message() const { return m_message; }
    QString fix() const { return m_fix; }

signals:
    void actionTriggered();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QString m_message;
    QString m_fix;
};

} // namespace aoesan::ui
