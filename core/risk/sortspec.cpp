// SPDX-License-Identifier: GPL-3.0-or-later
#include "sortspec.h"

#include "util/asciicase.h"
#include "util/textspace.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

namespace patchwise::risk {

namespace {

std::string quoted(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

bool isNameByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

class SortParser
{
public:
    explicit SortParser(std::string_view text)
        : m_text(text)
    {}

    Result<std::vector<SortKey>> run()
    {
        std::vector<SortKey> keys;
        skipSpace();
        if (m_pos >= m_text.size())
            return keys;
        while (true) {
            const std::size_t itemAt = m_pos;
            bool reversed = false;
            if (m_pos < m_text.size() && m_text[m_pos] == '-') {
                reversed = true;
                ++m_pos;
            }
            const std::size_t nameAt = m_pos;
            while (m_pos < m_text.size() && isNameByte(m_text[m_pos]))
                ++m_pos;
            const std::string_view name = m_text.substr(nameAt, m_pos - nameAt);
            if (name.empty())
                return fail(nameAt,
                            "expected a field name" + std::string(reversed ? " after \"-\"" : "") +
                                (itemAt > 0 && !reversed ? " after \",\"" : "") + ", found " +
                                found(nameAt));
            const FieldInfo *info = findField(name);
            if (!info) {
                std::string message = "unknown field " + quoted(name);
                const std::string_view suggestion = suggestFieldName(name);
                if (!suggestion.empty())
                    message += " (did you mean " + quoted(suggestion) + "?)";
                return fail(nameAt, message);
            }
            bool descending = naturallyDescending(info->field) != reversed;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ':') {
                ++m_pos;
                skipSpace();
                const std::size_t dirAt = m_pos;
                while (m_pos < m_text.size() && isNameByte(m_text[m_pos]))
                    ++m_pos;
                const std::string direction = asciiLowered(m_text.substr(dirAt, m_pos - dirAt));
                if (direction == "asc")
                    descending = false;
                else if (direction == "desc")
                    descending = true;
                else
                    return fail(dirAt,
                                "expected \"asc\" or \"desc\" after \":\", found " + found(dirAt));
                skipSpace();
            }
            keys.push_back(SortKey{info->field, descending});
            if (m_pos >= m_text.size())
                return keys;
            if (m_text[m_pos] != ',')
                return fail(m_pos, "expected \",\" or end of input, found " + found(m_pos));
            ++m_pos;
            skipSpace();
        }
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const std::size_t ws = whitespaceAt(m_text, m_pos);
            if (ws == 0)
                return;
            m_pos += ws;
        }
    }

    // The word or else the character (UTF-8 sequence) at `pos`, quoted, or "end of input".
    std::string found(std::size_t pos) const
    {
        if (pos >= m_text.size())
            return "end of input";
        std::size_t len = 0;
        while (pos + len < m_text.size() && isNameByte(m_text[pos + len]))
            ++len;
        if (len > 0)
            return quoted(m_text.substr(pos, len));
        len = 1;
        while (pos + len < m_text.size() &&
               (static_cast<unsigned char>(m_text[pos + len]) & 0xC0) == 0x80)
            ++len;
        return quoted(m_text.substr(pos, len));
    }

    Unexpected<std::string> fail(std::size_t pos, const std::string &message) const
    {
        std::size_t col = 1;
        for (std::size_t i = 0; i < pos && i < m_text.size(); ++i) {
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
                ++col;
        }
        return Unexpected{"column " + std::to_string(col) + ": " + message};
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Order-preserving map of doubles onto unsigned integers (-0 = +0); NaN sorts last.
std::uint64_t numberKey(double value, bool descending)
{
    if (std::isnan(value))
        return std::numeric_limits<std::uint64_t>::max();
    if (value == 0.0)
        value = 0.0;
    std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
    bits = (bits >> 63) ? ~bits : bits | (std::uint64_t(1) << 63);
    // Neither ~bits nor bits reaches the maximum for a non-NaN value.
    return descending ? ~bits : bits;
}

// Key column of a Text field: each position gets the rank of its ASCII-lower-cased text
// among the distinct texts, so equal texts (in any case) get equal keys.
std::vector<std::uint64_t>
textKeys(const RowSource &rows, std::span<const std::uint32_t> order, Field field, bool descending)
{
    std::vector<std::uint32_t> ids(order.size());
    std::vector<std::string> distinct;
    std::unordered_map<std::string, std::uint32_t> byText;
    std::unordered_map<std::int64_t, std::uint32_t> byKey;
    std::vector<std::uint32_t> byFlatKey; // textKey → id + 1, 0 = not seen
    const std::int64_t flatLimit = std::min<std::int64_t>(
        std::max<std::int64_t>(std::int64_t(1) << 16,
                               2 * static_cast<std::int64_t>(rows.rowCount())),
        std::int64_t(1) << 26);

    auto idOfText = [&](std::string_view text) {
        std::string lower = asciiLowered(text);
        const auto [it, inserted] =
            byText.try_emplace(std::move(lower), static_cast<std::uint32_t>(distinct.size()));
        if (inserted)
            distinct.push_back(it->first);
        return it->second;
    };

    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::uint32_t row = order[i];
        const std::int64_t key = rows.textKey(field, row);
        if (key < 0) {
            ids[i] = idOfText(rows.text(field, row));
        } else if (key < flatLimit) {
            const auto k = static_cast<std::size_t>(key);
            if (k >= byFlatKey.size())
                byFlatKey.resize(std::min<std::size_t>(std::max(k + 1, byFlatKey.size() * 2),
                                                       static_cast<std::size_t>(flatLimit)),
                                 0);
            if (byFlatKey[k] == 0)
                byFlatKey[k] = idOfText(rows.text(field, row)) + 1;
            ids[i] = byFlatKey[k] - 1;
        } else {
            const auto it = byKey.find(key);
            if (it != byKey.end()) {
                ids[i] = it->second;
            } else {
                const std::uint32_t id = idOfText(rows.text(field, row));
                byKey.emplace(key, id);
                ids[i] = id;
            }
        }
    }

    // byText already merged texts equal after folding, so ranks are just sorted positions.
    std::vector<std::uint32_t> byRank(distinct.size());
    std::iota(byRank.begin(), byRank.end(), 0u);
    std::sort(byRank.begin(), byRank.end(), [&](std::uint32_t a, std::uint32_t b) {
        return distinct[a] < distinct[b];
    });
    std::vector<std::uint64_t> rankOf(distinct.size());
    for (std::size_t r = 0; r < byRank.size(); ++r)
        rankOf[byRank[r]] = descending ? ~std::uint64_t(r) : std::uint64_t(r);

    std::vector<std::uint64_t> out(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        out[i] = rankOf[ids[i]];
    return out;
}

// Stable LSD radix sort of `positions` by key[position]. Keys whose spread (max − min)
// fits 32 bits (ordinals, text ranks, integer-valued fields: nearly every column) are
// packed with their position into one 64-bit word and sorted 11 bits a pass, only over
// the bits that vary; wider keys (doubles) take 8-bit passes over (key, position) pairs.
// Either way a digit that is the same for every entry is skipped.
struct SortScratch
{
    std::vector<std::uint64_t> packed, packedSpare;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs, pairsSpare;
};

// The passes of one LSD radix sort over `items` (scratch `spare` of the same size):
// `digit(item, pass)` is the pass's bucket, below `Buckets`; `counts` were filled by the
// caller while building the items.
template<std::size_t Buckets, typename Item, typename Digit>
void radixPasses(std::vector<Item> &items,
                 std::vector<Item> &spare,
                 std::vector<std::array<std::uint32_t, Buckets>> &counts,
                 const Digit &digit)
{
    const auto n = std::uint32_t(items.size());
    for (std::size_t pass = 0; pass < counts.size(); ++pass) {
        std::array<std::uint32_t, Buckets> &count = counts[pass];
        if (std::find(count.begin(), count.end(), n) != count.end())
            continue; // one bucket holds everything: this digit orders nothing
        std::uint32_t offset = 0;
        for (std::uint32_t &c : count) {
            const std::uint32_t here = c;
            c = offset;
            offset += here;
        }
        for (const Item &item : items)
            spare[count[digit(item, pass)]++] = item;
        items.swap(spare);
    }
}

void radixSortPacked(std::vector<std::uint32_t> &positions,
                     const std::vector<std::uint64_t> &key,
                     std::uint64_t minKey,
                     int width,
                     SortScratch &scratch)
{
    constexpr int kDigitBits = 11;
    constexpr std::size_t kBuckets = std::size_t(1) << kDigitBits;
    const std::size_t n = positions.size();
    std::vector<std::uint64_t> &items = scratch.packed;
    items.resize(n);
    scratch.packedSpare.resize(n);
    const auto passes = std::size_t((width + kDigitBits - 1) / kDigitBits);
    std::vector<std::array<std::uint32_t, kBuckets>> counts(passes);
    for (auto &c : counts)
        c.fill(0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = key[positions[i]] - minKey;
        items[i] = (k << 32) | positions[i];
        for (std::size_t p = 0; p < passes; ++p)
            ++counts[p][(k >> (kDigitBits * p)) & (kBuckets - 1)];
    }
    radixPasses<kBuckets>(
        items, scratch.packedSpare, counts, [](std::uint64_t item, std::size_t p) {
            return (item >> (32 + kDigitBits * p)) & (kBuckets - 1);
        });
    for (std::size_t i = 0; i < n; ++i)
        positions[i] = std::uint32_t(items[i]);
}

void radixSortWide(std::vector<std::uint32_t> &positions,
                   const std::vector<std::uint64_t> &key,
                   SortScratch &scratch)
{
    const std::size_t n = positions.size();
    auto &items = scratch.pairs;
    items.resize(n);
    scratch.pairsSpare.resize(n);
    std::vector<std::array<std::uint32_t, 256>> counts(8);
    for (auto &c : counts)
        c.fill(0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = key[positions[i]];
        items[i] = {k, positions[i]};
        for (std::size_t b = 0; b < 8; ++b)
            ++counts[b][(k >> (8 * b)) & 0xFF];
    }
    radixPasses<256>(items, scratch.pairsSpare, counts, [](const auto &item, std::size_t b) {
        return (item.first >> (8 * b)) & 0xFF;
    });
    for (std::size_t i = 0; i < n; ++i)
        positions[i] = items[i].second;
}

void radixSortBy(std::vector<std::uint32_t> &positions,
                 const std::vector<std::uint64_t> &key,
                 SortScratch &scratch)
{
    if (positions.size() >= std::numeric_limits<std::uint32_t>::max())
        return; // row indices are 32-bit: no table this large exists
    const auto [lo, hi] = std::minmax_element(key.begin(), key.end());
    if (lo == key.end() || *lo == *hi)
        return; // nothing to order
    const std::uint64_t spread = *hi - *lo;
    if (spread > std::numeric_limits<std::uint32_t>::max())
        return radixSortWide(positions, key, scratch);
    radixSortPacked(positions, key, *lo, std::bit_width(spread), scratch);
}
} // namespace

bool naturallyDescending(Field field)
{
    return field != Field::Rank && fieldInfo(field).type != FieldType::Text;
}

Result<std::vector<SortKey>> parseSort(std::string_view text)
{
    return SortParser(text).run();
}

std::vector<std::uint32_t>
sortRows(const RowSource &rows, std::vector<std::uint32_t> order, std::span<const SortKey> keys)
{
    if (keys.empty() || order.size() < 2)
        return order;
    const std::size_t n = order.size();

    std::vector<std::vector<std::uint64_t>> columns;
    columns.reserve(keys.size());
    for (const SortKey &key : keys) {
        if (fieldInfo(key.field).type == FieldType::Text) {
            columns.push_back(textKeys(rows, order, key.field, key.descending));
            continue;
        }
        std::vector<std::uint64_t> column(n);
        // When most rows take part, the keys are computed in row order (the sources' data
        // is laid out by row: sequential reads) and then gathered; otherwise per position.
        const std::size_t total = rows.rowCount();
        const bool byRow = n * 2 >= total;
        std::vector<std::uint32_t> allRows;
        if (byRow) {
            allRows.resize(total);
            std::iota(allRows.begin(), allRows.end(), 0u);
        }
        std::span<const std::uint32_t> which =
            byRow ? std::span<const std::uint32_t>(allRows) : std::span<const std::uint32_t>(order);
        std::vector<std::uint64_t> computed(which.size());
        if (rows.ordinalKeys(key.field, which, computed)) {
            if (key.descending)
                for (std::uint64_t &k : computed)
                    k = ~k;
        } else {
            for (std::size_t i = 0; i < which.size(); ++i)
                computed[i] = numberKey(rows.number(key.field, which[i]), key.descending);
        }
        if (byRow) {
            for (std::size_t i = 0; i < n; ++i)
                column[i] = computed[order[i]];
        } else {
            column = std::move(computed);
        }
        columns.push_back(std::move(column));
    }

    // Least significant key first; each pass is stable, so earlier keys win and full ties
    // keep the incoming order.
    std::vector<std::uint32_t> positions(n);
    std::iota(positions.begin(), positions.end(), 0u);
    SortScratch scratch;
    for (auto column = columns.rbegin(); column != columns.rend(); ++column)
        radixSortBy(positions, *column, scratch);

    std::vector<std::uint32_t> sorted(n);
    for (std::size_t i = 0; i < n; ++i)
        sorted[i] = order[positions[i]];
    return sorted;
}

std::vector<std::uint32_t> sortByKey(std::vector<std::uint32_t> order,
                                     std::span<const std::uint64_t> keyOfRow,
                                     bool descending)
{
    const std::size_t n = order.size();
    if (n < 2)
        return order;
    std::vector<std::uint64_t> column(n);
    for (std::size_t i = 0; i < n; ++i)
        column[i] = descending ? ~keyOfRow[order[i]] : keyOfRow[order[i]];
    std::vector<std::uint32_t> positions(n);
    std::iota(positions.begin(), positions.end(), 0u);
    SortScratch scratch;
    radixSortBy(positions, column, scratch);
    std::vector<std::uint32_t> sorted(n);
    for (std::size_t i = 0; i < n; ++i)
        sorted[i] = order[positions[i]];
    return sorted;
}

} // namespace patchwise::risk
