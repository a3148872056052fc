// SPDX-License-Identifier: GPL-3.0-or-later
#include "filter.h"

#include "util/asciicase.h"
#include "util/textspace.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace patchwise::risk {

namespace {

// ---------------------------------------------------------------------------------------
// Text helpers (ASCII case folding; other bytes compare as they are)

// `lowerNeedle` must already be folded.
bool equalsFolded(std::string_view hay, std::string_view lowerNeedle)
{
    if (hay.size() != lowerNeedle.size())
        return false;
    for (std::size_t i = 0; i < hay.size(); ++i) {
        if (asciiLower(hay[i]) != lowerNeedle[i])
            return false;
    }
    return true;
}

// <0, 0, >0 like strcmp, comparing folded bytes as unsigned.
int compareFolded(std::string_view a, std::string_view lowerB)
{
    const std::size_t n = std::min(a.size(), lowerB.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(asciiLower(a[i]));
        const auto y = static_cast<unsigned char>(lowerB[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() < lowerB.size() ? -1 : (a.size() > lowerB.size() ? 1 : 0);
}

bool containsFolded(std::string_view hay, std::string_view lowerNeedle)
{
    if (lowerNeedle.empty())
        return true;
    if (hay.size() < lowerNeedle.size())
        return false;
    const char first = lowerNeedle[0];
    const std::size_t last = hay.size() - lowerNeedle.size();
    for (std::size_t i = 0; i <= last; ++i) {
        if (asciiLower(hay[i]) != first)
            continue;
        std::size_t j = 1;
        while (j < lowerNeedle.size() && asciiLower(hay[i + j]) == lowerNeedle[j])
            ++j;
        if (j == lowerNeedle.size())
            return true;
    }
    return false;
}

std::string quoted(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

// ---------------------------------------------------------------------------------------
// Values

constexpr std::array<std::string_view, 5> severityNames = {
    "unknown", "low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 4> decisionNames = {"track", "track*", "attend", "act"};

std::optional<double> severityOrdinal(std::string_view word)
{
    const std::string w = asciiLowered(word);
    if (w == "critical")
        return 4;
    if (w == "high" || w == "important")
        return 3;
    if (w == "medium" || w == "moderate")
        return 2;
    if (w == "low" || w == "negligible")
        return 1;
    if (w == "unknown" || w == "none")
        return 0;
    return std::nullopt;
}

std::optional<double> decisionOrdinal(std::string_view word)
{
    const std::string w = asciiLowered(word);
    if (w == "act")
        return 3;
    if (w == "attend")
        return 2;
    if (w == "track*" || w == "trackstar" || w == "track-star")
        return 1;
    if (w == "track")
        return 0;
    return std::nullopt;
}

std::optional<bool> boolValue(std::string_view word)
{
    const std::string w = asciiLowered(word);
    if (w == "true" || w == "yes" || w == "1")
        return true;
    if (w == "false" || w == "no" || w == "0")
        return false;
    return std::nullopt;
}

// A decimal number ("7", "-1", "7.5", ".5", "1e3") or a percentage ("50%" = 0.5).
std::optional<double> numberValue(std::string_view word)
{
    bool percent = false;
    if (!word.empty() && word.back() == '%') {
        percent = true;
        word.remove_suffix(1);
    }
    if (!word.empty() && word.front() == '+')
        word.remove_prefix(1);
    const std::size_t digitsAt = !word.empty() && word.front() == '-' ? 1 : 0;
    if (word.size() <= digitsAt ||
        !((word[digitsAt] >= '0' && word[digitsAt] <= '9') || word[digitsAt] == '.'))
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (ec != std::errc() || end != word.data() + word.size() || !std::isfinite(value))
        return std::nullopt;
    return percent ? value / 100.0 : value;
}

std::string numberText(double value)
{
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec != std::errc())
        return "0";
    return std::string(buffer.data(), end);
}

std::string_view typeNoun(FieldType type)
{
    switch (type) {
    case FieldType::Number:
        return "a number";
    case FieldType::Bool:
        return "yes/no";
    case FieldType::Severity:
        return "a severity";
    case FieldType::Decision:
        return "a decision";
    case FieldType::Text:
        return "text";
    }
    return "text";
}

// ---------------------------------------------------------------------------------------
// Tokens

enum class Tok : std::uint8_t
{
    End,
    Word, // keyword, field name, number or bare value
    String,
    LParen,
    RParen,
    Comma,
    AndOp, // &&
    OrOp,  // ||
    NotOp, // !
    Compare,
    Invalid, // a character that starts no token
};

struct Token
{
    Tok kind = Tok::End;
    std::size_t pos = 0;  // byte offset in the input
    std::string_view raw; // as typed (strings with their quotes)
    std::string text;     // strings: unescaped content; others: raw
    int op = 0;           // Compare: a Filter::Op value
};

bool isWordByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == ':' || c == '/' || c == '*' || c == '@' || c == '+' ||
           c == '%' || u >= 0x80;
}

bool isKeyword(const Token &t, std::string_view keyword)
{
    return t.kind == Tok::Word && t.text.size() == keyword.size() && equalsFolded(t.text, keyword);
}

std::string describe(const Token &t)
{
    switch (t.kind) {
    case Tok::End:
        return "end of input";
    case Tok::String:
        return "the string " + quoted(t.text);
    default:
        return quoted(t.raw);
    }
}

} // namespace

// ---------------------------------------------------------------------------------------
// Parser

class Filter::Parser
{
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    {}

    Result<Filter> run()
    {
        if (auto error = lex())
            return Unexpected{std::move(*error)};
        if (m_tokens.size() == 1) // only End
            return Filter();
        auto root = parseOr();
        if (!root)
            return Unexpected{root.error()};
        const Token &t = peek();
        if (t.kind == Tok::RParen)
            return fail(t, "unexpected \")\" with no matching \"(\"");
        if (t.kind != Tok::End)
            return fail(t, "expected \"and\", \"or\" or end of input, found " + describe(t));
        m_filter.m_root = *root;
        return std::move(m_filter);
    }

private:
    static constexpr int MaxDepth = 200;

    std::size_t column(std::size_t pos) const
    {
        std::size_t col = 1;
        for (std::size_t i = 0; i < pos && i < m_text.size(); ++i) {
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
                ++col;
        }
        return col;
    }
    std::string at(std::size_t pos, std::string_view message) const
    {
        return "column " + std::to_string(column(pos)) + ": " + std::string(message);
    }
    Unexpected<std::string> fail(const Token &t, std::string_view message) const
    {
        return Unexpected{at(t.pos, message)};
    }

    // Splits the input into tokens ending with Tok::End; an error for an unterminated
    // string or an unknown escape.
    std::optional<std::string> lex()
    {
        std::size_t i = 0;
        const std::size_t n = m_text.size();
        while (true) {
            while (i < n) {
                const std::size_t ws = whitespaceAt(m_text, i);
                if (ws == 0)
                    break;
                i += ws;
            }
            Token t;
            t.pos = i;
            if (i >= n) {
                t.kind = Tok::End;
                m_tokens.push_back(std::move(t));
                return std::nullopt;
            }
            const char c = m_text[i];
            const char next = i + 1 < n ? m_text[i + 1] : '\0';
            std::size_t len = 1;
            if (c == '"' || c == '\'') {
                t.kind = Tok::String;
                std::size_t j = i + 1;
                bool closed = false;
                while (j < n) {
                    const char d = m_text[j];
                    if (d == c) {
                        closed = true;
                        break;
                    }
                    if (d == '\\') {
                        const char e = j + 1 < n ? m_text[j + 1] : '\0';
                        if (e == '"' || e == '\'' || e == '\\') {
                            t.text += e;
                            j += 2;
                            continue;
                        }
                        if (j + 1 >= n)
                            break; // unterminated
                        std::size_t escLen = 1;
                        while (j + 1 + escLen < n &&
                               (static_cast<unsigned char>(m_text[j + 1 + escLen]) & 0xC0) == 0x80)
                            ++escLen;
                        return at(j,
                                  "unknown escape \"\\" +
                                      std::string(m_text.substr(j + 1, escLen)) +
                                      "\" in a string; use \\\" \\' or \\\\");
                    }
                    t.text += d;
                    ++j;
                }
                if (!closed)
                    return at(i,
                              std::string("unterminated string: expected a closing ") + c +
                                  " before end of input");
                len = j + 1 - i;
            } else if (isWordByte(c)) { // not whitespace: skipped above
                t.kind = Tok::Word;
                std::size_t j = i;
                while (j < n && isWordByte(m_text[j]) && whitespaceAt(m_text, j) == 0)
                    ++j;
                len = j - i;
            } else if (c == '(') {
                t.kind = Tok::LParen;
            } else if (c == ')') {
                t.kind = Tok::RParen;
            } else if (c == ',') {
                t.kind = Tok::Comma;
            } else if (c == '&' && next == '&') {
                t.kind = Tok::AndOp;
                len = 2;
            } else if (c == '|' && next == '|') {
                t.kind = Tok::OrOp;
                len = 2;
            } else if (c == '!') {
                if (next == '=') {
                    t.kind = Tok::Compare;
                    t.op = int(Op::Ne);
                    len = 2;
                } else if (next == '~') {
                    t.kind = Tok::Compare;
                    t.op = int(Op::NotContains);
                    len = 2;
                } else {
                    t.kind = Tok::NotOp;
                }
            } else if (c == '=') {
                t.kind = Tok::Compare;
                t.op = int(Op::Eq);
                len = next == '=' ? 2 : 1;
            } else if (c == '<') {
                t.kind = Tok::Compare;
                t.op = int(next == '=' ? Op::Le : Op::Lt);
                len = next == '=' ? 2 : 1;
            } else if (c == '>') {
                t.kind = Tok::Compare;
                t.op = int(next == '=' ? Op::Ge : Op::Gt);
                len = next == '=' ? 2 : 1;
            } else if (c == '~') {
                t.kind = Tok::Compare;
                t.op = int(Op::Contains);
            } else {
                t.kind = Tok::Invalid;
            }
            t.raw = m_text.substr(i, len);
            if (t.kind != Tok::String)
                t.text = std::string(t.raw);
            m_tokens.push_back(std::move(t));
            i += len;
        }
    }

    const Token &peek() const { return m_tokens[m_index]; }
    const Token &take() { return m_tokens[m_index++]; }

    bool atOr() const { return peek().kind == Tok::OrOp || isKeyword(peek(), "or"); }
    bool atAnd() const { return peek().kind == Tok::AndOp || isKeyword(peek(), "and"); }
    bool atNot() const { return peek().kind == Tok::NotOp || isKeyword(peek(), "not"); }

    std::uint32_t addNode(Node node)
    {
        m_filter.m_nodes.push_back(std::move(node));
        return static_cast<std::uint32_t>(m_filter.m_nodes.size() - 1);
    }

    // Joins `children` under one And/Or node, splicing children of the same kind.
    std::uint32_t join(Kind kind, const std::vector<std::uint32_t> &children)
    {
        if (children.size() == 1)
            return children.front();
        Node node;
        node.kind = kind;
        for (std::uint32_t child : children) {
            const Node &c = m_filter.m_nodes[child];
            if (c.kind == kind)
                node.children.insert(node.children.end(), c.children.begin(), c.children.end());
            else
                node.children.push_back(child);
        }
        return addNode(std::move(node));
    }

    Result<std::uint32_t> parseOr()
    {
        std::vector<std::uint32_t> children;
        auto first = parseAnd();
        if (!first)
            return first;
        children.push_back(*first);
        while (atOr()) {
            take();
            auto next = parseAnd();
            if (!next)
                return next;
            children.push_back(*next);
        }
        return join(Kind::Or, children);
    }

    Result<std::uint32_t> parseAnd()
    {
        std::vector<std::uint32_t> children;
        auto first = parseUnary();
        if (!first)
            return first;
        children.push_back(*first);
        while (atAnd()) {
            take();
            auto next = parseUnary();
            if (!next)
                return next;
            children.push_back(*next);
        }
        return join(Kind::And, children);
    }

    // What the token before the current one was, for "after …" in messages.
    std::string afterPrevious() const
    {
        if (m_index == 0)
            return {};
        return " after " + describe(m_tokens[m_index - 1]);
    }

    Result<std::uint32_t> parseUnary()
    {
        const Token &t = peek();
        if (m_depth >= MaxDepth)
            return fail(t,
                        "the filter is nested too deeply (more than " + std::to_string(MaxDepth) +
                            " levels)");
        if (atNot()) {
            take();
            ++m_depth;
            auto child = parseUnary();
            --m_depth;
            if (!child)
                return child;
            Node node;
            node.kind = Kind::Not;
            node.children = {*child};
            return addNode(std::move(node));
        }
        if (t.kind == Tok::LParen) {
            const Token &open = take();
            ++m_depth;
            auto inner = parseOr();
            --m_depth;
            if (!inner)
                return inner;
            const Token &close = peek();
            if (close.kind == Tok::End)
                return fail(close,
                            "expected \")\" to close the \"(\" at column " +
                                std::to_string(column(open.pos)) + ", found end of input");
            if (close.kind != Tok::RParen)
                return fail(close, "expected \"and\", \"or\" or \")\", found " + describe(close));
            take();
            return inner;
        }
        if (t.kind == Tok::Word && !isKeyword(t, "and") && !isKeyword(t, "or") &&
            !isKeyword(t, "in")) {
            const char c0 = t.text.front();
            const bool nameLike = (c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '_';
            if (nameLike)
                return parseTest();
        }
        return fail(
            t, "expected a field, \"not\" or \"(\"" + afterPrevious() + ", found " + describe(t));
    }

    // field op value | field "in" "(" values ")" | boolField
    Result<std::uint32_t> parseTest()
    {
        const Token &name = take();
        const FieldInfo *info = findField(name.text);
        if (!info) {
            std::string message = "unknown field " + quoted(name.text);
            const std::string_view suggestion = suggestFieldName(name.text);
            if (!suggestion.empty())
                message += " (did you mean " + quoted(suggestion) + "?)";
            return fail(name, message);
        }
        Condition cond;
        cond.field = info->field;
        const Token &opToken = peek();
        if (isKeyword(opToken, "in")) {
            take();
            cond.op = Op::In;
            const Token &open = peek();
            if (open.kind != Tok::LParen)
                return fail(open, "expected \"(\" after \"in\", found " + describe(open));
            take();
            while (true) {
                auto added = parseValue(*info, cond, Op::In);
                if (added)
                    return Unexpected{std::move(*added)};
                const Token &sep = peek();
                if (sep.kind == Tok::RParen) {
                    take();
                    break;
                }
                if (sep.kind != Tok::Comma)
                    return fail(sep,
                                "expected \",\" or \")\"" + afterPrevious() + ", found " +
                                    describe(sep));
                take();
            }
        } else if (opToken.kind == Tok::Compare) {
            take();
            cond.op = static_cast<Op>(opToken.op);
            const std::string opName = quoted(opToken.raw);
            if ((cond.op == Op::Contains || cond.op == Op::NotContains) &&
                info->type != FieldType::Text)
                return fail(opToken,
                            opName + " needs a text field; " + quoted(info->name) + " is " +
                                std::string(typeNoun(info->type)));
            if (info->type == FieldType::Bool && cond.op != Op::Eq && cond.op != Op::Ne)
                return fail(opToken,
                            opName + " does not apply to yes/no field " + quoted(info->name) +
                                "; use " + quoted(info->name) + ", " +
                                quoted("not " + std::string(info->name)) + " or " +
                                quoted(std::string(info->name) + " = false"));
            if (auto error = parseValue(*info, cond, cond.op))
                return Unexpected{std::move(*error)};
        } else if (info->type == FieldType::Bool) {
            cond.op = Op::Eq;
            cond.accept = 2;
        } else {
            return fail(opToken,
                        "expected an operator (= != < <= > >= ~ !~ in) after " + quoted(name.text) +
                            ", found " + describe(opToken));
        }
        m_filter.m_conditions.push_back(std::move(cond));
        Node node;
        node.kind = Kind::Test;
        node.condition = static_cast<std::uint32_t>(m_filter.m_conditions.size() - 1);
        return addNode(std::move(node));
    }

    // Reads one value for `info` into `cond`; the error message on failure.
    std::optional<std::string> parseValue(const FieldInfo &info, Condition &cond, Op op)
    {
        const Token &t = peek();
        if (t.kind != Tok::Word && t.kind != Tok::String)
            return at(t.pos, "expected a value" + afterPrevious() + ", found " + describe(t));
        take();
        const std::string shown = t.kind == Tok::String ? quoted(t.text) : quoted(t.raw);
        switch (info.type) {
        case FieldType::Number: {
            const auto v = numberValue(t.text);
            if (!v)
                return at(t.pos,
                          "expected a number for " + quoted(info.name) + ", found " + describe(t));
            cond.numbers.push_back(*v);
            return std::nullopt;
        }
        case FieldType::Severity: {
            const auto v = severityOrdinal(t.text);
            if (!v)
                return at(t.pos,
                          shown + " is not a severity (critical, high, medium, low, unknown)");
            cond.numbers.push_back(*v);
            return std::nullopt;
        }
        case FieldType::Decision: {
            const auto v = decisionOrdinal(t.text);
            if (!v)
                return at(t.pos, shown + " is not a decision (act, attend, track*, track)");
            cond.numbers.push_back(*v);
            return std::nullopt;
        }
        case FieldType::Bool: {
            const auto v = boolValue(t.text);
            if (!v)
                return at(t.pos, shown + " is not a yes/no value (true, false, yes, no, 1, 0)");
            // bit 0: false passes; bit 1: true passes.
            const std::uint8_t equal = *v ? 2 : 1;
            cond.accept |= op == Op::Ne ? std::uint8_t(3 & ~equal) : equal;
            return std::nullopt;
        }
        case FieldType::Text:
            cond.texts.push_back(asciiLowered(t.text));
            return std::nullopt;
        }
        return std::nullopt;
    }

    std::string_view m_text;
    std::vector<Token> m_tokens;
    std::size_t m_index = 0;
    int m_depth = 0;
    Filter m_filter;
};

// ---------------------------------------------------------------------------------------
// Evaluation

struct Filter::Eval
{
    static bool isTrue(double x) { return x != 0.0 && !std::isnan(x); }

    static bool testNumber(const Condition &c, double x)
    {
        const double v = c.numbers.empty() ? 0.0 : c.numbers.front();
        switch (c.op) {
        case Op::Eq:
            return x == v;
        case Op::Ne:
            return x != v;
        case Op::Lt:
            return x < v;
        case Op::Le:
            return x <= v;
        case Op::Gt:
            return x > v;
        case Op::Ge:
            return x >= v;
        case Op::In:
            return std::find(c.numbers.begin(), c.numbers.end(), x) != c.numbers.end();
        case Op::Contains:
        case Op::NotContains:
            return false; // rejected by the parser
        }
        return false;
    }

    static bool testText(const Condition &c, std::string_view s)
    {
        const std::string_view v = c.texts.empty() ? std::string_view() : c.texts.front();
        switch (c.op) {
        case Op::Eq:
            return equalsFolded(s, v);
        case Op::Ne:
            return !equalsFolded(s, v);
        case Op::Lt:
            return compareFolded(s, v) < 0;
        case Op::Le:
            return compareFolded(s, v) <= 0;
        case Op::Gt:
            return compareFolded(s, v) > 0;
        case Op::Ge:
            return compareFolded(s, v) >= 0;
        case Op::Contains:
            return containsFolded(s, v);
        case Op::NotContains:
            return !containsFolded(s, v);
        case Op::In:
            return std::any_of(c.texts.begin(), c.texts.end(), [s](const std::string &t) {
                return equalsFolded(s, t);
            });
        }
        return false;
    }

    static bool test(const Condition &c, const RowSource &rows, std::size_t row)
    {
        switch (fieldInfo(c.field).type) {
        case FieldType::Bool:
            return (c.accept >> (isTrue(rows.number(c.field, row)) ? 1 : 0)) & 1;
        case FieldType::Text:
            return testText(c, rows.text(c.field, row));
        default:
            return testNumber(c, rows.number(c.field, row));
        }
    }

    static bool matches(const Filter &f, std::uint32_t node, const RowSource &rows, std::size_t row)
    {
        const Node &n = f.m_nodes[node];
        switch (n.kind) {
        case Kind::Test:
            return test(f.m_conditions[n.condition], rows, row);
        case Kind::And:
            return std::all_of(n.children.begin(), n.children.end(), [&](std::uint32_t c) {
                return matches(f, c, rows, row);
            });
        case Kind::Or:
            return std::any_of(n.children.begin(), n.children.end(), [&](std::uint32_t c) {
                return matches(f, c, rows, row);
            });
        case Kind::Not:
            return !matches(f, n.children.front(), rows, row);
        }
        return false;
    }

    // Keeps the entries of `rows` for which keep(row) holds, in order.
    template<typename Keep> static void retain(std::vector<std::uint32_t> &rows, Keep keep)
    {
        std::size_t out = 0;
        for (const std::uint32_t row : rows) {
            if (keep(row))
                rows[out++] = row;
        }
        rows.resize(out);
    }

    // a minus b, where b is a subsequence of a (so equal rows pair up greedily in order).
    static void subtract(std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b)
    {
        std::size_t out = 0;
        std::size_t j = 0;
        for (const std::uint32_t row : a) {
            if (j < b.size() && b[j] == row)
                ++j;
            else
                a[out++] = row;
        }
        a.resize(out);
    }

    template<typename Value>
    static void
    retainByNumber(std::vector<std::uint32_t> &cand, const RowSource &rows, Field field, Value keep)
    {
        retain(cand, [&](std::uint32_t row) { return keep(rows.number(field, row)); });
    }

    static void
    selectTest(const Condition &c, const RowSource &rows, std::vector<std::uint32_t> &cand)
    {
        const Field field = c.field;
        switch (fieldInfo(field).type) {
        case FieldType::Bool: {
            const std::uint8_t accept = c.accept;
            if (accept == 3)
                return;
            if (accept == 2)
                retainByNumber(cand, rows, field, [](double x) { return isTrue(x); });
            else if (accept == 1)
                retainByNumber(cand, rows, field, [](double x) { return !isTrue(x); });
            else
                cand.clear();
            return;
        }
        case FieldType::Text:
            selectText(c, rows, cand);
            return;
        default:
            break;
        }
        const double v = c.numbers.empty() ? 0.0 : c.numbers.front();
        switch (c.op) {
        case Op::Eq:
            retainByNumber(cand, rows, field, [v](double x) { return x == v; });
            return;
        case Op::Ne:
            retainByNumber(cand, rows, field, [v](double x) { return x != v; });
            return;
        case Op::Lt:
            retainByNumber(cand, rows, field, [v](double x) { return x < v; });
            return;
        case Op::Le:
            retainByNumber(cand, rows, field, [v](double x) { return x <= v; });
            return;
        case Op::Gt:
            retainByNumber(cand, rows, field, [v](double x) { return x > v; });
            return;
        case Op::Ge:
            retainByNumber(cand, rows, field, [v](double x) { return x >= v; });
            return;
        default:
            retainByNumber(cand, rows, field, [&c](double x) { return testNumber(c, x); });
            return;
        }
    }

    // Text tests remember their outcome per textKey(): a flat table for small keys, a hash
    // map for the rest; rows without a key are tested one by one.
    static void
    selectText(const Condition &c, const RowSource &rows, std::vector<std::uint32_t> &cand)
    {
        const Field field = c.field;
        const std::int64_t flatLimit = std::min<std::int64_t>(
            std::max<std::int64_t>(std::int64_t(1) << 16,
                                   2 * static_cast<std::int64_t>(rows.rowCount())),
            std::int64_t(1) << 26);
        std::vector<std::int8_t> flat; // -1 unknown, 0 fails, 1 passes
        std::unordered_map<std::int64_t, bool> sparse;
        retain(cand, [&](std::uint32_t row) {
            const std::int64_t key = rows.textKey(field, row);
            if (key < 0)
                return testText(c, rows.text(field, row));
            if (key < flatLimit) {
                const auto k = static_cast<std::size_t>(key);
                if (k >= flat.size())
                    flat.resize(std::min<std::size_t>(std::max(k + 1, flat.size() * 2),
                                                      static_cast<std::size_t>(flatLimit)),
                                -1);
                std::int8_t &known = flat[k];
                if (known < 0)
                    known = testText(c, rows.text(field, row)) ? 1 : 0;
                return known == 1;
            }
            const auto it = sparse.find(key);
            if (it != sparse.end())
                return it->second;
            const bool pass = testText(c, rows.text(field, row));
            sparse.emplace(key, pass);
            return pass;
        });
    }

    static void select(const Filter &f,
                       std::uint32_t node,
                       const RowSource &rows,
                       std::vector<std::uint32_t> &cand)
    {
        if (cand.empty())
            return;
        const Node &n = f.m_nodes[node];
        switch (n.kind) {
        case Kind::Test:
            selectTest(f.m_conditions[n.condition], rows, cand);
            return;
        case Kind::And:
            for (const std::uint32_t child : n.children) {
                select(f, child, rows, cand);
                if (cand.empty())
                    return;
            }
            return;
        case Kind::Or: {
            // `rest` shrinks to the rows no child has matched yet; the rest fail.
            std::vector<std::uint32_t> rest = cand;
            std::vector<std::uint32_t> hit;
            for (const std::uint32_t child : n.children) {
                hit = rest;
                select(f, child, rows, hit);
                subtract(rest, hit);
                if (rest.empty())
                    break;
            }
            subtract(cand, rest);
            return;
        }
        case Kind::Not: {
            std::vector<std::uint32_t> hit = cand;
            select(f, n.children.front(), rows, hit);
            subtract(cand, hit);
            return;
        }
        }
    }

    static std::string_view opText(Op op)
    {
        switch (op) {
        case Op::Eq:
            return "=";
        case Op::Ne:
            return "!=";
        case Op::Lt:
            return "<";
        case Op::Le:
            return "<=";
        case Op::Gt:
            return ">";
        case Op::Ge:
            return ">=";
        case Op::Contains:
            return "~";
        case Op::NotContains:
            return "!~";
        case Op::In:
            return "in";
        }
        return "=";
    }

    static std::string valueText(FieldType type, double number)
    {
        const auto index = static_cast<std::size_t>(number);
        if (type == FieldType::Severity && index < severityNames.size())
            return std::string(severityNames[index]);
        if (type == FieldType::Decision && index < decisionNames.size())
            return std::string(decisionNames[index]);
        return numberText(number);
    }

    static void append(const Filter &f, std::string &out, std::uint32_t node)
    {
        const Node &n = f.m_nodes[node];
        switch (n.kind) {
        case Kind::Test: {
            const Condition &c = f.m_conditions[n.condition];
            const FieldInfo &info = fieldInfo(c.field);
            const std::string name(info.name);
            if (info.type == FieldType::Bool) {
                if (c.accept == 2)
                    out += name;
                else if (c.accept == 1)
                    out += "(not " + name + ")";
                else
                    out += "(" + name + " in (false, true))";
                return;
            }
            std::vector<std::string> values;
            if (info.type == FieldType::Text) {
                for (const std::string &t : c.texts)
                    values.push_back(quoted(t));
            } else {
                for (const double v : c.numbers)
                    values.push_back(valueText(info.type, v));
            }
            out += "(" + name + " " + std::string(opText(c.op)) + " ";
            if (c.op == Op::In) {
                out += "(";
                for (std::size_t i = 0; i < values.size(); ++i)
                    out += (i ? ", " : "") + values[i];
                out += ")";
            } else if (!values.empty()) {
                out += values.front();
            }
            out += ")";
            return;
        }
        case Kind::And:
        case Kind::Or: {
            const std::string_view joiner = n.kind == Kind::And ? " and " : " or ";
            out += "(";
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                if (i)
                    out += joiner;
                append(f, out, n.children[i]);
            }
            out += ")";
            return;
        }
        case Kind::Not:
            out += "(not ";
            append(f, out, n.children.front());
            out += ")";
            return;
        }
    }
};

// ---------------------------------------------------------------------------------------

Result<Filter> Filter::parse(std::string_view text)
{
    return Parser(text).run();
}

bool Filter::isEmpty() const
{
    return m_nodes.empty();
}

bool Filter::mentions(Field field) const
{
    return std::any_of(m_conditions.begin(), m_conditions.end(), [field](const Condition &c) {
        return c.field == field;
    });
}

bool Filter::matches(const RowSource &rows, std::size_t row) const
{
    return isEmpty() || Eval::matches(*this, m_root, rows, row);
}

std::vector<std::uint32_t> Filter::select(const RowSource &rows,
                                          std::span<const std::uint32_t> order) const
{
    std::vector<std::uint32_t> result(order.begin(), order.end());
    if (!isEmpty())
        Eval::select(*this, m_root, rows, result);
    return result;
}

std::string Filter::toString() const
{
    std::string out;
    if (!isEmpty())
        Eval::append(*this, out, m_root);
    return out;
}

} // namespace patchwise::risk
