// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace aoesan::ui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::RichText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    connect(m_action, &QPushButton::clicked, this, &ErrorBanner::actionTriggered);
    hide();
}

void ErrorBanner::showMessage(Level level, const QString &message, const QString &fix, const QString &actionText)
{
    m_message = message;
    m_fix = fix;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor background(0xe3, 0xee, 0xfb);
    if (level == Level::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        background = QColor(0xff, 0xf4, 0xd6);
    } else if (level == Level::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        background = QColor(0xfd, 0xe2, 0xe1);
    }
    QPalette pal = palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(24, 24));
    QString body = QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped());
    if (!fix.isEmpty())
        body += QStringLiteral("<br>") + tr("Fix: %1").arg(fix.toHtmlEscaped());
    m_text->setText(body);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    show();
}

void ErrorBanner::clear()
{
    m_message.clear();
    m_fix.clear();
    hide();
}

} // namespace aoesan::ui
