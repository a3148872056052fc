// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "facts.h"
#include "policy.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

// The risk engine: scores every finding of a fact table under a policy. A pure function of
// (facts, policy) with no database access, parallel over findings, fast enough to run on
// every what-if edit (see tests/bench/bench_risk.cpp). The formula is documented in
// docs/risk.md; the numbers here are the reference.
namespace patchwise::risk {

// CISA SSVC (deployer tree) decision.
enum class Decision : std::uint8_t
{
    Track,
    TrackStar,
    Attend,
    Act,
};
std::string_view decisionName(Decision decision); // "Track", "Track*", "Attend", "Act"

enum class Exploitation : std::uint8_t
{
    None,
    ProofOfConcept,
    Active,
};

// The CVSS record a finding is scored with.
struct CvssChoice
{
    int record = -1; // index into VulnFacts::cvss; -1 when none
    std::uint16_t source = 0;
    cvss::Version version = cvss::Version::V3_1;
    std::int16_t baseTenths = -1;
    // The scored vector's environmental score as the specification defines it (v4.0: the
    // score of the whole vector).
    std::int16_t environmentalTenths = -1;
    // What the severity factor uses: the most specific score the scored vector defines
    // (the base score when no environmental or temporal metric is set).
    std::int16_t scoredTenths = -1;
    std::string vector; // the scored vector, overrides included
};

// Contributions of each factor (points, 0 … weight); they add up to the risk score.
using Breakdown = std::array<float, FactorCount>;

struct ImageSummary
{
    std::uint32_t image = 0; // Facts::images index
    char grade = 'A';        // Container Health Index style, A–F
    // The moment the oldest unapplied fix reaches the grade's age limit; the grade drops right
    // after it unless the image is rebuilt. 0 = never (grade A or F).
    std::int64_t nextGradeDrop = 0;
    std::array<int, 6> bySeverity{}; // open findings by effective model::Severity
    int openFindings = 0;
    double riskSum = 0;
    std::int64_t oldestCriticalFix = 0; // when the oldest unapplied Critical fix appeared; 0 none
    std::int64_t oldestHighFix = 0;
};

struct SeverityMatrix
{
    std::string vendor;
    std::vector<std::string> vendors; // sources with ratings, NVD excluded, sorted
    // [row][column], rows = NVD CVSS severity, columns = the vendor's rating, both in the
    // order critical, high, medium, low, unknown (negligible counts as low).
    std::array<std::array<int, 5>, 5> distinctVulnerabilities{};
    std::array<std::array<int, 5>, 5> findings{};
};

class Scoring
{
public:
    // Scores every finding. `threads` 0 = one per core.
    static Scoring compute(const Facts &facts, const Policy &policy, unsigned threads = 0);

    const Facts &facts() const { return *m_facts; }
    const Policy &policy() const { return m_policy; }
    std::size_t size() const { return m_risk.size(); }

    float risk(std::size_t finding) const { return m_risk[finding]; }
    std::span<const float> risks() const { return m_risk; }
    Breakdown breakdown(std::size_t finding) const;

    model::Severity severity(std::size_t finding) const;
    // Where the effective severity came from: a source name, or "cvss" when no source rated
    // the vulnerability and the CVSS score's band was used; "" when nothing is known.
    std::string_view severitySource(std::size_t finding) const;
    CvssChoice cvss(std::size_t finding) const;
    // The CVSS score (tenths) the finding is scored with (CvssChoice::scoredTenths); -1
    // when it has none.
    std::int16_t cvssTenths(std::size_t finding) const { return m_envTenths[finding]; }
    Exploitation exploitation(std::size_t finding) const;
    bool automatable(std::size_t finding) const;
    bool totalTechnicalImpact(std::size_t finding) const;
    Decision decision(std::size_t finding) const;
    double exposureDays(std::size_t finding) const;
    std::int64_t slaDue(std::size_t finding) const; // 0 when the finding has no first-seen date
    bool slaBreached(std::size_t finding) const;
    bool isOpen(std::size_t finding) const; // neither resolved nor suppressed

    // Findings in the order to fix them: open ones first, then by risk (highest first),
    // effective severity, EPSS, and the workspace id. rank(f) is 1-based.
    const std::vector<std::uint32_t> &ranking() const { return m_ranking; }
    std::uint32_t rank(std::size_t finding) const { return m_rank[finding] + 1; }

    // Rescores every finding of the same facts under another policy, reusing this object's
    // buffers (the what-if path); call rerank() afterwards for ranking() and rank().
    void rescore(const Policy &policy, unsigned threads = 0);
    // Recomputes ranking() and rank() from the current scores.
    void rerank(unsigned threads = 0);

    std::vector<ImageSummary> images() const;
    SeverityMatrix matrix(std::string_view vendor) const;
    // The vendor that rates the most open findings (the matrix's natural default); "" when
    // no vendor rates any.
    std::string busiestVendor() const;
    // The open findings counted in findings[row][column] of matrix(vendor), workspace order.
    std::vector<std::uint32_t> matrixFindings(std::string_view vendor, int row, int column) const;
    // Per finding, its matrix(vendor) cell as row * 5 + column; -1 when not open.
    std::vector<std::int8_t> matrixCells(std::string_view vendor) const;

private:
    struct ContextChoice
    {
        model::Severity severity = model::Severity::Unknown;
        std::uint16_t severitySource = 0; // 0 = none, kCvssSource = the CVSS band
        std::int32_t cvss = -1;           // VulnFacts::cvss index
        std::uint8_t attackVector = 4;    // 0 N, 1 A, 2 L, 3 P, 4 unknown
        bool automatable = false;
        bool totalImpact = false;
        bool hostReach = true; // scope change / high C+I impact, or unknown
    };

    const Facts *m_facts = nullptr;
    Policy m_policy;
    std::vector<ContextChoice> m_contexts;
    std::vector<std::uint16_t> m_imageProfileSet;
    std::vector<std::vector<std::string>> m_profiles; // metric/value pairs as "MAV:A"
    std::vector<std::vector<std::uint16_t>> m_profileSets;
    std::vector<float> m_risk;
    std::vector<std::int16_t> m_envTenths;
    std::vector<std::uint32_t> m_ranking;
    std::vector<std::uint32_t> m_rank;
    std::vector<std::uint64_t> m_keys, m_keyBuffer; // rerank() scratch, kept for reuse

    struct ContextPoints
    {
        std::int32_t knownExploited = 0;
        std::int32_t epss = 0;
        std::uint8_t attackVector = 4;
        bool hostReach = true;
    };
    struct ImagePoints
    {
        std::array<std::int32_t, 5> internetExposure{}; // by attack vector
        std::array<std::int32_t, 5> reachability{};
        std::array<std::int32_t, 2> privilege{}; // [host reach]
        std::int32_t runningPoints = 0;
        std::int32_t prevalence = 0;
        std::int64_t runningSince = 0;
        bool running = false;
    };
    std::size_t m_sets = 1;
    std::vector<std::int16_t> m_envTable;      // [context * m_sets + profile set], -2 unset
    std::vector<std::int32_t> m_severityTable; // severity points, same index
    std::vector<ContextPoints> m_contextPoints;
    std::vector<ImagePoints> m_imagePoints;

    void pointsOf(std::size_t finding, std::array<std::int32_t, FactorCount> &out) const;
    // Days a running container of the image has carried the finding (0 when not running,
    // resolved or suppressed).
    double daysExposed(bool running, std::int64_t runningSince, std::size_t finding) const;
    ContextChoice choose(const RatingContext &context) const;
};

// The grade of an image from the ages of its oldest unapplied Critical and High fixes
// (0 = none) at `now`, and when that grade drops next (0 = never).
std::pair<char, std::int64_t>
healthGrade(std::int64_t oldestCriticalFix, std::int64_t oldestHighFix, std::int64_t now);

} // namespace patchwise::risk
