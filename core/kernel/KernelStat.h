// SPDX-License-Identifier: GPL-3.0-or-later
// The kernel's view as aoe-stat prints it (aoetools 36): "%10s %15s %10s %-5s %-14s" with a payload column
// when any device has a payload file, "%10s %15s %6s %-14s" otherwise; "(NA)" for a file that cannot be read;
// partitions left out. Sorted by shelf then slot as numbers (aoe-stat sorts the text). And the same devices as
// JSON, the one shape `stat --kernel --json`, the service's KernelDevices property and the GUI use.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <string>
#include <vector>

#include "kernel/KernelDevice.h"

namespace aoesan::kernel {

std::string kernelStatReport(std::vector<KernelDevice> devices, const QRegularExpression &filter = {});

QJsonObject deviceToJson(const KernelDevice &device);
QJsonArray devicesToJson(const std::vector<KernelDevice> &devices);
// Back from JSON (the GUI reads the service's property). A malformed entry is skipped.
std::vector<KernelDevice> devicesFromJson(const QJsonArray &array);

} // namespace aoesan::kernel
