// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing classic .pcap files of Ethernet frames (golden frames, `aoesan-ctl capture`,
// handing frames to tshark).
#pragma once

#include <QByteArray>

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "util/Result.h"

struct pcap;
struct pcap_dumper;

namespace aoesan::net {

struct CapturedFrame
{
    std::chrono::microseconds timestamp {0};
    QByteArray bytes; // the frame as captured, from the destination MAC on
    std::uint32_t originalLength = 0; // length on the wire (bytes may be shorter if snapped)
};

// Every frame of an Ethernet (DLT_EN10MB) capture file.
Result<std::vector<CapturedFrame>, std::string> readPcapFile(const std::string &path);

class PcapWriter
{
public:
    static Result<std::unique_ptr<PcapWriter>, std::string> create(const std::string &path);
    // Onto a file descriptor someone else opened (the service's capture: a file the person opened, passed over
    // D-Bus); the writer owns it from then on.
    static Result<std::unique_ptr<PcapWriter>, std::string> createOnFd(int fd);
    ~PcapWriter();
    PcapWriter(const PcapWriter &) = delete;
    PcapWriter &operator=(const PcapWriter &) = delete;

    void write(std::span<const std::uint8_t> frame, std::chrono::microseconds timestamp);
    void write(const QByteArray &frame, std::chrono::microseconds timestamp);
    // Flushes buffered frames so a reader sees them now.
    void flush();

private:
    PcapWriter(pcap *handle, pcap_dumper *dumper);
    pcap *m_handle;
    pcap_dumper *m_dumper;
};

} // namespace aoesan::net
