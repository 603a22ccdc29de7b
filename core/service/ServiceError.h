// SPDX-License-Identifier: GPL-3.0-or-later
// A failed service call: the D-Bus error name (DbusApi.h, error::) and a sentence a person can act on.
#pragma once

#include <QString>

namespace aoesan::service {

struct ServiceError
{
    QString name;
    QString message;
    bool operator==(const ServiceError &) const = default;
};

} // namespace aoesan::service
