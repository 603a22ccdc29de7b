// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/CaptureDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDBusArgument>
#include <QDBusObjectPath>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "service/SanLink.h"

namespace aoesan::ui {

namespace {

QStringList machineInterfaces()
{
    QStringList out;
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces())
        if (!i.flags().testFlag(QNetworkInterface::IsLoopBack))
            out << i.name();
    return out;
}

QString defaultFile(const QString &interface)
{
    return QDir::home().filePath(QStringLiteral("aoesan-%1-%2.pcap")
                                     .arg(interface.isEmpty() ? QStringLiteral("capture") : interface,
                                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

QString wireshark()
{
    return QStandardPaths::findExecutable(QStringLiteral("wireshark"));
}

} // namespace

CaptureDialog::CaptureDialog(SanLink &link, const QString &target, QWidget *parent, QStringList interfaces)
    : QDialog(parent)
    , m_link(link)
    , m_interface(new QComboBox(this))
    , m_target(new QLineEdit(target, this))
    , m_boot(new QCheckBox(tr("Also network boot traffic (DHCP, TFTP, ARP)"), this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_count(new QLabel(this))
    , m_status(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy path"), this))
    , m_wireshark(new QPushButton(tr("Open in &Wireshark"), this))
{
    setWindowTitle(tr("Capture traffic"));
    setObjectName(QStringLiteral("captureDialog"));
    m_interface->setObjectName(QStringLiteral("captureInterface"));
    m_target->setObjectName(QStringLiteral("captureTarget"));
    m_file->setObjectName(QStringLiteral("captureFile"));
    m_count->setObjectName(QStringLiteral("captureCount"));
    m_status->setObjectName(QStringLiteral("captureStatus"));
    m_start->setObjectName(QStringLiteral("captureStart"));
    m_stop->setObjectName(QStringLiteral("captureStop"));
    m_wireshark->setObjectName(QStringLiteral("captureWireshark"));
    m_interface->addItems(interfaces.isEmpty() ? machineInterfaces() : interfaces);
    m_target->setPlaceholderText(tr("every target, e.g. e7.3"));
    m_file->setText(defaultFile(m_interface->currentText()));
    m_status->setWordWrap(true);

    auto *intro = new QLabel(tr("Write the AoE frames seen on an interface to a file that Wireshark and tshark "
                                "read, to find out why a target does not answer or a machine does not boot. The "
                                "aoesan service captures for you; the frames hold the data of the disks on that "
                                "network."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Interface:"), m_interface);
    form->addRow(tr("Only this &target:"), m_target);
    form->addRow(QString(), m_boot);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    form->addRow(tr("&File:"), fileRow);
    if (auto *l = qobject_cast<QLabel *>(form->labelForField(fileRow)))
        l->setBuddy(m_file);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_count, 1);
    auto *after = new QHBoxLayout;
    after->addWidget(m_copy);
    after->addWidget(m_wireshark);
    after->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addLayout(after);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &CaptureDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &CaptureDialog::stop);
    connect(m_interface, &QComboBox::currentTextChanged, this, [this](const QString &i) {
        if (!m_output)
            m_file->setText(defaultFile(i));
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString chosen
            = QFileDialog::getSaveFileName(this, tr("Capture file"), m_file->text(), tr("Capture files (*.pcap)"));
        if (!chosen.isEmpty())
            m_file->setText(chosen);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(fileName()); });
    connect(m_wireshark, &QPushButton::clicked, this, [this] {
        QProcess::startDetached(wireshark(), {QStringLiteral("-r"), fileName()});
    });
    m_poll.setInterval(500);
    connect(&m_poll, &QTimer::timeout, this, &CaptureDialog::poll);
    m_copy->setEnabled(false);
    m_wireshark->setEnabled(false);
    m_wireshark->setToolTip(wireshark().isEmpty() ? tr("Wireshark is not installed (sudo apt-get install wireshark)")
                                                  : tr("Open the file in Wireshark"));
    setRunning(false);
    m_status->setText(tr("Not capturing."));
}

CaptureDialog::~CaptureDialog()
{
    // Closing the dialog ends its capture; the service would also end it when the GUI leaves the bus.
    if (!m_capture.isEmpty())
        m_link.stopCapture(m_capture, [](auto) {});
}

QString CaptureDialog::fileName() const
{
    return m_file->text();
}

void CaptureDialog::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_interface->setEnabled(!running);
    m_target->setEnabled(!running);
    m_boot->setEnabled(!running);
    m_file->setEnabled(!running);
    m_browse->setEnabled(!running);
}

void CaptureDialog::showProblem(const QString &text)
{
    m_status->setText(QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(text.toHtmlEscaped()));
}

void CaptureDialog::start()
{
    if (m_interface->currentText().isEmpty()) {
        showProblem(tr("Choose the interface to capture on."));
        return;
    }
    m_output = std::make_unique<QFile>(m_file->text());
    if (!m_output->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        showProblem(tr("Cannot write %1: %2").arg(m_file->text(), m_output->errorString()));
        m_output.reset();
        return;
    }
    QVariantMap options {{QStringLiteral("interface"), m_interface->currentText()}};
    if (!m_target->text().trimmed().isEmpty())
        options.insert(QStringLiteral("target"), m_target->text().trimmed());
    if (m_boot->isChecked())
        options.insert(QStringLiteral("boot"), true);
    setRunning(true);
    m_copy->setEnabled(false);
    m_wireshark->setEnabled(false);
    m_count->clear();
    m_status->setText(tr("Starting…"));
    m_link.startCapture(m_output->handle(), options, [this](Result<QVariantList, service::ServiceError> reply) {
        m_output->close(); // the service has its own descriptor of the file now
        if (!reply) {
            setRunning(false);
            showProblem(reply.error().message);
            return;
        }
        m_capture = reply->value(0).value<QDBusObjectPath>().path();
        m_status->setText(tr("Capturing on %1…").arg(m_interface->currentText()));
        m_poll.start();
    });
}

void CaptureDialog::poll()
{
    if (m_capture.isEmpty())
        return;
    m_link.captureProperties(m_capture, [this](Result<QVariantList, service::ServiceError> reply) {
        if (!reply)
            return;
        const QVariantMap props = qdbus_cast<QVariantMap>(reply->value(0));
        const qulonglong frames = props.value(QStringLiteral("Frames")).toULongLong();
        const qulonglong dropped = props.value(QStringLiteral("Dropped")).toULongLong();
        m_count->setText(dropped ? tr("%n frame(s), %1 dropped", nullptr, static_cast<int>(frames)).arg(dropped)
                                 : tr("%n frame(s)", nullptr, static_cast<int>(frames)));
        const QString state = props.value(QStringLiteral("State")).toString();
        if (state == QLatin1String("failed")) {
            showProblem(props.value(QStringLiteral("Error")).toString());
            stop();
        } else if (state == QLatin1String("done")) {
            stop();
        }
    });
}

void CaptureDialog::stop()
{
    m_poll.stop();
    const QString path = m_capture;
    m_capture.clear();
    setRunning(false);
    m_copy->setEnabled(true);
    m_wireshark->setEnabled(!wireshark().isEmpty());
    if (!m_status->text().contains(QLatin1String("color:")))
        m_status->setText(tr("Written to %1").arg(fileName()));
    if (!path.isEmpty())
        m_link.stopCapture(path, [](auto) {});
}

} // namespace aoesan::ui
