// SPDX-License-Identifier: GPL-3.0-or-later
// Threat feeds: CISA KEV JSON and FIRST EPSS CSV (formats.md §13).

#include "readers.h"

#include <cstdlib>

namespace patchwise::ingest {

void readKev(const JsonNode &root, FileRead &out)
{
    out.kevCatalogVersion = std::string(root.str("catalogVersion"));
    // The header's count is not trusted (excerpts keep the full catalogue's count).
    root.child("vulnerabilities").forEachElement([&](const JsonNode &v) {
        model::KevEntry e;
        e.cve = std::string(v.child("cveID").asString());
        auto trimmed = [](std::string_view s) {
            while (!s.empty() && s.back() == ' ')
                s.remove_suffix(1);
            return std::string(s);
        };
        e.vendorProject = trimmed(v.str("vendorProject"));
        e.product = trimmed(v.str("product"));
        e.name = std::string(v.str("vulnerabilityName"));
        e.dateAdded = timestampOf(v.str("dateAdded"));
        e.dueDate = timestampOf(v.str("dueDate"));
        e.ransomware = v.str("knownRansomwareCampaignUse") == "Known";
        e.requiredAction = std::string(v.str("requiredAction"));
        out.kev.push_back(std::move(e));
    });
}

namespace {

[[noreturn]] void failAt(std::size_t line, const std::string &message)
{
    throw ShapeError("line " + std::to_string(line), message);
}

bool parseUnitInterval(std::string_view text, double &out)
{
    const std::string s(text);
    char *end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end && *end == '\0' && out >= 0 && out <= 1;
}

} // namespace

void readEpssCsv(std::string_view content, FileRead &out)
{
    std::size_t pos = 0;
    std::size_t lineNo = 0;
    bool headerSeen = false;
    while (pos < content.size()) {
        std::size_t end = content.find('\n', pos);
        if (end == std::string_view::npos)
            end = content.size();
        std::string_view line = content.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        if (line.front() == '#') {
            // "#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000"
            std::size_t p = 1;
            while (p < line.size()) {
                std::size_t comma = line.find(',', p);
                if (comma == std::string_view::npos)
                    comma = line.size();
                const std::string_view item = line.substr(p, comma - p);
                const std::size_t colon = item.find(':');
                if (colon != std::string_view::npos) {
                    const std::string_view k = item.substr(0, colon), v = item.substr(colon + 1);
                    if (k == "model_version")
                        out.epssModelVersion = std::string(v);
                    else if (k == "score_date")
                        out.epssScoreDate = timestampOf(v);
                }
                p = comma + 1;
            }
            continue;
        }
        if (!headerSeen) {
            if (!line.starts_with("cve,epss,percentile"))
                failAt(lineNo, "expected the header \"cve,epss,percentile\"");
            headerSeen = true;
            continue;
        }
        const std::size_t c1 = line.find(',');
        const std::size_t c2 = c1 == std::string_view::npos ? c1 : line.find(',', c1 + 1);
        if (c2 == std::string_view::npos)
            failAt(lineNo, "expected three columns: cve,epss,percentile");
        model::EpssEntry e;
        e.cve = std::string(line.substr(0, c1));
        if (!e.cve.starts_with("CVE-"))
            failAt(lineNo, "expected a CVE id in the first column");
        if (!parseUnitInterval(line.substr(c1 + 1, c2 - c1 - 1), e.probability))
            failAt(lineNo, "epss is not a probability between 0 and 1");
        std::string_view pct = line.substr(c2 + 1);
        if (const std::size_t extra = pct.find(','); extra != std::string_view::npos)
            pct = pct.substr(0, extra);
        if (!parseUnitInterval(pct, e.percentile))
            failAt(lineNo, "percentile is not a number between 0 and 1");
        out.epss.push_back(std::move(e));
    }
    if (!headerSeen)
        failAt(lineNo, "no \"cve,epss,percentile\" header found");
}

} // namespace patchwise::ingest
