// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/LiveCapture.h"

#include <QSocketNotifier>

#include <cstdio>

#include <pcap/pcap.h>

#include "net/NetworkInterfaces.h"
#include "net/PacketCapability.h"

namespace aoesan::net {

std::string captureFilterExpression(const CaptureFilter &filter)
{
    std::string aoe = "ether proto 0x88a2";
    if (filter.shelf || filter.slot) {
        char part[160];
        aoe = "(" + aoe;
        if (filter.shelf) {
            std::snprintf(
                part, sizeof part, " and (ether[16:2] = %u or ether[16:2] = 0xffff)", unsigned(*filter.shelf));
            aoe += part;
        }
        if (filter.slot) {
            std::snprintf(part, sizeof part, " and (ether[18] = %u or ether[18] = 0xff)", unsigned(*filter.slot));
            aoe += part;
        }
        aoe += ")";
    }
    if (filter.boot)
        return aoe + " or arp or udp";
    return aoe;
}

Result<std::unique_ptr<LiveCapture>, TransportError> LiveCapture::open(
    const std::string &interface, const CaptureFilter &filter)
{
    if (const auto refused = checkPacketCapability())
        return Unexpected(*refused);
    if (const auto found = findInterface(interface); !found)
        return Unexpected(TransportError {TransportError::Code::NoSuchInterface, found.error(), {}});
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t *handle = pcap_create(interface.c_str(), error);
    if (!handle)
        return Unexpected(TransportError {TransportError::Code::Io, interface + ": " + error, {}});
    const auto fail = [&](TransportError::Code code, const std::string &message) {
        pcap_close(handle);
        return Unexpected(TransportError {code, interface + ": " + message, {}});
    };
    pcap_set_snaplen(handle, 65535);
    pcap_set_promisc(handle, 1); // another host's traffic with the target is what a person debugs
    pcap_set_immediate_mode(handle, 1);
    pcap_set_buffer_size(handle, 8 * 1024 * 1024);
    if (const int status = pcap_activate(handle); status < 0) {
        const bool permission = status == PCAP_ERROR_PERM_DENIED || status == PCAP_ERROR_PROMISC_PERM_DENIED;
        return fail(permission ? TransportError::Code::NoPermission : TransportError::Code::Io, pcap_geterr(handle));
    }
    if (pcap_datalink(handle) != DLT_EN10MB)
        return fail(TransportError::Code::Unsupported, "not an Ethernet interface");
    bpf_program program {};
    const std::string expression = captureFilterExpression(filter);
    if (pcap_compile(handle, &program, expression.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0)
        return fail(TransportError::Code::Io, std::string("filter: ") + pcap_geterr(handle));
    const int set = pcap_setfilter(handle, &program);
    pcap_freecode(&program);
    if (set != 0)
        return fail(TransportError::Code::Io, std::string("filter: ") + pcap_geterr(handle));
    if (pcap_setnonblock(handle, 1, error) != 0)
        return fail(TransportError::Code::Io, error);
    return std::unique_ptr<LiveCapture>(new LiveCapture(handle));
}

LiveCapture::LiveCapture(pcap *handle)
    : m_handle(handle)
    , m_notifier(std::make_unique<QSocketNotifier>(pcap_get_selectable_fd(handle), QSocketNotifier::Read))
{
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &LiveCapture::readReady);
}

LiveCapture::~LiveCapture()
{
    m_notifier.reset();
    pcap_close(m_handle);
}

std::uint64_t LiveCapture::dropped() const
{
    pcap_stat stats {};
    return pcap_stats(m_handle, &stats) == 0 ? std::uint64_t(stats.ps_drop) : 0;
}

void LiveCapture::readReady()
{
    // Bounded rounds: a flood must not keep the event loop (and Ctrl+C) waiting.
    for (int round = 0; round < 64; ++round) {
        pcap_pkthdr *header = nullptr;
        const u_char *data = nullptr;
        const int got = pcap_next_ex(m_handle, &header, &data);
        if (got != 1)
            return;
        ++m_frames;
        const auto timestamp = std::chrono::seconds(header->ts.tv_sec) + std::chrono::microseconds(header->ts.tv_usec);
        emit frame(std::span<const std::uint8_t>(data, header->caplen), timestamp);
    }
}

} // namespace aoesan::net
