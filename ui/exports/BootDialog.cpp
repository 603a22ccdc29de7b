// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports/BootDialog.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "boot/BootConfig.h"
#include "exports/ExportController.h"
#include "protocol/MacAddress.h"
#include "service/SanLink.h"

namespace aoesan::ui {

namespace {

constexpr char kProblemStyle[] = "color:#b02020";

quint32 maskOf(int prefix)
{
    return prefix <= 0 ? 0 : 0xFFFFFFFFU << (32 - prefix);
}

QString networkText(quint32 address, int prefix)
{
    return QStringLiteral("%1/%2").arg(boot::ipv4Text(address & maskOf(prefix))).arg(prefix);
}

QStringList macWords(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
}

void setProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace

std::vector<BootInterface> machineInterfaces()
{
    std::vector<BootInterface> out;
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (i.flags().testFlag(QNetworkInterface::IsLoopBack))
            continue;
        BootInterface b;
        b.name = i.name();
        b.up = i.flags().testFlag(QNetworkInterface::IsUp);
        for (const QNetworkAddressEntry &e : i.addressEntries()) {
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol) {
                b.address = e.ip().toIPv4Address();
                b.prefix = e.prefixLength();
                break;
            }
        }
        out.push_back(b);
    }
    return out;
}

std::pair<quint32, quint32> BootDialog::suggestedRange(quint32 address, int prefix)
{
    const quint32 mask = maskOf(prefix);
    const quint32 network = address & mask;
    const quint64 size = quint64 {1} << (32 - prefix);
    std::pair<quint32, quint32> r;
    if (size >= 256) {
        // .100–.150 of the interface's own /24 within the network, or .200–.250 when the interface is in that.
        const quint32 base = address & 0xFFFFFF00U;
        r = {base + 100, base + 150};
        if (address >= r.first && address <= r.second)
            r = {base + 200, base + 250};
    } else if (size >= 8) {
        // A small network: its upper half, short of the broadcast address.
        r = {network + static_cast<quint32>(size / 2), network + static_cast<quint32>(size) - 2};
        if (address >= r.first && address <= r.second)
            r = {network + 1, network + static_cast<quint32>(size / 2) - 1};
    } else {
        r = {network + 1, network + static_cast<quint32>(size > 2 ? size - 2 : 1)};
    }
    return r;
}

BootDialog::BootDialog(SanLink &link, const QString &exportName, QWidget *parent, BootInterfaceLister interfaces)
    : QDialog(parent)
    , m_link(link)
    , m_name(exportName)
    , m_interfaces(interfaces ? interfaces() : std::vector<BootInterface> {})
    , m_root(new QLabel(this))
    , m_interface(new QComboBox(this))
    , m_interfaceNote(new QLabel(this))
    , m_isolated(new QRadioButton(this))
    , m_proxy(new QRadioButton(tr("Another DHCP server gives the addresses (&proxy DHCP)"), this))
    , m_first(new QLineEdit(this))
    , m_last(new QLineEdit(this))
    , m_rangeNote(new QLabel(this))
    , m_macs(new QLineEdit(this))
    , m_macsNote(new QLabel(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_state(new QLabel(this))
    , m_clients(new QTreeWidget(this))
    , m_script(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("C&opy"), this))
    , m_ownDhcp(new QLabel(this))
{
    setObjectName(QStringLiteral("bootDialog"));
    const auto it = m_link.exports().find(m_name);
    const QString address = it != m_link.exports().end() ? it->second.record.address() : QString();
    setWindowTitle(tr("Network boot — %1 (%2)").arg(m_name, address));

    auto *intro = new QLabel(tr("Machines with no disk of their own can start from this export over the network: "
                                "their PXE firmware gets iPXE, and iPXE boots the export."),
        this);
    intro->setWordWrap(true);

    m_root->setObjectName(QStringLiteral("bootRootPath"));
    m_root->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_interface->setObjectName(QStringLiteral("bootInterface"));
    m_interfaceNote->setObjectName(QStringLiteral("bootInterfaceNote"));
    m_interfaceNote->setWordWrap(true);
    m_isolated->setObjectName(QStringLiteral("bootIsolated"));
    m_isolated->setText(tr("This network has no DHCP server: &hand out addresses"));
    m_proxy->setObjectName(QStringLiteral("bootProxy"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_isolated);
    modes->addButton(m_proxy);
    m_isolated->setChecked(true);
    m_first->setObjectName(QStringLiteral("bootRangeFirst"));
    m_last->setObjectName(QStringLiteral("bootRangeLast"));
    const int addressWidth = m_first->fontMetrics().horizontalAdvance(QStringLiteral("255.255.255.255")) + 16;
    m_first->setFixedWidth(addressWidth);
    m_last->setFixedWidth(addressWidth);
    m_first->setAccessibleName(tr("First address"));
    m_last->setAccessibleName(tr("Last address"));
    m_rangeNote->setObjectName(QStringLiteral("bootRangeNote"));
    m_rangeNote->setWordWrap(true);
    m_rangeNote->setStyleSheet(QLatin1String(kProblemStyle));
    m_macs->setObjectName(QStringLiteral("bootMacs"));
    m_macs->setPlaceholderText(tr("any machine"));
    m_macs->setToolTip(tr("MAC addresses separated by spaces or commas, e.g. 52:54:00:12:34:56; other machines get "
                          "no answer at all. Empty: any machine."));
    m_macsNote->setObjectName(QStringLiteral("bootMacsNote"));
    m_macsNote->setWordWrap(true);
    m_macsNote->setStyleSheet(QLatin1String(kProblemStyle));
    m_start->setObjectName(QStringLiteral("bootStart"));
    m_start->setToolTip(tr("Start the boot server with these settings (a running one is replaced)"));
    m_stop->setObjectName(QStringLiteral("bootStop"));
    m_stop->setToolTip(tr("Stop the boot server; the export itself keeps serving"));
    m_state->setObjectName(QStringLiteral("bootState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clients->setObjectName(QStringLiteral("bootClients"));
    m_clients->setRootIsDecorated(false);
    m_clients->setHeaderLabels({tr("Time"), tr("MAC address"), tr("IP address"), tr("Given")});
    m_clients->setUniformRowHeights(true);
    m_clients->header()->setStretchLastSection(true);
    m_clients->setMinimumHeight(m_clients->fontMetrics().lineSpacing() * 6);
    m_script->setObjectName(QStringLiteral("bootScript"));
    m_script->setReadOnly(true);
    m_script->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_script->setMaximumHeight(m_script->fontMetrics().lineSpacing() * 4 + 12);
    m_script->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_copy->setObjectName(QStringLiteral("bootCopy"));
    m_copy->setToolTip(tr("Copy the iPXE script to the clipboard"));
    m_ownDhcp->setObjectName(QStringLiteral("bootOwnDhcp"));
    m_ownDhcp->setWordWrap(true);
    m_ownDhcp->setForegroundRole(QPalette::PlaceholderText);
    m_ownDhcp->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The form.
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Root path:"), m_root);
    auto *interfaceColumn = new QVBoxLayout;
    interfaceColumn->addWidget(m_interface);
    interfaceColumn->addWidget(m_interfaceNote);
    form->addRow(tr("&Interface:"), interfaceColumn);
    auto *rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_isolated);
    rangeRow->addWidget(m_first);
    rangeRow->addWidget(new QLabel(QStringLiteral("–"), this));
    rangeRow->addWidget(m_last);
    rangeRow->addStretch();
    auto *addresses = new QVBoxLayout;
    addresses->addLayout(rangeRow);
    addresses->addWidget(m_rangeNote);
    addresses->addWidget(m_proxy);
    form->addRow(tr("Addresses:"), addresses);
    auto *macColumn = new QVBoxLayout;
    macColumn->addWidget(m_macs);
    macColumn->addWidget(m_macsNote);
    auto *macsLabel = new QLabel(tr("Allowed &machines:"), this);
    macsLabel->setBuddy(m_macs);
    form->addRow(macsLabel, macColumn);
    if (auto *l = qobject_cast<QLabel *>(form->labelForField(interfaceColumn)))
        l->setBuddy(m_interface);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_start);
    controls->addWidget(m_stop);
    controls->addWidget(m_state, 1);

    auto *clientsBox = new QGroupBox(tr("Machines that asked"), this);
    auto *clientsLayout = new QVBoxLayout(clientsBox);
    clientsLayout->addWidget(m_clients);

    auto *scriptBox = new QGroupBox(tr("iPXE script"), this);
    auto *scriptLayout = new QVBoxLayout(scriptBox);
    auto *scriptRow = new QHBoxLayout;
    scriptRow->addWidget(m_script, 1);
    scriptRow->addWidget(m_copy, 0, Qt::AlignTop);
    scriptLayout->addLayout(scriptRow);
    scriptLayout->addWidget(m_ownDhcp);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(controls);
    layout->addWidget(clientsBox, 1);
    layout->addWidget(scriptBox);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &BootDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &BootDialog::stop);
    connect(m_copy, &QPushButton::clicked, this, &BootDialog::copyScript);
    connect(m_interface, &QComboBox::currentIndexChanged, this, &BootDialog::onInterfaceChosen);
    connect(m_isolated, &QRadioButton::toggled, this, &BootDialog::validate);
    for (QLineEdit *edit : {m_first, m_last}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_rangeEdited = true;
            m_isolated->setChecked(true);
            validate();
        });
    }
    connect(m_macs, &QLineEdit::textChanged, this, &BootDialog::validate);
    connect(&m_link, &SanLink::exportUpdated, this, [this](const QString &name) {
        if (name == m_name)
            showBoot();
    });
    connect(&m_link, &SanLink::exportRemoved, this, [this](const QString &name) {
        if (name == m_name)
            showBoot();
    });
    connect(&m_link, &SanLink::serviceVanished, this, &BootDialog::showBoot);
    connect(&m_link, &SanLink::serviceAppeared, this, &BootDialog::showBoot);

    // What runs now fills the form; else the export's own interface, the network its clients are on (one without
    // an IPv4 address is chosen all the same, and the note says what it lacks).
    if (it != m_link.exports().end() && it->second.boot.state != service::BootView::State::Off) {
        fillInterfaces(it->second.boot.interface);
        fillFormFrom(it->second.boot);
    } else {
        fillInterfaces(it != m_link.exports().end() ? it->second.record.interface : QString());
        onInterfaceChosen();
    }
    showBoot();
    resize(fontMetrics().averageCharWidth() * 96, sizeHint().height());
}

void BootDialog::fillInterfaces(const QString &preferred)
{
    QSignalBlocker block(m_interface);
    m_interface->clear();
    int chosen = -1;
    int firstWithAddress = -1;
    for (int i = 0; i < static_cast<int>(m_interfaces.size()); ++i) {
        const auto &b = m_interfaces[static_cast<std::size_t>(i)];
        QString text = b.address
            ? tr("%1 — %2").arg(b.name, QStringLiteral("%1/%2").arg(boot::ipv4Text(*b.address)).arg(b.prefix))
            : tr("%1 — no IPv4 address").arg(b.name);
        if (!b.up)
            text += QStringLiteral(" ") + tr("(down)");
        m_interface->addItem(text, b.name);
        if (b.name == preferred && (b.address || chosen < 0))
            chosen = i;
        if (b.address && firstWithAddress < 0)
            firstWithAddress = i;
    }
    // The preferred interface; without one, the first that has an address.
    if (chosen < 0
        || (!m_interfaces[static_cast<std::size_t>(chosen)].address && firstWithAddress >= 0 && preferred.isEmpty()))
        chosen = firstWithAddress >= 0 ? firstWithAddress : 0;
    if (!preferred.isEmpty() && m_interface->findData(preferred) < 0) {
        // Running on an interface this machine does not list (it went away): still shown, so that it is seen.
        m_interface->addItem(tr("%1 — not on this machine").arg(preferred), preferred);
        chosen = m_interface->count() - 1;
    }
    m_interface->setCurrentIndex(chosen);
}

const BootInterface *BootDialog::chosenInterface() const
{
    const QString name = m_interface->currentData().toString();
    for (const auto &b : m_interfaces) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

void BootDialog::onInterfaceChosen()
{
    const BootInterface *b = chosenInterface();
    if (b && b->address) {
        // The range follows the network until the person types one of their own that still fits.
        const auto first = boot::parseIpv4(m_first->text());
        const quint32 mask = maskOf(b->prefix);
        const bool fits = first && (*first & mask) == (*b->address & mask);
        if (!m_rangeEdited || !fits) {
            const auto [from, to] = suggestedRange(*b->address, b->prefix);
            m_first->setText(boot::ipv4Text(from));
            m_last->setText(boot::ipv4Text(to));
            m_rangeEdited = false;
        }
    }
    validate();
}

void BootDialog::fillFormFrom(const service::BootView &boot)
{
    m_proxy->setChecked(boot.proxy);
    m_isolated->setChecked(!boot.proxy);
    if (!boot.proxy) {
        m_first->setText(boot.rangeFirst);
        m_last->setText(boot.rangeLast);
        m_rangeEdited = true;
    }
    m_macs->setText(boot.macs.join(QStringLiteral(" ")));
    validate();
}

QStringList BootDialog::problems() const
{
    QStringList out;
    for (QLabel *note : {m_interfaceNote, m_rangeNote, m_macsNote}) {
        if (note->property("problem").toBool())
            out << note->text();
    }
    return out;
}

std::optional<service::BootRequest> BootDialog::request() const
{
    if (!problems().isEmpty() || m_interface->currentIndex() < 0)
        return std::nullopt;
    service::BootRequest r;
    r.interface = m_interface->currentData().toString();
    r.proxy = m_proxy->isChecked();
    if (!r.proxy) {
        r.rangeFirst = m_first->text().trimmed();
        r.rangeLast = m_last->text().trimmed();
    }
    for (const QString &word : macWords(m_macs->text()))
        r.macs << QString::fromStdString(protocol::MacAddress::fromString(word.toStdString())->toString()).toLower();
    return r;
}

void BootDialog::validate()
{
    const BootInterface *b = chosenInterface();
    // The interface: it must exist here and have an IPv4 address (dnsmasq answers from it).
    QString interfaceProblem;
    QString interfaceInfo;
    if (m_interface->count() == 0)
        interfaceProblem = tr("This machine has no network interface to serve on.");
    else if (!b)
        interfaceProblem = tr("%1 is not an interface of this machine now.").arg(m_interface->currentData().toString());
    else if (!b->address)
        interfaceProblem = tr("%1 has no IPv4 address. The boot server needs one on the network it serves: give it "
                              "an address (e.g. ip addr add 10.0.0.1/24 dev %1) or choose another interface.")
                               .arg(b->name);
    else if (!b->up)
        interfaceInfo = tr("%1 is down: machines get an answer once it is up.").arg(b->name);
    m_interfaceNote->setText(interfaceProblem.isEmpty() ? interfaceInfo : interfaceProblem);
    m_interfaceNote->setStyleSheet(interfaceProblem.isEmpty() ? QString() : QLatin1String(kProblemStyle));
    m_interfaceNote->setProperty("problem", !interfaceProblem.isEmpty());
    m_interfaceNote->setVisible(!m_interfaceNote->text().isEmpty());

    // The range: two addresses of the interface's network, in order, neither the network's nor its broadcast.
    QString rangeProblem;
    const bool isolated = m_isolated->isChecked();
    m_first->setEnabled(isolated);
    m_last->setEnabled(isolated);
    if (isolated) {
        const auto first = boot::parseIpv4(m_first->text());
        const auto last = boot::parseIpv4(m_last->text());
        if (!first)
            rangeProblem = tr("“%1” is not an IPv4 address (e.g. 10.0.0.100).").arg(m_first->text().trimmed());
        else if (!last)
            rangeProblem = tr("“%1” is not an IPv4 address (e.g. 10.0.0.150).").arg(m_last->text().trimmed());
        else if (*first > *last)
            rangeProblem = tr("The first address must not come after the last.");
        else if (b && b->address) {
            const quint32 mask = maskOf(b->prefix);
            const quint32 network = *b->address & mask;
            const quint32 broadcast = network | ~mask;
            for (const quint32 a : {*first, *last}) {
                if ((a & mask) != network) {
                    rangeProblem = tr("%1 is not in %2's network %3: hand out addresses of that network.")
                                       .arg(boot::ipv4Text(a), b->name, networkText(*b->address, b->prefix));
                    break;
                }
                if (b->prefix < 31 && (a == network || a == broadcast)) {
                    rangeProblem = tr("%1 is the network's own address or its broadcast address; choose "
                                      "addresses between them.")
                                       .arg(boot::ipv4Text(a));
                    break;
                }
            }
            if (rangeProblem.isEmpty() && *b->address >= *first && *b->address <= *last)
                rangeProblem = tr("The range holds %1, %2's own address: leave it out.")
                                   .arg(boot::ipv4Text(*b->address), b->name);
        }
    }
    setProblem(m_rangeNote, rangeProblem);
    m_rangeNote->setProperty("problem", !rangeProblem.isEmpty());

    // The machines: MAC addresses of single machines.
    QStringList bad;
    for (const QString &word : macWords(m_macs->text())) {
        const auto mac = protocol::MacAddress::fromString(word.toStdString());
        if (!mac || mac->isZero() || mac->isMulticast())
            bad << word;
    }
    const QString macsProblem = bad.isEmpty()
        ? QString()
        : tr("Not the MAC address of a machine: %1 (six pairs of hex digits, e.g. 52:54:00:12:34:56).")
              .arg(bad.join(QStringLiteral(", ")));
    setProblem(m_macsNote, macsProblem);
    m_macsNote->setProperty("problem", !macsProblem.isEmpty());

    const auto it = m_link.exports().find(m_name);
    const bool there = m_link.isConnected() && it != m_link.exports().end();
    m_start->setEnabled(there && !m_busy && problems().isEmpty() && m_interface->count() > 0);
    m_stop->setEnabled(there && !m_busy && it->second.boot.state != service::BootView::State::Off);
}

void BootDialog::showBoot()
{
    const auto it = m_link.exports().find(m_name);
    if (!m_link.isConnected() || it == m_link.exports().end()) {
        m_state->setText(!m_link.isConnected() ? tr("The aoesan service does not answer.")
                                               : tr("This export is gone: it was removed."));
        m_state->setStyleSheet(QLatin1String(kProblemStyle));
        validate();
        return;
    }
    const service::BootView &boot = it->second.boot;
    const QString root = boot.rootPath.isEmpty() ? QStringLiteral("aoe:") + it->second.record.address() : boot.rootPath;
    m_root->setText(root);
    QString state;
    bool problem = false;
    switch (boot.state) {
    case service::BootView::State::Off:
        state = tr("Off: no boot server runs for this export.");
        break;
    case service::BootView::State::Starting:
        state = tr("Starting…");
        break;
    case service::BootView::State::Running:
        state = boot.serving.isEmpty() ? tr("Running.") : tr("Running: %1").arg(boot.serving);
        break;
    case service::BootView::State::Failed:
        state = boot.error.isEmpty() ? tr("Failed.") : tr("Failed: %1").arg(boot.error);
        problem = true;
        break;
    }
    if (m_busy)
        state = tr("Asking the service…");
    if (!m_callError.isEmpty()) {
        state = m_callError;
        problem = true;
    }
    m_state->setText(state);
    m_state->setStyleSheet(problem ? QLatin1String(kProblemStyle) : QString());

    // The machines that asked, newest on top (the service keeps the last ones, oldest first).
    m_clients->clear();
    for (auto c = boot.clients.rbegin(); c != boot.clients.rend(); ++c) {
        auto *item = new QTreeWidgetItem({c->time.toString(QStringLiteral("HH:mm:ss")), c->mac, c->address,
            c->given.isEmpty() ? c->text : c->given});
        item->setToolTip(3, c->text);
        m_clients->addTopLevelItem(item);
    }
    // Room for the values and the headers, with a little air between the columns.
    for (int column = 0; column < 3; ++column) {
        m_clients->resizeColumnToContents(column);
        m_clients->setColumnWidth(
            column, m_clients->columnWidth(column) + m_clients->fontMetrics().averageCharWidth() * 2);
    }

    m_script->setPlainText(boot.script.isEmpty() ? boot::ipxeScript(root) : boot.script);
    m_ownDhcp->setText(tr("Your own DHCP server instead: give these machines option 17 (root-path) %1; iPXE boots "
                          "it. Or have them load this script.")
                           .arg(root));
    validate();
}

void BootDialog::start()
{
    const auto r = request();
    if (!r || m_busy)
        return;
    m_busy = true;
    m_callError.clear();
    showBoot();
    m_link.startBoot(m_name, *r, [this, alive = QPointer<BootDialog>(this)](auto reply) {
        if (!alive)
            return; // closed before the service answered
        m_busy = false;
        if (!reply) {
            const Problem p = ExportController::problemOf(reply.error());
            m_callError
                = tr("Could not start: %1").arg(p.fix.isEmpty() ? p.message : p.message + QLatin1Char(' ') + p.fix);
        }
        showBoot();
    });
}

void BootDialog::stop()
{
    if (m_busy)
        return;
    m_busy = true;
    m_callError.clear();
    showBoot();
    m_link.stopBoot(m_name, [this, alive = QPointer<BootDialog>(this)](auto reply) {
        if (!alive)
            return; // closed before the service answered
        m_busy = false;
        if (!reply) {
            const Problem p = ExportController::problemOf(reply.error());
            m_callError
                = tr("Could not stop: %1").arg(p.fix.isEmpty() ? p.message : p.message + QLatin1Char(' ') + p.fix);
        }
        showBoot();
    });
}

void BootDialog::copyScript()
{
    QApplication::clipboard()->setText(m_script->toPlainText());
}

} // namespace aoesan::ui
