// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/fields.h"
#include "util/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace patchwise::risk {

// A parsed filter expression over the field catalogue (fields.h), shared by the CLI's
// --filter and the GUI's filter box.
//
//   expr       := orExpr
//   orExpr     := andExpr (("or" | "||") andExpr)*
//   andExpr    := unary (("and" | "&&") unary)*
//   unary      := ("not" | "!") unary | "(" expr ")" | comparison | boolField
//   comparison := field op value | field "in" "(" value ("," value)* ")"
//   op         := "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "!~"
//   value      := number ("7", "7.5", "-1", "50%" = 0.5) | "double" or 'single' quoted
//                 string (\" \' \\ escapes) | bare word (letters, digits, . _ - : / * @ + %)
//
// Keywords, field names and severity/decision/yes-no words are case-insensitive; text
// comparisons are ASCII case-insensitive ("~" is "contains"). A filter is immutable once
// parsed; matches() and select() may run on several threads at once.
class Filter
{
public:
    // The empty filter: matches every row.
    Filter() = default;

    // Empty or whitespace-only text gives the empty filter. Errors start with
    // "column N: " (1-based, counted in UTF-8 characters) and say what was expected and
    // what was found.
    static Result<Filter> parse(std::string_view text);

    // True when the filter places no condition (it matches every row).
    bool isEmpty() const;
    // True when some condition tests `field` (for example, a filter asking about `triage`
    // or `suppressed` wants suppressed findings listed).
    bool mentions(Field field) const;

    // Whether `row` (< rows.rowCount()) passes.
    bool matches(const RowSource &rows, std::size_t row) const;

    // The entries of `order` (row indices) that pass, in their order in `order`. Runs the
    // conditions one column at a time over the surviving rows, and tests each distinct text
    // once per condition when rows.textKey() gives keys.
    std::vector<std::uint32_t> select(const RowSource &rows,
                                      std::span<const std::uint32_t> order) const;

    // A normalised, fully parenthesised form, for example
    // `((severity >= high) and kev and (image ~ "nginx") and (not fixable))`; "" when empty.
    // Parsing it again gives a filter with the same toString().
    std::string toString() const;

private:
    enum class Op : std::uint8_t
    {
        Eq,
        Ne,
        Lt,
        Le,
        Gt,
        Ge,
        Contains,
        NotContains,
        In,
    };

    // A test of one field. For Number, Severity and Decision fields `numbers` holds the
    // operand(s) (ordinals for severity/decision); for Bool fields `accept` has bit 0 set
    // when false passes and bit 1 when true passes; for Text fields `texts` holds the
    // operand(s), ASCII lower-cased.
    struct Condition
    {
        Field field = Field::Severity;
        Op op = Op::Eq;
        std::uint8_t accept = 0;
        std::vector<double> numbers;
        std::vector<std::string> texts;
    };

    enum class Kind : std::uint8_t
    {
        Test,
        And,
        Or,
        Not,
    };
    struct Node
    {
        Kind kind = Kind::Test;
        std::uint32_t condition = 0;         // Test: index into m_conditions
        std::vector<std::uint32_t> children; // And/Or: ≥ 2; Not: 1
    };

    class Parser; // filter.cpp
    struct Eval;  // filter.cpp

    std::vector<Node> m_nodes; // m_nodes[m_root] is the root unless m_nodes is empty
    std::vector<Condition> m_conditions;
    std::uint32_t m_root = 0;
};

} // namespace patchwise::risk
