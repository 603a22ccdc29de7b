// SPDX-License-Identifier: GPL-3.0-or-later
// "Capture traffic…": AoE frames (and network boot frames) of one interface into a pcap file, through the service
// (Manager.StartCapture): the GUI has no privilege; it opens the file in the person's home itself and hands the
// service its descriptor. A live count while it runs; Stop; then the file with Copy path and Open in Wireshark.
#pragma once

#include <QDialog>
#include <QFile>
#include <QTimer>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace aoesan::ui {

class SanLink;

class CaptureDialog : public QDialog
{
    Q_OBJECT

public:
    // `target` pre-fills "only this target" (e7.3); `interfaces` the choice (this machine's, by default).
    CaptureDialog(SanLink &link, const QString &target, QWidget *parent = nullptr, QStringList interfaces = {});
    ~CaptureDialog() override;

    QString capturePath() const { return m_capture; }
    QString fileName() const;

private:
    void start();
    void stop();
    void poll();
    void setRunning(bool running);
    void showProblem(const QString &text);

    SanLink &m_link;
    QComboBox *m_interface;
    QLineEdit *m_target;
    QCheckBox *m_boot;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_count;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_wireshark;
    std::unique_ptr<QFile> m_output;
    QString m_capture; // the service's object while one runs
    QTimer m_poll;
};

} // namespace aoesan::ui
