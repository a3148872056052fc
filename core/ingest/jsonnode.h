// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <simdjson.h>
#include <stdexcept>
#include <string>
#include <string_view>

namespace patchwise::ingest {

// Thrown inside a reader when the document has the wrong shape; the reader's entry point
// turns it into an error value naming the JSON path. Never escapes core/ingest.
class ShapeError : public std::runtime_error
{
public:
    ShapeError(std::string path, const std::string &message)
        : std::runtime_error(path + ": " + message)
        , m_path(std::move(path))
    {}
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

// A JSON value plus where it sits in the document ("Results[3].Vulnerabilities[0].CVSS").
// Lenient where scanners are lenient — a missing key or null reads as absent — and strict
// about types: a present value of the wrong type is a ShapeError. Children keep a pointer
// to their parent, so a Node must not outlive the Node it came from (use them on the stack).
class JsonNode
{
public:
    explicit JsonNode(simdjson::dom::element element)
        : m_element(element)
    {}

    simdjson::dom::element element() const { return m_element; }
    bool isObject() const { return m_element.type() == simdjson::dom::element_type::OBJECT; }
    bool isArray() const { return m_element.type() == simdjson::dom::element_type::ARRAY; }
    bool isString() const { return m_element.type() == simdjson::dom::element_type::STRING; }
    bool isNull() const { return m_element.type() == simdjson::dom::element_type::NULL_VALUE; }

    std::string path() const;
    [[noreturn]] void fail(const std::string &message) const;

    // Member access on an object node (a non-object node has no members).
    bool has(std::string_view key) const;
    std::optional<JsonNode> get(std::string_view key) const; // absent or null → nullopt
    JsonNode child(std::string_view key) const;              // required member

    // This node's own value.
    std::string_view asString() const;
    std::int64_t asInt() const;
    double asNumber() const;
    bool asBool() const;
    // A scalar as text whatever its JSON type (numbers and booleans are formatted).
    std::string asText() const;

    // Member values; a missing or null member gives the default.
    std::string_view str(std::string_view key) const;
    std::int64_t integer(std::string_view key, std::int64_t fallback = 0) const;
    std::optional<double> number(std::string_view key) const;
    bool boolean(std::string_view key, bool fallback = false) const;

    // Calls fn for every element of the member array (nothing when missing/null).
    void forEach(std::string_view key, const std::function<void(const JsonNode &)> &fn) const;
    // Calls fn for every element of this array node.
    void forEachElement(const std::function<void(const JsonNode &)> &fn) const;
    // Calls fn for every member of the member object (nothing when missing/null).
    void forEachMember(std::string_view key,
                       const std::function<void(std::string_view, const JsonNode &)> &fn) const;
    void forEachOwnMember(const std::function<void(std::string_view, const JsonNode &)> &fn) const;

private:
    JsonNode(simdjson::dom::element element,
             const JsonNode *parent,
             std::string_view key,
             std::int64_t index)
        : m_element(element)
        , m_parent(parent)
        , m_key(key)
        , m_index(index)
    {}
    static std::string_view typeName(simdjson::dom::element_type type);

    simdjson::dom::element m_element;
    const JsonNode *m_parent = nullptr;
    std::string_view m_key;
    std::int64_t m_index = -1;
};

} // namespace patchwise::ingest
