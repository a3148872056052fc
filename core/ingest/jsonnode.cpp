// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonnode.h"

#include <vector>

namespace patchwise::ingest {

using simdjson::dom::element_type;

std::string JsonNode::path() const
{
    std::vector<const JsonNode *> chain;
    for (const JsonNode *n = this; n; n = n->m_parent)
        chain.push_back(n);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const JsonNode *n = *it;
        if (!n->m_parent)
            continue;
        if (n->m_index >= 0) {
            out += '[';
            out += std::to_string(n->m_index);
            out += ']';
        } else {
            if (!out.empty())
                out += '.';
            out.append(n->m_key.substr(0, 80));
        }
    }
    return out.empty() ? std::string("(document root)") : out;
}

void JsonNode::fail(const std::string &message) const
{
    throw ShapeError(path(), message);
}

std::string_view JsonNode::typeName(element_type type)
{
    switch (type) {
    case element_type::ARRAY:
        return "an array";
    case element_type::OBJECT:
        return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return "a number";
    case element_type::STRING:
        return "a string";
    case element_type::BOOL:
        return "a boolean";
    case element_type::NULL_VALUE:
        return "null";
    }
    return "a value";
}

bool JsonNode::has(std::string_view key) const
{
    return get(key).has_value();
}

std::optional<JsonNode> JsonNode::get(std::string_view key) const
{
    if (!isObject())
        return std::nullopt;
    simdjson::dom::element value;
    if (m_element.get_object().at_key(key).get(value) != simdjson::SUCCESS)
        return std::nullopt;
    if (value.type() == element_type::NULL_VALUE)
        return std::nullopt;
    return JsonNode(value, this, key, -1);
}

JsonNode JsonNode::child(std::string_view key) const
{
    if (!isObject())
        fail("expected an object, found " + std::string(typeName(m_element.type())));
    auto value = get(key);
    if (!value)
        fail("missing required member \"" + std::string(key) + "\"");
    return *value;
}

std::string_view JsonNode::asString() const
{
    std::string_view s;
    if (m_element.get_string().get(s) != simdjson::SUCCESS)
        fail("expected a string, found " + std::string(typeName(m_element.type())));
    return s;
}

std::int64_t JsonNode::asInt() const
{
    switch (m_element.type()) {
    case element_type::INT64:
        return m_element.get_int64().value_unsafe();
    case element_type::UINT64: {
        const std::uint64_t u = m_element.get_uint64().value_unsafe();
        return u > std::uint64_t(INT64_MAX) ? INT64_MAX : std::int64_t(u);
    }
    case element_type::DOUBLE:
        return std::int64_t(m_element.get_double().value_unsafe());
    default:
        fail("expected a number, found " + std::string(typeName(m_element.type())));
    }
}

double JsonNode::asNumber() const
{
    switch (m_element.type()) {
    case element_type::INT64:
        return double(m_element.get_int64().value_unsafe());
    case element_type::UINT64:
        return double(m_element.get_uint64().value_unsafe());
    case element_type::DOUBLE:
        return m_element.get_double().value_unsafe();
    case element_type::STRING: {
        // Some feeds (FIRST API, Snyk) write numbers as strings.
        const std::string s(asString());
        char *end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (end && *end == '\0' && !s.empty())
            return d;
        fail("expected a number, found the string \"" + s.substr(0, 40) + "\"");
    }
    default:
        fail("expected a number, found " + std::string(typeName(m_element.type())));
    }
}

bool JsonNode::asBool() const
{
    bool b = false;
    if (m_element.get_bool().get(b) != simdjson::SUCCESS)
        fail("expected true or false, found " + std::string(typeName(m_element.type())));
    return b;
}

std::string JsonNode::asText() const
{
    switch (m_element.type()) {
    case element_type::STRING:
        return std::string(asString());
    case element_type::INT64:
        return std::to_string(m_element.get_int64().value_unsafe());
    case element_type::UINT64:
        return std::to_string(m_element.get_uint64().value_unsafe());
    case element_type::DOUBLE: {
        std::string s = std::to_string(m_element.get_double().value_unsafe());
        while (s.size() > 1 && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        return s;
    }
    case element_type::BOOL:
        return asBool() ? "true" : "false";
    case element_type::NULL_VALUE:
        return {};
    default:
        fail("expected a text value, found " + std::string(typeName(m_element.type())));
    }
}

std::string_view JsonNode::str(std::string_view key) const
{
    const auto v = get(key);
    return v ? v->asString() : std::string_view{};
}

std::int64_t JsonNode::integer(std::string_view key, std::int64_t fallback) const
{
    const auto v = get(key);
    return v ? v->asInt() : fallback;
}

std::optional<double> JsonNode::number(std::string_view key) const
{
    const auto v = get(key);
    if (!v)
        return std::nullopt;
    return v->asNumber();
}

bool JsonNode::boolean(std::string_view key, bool fallback) const
{
    const auto v = get(key);
    return v ? v->asBool() : fallback;
}

void JsonNode::forEach(std::string_view key, const std::function<void(const JsonNode &)> &fn) const
{
    const auto v = get(key);
    if (v)
        v->forEachElement(fn);
}

void JsonNode::forEachElement(const std::function<void(const JsonNode &)> &fn) const
{
    simdjson::dom::array array;
    if (m_element.get_array().get(array) != simdjson::SUCCESS)
        fail("expected an array, found " + std::string(typeName(m_element.type())));
    std::int64_t i = 0;
    for (simdjson::dom::element e : array)
        fn(JsonNode(e, this, {}, i++));
}

void JsonNode::forEachMember(
    std::string_view key, const std::function<void(std::string_view, const JsonNode &)> &fn) const
{
    const auto v = get(key);
    if (v)
        v->forEachOwnMember(fn);
}

void JsonNode::forEachOwnMember(
    const std::function<void(std::string_view, const JsonNode &)> &fn) const
{
    simdjson::dom::object object;
    if (m_element.get_object().get(object) != simdjson::SUCCESS)
        fail("expected an object, found " + std::string(typeName(m_element.type())));
    for (auto field : object)
        fn(field.key, JsonNode(field.value, this, field.key, -1));
}

} // namespace patchwise::ingest
