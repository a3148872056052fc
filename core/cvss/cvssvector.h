// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvssmetric.h"
#include "util/result.h"

#include <array>
#include <string>
#include <string_view>

namespace patchwise::cvss {

// A validated CVSS vector of one version: one value per metric slot (see metricDefs()).
// Small (33 bytes), trivially copyable and cheap to edit, so what-if scoring can copy and
// modify millions of them. Every mutator keeps the vector valid: it refuses a metric the
// version does not have and a value that metric cannot take.
class Vector
{
public:
    // Parses a vector string: "AV:N/AC:L/Au:N/C:P/I:P/A:P" (v2.0, no prefix),
    // "CVSS:3.0/…", "CVSS:3.1/…" or "CVSS:4.0/…". Validation follows the rules of
    // shared/fixtures/cvss/README.md; the error names the first problem found, e.g.
    // `duplicate metric "AV"` or `missing mandatory v3.1 metric PR`.
    // The input must already be trimmed; whitespace anywhere is an error.
    static Result<Vector> parse(std::string_view text);

    // A vector with every base metric at its first legal value and nothing else defined.
    explicit Vector(Version version = Version::V3_1);

    Version version() const { return m_version; }

    // Value of a metric as written (Value::Absent when not written). Value::Absent also
    // for a metric the version does not have.
    Value value(Metric metric) const;
    Value valueAt(int slot) const { return m_values[slot]; }

    // Sets a metric. Returns false, and changes nothing, when the version has no such
    // metric or the value is not legal for it (for example Value::X on a base metric,
    // or MSC:S in v4.0). Setting a non-mandatory metric to Value::Absent clears it.
    bool set(Metric metric, Value value);

    // Removes a temporal/threat, environmental or supplemental metric (it then scores as
    // X/ND). Returns false for base metrics and for metrics the version does not have.
    bool clear(Metric metric);

    // Removes every metric of a group (not Group::Base).
    void clearGroup(Group group);

    // True when any metric of the group has a value other than Absent/X/ND.
    bool hasDefined(Group group) const;

    // Canonical string: the version prefix, then every written metric in specification
    // order (explicit X/ND values are kept, absent metrics are left out).
    std::string toString() const;

    friend bool operator==(const Vector &, const Vector &) = default;

private:
    std::array<Value, MaxSlots> m_values{};
    Version m_version;
};

// The prefix of a version's vector strings ("" for v2.0, "CVSS:3.1/" …).
std::string_view versionPrefix(Version version);

} // namespace patchwise::cvss
