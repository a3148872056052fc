// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine.h"
#include "fields.h"

#include <map>
#include <string>
#include <vector>

namespace patchwise::risk {

// The scored findings as rows for the filter language and sorting: row i is finding i of
// the fact table. Thread-safe for reading.
class ScoredRows final : public RowSource
{
public:
    explicit ScoredRows(const Scoring &scoring);

    std::size_t rowCount() const override { return m_scoring.size(); }
    double number(Field field, std::size_t row) const override;
    std::string_view text(Field field, std::size_t row) const override;
    std::int64_t textKey(Field field, std::size_t row) const override;
    bool ordinalKeys(Field field,
                     std::span<const std::uint32_t> rows,
                     std::span<std::uint64_t> out) const override;

    // Base-image attribution per finding (layers::baseAttribution()): 1 in a base layer,
    // 0 not, -1 unknown; and whether a base update fixes it. Without it, `inbase` and
    // `basefix` are false for every row.
    void setBaseAttribution(std::vector<std::int8_t> inBase, std::vector<std::uint8_t> baseFix);

private:
    const Scoring &m_scoring;
    std::vector<std::int8_t> m_inBase;
    std::vector<std::uint8_t> m_baseFix;
    std::vector<std::string> m_namespaces; // per image, space separated
};

// Everything `patchwise-cli findings` prints about a finding's risk.
struct FindingRisk
{
    std::string effectiveSeverity;
    std::string severitySource;
    CvssChoice cvss;
    std::string cvssSource;
    float riskScore = 0;
    Breakdown factors{};
    std::uint32_t rank = 0; // 0 = not ranked (resolved, suppressed or decided away)
    std::string decision;
    std::string triageState = "new"; // the analyst's (model::triageStateName)
    bool triageExpired = false;      // an accepted risk past its expiry: open again
    bool fixable = false;
    bool ransomware = false;
    std::vector<std::string> namespaces; // where the image runs
    bool internetExposed = false;
    std::vector<std::string> exposureReasons;
    bool privileged = false;
    Tri runsAsRoot = Tri::Unknown;
    Tri shell = Tri::Unknown;
    double exposureDays = 0;
    std::int64_t slaDue = 0;
    bool slaBreached = false;
    // Set by callers that ran base-image detection (layers::baseAttribution): 1/0, -1 unknown.
    std::int8_t inBaseImage = 0;
    bool baseImageFix = false;
};
FindingRisk findingRisk(const Scoring &scoring, std::size_t finding);

} // namespace patchwise::risk
