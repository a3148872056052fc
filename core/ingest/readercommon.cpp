// SPDX-License-Identifier: GPL-3.0-or-later
#include "readers.h"
#include "util/timestamp.h"

#include <algorithm>
#include <cmath>

namespace patchwise::ingest {

std::string cvssVersionOf(std::string_view vector)
{
    if (vector.starts_with("CVSS:") && vector.size() >= 8)
        return std::string(vector.substr(5, 3));
    return "2.0";
}

std::int16_t tenthsOf(double score)
{
    if (!(score >= 0))
        return -1;
    return static_cast<std::int16_t>(std::clamp(std::lround(score * 10), 0L, 100L));
}

std::vector<std::string> splitList(std::string_view text, char separator)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find(separator, pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view item = text.substr(pos, end - pos);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
            item.remove_suffix(1);
        if (!item.empty())
            addUnique(out, item);
        pos = end + 1;
    }
    return out;
}

std::string purlType(std::string_view purl)
{
    if (!purl.starts_with("pkg:"))
        return {};
    purl.remove_prefix(4);
    const std::size_t slash = purl.find('/');
    return std::string(purl.substr(0, slash));
}

void addUnique(std::vector<std::string> &list, std::string_view value)
{
    if (value.empty())
        return;
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.emplace_back(value);
}

std::int64_t timestampOf(std::string_view text)
{
    if (text.empty())
        return 0;
    return parseTimestamp(text).value_or(0);
}

void readOciConfig(const JsonNode &config,
                   model::Image &image,
                   std::vector<std::string> &historyLines)
{
    image.architecture = std::string(config.str("architecture"));
    if (image.created == 0)
        image.created = timestampOf(config.str("created"));
    // The n-th history entry that is not an empty layer created the n-th layer.
    image.history.clear();
    config.forEach("history", [&](const JsonNode &h) {
        const bool empty = h.boolean("empty_layer");
        if (!empty)
            historyLines.emplace_back(h.str("created_by"));
        image.history.push_back(
            {timestampOf(h.str("created")), std::string(h.str("created_by")), empty});
    });
    if (const auto c = config.get("config")) {
        image.user = std::string(c->str("User"));
        c->forEachMember("ExposedPorts", [&](std::string_view port, const JsonNode &) {
            addUnique(image.exposedPorts, port);
        });
        c->forEachMember("Labels", [&](std::string_view key, const JsonNode &value) {
            image.labels.emplace_back(std::string(key), value.asText());
        });
    }
}

} // namespace patchwise::ingest
