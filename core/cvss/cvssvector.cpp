// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvssvector.h"

#include "util/textspace.h"

#include <algorithm>

namespace patchwise::cvss {

namespace {

// Quotes text from the input for an error message; very long input is shortened so a
// hostile line cannot blow up the message.
std::string quoted(std::string_view text)
{
    constexpr std::size_t maxShown = 64;
    std::string out = "\"";
    if (text.size() > maxShown) {
        std::size_t cut = maxShown;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut; // never split a UTF-8 sequence
        out.append(text.substr(0, cut));
        out.append("...");
    } else {
        out.append(text);
    }
    out.push_back('"');
    return out;
}

Unexpected<std::string> fail(std::string message)
{
    return Unexpected<std::string>{std::move(message)};
}

std::string concat(std::initializer_list<std::string_view> parts)
{
    std::string out;
    for (std::string_view p : parts)
        out.append(p);
    return out;
}

// Metric and value abbreviations are at most 5 characters: packing them into one integer
// turns each comparison of the lookups below into a single integer compare.
constexpr std::uint64_t pack(std::string_view s)
{
    if (s.size() > 7)
        return ~std::uint64_t{0};
    std::uint64_t v = std::uint64_t(s.size()) << 56;
    for (std::size_t i = 0; i < s.size(); ++i)
        v |= std::uint64_t(static_cast<unsigned char>(s[i])) << (8 * i);
    return v;
}

struct PackedNames
{
    std::array<std::array<std::uint64_t, MaxSlots>, 4> metrics{};
    std::array<std::uint64_t, ValueCount> values{};
    PackedNames()
    {
        for (Version v : {Version::V2_0, Version::V3_0, Version::V3_1, Version::V4_0}) {
            auto &row = metrics[static_cast<int>(v)];
            row.fill(~std::uint64_t{0} - 1); // never equal to a packed name
            const auto defs = metricDefs(v);
            for (std::size_t i = 0; i < defs.size(); ++i)
                row[i] = pack(metricName(defs[i].metric));
        }
        for (int i = 0; i < ValueCount; ++i)
            values[i] = pack(valueName(static_cast<Value>(i)));
    }
};

const PackedNames &packedNames()
{
    static const PackedNames names;
    return names;
}

bool equalsAsciiCaseInsensitive(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

} // namespace

std::string_view versionPrefix(Version version)
{
    switch (version) {
    case Version::V2_0:
        return "";
    case Version::V3_0:
        return "CVSS:3.0/";
    case Version::V3_1:
        return "CVSS:3.1/";
    case Version::V4_0:
        return "CVSS:4.0/";
    }
    return {};
}

Vector::Vector(Version version)
    : m_version(version)
{
    const auto defs = metricDefs(version);
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].mandatory)
            m_values[i] = defs[i].values.front();
    }
}

Result<Vector> Vector::parse(std::string_view text)
{
    if (text.empty())
        return fail("empty vector");
    if (containsWhitespace(text))
        return fail("whitespace inside vector");

    Version version = Version::V2_0;
    std::string_view body = text;
    constexpr std::string_view cvssTag = "CVSS:";
    if (text.size() >= cvssTag.size() && equalsAsciiCaseInsensitive(text.substr(0, 5), cvssTag)) {
        if (text.substr(0, 5) != cvssTag)
            return fail(concat({"prefix must be upper-case ", quoted(cvssTag)}));
        // The prefix is everything up to and including the first '/' (the whole text when
        // there is none, so a bare "CVSS:3.1" is a malformed prefix).
        const std::size_t slash = text.find('/');
        const std::string_view prefix =
            slash == std::string_view::npos ? text : text.substr(0, slash + 1);
        if (prefix == "CVSS:3.0/")
            version = Version::V3_0;
        else if (prefix == "CVSS:3.1/")
            version = Version::V3_1;
        else if (prefix == "CVSS:4.0/")
            version = Version::V4_0;
        else
            return fail(concat({"unsupported or malformed version prefix ", quoted(prefix)}));
        body = text.substr(slash + 1);
    }

    const std::string_view label = versionLabel(version);
    const auto defs = metricDefs(version);
    Vector vector(version);
    vector.m_values.fill(Value::Absent);
    std::array<bool, MaxSlots> seen{};
    int highestSlot = -1;
    const PackedNames &names = packedNames();
    const auto &metricNames = names.metrics[static_cast<int>(version)];

    std::size_t pos = 0;
    {
        for (;;) {
            const std::size_t end = body.find('/', pos);
            const std::string_view component = body.substr(
                pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
            if (component.empty())
                return fail(concat({"empty metric component in ", label, " vector"}));
            // "E:H:H" splits at the first ':' and then fails as an invalid value "H:H".
            const std::size_t colon = component.find(':');
            if (colon == std::string_view::npos)
                return fail(concat({"malformed metric component ", quoted(component)}));
            const std::string_view name = component.substr(0, colon);
            const std::string_view valueText = component.substr(colon + 1);

            int slot = -1;
            const std::uint64_t packedName = pack(name);
            for (std::size_t i = 0; i < defs.size(); ++i) {
                if (metricNames[i] == packedName) {
                    slot = static_cast<int>(i);
                    break;
                }
            }
            if (slot < 0)
                return fail(concat({"unknown ", label, " metric ", quoted(name)}));
            if (seen[slot])
                return fail(concat({"duplicate metric ", quoted(name)}));
            const MetricDef &def = defs[slot];
            const std::uint64_t packedValue = pack(valueText);
            const auto found = std::find_if(def.values.begin(), def.values.end(), [&](Value v) {
                return names.values[static_cast<int>(v)] == packedValue;
            });
            if (found == def.values.end())
                return fail(concat(
                    {"invalid value ", quoted(valueText), " for ", label, " metric ", name}));
            if (version == Version::V4_0 && slot < highestSlot)
                return fail(concat({"metric ", name, " out of the prescribed ", label, " order"}));
            seen[slot] = true;
            highestSlot = std::max(highestSlot, slot);
            vector.m_values[slot] = *found;
            if (end == std::string_view::npos)
                break;
            pos = end + 1;
        }
    }

    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].mandatory && !seen[i])
            return fail(
                concat({"missing mandatory ", label, " metric ", metricName(defs[i].metric)}));
    }
    return vector;
}

Value Vector::value(Metric metric) const
{
    const int slot = slotOf(m_version, metric);
    return slot < 0 ? Value::Absent : m_values[slot];
}

bool Vector::set(Metric metric, Value value)
{
    const int slot = slotOf(m_version, metric);
    if (slot < 0)
        return false;
    const MetricDef &def = metricDefs(m_version)[slot];
    if (value == Value::Absent) {
        if (def.mandatory)
            return false;
        m_values[slot] = value;
        return true;
    }
    if (std::find(def.values.begin(), def.values.end(), value) == def.values.end())
        return false;
    m_values[slot] = value;
    return true;
}

bool Vector::clear(Metric metric)
{
    const int slot = slotOf(m_version, metric);
    if (slot < 0 || metricDefs(m_version)[slot].mandatory)
        return false;
    m_values[slot] = Value::Absent;
    return true;
}

void Vector::clearGroup(Group group)
{
    if (group == Group::Base)
        return;
    const auto defs = metricDefs(m_version);
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].group == group)
            m_values[i] = Value::Absent;
    }
}

bool Vector::hasDefined(Group group) const
{
    const auto defs = metricDefs(m_version);
    for (std::size_t i = 0; i < defs.size(); ++i) {
        const Value v = m_values[i];
        if (defs[i].group == group && v != Value::Absent && v != Value::X && v != Value::ND)
            return true;
    }
    return false;
}

std::string Vector::toString() const
{
    std::string out(versionPrefix(m_version));
    const auto defs = metricDefs(m_version);
    bool first = true;
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (m_values[i] == Value::Absent)
            continue;
        if (!first)
            out.push_back('/');
        first = false;
        out.append(metricName(defs[i].metric));
        out.push_back(':');
        out.append(valueName(m_values[i]));
    }
    return out;
}

} // namespace patchwise::cvss
