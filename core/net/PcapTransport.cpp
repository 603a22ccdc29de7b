// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PcapTransport.h"

#include <QPointer>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <vector>

#include <pcap/pcap.h>

#include "log/Logging.h"
#include "net/PacketCapability.h"
#include "protocol/Constants.h"

namespace aoesan::net {

namespace {

// A broadcast probe of a busy segment brings a burst of replies at once (1,000 targets answer within a
// millisecond), and with immediate mode each ring slot is sized from the snap length. So the snap length
// is the largest frame this interface can carry, not 64 KiB, and the ring is large: with 65535 in 8 MiB
// only about 120 slots existed and most of a 1,000-reply burst was lost.
constexpr int kSnapOverhead = 14 + 4 + 46; // Ethernet header, a VLAN tag, slack
constexpr int kMinSnapLength = 1518;
constexpr int kBufferBytes = 32 * 1024 * 1024;
// Rounds of pcap_dispatch per notifier wake-up: bounded so a flood cannot starve the event loop; the
// notifier is level-triggered and fires again for what is left.
constexpr int kMaxDrainRounds = 16;
constexpr char kAoeFilter[] = "ether proto 0x88a2";

std::shared_ptr<spdlog::logger> netLog()
{
    return log::logger("net");
}

TransportError error(TransportError::Code code, std::string message, std::string fix = {})
{
    return TransportError {code, std::move(message), std::move(fix)};
}

TransportError noPermission(const std::string &interface, const std::string &detail)
{
    return error(TransportError::Code::NoPermission,
        "no permission to capture on " + interface + (detail.empty() ? std::string() : ": " + detail),
        packetPermissionFix(currentProgram()));
}

TransportError interfaceDown(const std::string &interface)
{
    return error(TransportError::Code::InterfaceDown, "interface " + interface + " is down",
        "bring it up with `sudo ip link set " + interface + " up`");
}

TransportError noSuchInterface(const std::string &interface, const std::string &detail)
{
    return error(TransportError::Code::NoSuchInterface, detail.empty() ? "no interface named " + interface : detail,
        "list the interfaces with `ip link`");
}

// The result of pcap_activate as a typed error. `savedErrno` is errno right after the call: some
// failures (a setsockopt refused) come back as a plain PCAP_ERROR whose only trace is EPERM.
TransportError activationError(pcap_t *handle, int rc, int savedErrno, const std::string &interface)
{
    std::string detail = pcap_geterr(handle);
    if (detail.empty())
        detail = pcap_statustostr(rc);
    switch (rc) {
    case PCAP_ERROR_NO_SUCH_DEVICE:
        return noSuchInterface(interface, "no interface named " + interface + ": " + detail);
    case PCAP_ERROR_PERM_DENIED:
    case PCAP_ERROR_PROMISC_PERM_DENIED:
        return noPermission(interface, detail);
    case PCAP_ERROR_IFACE_NOT_UP:
        return interfaceDown(interface);
    case PCAP_ERROR_RFMON_NOTSUP:
        return error(TransportError::Code::Unsupported, "cannot capture on " + interface + ": " + detail);
    default:
        if (savedErrno == EPERM || savedErrno == EACCES)
            return noPermission(interface, detail);
        return error(TransportError::Code::Io, "cannot capture on " + interface + ": " + detail);
    }
}

// Closes the handle unless released: open() has many ways out before the transport owns it.
struct HandleCloser
{
    void operator()(pcap_t *handle) const { pcap_close(handle); }
};
using HandlePtr = std::unique_ptr<pcap_t, HandleCloser>;

void collectFrame(u_char *user, const pcap_pkthdr *header, const u_char *bytes)
{
    auto *frames = reinterpret_cast<std::vector<QByteArray> *>(user);
    frames->emplace_back(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(header->caplen));
}

} // namespace

Result<std::unique_ptr<PcapTransport>, TransportError> PcapTransport::open(const std::string &interface)
{
    // sysfs first: it tells a missing, a down and a non-Ethernet interface apart with clear words,
    // where libpcap would answer most of them with a generic error or a capture that never sees a frame.
    auto found = findInterface(interface);
    if (!found)
        return Unexpected {noSuchInterface(interface, found.error())};
    InterfaceInfo info = std::move(found).value();
    const auto ethernet = listInterfaces();
    const bool isEthernet
        = ethernet && std::ranges::any_of(*ethernet, [&](const InterfaceInfo &i) { return i.name == interface; });
    if (!isEthernet)
        return Unexpected {error(TransportError::Code::Unsupported,
            interface + " is not an Ethernet interface; AoE runs on Ethernet only",
            "choose an Ethernet interface (see `ip link`)")};
    if (!info.up)
        return Unexpected {interfaceDown(interface)};

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    HandlePtr handle(pcap_create(interface.c_str(), errbuf));
    if (!handle)
        return Unexpected {error(TransportError::Code::Io, "cannot capture on " + interface + ": " + errbuf)};
    pcap_set_snaplen(handle.get(), std::max(info.mtu + kSnapOverhead, kMinSnapLength));
    pcap_set_promisc(handle.get(), 1);
    pcap_set_immediate_mode(handle.get(), 1);
    pcap_set_buffer_size(handle.get(), kBufferBytes);

    errno = 0;
    const int rc = pcap_activate(handle.get());
    const int savedErrno = errno;
    if (rc < 0)
        return Unexpected {activationError(handle.get(), rc, savedErrno, interface)};
    if (rc > 0) // a warning, such as promiscuous mode not supported: capture still works
        netLog()->warn("{}: {}", interface, pcap_geterr(handle.get()));

    if (const int linkType = pcap_datalink(handle.get()); linkType != DLT_EN10MB) {
        const char *name = pcap_datalink_val_to_name(linkType);
        return Unexpected {error(TransportError::Code::Unsupported,
            interface + " does not carry Ethernet frames (link type "
                + (name ? std::string(name) : std::to_string(linkType)) + ")")};
    }

    bpf_program program {};
    if (pcap_compile(handle.get(), &program, kAoeFilter, 1, PCAP_NETMASK_UNKNOWN) != 0)
        return Unexpected {error(TransportError::Code::Io,
            "cannot compile the AoE filter for " + interface + ": " + pcap_geterr(handle.get()))};
    const int filterRc = pcap_setfilter(handle.get(), &program);
    pcap_freecode(&program);
    if (filterRc != 0)
        return Unexpected {error(
            TransportError::Code::Io, "cannot set the AoE filter on " + interface + ": " + pcap_geterr(handle.get()))};
    // Frames that other programs of this machine send on the interface are wanted: an export served
    // here on the interface discovery watches answers with frames that leave the host and never come in,
    // so PCAP_D_IN (the default before) hid this machine's own exports from its discovery. Linux never
    // hands a packet socket the frames it sent itself (skb_loop_sk), so our own broadcasts still do not
    // come back; loopback, where they would, is not an Ethernet interface and was refused above.
    if (pcap_setdirection(handle.get(), PCAP_D_INOUT) != 0)
        return Unexpected {error(TransportError::Code::Unsupported,
            "cannot capture both directions on " + interface + ": " + pcap_geterr(handle.get()))};
    if (pcap_setnonblock(handle.get(), 1, errbuf) != 0)
        return Unexpected {
            error(TransportError::Code::Io, "cannot make capture on " + interface + " non-blocking: " + errbuf)};
    const int fd = pcap_get_selectable_fd(handle.get());
    if (fd < 0)
        return Unexpected {
            error(TransportError::Code::Unsupported, "capture on " + interface + " offers no descriptor to wait on")};

    if (!info.carrier)
        netLog()->warn("{} has no carrier: nothing will arrive until the link comes up", interface);
    netLog()->info("capturing AoE on {} ({}, MTU {})", interface, info.mac.toString(), info.mtu);
    return std::unique_ptr<PcapTransport>(new PcapTransport(handle.release(), fd, std::move(info)));
}

PcapTransport::PcapTransport(pcap *handle, int fd, InterfaceInfo info)
    : Transport(nullptr)
    , m_handle(handle)
    , m_info(std::move(info))
    , m_notifier(new QSocketNotifier(fd, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &PcapTransport::drain);
}

PcapTransport::~PcapTransport()
{
    // The notifier must stop watching the descriptor before pcap_close closes it.
    delete m_notifier;
    pcap_close(m_handle);
}

void PcapTransport::drain()
{
    if (m_failed)
        return;
    // Frames are emitted after pcap_dispatch returns, never from inside its callback: a receiver may
    // delete this transport, and libpcap must not be running on a closed handle when it does.
    std::vector<QByteArray> frames;
    int rc = 0;
    for (int round = 0; round < kMaxDrainRounds; ++round) {
        rc = pcap_dispatch(m_handle, -1, &collectFrame, reinterpret_cast<u_char *>(&frames));
        if (rc <= 0)
            break;
    }
    std::string detail = rc < 0 && rc != PCAP_ERROR_BREAK ? pcap_geterr(m_handle) : std::string();

    const QPointer<PcapTransport> alive(this);
    for (const QByteArray &frame : frames) {
        emit frameReceived(frame);
        if (!alive)
            return;
    }
    if (rc >= 0 || rc == PCAP_ERROR_BREAK)
        return;
    // A link going down is not an error here: libpcap keeps the capture, and it resumes when the link
    // comes back (send() reports InterfaceDown meanwhile). What does end up here is fatal.
    if (!findInterface(m_info.name))
        fail(error(TransportError::Code::NoSuchInterface, "interface " + m_info.name + " disappeared (" + detail + ")",
            "reopen it when it is back; list the interfaces with `ip link`"));
    else if (rc == PCAP_ERROR_IFACE_NOT_UP)
        fail(interfaceDown(m_info.name));
    else
        fail(error(TransportError::Code::Io, "capture on " + m_info.name + " failed: " + detail));
}

void PcapTransport::fail(const TransportError &failure)
{
    m_failed = true;
    m_notifier->setEnabled(false);
    netLog()->error("{}", failure.describe());
    emit failed(failure);
}

Result<bool, TransportError> PcapTransport::send(std::span<const std::uint8_t> frame)
{
    if (m_failed)
        return Unexpected {error(TransportError::Code::Io, "the transport on " + m_info.name + " has failed")};
    // The kernel would answer EMSGSIZE; saying which limit was crossed is more use to a caller.
    if (frame.size() > static_cast<std::size_t>(m_info.mtu) + protocol::kEthernetHeaderSize)
        return Unexpected {error(TransportError::Code::FrameTooBig,
            "frame of " + std::to_string(frame.size()) + " bytes exceeds the MTU of " + m_info.name)};
    errno = 0;
    const int sent = pcap_inject(m_handle, frame.data(), frame.size());
    const int savedErrno = errno;
    if (sent < 0) {
        if (savedErrno == ENETDOWN || savedErrno == ENXIO)
            return Unexpected {interfaceDown(m_info.name)};
        if (savedErrno == EMSGSIZE) // the MTU was lowered after this transport opened
            return Unexpected {error(TransportError::Code::FrameTooBig,
                "frame of " + std::to_string(frame.size()) + " bytes exceeds the MTU of " + m_info.name + " now")};
        if (savedErrno == EPERM || savedErrno == EACCES)
            return Unexpected {noPermission(m_info.name, pcap_geterr(m_handle))};
        return Unexpected {
            error(TransportError::Code::Io, "cannot send on " + m_info.name + ": " + pcap_geterr(m_handle))};
    }
    if (static_cast<std::size_t>(sent) != frame.size())
        return Unexpected {error(TransportError::Code::Io,
            "sent only " + std::to_string(sent) + " of " + std::to_string(frame.size()) + " bytes on " + m_info.name)};
    return true;
}

} // namespace aoesan::net
